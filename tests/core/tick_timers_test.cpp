// The core tells a timer (the state changes when it is ticked) from a frame (only
// the picture does): a replay in virtual time ticks at every timer and may skip
// the frames (platform/virtual_time.h).
#include "exhibit_fixture.h"
#include "layout/quote_measure.h"

using kiosk::Screen;

TEST_CASE("the countdown's seconds are frames; its end is a timer", "[idle]") {
    ExhibitFixture f(1280, 800);
    const int64_t countdown_at = kiosk::idle_timeout_ms(f.pack());
    f.advance_to(countdown_at + 2500);
    const auto r = kiosk::tick(f.state, f.now, f.ui());
    REQUIRE(r.next_deadline);
    CHECK(*r.next_deadline == countdown_at + 3000);  // the next second shown
    REQUIRE(r.next_timer);
    CHECK(*r.next_timer == countdown_at + kiosk::kCountdownMs);  // the attract loop
}

TEST_CASE("the attract loop asks for frames and names no timer; a notice's end is one", "[idle]") {
    ExhibitFixture f(1280, 800);
    f.advance_to(kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 1000);
    REQUIRE(f.state.screen == Screen::Attract);
    auto r = kiosk::tick(f.state, f.now, f.ui());
    REQUIRE(r.next_deadline);
    CHECK(*r.next_deadline - f.now <= 100);
    CHECK_FALSE(r.next_timer);

    kiosk::show_notice(f.state, "USB stick: installed ieng-sary 1.2.0", false, f.now);
    r = kiosk::tick(f.state, f.now, f.ui());
    REQUIRE(r.next_timer);
    CHECK(*r.next_timer == f.now + kiosk::kNoticeMs);
}

TEST_CASE("the attract loop draws 10 frames a second and no more, its quotes' cross-fades included", "[idle]") {
    ExhibitFixture f(1280, 800);
    f.advance_to(kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 1000);
    REQUIRE(f.state.screen == Screen::Attract);
    // As the window's loop runs: a frame when asked, then a sleep to the deadline.
    const int64_t start = f.now, end = start + 2 * kiosk::kAttractQuoteMs;  // two quotes, each faded in and out
    int frames = 0;
    for (int64_t now = start; now < end;) {
        const auto r = kiosk::tick(f.state, now, f.ui());
        if (r.redraw || r.animating) ++frames;
        REQUIRE(r.next_deadline);
        REQUIRE(*r.next_deadline > now);
        now = *r.next_deadline;
    }
    const int seconds = int((end - start) / 1000);
    CHECK(frames <= 10 * seconds);
    CHECK(frames >= 9 * seconds);  // and it does move
}

TEST_CASE("a finger resting until its up is given up as lost keeps the visit going until then", "[idle]") {
    ExhibitFixture f(800, 480);
    f.replay("1000 down 3 400 200\n");
    // Ticked only at the timers, as a replay is: the long press, then the stuck touch.
    int64_t now = 1000;
    for (int i = 0; i < 10; ++i) {
        const auto r = kiosk::tick(f.state, now, f.ui());
        if (!f.state.gestures.touches().empty())
            REQUIRE(r.next_timer);
        else
            break;
        now = *r.next_timer;
    }
    REQUIRE(f.state.gestures.touches().empty());
    // The visit lasted as long as the finger, not just to the long press.
    CHECK(f.state.last_input_ms == now);
    CHECK(now >= 1000 + 8000);
}
