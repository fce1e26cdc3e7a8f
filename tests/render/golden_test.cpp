// Golden screenshots: Explore rendered headlessly through SDL's software renderer
// at the panel sizes we ship for, compared with the committed references in
// tests/golden/. On a mismatch the actual image and a diff are written to the
// test output folder and named in the failure.
//
// To refresh the references on purpose (after a visual change you have looked at):
//   VITRINE_UPDATE_GOLDEN=1 ctest --preset debug -R golden
// then look at tests/golden/*.png and commit them.
#include "image_compare.h"
#include "kiosk_view.h"
#include "offscreen.h"
#include "pack_loader.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace {

// A channel may differ by this much: rounding in libstb and SDL differs between
// x86-64 and arm64. More than 0.2% of pixels beyond it is a real change.
constexpr int kTolerance = 24;
constexpr double kMaxDifferingFraction = 0.002;

Image render_pack(const std::string& pack_dir, int width, int height) {
    platform::Offscreen target;
    platform::KioskView view;
    std::string error;
    REQUIRE(target.create(width, height, &error));
    REQUIRE(view.init(target.renderer(), kiosk::Display{width, height, 0}, kiosk::load_pack(pack_dir),
                      VITRINE_FONT_DIR, &error));
    view.render(1.f / 60.f);
    return Image{width, height, target.read_rgba()};
}

void check_against_golden(const Image& actual, const std::string& name) {
    const std::string reference_path = std::string(VITRINE_GOLDEN_DIR) + "/" + name + ".png";
    const std::string actual_path = std::string(VITRINE_TEST_OUTPUT) + "/" + name + "-actual.png";
    const std::string diff_path = std::string(VITRINE_TEST_OUTPUT) + "/" + name + "-diff.png";
    std::string error;
    if (const char* update = std::getenv("VITRINE_UPDATE_GOLDEN"); update && *update == '1') {
        REQUIRE(platform::write_png(reference_path, actual.width, actual.height, actual.rgba.data(), &error));
        WARN("updated " << reference_path);
        return;
    }
    Image reference;
    if (!load_png(reference_path, reference)) {
        platform::write_png(actual_path, actual.width, actual.height, actual.rgba.data(), &error);
        FAIL("no reference " << reference_path << "; the actual image is " << actual_path
                             << " (VITRINE_UPDATE_GOLDEN=1 writes references)");
    }
    const Comparison c = compare_images(actual, reference, kTolerance);
    const double fraction = c.same_size ? double(c.differing_pixels) / (double(actual.width) * actual.height) : 1;
    if (!c.same_size || fraction > kMaxDifferingFraction) {
        platform::write_png(actual_path, actual.width, actual.height, actual.rgba.data(), &error);
        if (c.same_size) {
            const Image d = diff_image(actual, reference, kTolerance);
            platform::write_png(diff_path, d.width, d.height, d.rgba.data(), &error);
        }
        FAIL(name << " differs from " << reference_path << ": " << c.differing_pixels << " pixels ("
                  << fraction * 100 << "%) off by more than " << kTolerance << ", largest difference "
                  << c.max_channel_diff << ". Actual: " << actual_path << (c.same_size ? ", diff: " + diff_path : ""));
    }
    SUCCEED(name << ": " << c.differing_pixels << " pixels beyond tolerance, largest difference " << c.max_channel_diff);
}

}  // namespace

TEST_CASE("Explore matches its reference at every golden size", "[golden]") {
    const auto size = GENERATE(std::make_pair(800, 480), std::make_pair(1280, 800), std::make_pair(1920, 1080),
                               std::make_pair(720, 1280));
    std::ostringstream name;
    name << "explore-" << size.first << "x" << size.second;
    INFO(name.str());
    check_against_golden(render_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary", size.first, size.second), name.str());
}

TEST_CASE("a pack that fails to load shows the calm unavailable screen", "[golden]") {
    // Loaded by a relative path so the staff lines on screen are the same in any
    // checkout.
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(VITRINE_TEST_PACKS);
    const Image actual = render_pack("broken-syntax", 1280, 800);
    std::filesystem::current_path(previous);
    check_against_golden(actual, "unavailable-1280x800");
}

TEST_CASE("the comparison catches a real change and forgives rounding", "[golden]") {
    Image a{4, 4, std::vector<uint8_t>(64, 100)};
    Image b = a;
    b.rgba[0] = 100 + kTolerance;  // within tolerance
    CHECK(compare_images(a, b, kTolerance).differing_pixels == 0);
    b.rgba[20] = 200;  // a pixel really changed
    const Comparison c = compare_images(a, b, kTolerance);
    CHECK(c.differing_pixels == 1);
    CHECK(c.max_channel_diff == 100);
    CHECK_FALSE(compare_images(a, Image{2, 2, std::vector<uint8_t>(16, 100)}, kTolerance).same_size);
}
