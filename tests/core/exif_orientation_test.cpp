#include "pack/exif_orientation.h"

#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <stb_image.h>
#include <stb_image_write.h>

namespace {

// An APP1 Exif segment holding only an orientation tag, in either byte order.
std::vector<uint8_t> exif_segment(int orientation, bool little) {
    auto u16 = [&](std::vector<uint8_t>& v, int x) {
        if (little)
            v.insert(v.end(), {uint8_t(x), uint8_t(x >> 8)});
        else
            v.insert(v.end(), {uint8_t(x >> 8), uint8_t(x)});
    };
    std::vector<uint8_t> tiff = little ? std::vector<uint8_t>{'I', 'I'} : std::vector<uint8_t>{'M', 'M'};
    u16(tiff, 42);
    if (little)
        tiff.insert(tiff.end(), {8, 0, 0, 0});
    else
        tiff.insert(tiff.end(), {0, 0, 0, 8});
    u16(tiff, 2);  // two entries: an unrelated tag first
    u16(tiff, 0x010F);
    u16(tiff, 2);
    u16(tiff, 0);
    u16(tiff, 4);
    tiff.insert(tiff.end(), {'V', 'T', 'R', 0});
    u16(tiff, 0x0112);
    u16(tiff, 3);
    u16(tiff, 0);
    u16(tiff, 1);
    u16(tiff, orientation);
    u16(tiff, 0);
    tiff.insert(tiff.end(), {0, 0, 0, 0});
    std::vector<uint8_t> seg = {0xFF, 0xE1};
    const size_t len = tiff.size() + 8;
    seg.insert(seg.end(), {uint8_t(len >> 8), uint8_t(len), 'E', 'x', 'i', 'f', 0, 0});
    seg.insert(seg.end(), tiff.begin(), tiff.end());
    return seg;
}

// A JPEG of `rgba` with an Exif orientation, as a phone writes it.
std::vector<uint8_t> jpeg_with_orientation(const std::vector<uint8_t>& rgba, int w, int h, int orientation) {
    std::vector<uint8_t> jpeg;
    stbi_write_jpg_to_func(
        [](void* ctx, void* data, int size) {
            auto* out = static_cast<std::vector<uint8_t>*>(ctx);
            out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &jpeg, w, h, 4, rgba.data(), 95);
    const auto seg = exif_segment(orientation, orientation % 2 == 0);
    jpeg.insert(jpeg.begin() + 2, seg.begin(), seg.end());
    return jpeg;
}

// A stored picture of four colour blocks: red top left, green top right, blue
// bottom left, white bottom right; 48×32 so JPEG keeps the blocks clean.
std::vector<uint8_t> blocks(int w, int h) {
    static const uint8_t colours[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
    std::vector<uint8_t> px(size_t(w) * size_t(h) * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const uint8_t* c = colours[(y >= h / 2 ? 2 : 0) + (x >= w / 2 ? 1 : 0)];
            uint8_t* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 4];
            p[0] = c[0], p[1] = c[1], p[2] = c[2], p[3] = 255;
        }
    return px;
}

enum Colour { Red, Green, Blue, White, Other };
Colour colour_at(const std::vector<uint8_t>& px, int w, int x, int y) {
    const uint8_t* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 4];
    auto hi = [](uint8_t v) { return v > 200; };
    auto lo = [](uint8_t v) { return v < 60; };
    if (hi(p[0]) && lo(p[1]) && lo(p[2])) return Red;
    if (lo(p[0]) && hi(p[1]) && lo(p[2])) return Green;
    if (lo(p[0]) && lo(p[1]) && hi(p[2])) return Blue;
    if (hi(p[0]) && hi(p[1]) && hi(p[2])) return White;
    return Other;
}

}  // namespace

TEST_CASE("the orientation tag is read from Exif in either byte order, and absent means as stored", "[exif]") {
    for (int o = 1; o <= 8; ++o)
        for (bool little : {true, false}) {
            std::vector<uint8_t> jpeg = {0xFF, 0xD8};
            const auto seg = exif_segment(o, little);
            jpeg.insert(jpeg.end(), seg.begin(), seg.end());
            jpeg.insert(jpeg.end(), {0xFF, 0xD9});
            CHECK(kiosk::exif_orientation(jpeg.data(), jpeg.size()) == o);
            // Truncated anywhere: never read past the end, fall back to 1 or the tag.
            for (size_t cut = 0; cut < jpeg.size(); ++cut) {
                const int got = kiosk::exif_orientation(jpeg.data(), cut);
                CHECK((got == 1 || got == o));
            }
        }
    const uint8_t png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    CHECK(kiosk::exif_orientation(png, sizeof png) == 1);
}

TEST_CASE("photographs in all eight orientations show upright", "[exif]") {
    // Per the Exif standard: where the stored first row and first column end up.
    struct Case {
        int orientation;
        Colour top_left, top_right, bottom_left, bottom_right;
        bool swapped;
    } cases[] = {
        {1, Red, Green, Blue, White, false}, {2, Green, Red, White, Blue, false}, {3, White, Blue, Green, Red, false},
        {4, Blue, White, Red, Green, false}, {5, Red, Blue, Green, White, true},  {6, Blue, Red, White, Green, true},
        {7, White, Green, Blue, Red, true},  {8, Green, White, Red, Blue, true},
    };
    const int w = 48, h = 32;
    const auto stored = blocks(w, h);
    for (const Case& c : cases) {
        INFO("orientation " << c.orientation);
        const auto jpeg = jpeg_with_orientation(stored, w, h, c.orientation);
        int dw = 0, dh = 0, ch = 0;
        stbi_uc* decoded = stbi_load_from_memory(jpeg.data(), int(jpeg.size()), &dw, &dh, &ch, 4);
        REQUIRE(decoded);
        std::vector<uint8_t> px(decoded, decoded + size_t(dw) * size_t(dh) * 4);
        stbi_image_free(decoded);
        kiosk::apply_orientation(px, dw, dh, kiosk::exif_orientation(jpeg.data(), jpeg.size()));
        CHECK(dw == (c.swapped ? h : w));
        CHECK(dh == (c.swapped ? w : h));
        CHECK(colour_at(px, dw, 4, 4) == c.top_left);
        CHECK(colour_at(px, dw, dw - 5, 4) == c.top_right);
        CHECK(colour_at(px, dw, 4, dh - 5) == c.bottom_left);
        CHECK(colour_at(px, dw, dw - 5, dh - 5) == c.bottom_right);
    }
}

TEST_CASE("the pack loader turns a sideways phone photograph upright", "[exif]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "exif-pack";
    fs::remove_all(dir);
    fs::create_directories(dir / "media");
    fs::copy_file(fs::path(VITRINE_TEST_PACKS) / "minimal" / "pack.toml", dir / "pack.toml");
    fs::copy_file(fs::path(VITRINE_TEST_PACKS) / "minimal" / "media" / "portrait.jpg", dir / "media" / "portrait.jpg");
    const auto jpeg = jpeg_with_orientation(blocks(96, 64), 96, 64, 6);  // at least kMinPhotoSide a side
    std::ofstream(dir / "media" / "photo.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(jpeg.data()), std::streamsize(jpeg.size()));
    const auto loaded = kiosk::load_pack(dir.string());
    REQUIRE(loaded.ok());
    const kiosk::Photograph* photo = loaded.pack.find_photo("photo");
    REQUIRE(photo);
    CHECK(photo->width == 64);
    CHECK(photo->height == 96);
    CHECK(colour_at(photo->rgba, photo->width, 4, 4) == Blue);
}
