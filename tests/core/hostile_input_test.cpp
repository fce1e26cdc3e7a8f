// What real kiosks see: palms, lost finger-ups, two visitors, taps during
// animations, and long random sessions. Afterwards the exhibit must still answer
// a plain tap: nothing stays stuck.
#include "exhibit_fixture.h"

#include <random>

namespace {

// True when a plain tap on Next still moves the selection: the UI is not stuck.
bool answers_a_tap(ExhibitFixture& f) {
    kiosk::go_to_screen(f.state, kiosk::Screen::Explore, f.now);
    f.state.settings_open = false;
    f.state.pin_open = false;
    f.state.open_cluster = -1;
    kiosk::select_event(f.state, 0, f.ui(), f.now);
    f.advance_to(f.now + 1000);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 100));
    return f.state.selected_event == 1;
}

}  // namespace

TEST_CASE("a palm on the strip mid-drag cancels the drag and leaves nothing stuck", "[hostile]") {
    ExhibitFixture f(800, 480);
    const auto& l = f.explore();
    const float y = l.axis.y;
    std::ostringstream s;
    s << "100 down 1 600 " << y << "\n116 move 1 560 " << y << "\n132 move 1 520 " << y << "\n";
    s << "140 down 2 300 200\n141 down 3 350 220\n150 move 1 480 " << y << "\n";
    s << "400 up 2 300 200\n410 up 3 350 220\n420 up 1 480 " << y << "\n";
    f.replay(s.str());
    f.advance_to(2000);
    CHECK_FALSE(f.state.dragging_strip);
    CHECK_FALSE(f.state.strip.moving());
    CHECK(f.state.strip.offset() >= 0);
    CHECK(f.state.strip.offset() <= l.axis.max_scroll());
    CHECK(f.state.gestures.touches().empty());
    CHECK(answers_a_tap(f));
}

TEST_CASE("a finger-up that never comes clears itself", "[hostile]") {
    ExhibitFixture f(1280, 800);
    const auto& card = f.explore().card;
    std::ostringstream s;
    s << "100 down 4 " << card.x + 50 << " " << card.y + 50 << "\n";
    s << "130 move 4 " << card.x + 50 << " " << card.y + 10 << "\n";  // then silence
    f.replay(s.str());
    f.advance_to(20000);
    CHECK(f.state.gestures.touches().empty());
    CHECK_FALSE(f.state.dragging_card);
    CHECK(answers_a_tap(f));
}

TEST_CASE("a second visitor's touch far away does not hijack the first's drag", "[hostile]") {
    ExhibitFixture f(1920, 1080);
    const auto& l = f.explore();
    std::ostringstream s;
    s << "100 down 1 " << l.card.x + 100 << " " << l.card.y + 100 << "\n";
    s << "140 down 2 " << l.button[int(kiosk::Button::About)].x + 20 << " "
      << l.button[int(kiosk::Button::About)].y + 20 << "\n";
    s << "200 up 2 " << l.button[int(kiosk::Button::About)].x + 20 << " " << l.button[int(kiosk::Button::About)].y + 20
      << "\n";
    s << "260 up 1 " << l.card.x + 100 << " " << l.card.y + 100 << "\n";
    f.replay(s.str());
    CHECK(f.state.screen == kiosk::Screen::Explore);  // the far tap was ignored, not mistaken for the first finger
    CHECK(answers_a_tap(f));
}

TEST_CASE("taps during a screen transition land on the new screen", "[hostile]") {
    ExhibitFixture f(1280, 800);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Voices)], 100));
    REQUIRE(f.state.screen == kiosk::Screen::Voices);
    // 80 ms later, mid-fade, the visitor taps "next quote".
    f.replay(f.tap(f.layouts.voices.next, 80));
    CHECK(f.state.quote == 1);
}

TEST_CASE("a long random session never leaves the exhibit stuck", "[hostile]") {
    const auto size = GENERATE(std::make_pair(800, 480), std::make_pair(1920, 1080), std::make_pair(720, 1280));
    ExhibitFixture f(size.first, size.second);
    std::mt19937 rng(1234 + size.first);
    std::uniform_real_distribution<float> x(0, float(size.first)), y(0, float(size.second));
    std::uniform_int_distribution<int> finger(0, 4), action(0, 9), gap(1, 120);
    struct Down {
        bool down = false;
        float x = 0, y = 0;
    };
    Down fingers[5];
    int64_t t = 100;
    for (int i = 0; i < 20000; ++i) {
        t += gap(rng);
        const int id = finger(rng);
        Down& d = fingers[id];
        kiosk::InputEvent e;
        e.finger = id;
        e.time_ms = t;
        const int a = action(rng);
        if (!d.down || a < 2) {
            d = {true, x(rng), y(rng)};
            e.type = kiosk::InputEvent::Type::Down;  // sometimes a second down: a lost up
        } else if (a < 7) {
            d.x = std::clamp(d.x + (x(rng) - size.first / 2.f) * 0.1f, 0.f, float(size.first));
            d.y = std::clamp(d.y + (y(rng) - size.second / 2.f) * 0.1f, 0.f, float(size.second));
            e.type = kiosk::InputEvent::Type::Move;
        } else if (a < 9) {
            e.type = kiosk::InputEvent::Type::Up;
            d.down = false;
        } else {
            continue;  // this finger's up is lost
        }
        e.x = d.x;
        e.y = d.y;
        f.advance_to(t);
        kiosk::update(f.state, e, f.ui());
        // Whatever happens, the state stays within its bounds.
        REQUIRE(f.state.selected_event >= 0);
        REQUIRE(f.state.selected_event < int(f.pack().events.size()));
        REQUIRE(f.state.photo.zoom >= 1);
        REQUIRE(f.state.photo.zoom <= 4);
        REQUIRE(f.state.quote >= 0);
        REQUIRE(f.state.quote < int(f.pack().quotes.size()));
        REQUIRE(f.state.strip.offset() >= -200);
        REQUIRE(f.state.strip.offset() <= f.explore().axis.max_scroll() + 200);
        REQUIRE_FALSE(f.state.exit_requested);
    }
    // Every finger lifts (or is forgotten); the exhibit settles and answers.
    f.advance_to(t + 15000);
    CHECK(f.state.gestures.touches().empty());
    CHECK_FALSE(f.state.strip.moving());
    CHECK_FALSE(f.state.card.moving());
    CHECK_FALSE(f.state.dragging_strip);
    CHECK_FALSE(f.state.dragging_card);
    CHECK_FALSE(f.state.dragging_about);
    CHECK(answers_a_tap(f));
}
