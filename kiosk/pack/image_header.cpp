#include "pack/image_header.h"

#include <algorithm>
#include <cstring>

namespace kiosk {
namespace {

const uint8_t kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

uint32_t read_be32(const uint8_t* p) {
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}

int read_be16(const uint8_t* p) { return p[0] << 8 | p[1]; }

// Bit depths the PNG specification allows for each colour type.
bool valid_png_depth(int colour_type, int depth) {
    switch (colour_type) {
        case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
        case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
        case 2:
        case 4:
        case 6: return depth == 8 || depth == 16;
        default: return false;
    }
}

// Every chunk must fit in the file. stb_image grows its buffer to what an IDAT
// chunk's length claims before reading it, so a 100-byte file claiming a 1 GiB
// chunk costs gigabytes (found by fuzzing). Returns the problem, or "".
std::string check_png_chunks(const uint8_t* data, size_t size) {
    for (size_t pos = 8; pos < size;) {
        if (pos + 8 > size) return "PNG is cut short at byte " + std::to_string(pos);
        const uint32_t length = read_be32(data + pos);
        const std::string type(reinterpret_cast<const char*>(data + pos + 4), 4);
        const size_t remaining = size - pos - 8;
        if (length > 0x7FFFFFFF || size_t(length) + 4 > remaining)
            return "PNG chunk '" + type + "' at byte " + std::to_string(pos) + " claims " + std::to_string(length) +
                   " bytes, more than the file holds";
        if (type == "IEND") return "";
        pos += 12 + size_t(length);
    }
    return "";
}

ImageHeader read_png(const uint8_t* data, size_t size) {
    ImageHeader header;
    header.format = ImageHeader::Format::Png;
    // Signature, IHDR length and type, then 13 bytes of IHDR data.
    constexpr size_t kNeeded = 8 + 8 + 13;
    if (size < kNeeded) {
        header.problem = "PNG header is truncated";
        return header;
    }
    const uint8_t* ihdr = data + 8;
    if (read_be32(ihdr) != 13 || std::memcmp(ihdr + 4, "IHDR", 4) != 0) {
        header.problem = "PNG does not start with an IHDR chunk";
        return header;
    }
    const uint32_t width = read_be32(ihdr + 8);
    const uint32_t height = read_be32(ihdr + 12);
    // The PNG specification caps each side at 2^31 - 1 so it fits an int.
    if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF) {
        header.problem = "PNG size " + std::to_string(width) + "x" + std::to_string(height) + " is invalid";
        return header;
    }
    if (!valid_png_depth(ihdr[17], ihdr[16])) {
        header.problem = "PNG colour type " + std::to_string(ihdr[17]) + " with bit depth " + std::to_string(ihdr[16]) +
                         " is invalid";
        return header;
    }
    header.width = static_cast<int>(width);
    header.height = static_cast<int>(height);
    header.problem = check_png_chunks(data, size);
    return header;
}

// SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the
// range but are not frame headers.
bool is_start_of_frame(uint8_t marker) {
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers with no length field after them: TEM and RST0..RST7.
bool is_standalone(uint8_t marker) { return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7); }

// A Huffman table (DHT) lists at most 256 symbols. Debian's stb_image
// (2.27, stb issues #1289/#1291) trusts the counts and writes past its tables
// when they add up to more, so every table in the file is checked before it
// decodes: after the frame header too, and between the scans of a progressive
// JPEG. A scan must also use only tables the file has defined: stb_image
// decodes with an empty table otherwise and reads far outside it (also found by
// fuzzing). Returns the problem, or "" when every table is sound.
std::string check_huffman_tables(const uint8_t* data, size_t size) {
    bool defined[2][4] = {};  // [DC, AC][table id]
    bool progressive = false;
    size_t pos = 2;
    while (pos + 4 <= size) {
        if (data[pos] != 0xFF) return "";  // the header reader reports malformed structure
        while (pos < size && data[pos] == 0xFF) ++pos;
        if (pos >= size) return "";
        const uint8_t marker = data[pos++];
        if (marker == 0xD9) return "";
        if (is_standalone(marker)) continue;
        if (pos + 2 > size) return "";
        const size_t length = static_cast<size_t>(read_be16(data + pos));
        if (length < 2) return "";
        // As stb_image reads segments: bytes past the end of a truncated file read as zero.
        const auto at = [&](size_t i) -> int { return i < size ? data[i] : 0; };
        if (marker == 0xC2) progressive = true;
        if (marker == 0xC4) {
            // Tables until the segment's length is used up.
            for (size_t t = pos + 2; t < pos + length;) {
                int symbols = 0;
                for (int i = 1; i <= 16; ++i) symbols += at(t + size_t(i));
                if (symbols > 256)
                    return "JPEG Huffman table lists " + std::to_string(symbols) + " codes (at most 256)";
                const int table_class = at(t) >> 4, id = at(t) & 15;
                if (table_class <= 1 && id <= 3) defined[table_class][id] = true;
                t += 17 + size_t(symbols);
            }
        }
        if (marker == 0xDA) {
            // Components, then the spectral start: a sequential scan decodes with
            // both tables, a progressive one with the DC table (start 0) or the AC one.
            const int components = at(pos + 2);
            const int spectral_start = at(pos + 3 + 2 * size_t(components));
            for (int c = 0; c < components; ++c) {
                const int tables = at(pos + 4 + 2 * size_t(c));
                const int dc = tables >> 4, ac = tables & 15;
                const bool needs_dc = !progressive || spectral_start == 0;
                const bool needs_ac = !progressive || spectral_start > 0;
                if ((needs_dc && dc <= 3 && !defined[0][dc]) || (needs_ac && ac <= 3 && !defined[1][ac]))
                    return "JPEG scan uses a Huffman table the file does not define";
            }
        }
        pos += length;
        if (marker == 0xDA) {
            // Entropy-coded data up to the next marker, read as stb_image reads it:
            // 0xFF, any number of 0xFF fill bytes, then 0x00 is a stuffed data byte
            // and 0xD0-0xD7 a restart; anything else is the next marker.
            while (pos < size) {
                if (data[pos] != 0xFF) {
                    ++pos;
                    continue;
                }
                size_t next = pos + 1;
                while (next < size && data[next] == 0xFF) ++next;
                if (next >= size) return "";
                if (data[next] == 0x00 || (data[next] >= 0xD0 && data[next] <= 0xD7)) {
                    pos = next + 1;
                    continue;
                }
                pos = next - 1;  // the marker's own 0xFF
                break;
            }
        }
    }
    return "";
}

ImageHeader read_jpeg(const uint8_t* data, size_t size) {
    ImageHeader header;
    header.format = ImageHeader::Format::Jpeg;
    size_t pos = 2;  // after SOI
    while (pos < size) {
        if (data[pos] != 0xFF) {
            header.problem = "JPEG has data where a marker should be";
            return header;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while (pos < size && data[pos] == 0xFF) ++pos;
        if (pos >= size) break;
        const uint8_t marker = data[pos++];
        if (is_standalone(marker)) continue;
        if (marker == 0x00 || marker == 0xD8 || marker == 0xD9 || marker == 0xDA) {
            header.problem = "JPEG has no frame header before its image data";
            return header;
        }
        if (pos + 2 > size) break;
        const size_t length = static_cast<size_t>(read_be16(data + pos));
        if (length < 2) {
            header.problem = "JPEG segment length is invalid";
            return header;
        }
        if (is_start_of_frame(marker)) {
            // Length, precision, height, width.
            if (length < 8) {
                header.problem = "JPEG frame header is too short";
                return header;
            }
            if (pos + 7 > size) break;
            const int height = read_be16(data + pos + 3);
            const int width = read_be16(data + pos + 5);
            if (width == 0 || height == 0) {
                // Height 0 means "given later by a DNL marker", which stb_image
                // does not support either.
                header.problem = "JPEG size " + std::to_string(width) + "x" + std::to_string(height) + " is invalid";
                return header;
            }
            header.width = width;
            header.height = height;
            header.problem = check_huffman_tables(data, size);
            return header;
        }
        pos += length;
    }
    header.problem = "JPEG header is truncated";
    return header;
}

}  // namespace

ImageHeader read_image_header(const uint8_t* data, size_t size) {
    if (size >= sizeof kPngSignature && std::memcmp(data, kPngSignature, sizeof kPngSignature) == 0)
        return read_png(data, size);
    if (size >= 2 && data[0] == 0xFF && data[1] == 0xD8) return read_jpeg(data, size);
    return ImageHeader{};
}

bool within_image_limits(const ImageHeader& header) {
    return header.width <= kMaxImageSide && header.height <= kMaxImageSide &&
           int64_t{header.width} * header.height <= kMaxImagePixels;
}

}  // namespace kiosk
