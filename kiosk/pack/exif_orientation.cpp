#include "pack/exif_orientation.h"

#include <cstring>

namespace kiosk {

namespace {

uint16_t read16(const uint8_t* p, bool little) {
    return little ? uint16_t(p[0] | p[1] << 8) : uint16_t(p[0] << 8 | p[1]);
}
uint32_t read32(const uint8_t* p, bool little) {
    return little ? uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24
                  : uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | uint32_t(p[3]);
}

// The orientation tag (0x0112) in the TIFF structure of an Exif segment.
int orientation_in_tiff(const uint8_t* tiff, size_t size) {
    if (size < 8) return 1;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M')) return 1;
    if (read16(tiff + 2, little) != 42) return 1;
    const uint32_t ifd = read32(tiff + 4, little);
    if (ifd > size - 2) return 1;
    const uint16_t entries = read16(tiff + ifd, little);
    for (uint32_t i = 0; i < entries; ++i) {
        const size_t at = size_t(ifd) + 2 + size_t(i) * 12;
        if (at + 12 > size) return 1;
        if (read16(tiff + at, little) != 0x0112) continue;
        const uint16_t value = read16(tiff + at + 8, little);
        return value >= 1 && value <= 8 ? value : 1;
    }
    return 1;
}

}  // namespace

int exif_orientation(const uint8_t* data, size_t size) {
    if (size < 4 || data[0] != 0xFF || data[1] != 0xD8) return 1;
    size_t at = 2;
    // Walk the segments before the image data; Exif lives in an APP1 near the start.
    while (at + 4 <= size && data[at] == 0xFF) {
        const uint8_t marker = data[at + 1];
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            at += 2;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) break;  // image data or end: no Exif before it
        const size_t length = size_t(data[at + 2]) << 8 | data[at + 3];
        if (length < 2 || at + 2 + length > size) break;
        const uint8_t* body = data + at + 4;
        const size_t body_size = length - 2;
        if (marker == 0xE1 && body_size > 6 && std::memcmp(body, "Exif\0\0", 6) == 0)
            return orientation_in_tiff(body + 6, body_size - 6);
        at += 2 + length;
    }
    return 1;
}

void apply_orientation(std::vector<uint8_t>& rgba, int& width, int& height, int orientation) {
    if (orientation <= 1 || orientation > 8) return;
    const int w = width, h = height;
    const bool swap = orientation >= 5;
    const int out_w = swap ? h : w, out_h = swap ? w : h;
    std::vector<uint8_t> out(rgba.size());
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            // Where stored pixel (x, y) belongs in the upright picture.
            int ox = x, oy = y;
            switch (orientation) {
                case 2: ox = w - 1 - x; break;  // mirrored
                case 3:
                    ox = w - 1 - x;
                    oy = h - 1 - y;
                    break;                      // upside down
                case 4: oy = h - 1 - y; break;  // mirrored, upside down
                case 5:
                    ox = y;
                    oy = x;
                    break;  // transposed
                case 6:
                    ox = h - 1 - y;
                    oy = x;
                    break;  // turned a quarter clockwise
                case 7:
                    ox = h - 1 - y;
                    oy = w - 1 - x;
                    break;  // transverse
                case 8:
                    ox = y;
                    oy = w - 1 - x;
                    break;  // turned a quarter anticlockwise
            }
            std::memcpy(&out[(size_t(oy) * size_t(out_w) + size_t(ox)) * 4],
                        &rgba[(size_t(y) * size_t(w) + size_t(x)) * 4], 4);
        }
    }
    rgba.swap(out);
    width = out_w;
    height = out_h;
}

}  // namespace kiosk
