#include "config/opening_hours.h"

#include "exhibit_fixture.h"

namespace {
kiosk::WallTime at(int weekday, const char* time, bool synchronised = true, bool after_sane_minimum = true) {
    return {synchronised, after_sane_minimum, weekday, kiosk::parse_clock_time(time)};
}
}  // namespace

TEST_CASE("opening hours decide whether the exhibit shows, and an untrustworthy clock keeps it on", "[hours]") {
    kiosk::OpeningHours h;
    CHECK(kiosk::should_be_on(h, at(0, "03:00")));  // no hours set: always on
    h.enabled = true;
    h.open_minute = kiosk::parse_clock_time("09:30");
    h.close_minute = kiosk::parse_clock_time("18:00");
    h.days[0] = false;  // closed on Mondays
    CHECK(kiosk::should_be_on(h, at(1, "09:30")));
    CHECK(kiosk::should_be_on(h, at(1, "17:59")));
    CHECK_FALSE(kiosk::should_be_on(h, at(1, "18:00")));
    CHECK_FALSE(kiosk::should_be_on(h, at(1, "07:00")));
    CHECK_FALSE(kiosk::should_be_on(h, at(0, "12:00")));
    // A board with no real-time clock and no network time: stay on, do not guess,
    // whether it booted in 1970 or restored a stale time from its last shutdown.
    CHECK(kiosk::should_be_on(h, at(0, "03:00", false, false)));
    CHECK(kiosk::should_be_on(h, at(0, "03:00", false, true)));
    CHECK(kiosk::should_be_on(h, at(0, "03:00", true, false)));
    // A battery clock the configuration vouches for is trusted without network
    // time, but never before the sane minimum (a flat battery resets it).
    h.battery_clock = true;
    CHECK_FALSE(kiosk::should_be_on(h, at(0, "03:00", false, true)));
    CHECK(kiosk::should_be_on(h, at(0, "03:00", false, false)));
    h.battery_clock = false;
    // Evening opening across midnight: Friday 20:00 to 02:00.
    h.open_minute = kiosk::parse_clock_time("20:00");
    h.close_minute = kiosk::parse_clock_time("02:00");
    CHECK(kiosk::should_be_on(h, at(4, "23:00")));
    CHECK(kiosk::should_be_on(h, at(5, "01:30")));        // Saturday morning, still Friday's night
    CHECK_FALSE(kiosk::should_be_on(h, at(1, "01:30")));  // Tuesday morning after a closed Monday
    CHECK_FALSE(kiosk::should_be_on(h, at(4, "12:00")));
    CHECK(kiosk::parse_clock_time("24:00") == 1440);
    CHECK(kiosk::parse_clock_time("9h30") == -1);
    CHECK(kiosk::parse_clock_time("25:00") == -1);
}

TEST_CASE("closing blanks the screen after the last visitor; a touch wakes it for staff", "[hours]") {
    ExhibitFixture f(1280, 800);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 1000));  // someone reading at closing time
    REQUIRE(f.state.selected_event == 1);
    kiosk::set_opening(f.state, false, f.ui(), f.now + 1000);
    CHECK_FALSE(f.state.screen_off);  // not in the middle of a visit
    f.now += kiosk::kStaffWakeMs + 1000;
    kiosk::set_opening(f.state, false, f.ui(), f.now);
    CHECK(f.state.screen_off);
    CHECK(f.state.selected_event == 0);  // ready for the morning
    const auto r = kiosk::tick(f.state, f.now + 5000, f.ui());
    CHECK_FALSE(r.animating);
    CHECK_FALSE(r.next_deadline);  // a black screen needs no frames

    f.replay(f.tap(640, 400, 100));  // staff touch: the screen wakes, nothing else happens
    CHECK_FALSE(f.state.screen_off);
    CHECK(f.state.screen == kiosk::Screen::Explore);
    kiosk::set_opening(f.state, false, f.ui(), f.now + 1000);
    CHECK_FALSE(f.state.screen_off);
    kiosk::set_opening(f.state, false, f.ui(), f.now + kiosk::kStaffWakeMs + 1000);
    CHECK(f.state.screen_off);
    // The morning, a night later: a fresh Explore, its idle time counted from opening.
    const int64_t morning = f.now + 14 * 3600 * 1000;
    kiosk::tick(f.state, morning - 1, f.ui());
    kiosk::set_opening(f.state, true, f.ui(), morning);
    CHECK_FALSE(f.state.screen_off);
    const auto opened = kiosk::tick(f.state, morning, f.ui());
    CHECK(f.state.screen == kiosk::Screen::Explore);
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
    REQUIRE(opened.next_deadline);
    CHECK(*opened.next_deadline == morning + kiosk::idle_timeout_ms(f.pack()));
}

TEST_CASE("the kiosk sleeps until the opening hours next change, across midnight and closed days", "[hours]") {
    kiosk::OpeningHours h;
    CHECK_FALSE(kiosk::minutes_to_next_change(h, at(0, "03:00")));  // no hours: nothing to wake for
    h.enabled = true;
    h.open_minute = kiosk::parse_clock_time("09:30");
    h.close_minute = kiosk::parse_clock_time("18:00");
    h.days[0] = false;  // closed on Mondays
    CHECK(kiosk::minutes_to_next_change(h, at(1, "09:00")) == 30);
    CHECK(kiosk::minutes_to_next_change(h, at(1, "09:30")) == 8 * 60 + 30);  // open: until the close
    CHECK(kiosk::minutes_to_next_change(h, at(1, "17:59")) == 1);
    // Closed from Tuesday 18:00: the night, then Wednesday's opening.
    CHECK(kiosk::minutes_to_next_change(h, at(1, "18:00")) == 6 * 60 + 9 * 60 + 30);
    // Sunday evening: the closed Monday is skipped, Tuesday 09:30 is next.
    CHECK(kiosk::minutes_to_next_change(h, at(6, "20:00")) == 4 * 60 + 24 * 60 + 9 * 60 + 30);
    // An untrusted clock keeps the exhibit on and names no boundary.
    CHECK_FALSE(kiosk::minutes_to_next_change(h, at(1, "09:00", false, true)));
    CHECK_FALSE(kiosk::minutes_to_next_change(h, at(1, "09:00", true, false)));

    // Across midnight: Friday 20:00 to 02:00, Saturday closed.
    h.open_minute = kiosk::parse_clock_time("20:00");
    h.close_minute = kiosk::parse_clock_time("02:00");
    for (bool& d : h.days) d = false;
    h.days[4] = true;
    CHECK(kiosk::minutes_to_next_change(h, at(4, "23:00")) == 3 * 60);  // open into Saturday morning
    CHECK(kiosk::minutes_to_next_change(h, at(5, "01:59")) == 1);
    // Saturday 02:00 until next Friday 20:00.
    CHECK(kiosk::minutes_to_next_change(h, at(5, "02:00")) == 22 * 60 + 5 * 24 * 60 + 20 * 60);

    // Open all day on open days (open = close): the boundaries are midnights.
    h.open_minute = h.close_minute = 0;
    for (bool& d : h.days) d = true;
    h.days[2] = false;  // closed on Wednesdays
    CHECK(kiosk::minutes_to_next_change(h, at(1, "23:00")) == 60);
    CHECK(kiosk::minutes_to_next_change(h, at(2, "00:00")) == 24 * 60);
    // Every day open all day: the answer never changes, no boundary at all.
    h.days[2] = true;
    CHECK_FALSE(kiosk::minutes_to_next_change(h, at(3, "12:00")));
}
