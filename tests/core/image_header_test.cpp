#include "pack/image_header.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <stb_image_write.h>
#include <string>
#include <vector>

using kiosk::ImageHeader;
using Bytes = std::vector<uint8_t>;

namespace {

void append(void* context, void* data, int size) {
    auto* out = static_cast<Bytes*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

Bytes encode_png(int width, int height) {
    const std::vector<uint8_t> rgb(size_t(width) * height * 3, 90);
    Bytes out;
    REQUIRE(stbi_write_png_to_func(append, &out, width, height, 3, rgb.data(), width * 3));
    return out;
}

Bytes encode_jpeg(int width, int height) {
    const std::vector<uint8_t> rgb(size_t(width) * height * 3, 90);
    Bytes out;
    REQUIRE(stbi_write_jpg_to_func(append, &out, width, height, 3, rgb.data(), 90));
    return out;
}

// A heap copy of exactly `size` bytes, so AddressSanitizer sees any read past it.
ImageHeader read_prefix(const Bytes& bytes, size_t size) {
    const Bytes prefix(bytes.begin(), bytes.begin() + static_cast<long>(size));
    return kiosk::read_image_header(prefix.data(), prefix.size());
}

ImageHeader read(const Bytes& bytes) { return read_prefix(bytes, bytes.size()); }

Bytes png_with_ihdr(uint32_t width, uint32_t height, uint8_t depth = 8, uint8_t colour_type = 2) {
    Bytes bytes = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (uint32_t v : {width, height}) {
        for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(uint8_t(v >> shift));
    }
    for (uint8_t b : {depth, colour_type, uint8_t(0), uint8_t(0), uint8_t(0)}) bytes.push_back(b);
    for (int i = 0; i < 4; ++i) bytes.push_back(0);  // CRC, not checked
    return bytes;
}

// SOF0 segment for a `width` x `height` frame with one component.
Bytes sof(uint8_t marker, int width, int height) {
    return {0xFF,           marker, 0x00, 0x0B, 0x08, uint8_t(height >> 8), uint8_t(height), uint8_t(width >> 8),
            uint8_t(width), 0x01,   0x01, 0x11, 0x00};
}

Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const Bytes& part : parts) out.insert(out.end(), part.begin(), part.end());
    return out;
}

const Bytes kSoi = {0xFF, 0xD8};
const Bytes kApp0 = {0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F'};

}  // namespace

TEST_CASE("a PNG's size comes from its IHDR chunk") {
    const ImageHeader header = read(encode_png(5, 7));
    CHECK(header.format == ImageHeader::Format::Png);
    CHECK(header.width == 5);
    CHECK(header.height == 7);
    CHECK(header.problem.empty());
}

TEST_CASE("a JPEG's size comes from its first frame header") {
    const ImageHeader header = read(encode_jpeg(13, 9));
    CHECK(header.format == ImageHeader::Format::Jpeg);
    CHECK(header.width == 13);
    CHECK(header.height == 9);
    CHECK(header.problem.empty());
}

TEST_CASE("a truncated PNG header is a problem, never an over-read") {
    const Bytes png = encode_png(5, 7);
    for (size_t size = 8; size < 29; ++size) {
        INFO("size " << size);
        const ImageHeader header = read_prefix(png, size);
        CHECK(header.format == ImageHeader::Format::Png);
        CHECK(header.problem == "PNG header is truncated");
        CHECK(header.width == 0);
    }
    CHECK(read_prefix(png, 29).width == 5);
}

TEST_CASE("a truncated JPEG header is a problem, never an over-read") {
    const Bytes jpeg = encode_jpeg(13, 9);
    size_t first_complete = 0;
    for (size_t size = 2; size <= jpeg.size(); ++size) {
        const ImageHeader header = read_prefix(jpeg, size);
        REQUIRE(header.format == ImageHeader::Format::Jpeg);
        if (header.problem.empty()) {
            first_complete = size;
            break;
        }
        INFO("size " << size);
        CHECK(header.problem == "JPEG header is truncated");
    }
    REQUIRE(first_complete > 0);
    // Every longer prefix reads the same size.
    for (size_t size = first_complete; size <= jpeg.size(); size += 37) {
        CHECK(read_prefix(jpeg, size).width == 13);
    }
}

