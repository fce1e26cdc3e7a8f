#include "ui/photo_textures.h"

#include <catch2/catch.hpp>

using kiosk::PhotoSize;

namespace {

kiosk::Photograph photo(const char* id) {
    kiosk::Photograph p;
    p.id = id;
    return p;
}

}  // namespace

TEST_CASE("a photograph's texture is found by the photograph and its size", "[photos]") {
    kiosk::PhotoTextures textures;
    const kiosk::Photograph portrait = photo("portrait"), map = photo("map");
    int frame_pixels = 0, full_pixels = 0;
    textures.add(portrait, PhotoSize::Frame, {&frame_pixels, 300, 200});
    CHECK(textures.find(portrait, PhotoSize::Frame)->width == 300);
    CHECK(textures.find(portrait, PhotoSize::Full) == nullptr);
    CHECK(textures.find(map, PhotoSize::Frame) == nullptr);
    // Without the full size the frame's is the sharpest there is.
    CHECK(textures.sharpest(portrait)->texture == &frame_pixels);
    CHECK(textures.sharpest(map) == nullptr);

    textures.add(portrait, PhotoSize::Full, {&full_pixels, 1920, 1280});
    CHECK(textures.sharpest(portrait)->texture == &full_pixels);
    CHECK(textures.find(portrait, PhotoSize::Frame)->texture == &frame_pixels);
    textures.clear();
    CHECK(textures.sharpest(portrait) == nullptr);
}
