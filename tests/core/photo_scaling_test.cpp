#include "pack/photo_scaling.h"

#include <catch2/catch.hpp>

#include <stb_image_resize.h>

TEST_CASE("photographs are fitted inside their frame, never enlarged", "[photos]") {
    int w = 0, h = 0;
    kiosk::fit_size(1600, 1100, 800, 800, w, h);
    CHECK(w == 800);
    CHECK(h == 550);
    kiosk::fit_size(1600, 1100, 1000, 300, w, h);
    CHECK(w == 436);
    CHECK(h == 300);
    kiosk::fit_size(640, 480, 1920, 1080, w, h);
    CHECK(w == 640);
    CHECK(h == 480);
}

TEST_CASE("scaling down averages pixels instead of dropping them", "[photos]") {
    // A fine black-and-white checkerboard: point sampling would give black or
    // white; a proper filter gives the grey the eye sees.
    const int n = 64;
    std::vector<uint8_t> rgba(size_t(n) * n * 4);
    for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
            const uint8_t v = ((x + y) % 2) ? 255 : 0;
            uint8_t* p = &rgba[(size_t(y) * n + x) * 4];
            p[0] = p[1] = p[2] = v;
            p[3] = 255;
        }
    const kiosk::ScaledImage small = kiosk::scale_to_fit(rgba.data(), n, n, 8, 8);
    REQUIRE(small.width == 8);
    REQUIRE(small.height == 8);
    for (size_t i = 0; i < small.rgba.size(); i += 4) {
        CHECK(small.rgba[i] > 150);  // sRGB-correct mean of black and white is ~188
        CHECK(small.rgba[i] < 220);
        CHECK(small.rgba[i + 3] == 255);
    }
    const kiosk::ScaledImage same = kiosk::scale_to_fit(rgba.data(), n, n, 100, 100);
    CHECK(same.rgba == rgba);
}

TEST_CASE("a large reduction halves first and looks as the resampler alone would", "[photos]") {
    // A smooth photograph-like gradient with some texture, reduced eightfold:
    // halved twice in linear light, then resampled; against resampling alone.
    const int w = 640, h = 400;
    std::vector<uint8_t> rgba(size_t(w) * h * 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            uint8_t* p = &rgba[(size_t(y) * w + x) * 4];
            p[0] = uint8_t(x * 255 / (w - 1));
            p[1] = uint8_t(y * 255 / (h - 1));
            p[2] = uint8_t(((x / 3 + y / 5) % 2) ? 200 : 40);
            p[3] = 255;
        }
    const kiosk::ScaledImage fast = kiosk::scale_to_fit(rgba.data(), w, h, 80, 80);
    REQUIRE(fast.width == 80);
    REQUIRE(fast.height == 50);
    std::vector<uint8_t> direct(fast.rgba.size());
    stbir_resize_uint8_srgb(rgba.data(), w, h, 0, direct.data(), 80, 50, 0, 4, 3, 0);
    int worst = 0;
    for (size_t i = 0; i < direct.size(); ++i) worst = std::max(worst, std::abs(int(direct[i]) - int(fast.rgba[i])));
    CHECK(worst <= 8);
    // The halved grey of a fine pattern is still the sRGB-correct mean, not the plain one (128).
    for (size_t i = 2; i < fast.rgba.size(); i += 4) CHECK(fast.rgba[i] > 140);
}