TEST_CASE("JPEG markers before the frame are walked correctly") {
    SECTION("fill bytes, standalone markers and a table whose bytes look like a size") {
        // A sound Huffman table (4 codes of length 2) whose symbols look like a size.
        const Bytes dht = {0xFF, 0xC4, 0x00, 0x17, 0x00, 0, 4, 0, 0,    0,    0,    0,   0,
                           0,    0,    0,    0,    0,    0, 0, 0, 0x7F, 0xFF, 0x7F, 0xFF};
        const Bytes jpeg =
            concat({kSoi, {0xFF, 0xFF, 0xFF}, kApp0, {0xFF, 0xD0, 0xFF, 0x01}, dht, sof(0xC2, 300, 200)});
        const ImageHeader header = read(jpeg);
        CHECK(header.problem.empty());
        CHECK(header.width == 300);
        CHECK(header.height == 200);
    }
    SECTION("JPG and DAC markers are not frame headers either") {
        const Bytes jpg = {0xFF, 0xC8, 0x00, 0x09, 0x08, 0x7F, 0xFF, 0x7F, 0xFF, 0x01, 0x01};
        const Bytes dac = {0xFF, 0xCC, 0x00, 0x09, 0x08, 0x7F, 0xFF, 0x7F, 0xFF, 0x01, 0x01};
        const ImageHeader header = read(concat({kSoi, jpg, dac, sof(0xC0, 64, 48)}));
        CHECK(header.width == 64);
        CHECK(header.height == 48);
    }
    SECTION("every SOFn from C0 to CF gives the size") {
        for (uint8_t marker : {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}) {
            INFO("marker " << int(marker));
            CHECK(read(concat({kSoi, sof(marker, 17, 19)})).width == 17);
        }
    }
}

TEST_CASE("malformed JPEG headers are problems") {
    CHECK(read(concat({kSoi, {0xFF, 0xDA, 0x00, 0x02}})).problem == "JPEG has no frame header before its image data");
    CHECK(read(concat({kSoi, kApp0, {0xFF, 0xD9}})).problem == "JPEG has no frame header before its image data");
    CHECK(read(concat({kSoi, {0x12, 0x34}})).problem == "JPEG has data where a marker should be");
    CHECK(read(concat({kSoi, {0xFF, 0xE1, 0x00, 0x01}})).problem == "JPEG segment length is invalid");
    CHECK(read(concat({kSoi, {0xFF, 0xC0, 0x00, 0x05, 0x08, 0x00, 0x10}})).problem == "JPEG frame header is too short");
    // Height 0 defers the size to a DNL marker, which nothing here supports.
    CHECK(read(concat({kSoi, sof(0xC0, 100, 0)})).problem == "JPEG size 100x0 is invalid");
    // A segment length pointing past the end of the data.
    CHECK(read(concat({kSoi, {0xFF, 0xE0, 0xFF, 0xFF, 0x00}})).problem == "JPEG header is truncated");
}

TEST_CASE("malformed PNG headers are problems") {
    Bytes not_ihdr = png_with_ihdr(4, 4);
    not_ihdr[12] = 'X';
    CHECK(read(not_ihdr).problem == "PNG does not start with an IHDR chunk");
    CHECK(read(png_with_ihdr(0, 4)).problem == "PNG size 0x4 is invalid");
    CHECK(read(png_with_ihdr(0x80000000u, 4)).problem == "PNG size 2147483648x4 is invalid");
    CHECK(read(png_with_ihdr(4, 4, 7, 2)).problem == "PNG colour type 2 with bit depth 7 is invalid");
    CHECK(read(png_with_ihdr(4, 4, 8, 5)).problem == "PNG colour type 5 with bit depth 8 is invalid");
    CHECK(read(png_with_ihdr(4, 4, 16, 3)).problem == "PNG colour type 3 with bit depth 16 is invalid");
    CHECK(read(png_with_ihdr(4, 4, 1, 0)).problem.empty());
}

TEST_CASE("other content is not an image") {
    CHECK(read(Bytes{}).format == ImageHeader::Format::Unknown);
    CHECK(kiosk::read_image_header(nullptr, 0).format == ImageHeader::Format::Unknown);
    const Bytes gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
    CHECK(read(gif).format == ImageHeader::Format::Unknown);
    const Bytes text = {'h', 'e', 'l', 'l', 'o'};
    const ImageHeader header = read(text);
    CHECK(header.format == ImageHeader::Format::Unknown);
    CHECK(header.problem.empty());
    // Half a PNG signature is not a PNG.
    CHECK(read_prefix(encode_png(2, 2), 7).format == ImageHeader::Format::Unknown);
}

