// Golden screenshots: every screen rendered headlessly through SDL's software
// renderer at the six panel sizes, each reached by a replay script (the --replay
// format) written from that size's layout, its state asserted, and its pixels
// compared with the committed reference in tests/golden/. On a mismatch the
// actual image and a diff are written to the test output folder and named in the
// failure.
//
// To refresh the references on purpose (after a visual change you have looked at):
//   VITRINE_UPDATE_GOLDEN=1 ctest --preset debug -R golden
// then look at tests/golden/*.png and commit them.
#include "../speech_here.h"
#include "golden_scenes.h"
#include "image_compare.h"
#include "offscreen.h"
#include "pack/pack_loader.h"
#include "scripted_kiosk.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>

using namespace golden;

namespace {

// A channel may differ by this much: rounding in libstb and SDL may differ between
// x86-64 and arm64. More than 0.2% of pixels beyond it is a real change.
constexpr int kTolerance = 24;
constexpr double kMaxDifferingFraction = 0.002;

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
        FAIL(name << " differs from " << reference_path << ": " << c.differing_pixels << " pixels (" << fraction * 100
                  << "%) off by more than " << kTolerance << ", largest difference " << c.max_channel_diff
                  << ". Actual: " << actual_path << (c.same_size ? ", diff: " + diff_path : ""));
    }
    SUCCEED(name << ": " << c.differing_pixels << " pixels beyond tolerance, largest difference "
                 << c.max_channel_diff);
}

}  // namespace

TEST_CASE("every screen matches its reference at every size", "[golden]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    shoot_every_scene(size.first, size.second, kiosk::HeadlessRenderer::Software, check_against_golden);
}

// The screens a visitor reads most, in each translation of the bundled exhibit:
// the languages' own line heights, digits, labels and "not yet reviewed" marks.
TEST_CASE("Explore, Voices, About, settings, attract and keys in Khmer and French match their references", "[golden]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const char* const scenes[] = {"explore", "voices", "about", "settings", "attract", "keypad-explore"};
    for (const char* language : {"km", "fr"})
        for (const Scene& scene : kScenes) {
            if (std::find_if(std::begin(scenes), std::end(scenes),
                             [&](const char* n) { return std::string(n) == scene.name; }) == std::end(scenes))
                continue;
            std::ostringstream name;
            name << scene.name << "-" << language << "-" << size.first << "x" << size.second;
            INFO(name.str());
            // Khmer is never synthesised: its scene needs no voice.
            if (std::string(language) != "km" && speaks(scene) && synthesis_untestable_here()) {
                WARN(name.str() << ": " << synthesis_untestable_reason());
                continue;
            }
            Kiosk k(size.first, size.second, VITRINE_SOURCE_DIR "/assets/ieng-sary", language);
            scene.play(k);
            CHECK(k.view().ui().lang == language);
            check_against_golden(Image{k.width(), k.height(), k.shot()}, name.str());
        }
}

TEST_CASE("dense, sparse, no-life and Khmer-only exhibits match their references at every size", "[golden]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    for (const OtherExhibit& x : kOtherExhibits) {
        const std::string suffix = "-" + std::to_string(size.first) + "x" + std::to_string(size.second);
        INFO(x.name << suffix);
        Kiosk k(size.first, size.second, std::string(VITRINE_TEST_PACKS) + "/" + x.pack);
        check_against_golden(Image{k.width(), k.height(), k.shot()}, std::string("exhibit-") + x.name + suffix);

        const auto& events = k.view().pack().events;
        int guard = 0;
        while (events[size_t(k.state().selected_event)].id != x.event && guard++ < int(events.size()))
            k.tap(k.l().explore.button[int(kiosk::Button::Next)]);
        k.wait(1000);
        REQUIRE(events[size_t(k.state().selected_event)].id == x.event);
        // Its own photograph in the frame, and its marker on the strip.
        const kiosk::Photograph* shown = kiosk::explore_photo(k.state(), k.view().ui());
        REQUIRE(shown);
        CHECK(shown->id == events[size_t(k.state().selected_event)].photos.front());
        check_against_golden(Image{k.width(), k.height(), k.shot()},
                             std::string("exhibit-") + x.name + "-" + x.event + suffix);
    }
}

TEST_CASE("a panel mounted turned shows the exhibit upright and maps touches to it", "[golden]") {
    for (int degrees : {90, 270}) {
        INFO(degrees);
        kiosk::KioskConfig config;
        config.rotation = degrees;
        platform::ScriptedKiosk k;
        std::string error;
        REQUIRE(k.open(1920, 1080, kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary"), config, &error));
        // The exhibit is laid out upright, 1080×1920, on the 1920×1080 panel.
        CHECK(k.layouts().display.width == 1080);
        CHECK(k.layouts().display.height == 1920);
        // A finger on the glass where Voices appears, in panel pixels.
        const kiosk::Rect& voices = k.layouts().explore.button[int(kiosk::Button::Voices)];
        float px = 0, py = 0;
        kiosk::PanelRotation{degrees, 1920, 1080}.to_panel(voices.x + voices.w / 2, voices.y + voices.h / 2, px, py);
        k.tap(px, py);
        k.wait(1000);
        CHECK(k.view().state().screen == kiosk::Screen::Voices);
        k.tap(k.layouts().voices.bar.back);  // upright coordinates land elsewhere on a turned panel
        k.wait(1000);
        CHECK(k.view().state().screen == kiosk::Screen::Voices);
        check_against_golden(Image{1920, 1080, k.shot()}, "voices-turned-" + std::to_string(degrees));
    }
}

TEST_CASE("a pack that fails to load shows the calm unavailable screen", "[golden]") {
    // Loaded by a relative path so the staff lines on screen are the same in any
    // checkout.
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(VITRINE_TEST_PACKS);
    Kiosk k(1280, 800, "broken-syntax");
    std::filesystem::current_path(previous);
    CHECK_FALSE(k.view().exhibit_loaded());
    check_against_golden(Image{k.width(), k.height(), k.shot()}, "unavailable-1280x800");
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
