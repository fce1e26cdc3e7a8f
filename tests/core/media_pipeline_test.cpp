#include "curator/media_pipeline.h"

#include "pack/exif_orientation.h"
#include "pack/image_header.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <stb_image_write.h>

namespace {

std::vector<uint8_t> encode(bool jpeg, int w, int h) {
    std::vector<uint8_t> px(size_t(w) * size_t(h) * 4, 0);
    for (size_t i = 0; i < px.size(); i += 4) px[i] = uint8_t(i % 251), px[i + 1] = 90, px[i + 2] = 40, px[i + 3] = 255;
    std::vector<uint8_t> out;
    auto sink = [](void* ctx, void* data, int size) {
        auto* v = static_cast<std::vector<uint8_t>*>(ctx);
        v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
    };
    if (jpeg)
        stbi_write_jpg_to_func(sink, &out, w, h, 4, px.data(), 90);
    else
        stbi_write_png_to_func(sink, &out, w, h, 4, px.data(), w * 4);
    return out;
}

// A JPEG carrying an Exif segment with a fake GPS tag and an orientation.
std::vector<uint8_t> with_gps_and_orientation(std::vector<uint8_t> jpeg, int orientation) {
    const uint8_t tiff[] = {
        'I',  'I',  42, 0, 8, 0, 0, 0, 2,    0,    0x12, 0x01, 3, 0, 1, 0, 0, 0, uint8_t(orientation),
        0,    0,    0,                                          // orientation
        0x25, 0x88, 4,  0, 1, 0, 0, 0, 0x47, 0x50, 0x53, 0x21,  // GPS IFD pointer "GPS!"
        0,    0,    0,  0};
    std::vector<uint8_t> seg = {0xFF, 0xE1, 0, uint8_t(sizeof tiff + 8), 'E', 'x', 'i', 'f', 0, 0};
    seg.insert(seg.end(), std::begin(tiff), std::end(tiff));
    jpeg.insert(jpeg.begin() + 2, seg.begin(), seg.end());
    return jpeg;
}

bool contains(const std::vector<uint8_t>& bytes, const char* needle) {
    return std::search(bytes.begin(), bytes.end(), needle, needle + std::strlen(needle)) != bytes.end();
}

}  // namespace

TEST_CASE("a large phone photo ships upright, downscaled and without its metadata", "[media]") {
    const auto original = with_gps_and_orientation(encode(true, 4800, 3200), 6);
    REQUIRE(contains(original, "GPS!"));
    const kiosk::ShippedImage shipped = kiosk::prepare_for_shipping(original);
    REQUIRE(shipped.error.empty());
    CHECK(shipped.reoriented);
    CHECK(shipped.downscaled);
    CHECK(shipped.width == 2560);  // turned upright: portrait, then fitted to 3840
    CHECK(shipped.height == 3840);
    const auto header = kiosk::read_image_header(shipped.bytes.data(), shipped.bytes.size());
    CHECK(header.format == kiosk::ImageHeader::Format::Jpeg);
    CHECK(header.width == 2560);
    CHECK(header.height == 3840);
    CHECK_FALSE(contains(shipped.bytes, "Exif"));
    CHECK_FALSE(contains(shipped.bytes, "GPS!"));
    CHECK(kiosk::exif_orientation(shipped.bytes.data(), shipped.bytes.size()) == 1);
}

TEST_CASE("an image that is already small enough keeps its size and format", "[media]") {
    const kiosk::ShippedImage png = kiosk::prepare_for_shipping(encode(false, 640, 480));
    REQUIRE(png.error.empty());
    CHECK_FALSE(png.downscaled);
    CHECK(png.width == 640);
    CHECK(kiosk::read_image_header(png.bytes.data(), png.bytes.size()).format == kiosk::ImageHeader::Format::Png);
}

TEST_CASE("limits are enforced before any decoding", "[media]") {
    // A PNG header claiming 20000×20000 pixels in a few bytes: refused unread.
    std::vector<uint8_t> png = encode(false, 4, 4);
    png[16] = 0, png[17] = 0, png[18] = 0x4E, png[19] = 0x20;  // width 20000
    png[20] = 0, png[21] = 0, png[22] = 0x4E, png[23] = 0x20;  // height 20000
    CHECK_THAT(kiosk::prepare_for_shipping(png).error, Catch::Contains("over the limit"));
    CHECK(kiosk::prepare_for_shipping({'G', 'I', 'F', '8', '9', 'a'}).error == "not a JPEG or PNG image");
    auto truncated = encode(true, 64, 64);
    truncated.resize(truncated.size() / 2);
    CHECK_FALSE(kiosk::prepare_for_shipping(truncated).error.empty());
}
