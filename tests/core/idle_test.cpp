#include "exhibit_fixture.h"

using kiosk::Screen;

namespace {

// One visitor, the countdown, the attract loop and the next visitor, from `start`
// on the kiosk's clock.
void check_idle_cycle(int64_t start) {
    ExhibitFixture f(1920, 1080);
    f.start_at(start);
    const int64_t timeout = kiosk::idle_timeout_ms(f.pack());
    CHECK(timeout == 90000);  // the pack's setting

    // A visitor leaves Explore scrolled, zoomed, on another event, with settings changed.
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 100) +
             f.tap(f.explore().button[int(kiosk::Button::Next)], 400));
    f.replay(f.tap(f.explore().photo_frame, 400));
    f.replay(f.tap(900, 500, 400) + f.tap(900, 500, 600));
    f.state.visitor.high_contrast = true;
    REQUIRE(f.state.selected_event == 2);
    REQUIRE(f.state.screen == Screen::Photo);
    const int64_t last = f.state.last_input_ms;

    f.advance_to(last + timeout - 1000);
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
    f.advance_to(last + timeout + 2000);
    CHECK(kiosk::countdown_visible(f.state, f.pack()));
    // A touch during the countdown cancels it and changes nothing else.
    f.replay(f.tap(100, 900, 0));
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
    CHECK(f.state.screen == Screen::Photo);
    CHECK(f.state.selected_event == 2);

    // Left alone: countdown, then the attract loop.
    const int64_t again = f.state.last_input_ms;
    f.advance_to(again + timeout + kiosk::kCountdownMs - 100);
    CHECK(f.state.screen == Screen::Photo);
    f.advance_to(again + timeout + kiosk::kCountdownMs + 100);
    CHECK(f.state.screen == Screen::Attract);

    // Hours later a touch returns to Explore exactly as the first visitor found it.
    f.advance_to(f.now + 60000);
    f.replay(f.tap(960, 540, 1000));
    f.advance_to(f.now + 1000);
    CHECK(f.state.screen == Screen::Explore);
    CHECK(f.state.selected_event == 0);
    CHECK(f.state.strip.offset() == 0);
    CHECK(f.state.card.offset() == 0);
    CHECK(f.state.photo.zoom == 1);
    CHECK(f.state.quote == 0);
    CHECK_FALSE(f.state.visitor.high_contrast);
    CHECK_FALSE(f.state.settings_open);
    CHECK(f.state.open_cluster == -1);
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
}

}  // namespace

TEST_CASE("idle: countdown, a touch cancels it, else the attract loop and a pristine Explore", "[idle]") {
    check_idle_cycle(0);
}

// SDL's 32-bit millisecond clock wraps after 49.7 days; the kiosk's clock is
// 64-bit. A kiosk started just before 2^32 ms sees taps before the wrap and its
// countdown, attract loop and reset after it; one up for 400 days, far beyond.
TEST_CASE("idle: the same visit across 2^32 ms of uptime and after 400 days", "[idle]") {
    const int64_t wrap = int64_t(1) << 32;
    SECTION("started 5 s before the wrap") { check_idle_cycle(wrap - 5000); }
    SECTION("started 400 days up") { check_idle_cycle(int64_t(400) * 24 * 3600 * 1000); }
}

TEST_CASE("a finger resting on the glass is not idle, and the attract loop keeps moving", "[idle]") {
    ExhibitFixture f(800, 480);
    f.replay("1000 down 3 400 200\n");
    f.advance_to(1000 + 7000);  // held, reading; within the stuck-touch limit
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
    // Its up never comes: the stuck touch clears itself and idle time runs again.
    f.advance_to(1000 + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 20000);
    CHECK(f.state.screen == kiosk::Screen::Attract);
    // The attract loop asks for frames: it drifts and rotates its quotes.
    const int64_t t = f.now + 1;
    const auto r = kiosk::tick(f.state, t, f.ui());
    CHECK(r.redraw);
    REQUIRE(r.next_deadline);
    CHECK(*r.next_deadline - t <= 100);
}

TEST_CASE("an idle Explore asks for no frames at all until its countdown", "[idle]") {
    ExhibitFixture f(1920, 1080);
    f.advance_to(5000);
    const auto r = kiosk::tick(f.state, 5000, f.ui());
    CHECK_FALSE(r.redraw);
    CHECK_FALSE(r.animating);
    REQUIRE(r.next_deadline);
    CHECK(*r.next_deadline == kiosk::idle_timeout_ms(f.pack()));  // the next thing that happens
}
