#include "pack/photo_scaling.h"

#include <catch2/catch.hpp>

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
