// The golden screens' scenes (golden_scenes.h).
#include "golden_scenes.h"

#include "../speech_here.h"
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <sstream>

namespace golden {

Kiosk::Kiosk(int w, int h, const std::string& pack_dir, const std::string& language, kiosk::HeadlessRenderer renderer) {
    kiosk::KioskConfig config;
    config.staff_pin = "2468";
    config.language = language;
    std::string error;
    REQUIRE(open(w, h, kiosk::load_pack(pack_dir), config, &error, renderer));
}

const std::vector<Scene> kScenes = {
    {"explore", [](Kiosk& k) { CHECK(k.state().screen == kiosk::Screen::Explore); }},
    {"explore-disputed",
     [](Kiosk& k) {
         // Next until the event whose date he disputed.
         const auto& events = k.view().pack().events;
         int target = 0;
         while (target < int(events.size()) && events[size_t(target)].disputed.empty()) ++target;
         REQUIRE(target < int(events.size()));
         for (int i = 0; i < target; ++i) k.tap(k.l().explore.button[int(kiosk::Button::Next)]);
         k.wait(1000);
         CHECK(k.state().selected_event == target);
     }},
    {"explore-cluster",
     [](Kiosk& k) {
         // Three events of August 1975 share a date no zoom parts: Next to the
         // first (the strip zooms in to show it), then its cluster's list.
         const auto& l = k.l().explore;
         const auto& events = k.view().pack().events;
         int august = 0;
         while (august < int(events.size()) &&
                !(events[size_t(august)].when.start.year == 1975 && events[size_t(august)].when.start.month == 8))
             ++august;
         REQUIRE(august < int(events.size()));
         for (int i = 0; i < august; ++i) k.tap(l.button[int(kiosk::Button::Next)]);
         k.wait(1000);
         const kiosk::StripMarkers m = kiosk::strip_markers(l, k.state().strip_zoom);
         const int cluster = m.cluster_of[size_t(august)];
         REQUIRE(m.clusters[size_t(cluster)].count > 1);
         k.tap(l.axis.screen_x(m.clusters[size_t(cluster)].x, k.state().strip.offset()), l.axis.y);
         k.wait(500);
         CHECK(k.state().open_cluster == cluster);
     }},
    {"photo-zoomed",
     [](Kiosk& k) {
         k.tap(k.l().explore.photo_frame);
         const float x = k.l().display.width * 0.45f, y = k.l().display.height * 0.4f;
         k.tap(x, y, 500);
         k.tap(x, y, 100);  // a double tap
         k.wait(1000);
         CHECK(k.state().screen == kiosk::Screen::Photo);
         CHECK(k.state().photo.zoom == Approx(2.5f));
     }},
    {"voices",
     [](Kiosk& k) {
         k.tap(k.l().explore.button[int(kiosk::Button::Voices)]);
         k.tap(k.l().voices.next, 500);
         k.wait(1000);
         CHECK(k.state().screen == kiosk::Screen::Voices);
         CHECK(k.state().quote == 1);
     }},
    {"about",
     [](Kiosk& k) {
         k.tap(k.l().explore.button[int(kiosk::Button::About)]);
         k.wait(1000);
         CHECK(k.state().screen == kiosk::Screen::About);
     }},
    {"settings",
     [](Kiosk& k) {
         k.tap(k.l().explore.button[int(kiosk::Button::Settings)]);
         k.tap(k.l().settings.high_contrast, 500);
         k.wait(500);
         CHECK(k.state().settings_open);
         CHECK(k.state().visitor.high_contrast);
     }},
    {"explore-large-text",
     [](Kiosk& k) {
         k.tap(k.l().explore.button[int(kiosk::Button::Settings)]);
         k.tap(k.l().settings.text_sizes[int(kiosk::TextSize::Large)], 500);
         k.tap(k.l().settings.close, 500);
         k.wait(1000);
         CHECK(k.state().visitor.text_size == kiosk::TextSize::Large);
         CHECK_FALSE(k.state().settings_open);
     }},
    {"countdown",
     [](Kiosk& k) {
         k.wait(kiosk::idle_timeout_ms(k.view().pack()) + 3000);
         CHECK(kiosk::countdown_visible(k.state(), k.view().pack()));
     }},
    {"attract",
     [](Kiosk& k) {
         k.wait(kiosk::idle_timeout_ms(k.view().pack()) + kiosk::kCountdownMs + 5000);
         CHECK(k.state().screen == kiosk::Screen::Attract);
     }},
    {"content-note",
     [](Kiosk& k) {
         // The next visitor wakes the kiosk: the pack's content note greets them.
         k.wait(kiosk::idle_timeout_ms(k.view().pack()) + kiosk::kCountdownMs + 5000);
         k.tap(k.l().display.width / 2.f, k.l().display.height / 2.f);
         k.wait(1000);
         CHECK(k.state().screen == kiosk::Screen::Explore);
         CHECK(k.state().content_note_open);
     }},
    // A visitor on the keypad: the focus ring on the event card, the caption of
    // what is being said over the bottom (a Khmer screen says, in Khmer, that
    // speech is not available for the text).
    {"keypad-explore",
     [](Kiosk& k) {
         k.play("300 key down\n600 key down\n900 key down\n");
         // Well inside the first caption (the date), wherever the voice's
         // rounding puts the end of it.
         k.wait(600);
         CHECK(k.state().visitor.speech);
         CHECK(k.state().access.focus_shown);
     }},
    // Voices reached by keys: the ring on the quote, its first words captioned.
    {"keypad-voices",
     [](Kiosk& k) {
         k.play("300 key down\n");
         for (int i = 0; i < 5; ++i) k.play("300 key down\n");
         k.play("300 key enter\n");
         k.wait(1500);
         CHECK(k.state().screen == kiosk::Screen::Voices);
     }},
    // The settings panel by keys: a switch turned on, its new state captioned.
    {"keypad-settings",
     [](Kiosk& k) {
         k.play("300 key up\n600 key up\n900 key enter\n1200 key down\n1500 key enter\n");
         k.wait(600);
         CHECK(k.state().settings_open);
         CHECK(k.state().visitor.text_size == kiosk::TextSize::Large);
     }},
    {"staff-pin",
     [](Kiosk& k) {
         const int W = k.l().display.width, H = k.l().display.height;
         std::ostringstream s;
         s << "100 down 1 8 8\n120 down 2 " << W - 8 << " " << H - 8 << "\n3300 up 1 8 8\n3310 up 2 " << W - 8 << " "
           << H - 8 << "\n";
         k.play(s.str());
         k.tap(k.l().pin.keys[1], 300);
         CHECK(k.state().pin_open);
     }},
};

bool speaks(const Scene& scene) { return std::string(scene.name).rfind("keypad-", 0) == 0; }

void shoot_every_scene(int w, int h, kiosk::HeadlessRenderer renderer,
                       const std::function<void(const Image& shot, const std::string& name)>& check) {
    const bool no_synthesis = synthesis_untestable_here();
    for (const Scene& scene : kScenes) {
        std::ostringstream name;
        name << scene.name << "-" << w << "x" << h;
        INFO(name.str());
        if (no_synthesis && speaks(scene)) {
            WARN(name.str() << ": " << synthesis_untestable_reason());
            continue;
        }
        Kiosk k(w, h, VITRINE_SOURCE_DIR "/assets/ieng-sary", "", renderer);
        scene.play(k);
        check(Image{k.width(), k.height(), k.shot()}, name.str());
    }
}

const OtherExhibit kOtherExhibits[4] = {
    {"dense", "exhibit-dense", "landing"},
    {"sparse", "exhibit-sparse", "fuji"},
    {"no-life", "exhibit-no-life", "fire"},
    {"khmer", "exhibit-khmer", "anthem"},  // written in Khmer only, Khmer digits
};

}  // namespace golden