TEST_CASE("the size limits are 8192 a side and 40 megapixels") {
    const auto within = [](uint32_t w, uint32_t h) { return kiosk::within_image_limits(read(png_with_ihdr(w, h))); };
    CHECK(within(1, 1));
    CHECK(within(8192, 4882));  // 39.99 megapixels
    CHECK_FALSE(within(8192, 4883));
    CHECK_FALSE(within(8193, 1));
    CHECK_FALSE(within(1, 8193));
    CHECK_FALSE(within(8192, 8192));
    CHECK_FALSE(within(20000, 20000));
    CHECK(kiosk::kMaxImageFileBytes == 64 * 1024 * 1024);
}

TEST_CASE("a JPEG whose Huffman table lists more than 256 codes is refused before decoding", "[image]") {
    // Found by fuzzing: stb_image 2.27 writes past its tables on such files; in
    // the second the table runs past the end of the file, where stb reads zeros.
    // In the third the table follows a scan whose data holds 0xFF 0xFF 0x00, a
    // stuffed byte after a fill byte, not a marker.
    for (const char* name : {"jpeg-dht-counts-over-256.jpg", "jpeg-dht-table-past-end-of-file.jpg",
                             "jpeg-dht-after-stuffed-fill-bytes.jpg"}) {
        INFO(name);
        std::ifstream in(std::string(VITRINE_SOURCE_DIR "/tests/fuzz/regressions/fuzz_image/") + name,
                         std::ios::binary);
        const Bytes found((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        REQUIRE(found.size() > 100);
        CHECK(kiosk::read_image_header(found.data(), found.size()).problem.find("Huffman table") != std::string::npos);
    }

    // The same fault written into a sound JPEG, after its frame header: the first
    // table's sixteen counts now add up to 16 × 255.
    Bytes jpeg = encode_jpeg(32, 32);
    REQUIRE(kiosk::read_image_header(jpeg.data(), jpeg.size()).problem.empty());
    size_t dht = 0;
    for (size_t i = 2; i + 1 < jpeg.size() && !dht; ++i)
        if (jpeg[i] == 0xFF && jpeg[i + 1] == 0xC4) dht = i;
    REQUIRE(dht > 0);
    for (size_t i = 0; i < 16; ++i) jpeg[dht + 5 + i] = 0xFF;
    const ImageHeader broken = kiosk::read_image_header(jpeg.data(), jpeg.size());
    CHECK(broken.problem == "JPEG Huffman table lists 4080 codes (at most 256)");
}

TEST_CASE("a PNG chunk claiming more bytes than the file holds is refused before decoding", "[image]") {
    // Found by fuzzing: stb_image grew its buffer to the claimed 1 GiB and more.
    std::ifstream in(VITRINE_SOURCE_DIR "/tests/fuzz/regressions/fuzz_image/png-idat-claims-1gib.png",
                     std::ios::binary);
    const Bytes found((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(found.size() > 50);
    CHECK(kiosk::read_image_header(found.data(), found.size()).problem.find("more than the file holds") !=
          std::string::npos);

    Bytes png = encode_png(6, 4);
    REQUIRE(read(png).problem.empty());
    const size_t idat = 8 + 12 + 13;  // the chunk after IHDR
    REQUIRE(std::string(png.begin() + idat + 4, png.begin() + idat + 8) == "IDAT");
    png[idat] = 0x40;  // its length now claims 1 GiB and more
    const ImageHeader claimed = read(png);
    CHECK(claimed.width == 6);
    CHECK(claimed.problem.find("PNG chunk 'IDAT' at byte 33 claims 10") == 0);
    // A file cut short inside a chunk, or inside a chunk's header.
    CHECK(read_prefix(encode_png(6, 4), 45).problem.find("more than the file holds") != std::string::npos);
    CHECK(read_prefix(encode_png(6, 4), 40).problem == "PNG is cut short at byte 33");
}

TEST_CASE("a scan must use Huffman tables the JPEG defines; progressive JPEGs define them as they go", "[image]") {
    const auto file = [](const std::string& path) {
        std::ifstream in(std::string(VITRINE_SOURCE_DIR "/tests/") + path, std::ios::binary);
        return Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    // Found by fuzzing: a scan naming AC table 3, never defined; stb_image 2.27
    // decodes with the empty table and reads far outside it.
    const Bytes undefined = file("fuzz/regressions/fuzz_image/jpeg-scan-uses-undefined-huffman-table.jpg");
    REQUIRE(undefined.size() > 100);
    CHECK(read(undefined).problem == "JPEG scan uses a Huffman table the file does not define");

    // jpegtran -progressive: tables defined between the scans, the first scans
    // DC only. Sound, and read as such.
    const Bytes progressive = file("fixtures/images/progressive.jpg");
    REQUIRE(progressive.size() > 100);
    const ImageHeader header = read(progressive);
    CHECK(header.problem.empty());
    CHECK(header.width > 0);
}
