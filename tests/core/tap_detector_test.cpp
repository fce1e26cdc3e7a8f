#include "tap_detector.h"

#include <catch2/catch.hpp>

using kiosk::InputEvent;
using kiosk::TapDetector;

namespace {
InputEvent ev(InputEvent::Type t, int finger, float x, float y, int64_t ms) { return {t, finger, x, y, ms}; }
constexpr auto Down = InputEvent::Type::Down;
constexpr auto Move = InputEvent::Type::Move;
constexpr auto Up = InputEvent::Type::Up;
}  // namespace

TEST_CASE("a short touch that stays put is a tap where it went down", "[taps]") {
    TapDetector taps(20, 700);
    CHECK_FALSE(taps.feed(ev(Down, 0, 100, 200, 0)));
    CHECK_FALSE(taps.feed(ev(Move, 0, 108, 205, 30)));
    const auto tap = taps.feed(ev(Up, 0, 110, 204, 80));
    REQUIRE(tap);
    CHECK(tap->x == 100);
    CHECK(tap->y == 200);
    CHECK(tap->time_ms == 80);
}

TEST_CASE("a drag, a long press or a stray finger-up is not a tap", "[taps]") {
    TapDetector taps(20, 700);
    SECTION("moved away and back") {
        taps.feed(ev(Down, 0, 100, 100, 0));
        taps.feed(ev(Move, 0, 200, 100, 50));
        CHECK_FALSE(taps.feed(ev(Up, 0, 100, 100, 100)));
    }
    SECTION("lifted far away") { taps.feed(ev(Down, 0, 100, 100, 0)); CHECK_FALSE(taps.feed(ev(Up, 0, 160, 100, 100))); }
    SECTION("held too long") { taps.feed(ev(Down, 0, 100, 100, 0)); CHECK_FALSE(taps.feed(ev(Up, 0, 100, 100, 900))); }
    SECTION("up without a down") { CHECK_FALSE(taps.feed(ev(Up, 4, 100, 100, 10))); }
}

TEST_CASE("fingers are tracked separately, and a lost finger-up does not stick", "[taps]") {
    TapDetector taps(20, 700);
    taps.feed(ev(Down, 1, 100, 100, 0));
    taps.feed(ev(Down, 2, 500, 500, 10));
    const auto second = taps.feed(ev(Up, 2, 500, 500, 60));
    REQUIRE(second);
    CHECK(second->x == 500);
    // Finger 1's up never came; its next down starts a fresh touch.
    taps.feed(ev(Down, 1, 300, 300, 5000));
    const auto first = taps.feed(ev(Up, 1, 300, 300, 5050));
    REQUIRE(first);
    CHECK(first->x == 300);
}
