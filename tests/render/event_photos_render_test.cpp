// Photographs on events, drawn: Explore's frame shows the selected event's
// photograph (its centre pixel is that photograph's colour), turns to the
// event's second with a swipe and falls back to the exhibit's for an event
// without one; the viewer and the attract loop draw the one they say they show.
// Screenshots land in the test output folder (event-photos-*.png) to be looked at.
#include "../core/event_photo_pack.h"
#include "layout/attract_photo.h"
#include "layout/quote_measure.h"
#include "pack/pack_loader.h"
#include "scripted_kiosk.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

namespace {

using event_photo_pack::Colour;

struct Kiosk : platform::ScriptedKiosk {
    Kiosk(int w, int h, const std::string& pack_dir) {
        kiosk::KioskConfig config;
        config.staff_pin = "2468";
        std::string error;
        REQUIRE(open(w, h, kiosk::load_pack(pack_dir), config, &error));
        REQUIRE(view().app().exhibit_loaded());
    }
    const kiosk::ExploreLayout& explore() const { return layouts().explore; }
    const kiosk::ExhibitState& state() { return view().state(); }
    kiosk::Rect frame() { return kiosk::photo_frame_for(explore(), kiosk::explore_photo(state(), view().ui())).frame; }
};

bool near(const std::vector<uint8_t>& rgba, int width, float x, float y, Colour c) {
    const size_t at = (size_t(y) * size_t(width) + size_t(x)) * 4;
    INFO("pixel at " << x << "," << y << ": " << int(rgba[at]) << " " << int(rgba[at + 1]) << " " << int(rgba[at + 2])
                     << ", expected " << int(c.r) << " " << int(c.g) << " " << int(c.b));
    const auto close = [](uint8_t a, uint8_t b) { return std::abs(int(a) - int(b)) <= 6; };
    const bool match = close(rgba[at], c.r) && close(rgba[at + 1], c.g) && close(rgba[at + 2], c.b);
    CHECK(match);
    return match;
}

// The colour at the middle of Explore's frame.
bool frame_shows(Kiosk& k, Colour c) {
    const kiosk::Rect f = k.frame();
    return near(k.shot(), k.width(), f.x + f.w / 2, f.y + f.h / 2, c);
}

void save(Kiosk& k, const std::string& name) {
    std::string error;
    CHECK(k.save_shot(std::string(VITRINE_TEST_OUTPUT) + "/event-photos-" + name + ".png", &error));
}

}  // namespace

TEST_CASE("Explore's frame draws the selected event's photograph", "[event-photos-render]") {
    const std::string dir = event_photo_pack::write("render");
    for (const auto& [w, h] : {std::pair<int, int>{800, 480}, {720, 1280}, {1920, 1080}}) {
        INFO(w << "x" << h);
        Kiosk k(w, h, dir);
        const std::string size = std::to_string(w) + "x" + std::to_string(h);
        k.wait(500);
        REQUIRE(k.state().selected_event == 0);
        frame_shows(k, event_photo_pack::kRed);
        save(k, size + "-first");

        k.tap(k.explore().button_hit[int(kiosk::Button::Next)]);
        k.wait(1000);
        REQUIRE(k.state().selected_event == 1);
        frame_shows(k, event_photo_pack::kGreen);  // the portrait one
        save(k, size + "-second");

        // A swipe on the frame: the event's second photograph.
        const kiosk::Rect f = k.frame();
        std::string swipe;
        for (int i = 0; i <= 6; ++i)
            swipe += std::to_string(i * 16) +
                     (i == 0   ? " down 0 "
                      : i == 6 ? " up 0 "
                               : " move 0 ") +
                     std::to_string(f.x + f.w * (0.9f - 0.13f * float(i))) + " " + std::to_string(f.y + f.h / 2) + "\n";
        REQUIRE(k.play(swipe));
        k.wait(600);
        REQUIRE(k.state().photo_page == 1);
        frame_shows(k, event_photo_pack::kBlue);
        save(k, size + "-second-page-2");

        k.tap(k.explore().button_hit[int(kiosk::Button::Next)]);
        k.wait(1000);
        REQUIRE(k.state().selected_event == 2);
        frame_shows(k, event_photo_pack::kExhibit);  // none of its own: the exhibit's

        // The viewer opens on the photograph the frame showed.
        k.tap(k.explore().button_hit[int(kiosk::Button::Prev)]);
        k.wait(1000);
        REQUIRE(k.state().selected_event == 1);
        k.tap(k.frame());
        k.wait(1000);
        REQUIRE(k.state().screen == kiosk::Screen::Photo);
        CHECK(kiosk::shown_photo(k.view().ui(), k.state().photo)->id == "green");
        near(k.shot(), w, float(w) / 2, float(h) * 0.4f, event_photo_pack::kGreen);
        save(k, size + "-viewer");
    }
}

TEST_CASE("the attract loop pans over each photograph in turn", "[event-photos-render]") {
    Kiosk k(800, 480, event_photo_pack::write("render-attract"));
    const kiosk::Pack& pack = k.view().pack();
    k.wait(pack.settings.idle_timeout_s * 1000 + kiosk::kCountdownMs + 1000);
    REQUIRE(k.state().screen == kiosk::Screen::Attract);
    // Half a quote into each turn, the veiled photograph's tint at the screen's
    // middle follows the photograph the loop says it shows.
    for (int turn = 0; turn < 4; ++turn) {
        const int64_t into = k.now() - k.state().attract_start_ms;
        const int64_t next = (into / kiosk::kAttractQuoteMs + 1) * kiosk::kAttractQuoteMs + kiosk::kAttractQuoteMs / 2;
        k.wait(next - into);
        const kiosk::AttractPhoto shown = kiosk::attract_photo_at(pack, k.now() - k.state().attract_start_ms);
        REQUIRE(shown.photo);
        const std::vector<uint8_t> rgba = k.shot();
        // Sampled near the bottom left, under neither the quote nor the invitation.
        const size_t at = (size_t(470) * 800 + 6) * 4;
        const int r = rgba[at], g = rgba[at + 1], b = rgba[at + 2];
        INFO(shown.photo->id << ": " << r << " " << g << " " << b);
        if (shown.photo->id == "red") CHECK((r > g && r > b));
        if (shown.photo->id == "green") CHECK((g > r && g > b));
        if (shown.photo->id == "blue") CHECK((b > r && b > g));
        save(k, "attract-" + shown.photo->id);
    }
}
