#include "exhibit_fixture.h"

namespace {

// Two fingers held in opposite corners for `ms`.
std::string corners(const ExhibitFixture& f, int64_t ms) {
    const int W = f.layouts.display.width, H = f.layouts.display.height;
    std::ostringstream s;
    s << f.now + 100 << " down 1 10 10\n" << f.now + 150 << " down 2 " << W - 10 << " " << H - 10 << "\n";
    s << f.now + 150 + ms << " up 1 10 10\n" << f.now + 160 + ms << " up 2 " << W - 10 << " " << H - 10 << "\n";
    return s.str();
}

std::string type_pin(const ExhibitFixture& f, const std::string& pin) {
    const char* order = "123456789";
    std::string script;
    int64_t at = 200;
    for (char c : pin) {
        const int key = c == '0' ? 10 : int(std::string(order).find(c));
        script += f.tap(f.layouts.pin.keys[key], at);
        at += 200;
    }
    script += f.tap(f.layouts.pin.keys[11], at);
    return script;
}

}  // namespace

TEST_CASE("the hidden corner gesture and the right PIN exit; nothing else does", "[staff]") {
    ExhibitFixture f(1280, 800);
    f.replay(corners(f, 1000));  // too short
    CHECK_FALSE(f.state.pin_open);
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);

    f.replay(type_pin(f, "1111"));  // wrong: the pad closes, nothing else happens
    CHECK_FALSE(f.state.pin_open);
    CHECK_FALSE(f.state.exit_requested);

    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    f.replay(type_pin(f, "2468"));
    CHECK(f.state.exit_requested);
}

TEST_CASE("without a configured PIN the hidden gesture opens nothing", "[staff]") {
    ExhibitFixture f(1920, 1080, 0, kiosk::TextSize::Standard, VITRINE_SOURCE_DIR "/assets/ieng-sary", "");
    f.replay(corners(f, 5000));
    CHECK_FALSE(f.state.pin_open);
}

TEST_CASE("an untouched PIN pad closes itself", "[staff]") {
    ExhibitFixture f(800, 480);
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    f.advance_to(f.now + kiosk::kPinTimeoutMs + 500);
    CHECK_FALSE(f.state.pin_open);
}

namespace {

// The pad opened, a PIN typed and OK pressed: one attempt, about 4.5 s of virtual time.
void attempt(ExhibitFixture& f, const std::string& pin) {
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    f.replay(type_pin(f, pin));
}

}  // namespace

TEST_CASE("five wrong PINs lock the pad for a minute, on the kiosk's own clock", "[staff]") {
    ExhibitFixture f(1280, 800);
    for (int i = 0; i < kiosk::kPinAttempts - 1; ++i) {
        attempt(f, "1111");
        CHECK_FALSE(f.state.pin_lock.locked(f.now));
    }
    attempt(f, "1357");
    const int64_t locked_at = f.now;
    REQUIRE(f.state.pin_lock.locked(f.now));
    CHECK(f.state.pin_lock.locked_until_ms <= locked_at + kiosk::kPinLockMs);
    CHECK_FALSE(f.state.pin_open);  // the fifth wrong PIN closes the pad like the others

    // Locked: the pad opens and says so, and the right PIN does nothing.
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    CHECK(kiosk::pin_lock_text(f.state.pin_lock, f.now).rfind("Locked: try again in ", 0) == 0);
    f.replay(type_pin(f, "2468"));
    CHECK_FALSE(f.state.exit_requested);
    CHECK(f.state.pin_entered.empty());

    // Closing and reopening the pad does not lift the lock, nor does the reset
    // between visitors.
    f.replay(f.tap(2, 2, 100));
    CHECK_FALSE(f.state.pin_open);
    kiosk::reset_for_next_visitor(f.state, f.ui(), f.now);
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    CHECK(f.state.pin_lock.locked(f.now));
    f.replay(type_pin(f, "2468"));
    CHECK_FALSE(f.state.exit_requested);

    // A minute after the fifth wrong PIN the right one works again.
    f.advance_to(f.state.pin_lock.locked_until_ms + 10);
    CHECK_FALSE(f.state.pin_lock.locked(f.now));
    attempt(f, "2468");
    CHECK(f.state.exit_requested);
}

TEST_CASE("a locked pad counts its seconds down on screen", "[staff]") {
    ExhibitFixture f(800, 480);
    for (int i = 0; i < kiosk::kPinAttempts; ++i) attempt(f, "9999");
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    REQUIRE(f.state.pin_lock.locked(f.now));
    const int64_t left = f.state.pin_lock.locked_until_ms - f.now;
    CHECK(kiosk::pin_lock_text(f.state.pin_lock, f.now) ==
          "Locked: try again in " + std::to_string((left + 999) / 1000) + " s");
    // The next tick asks to be woken when the shown second changes, and redraws.
    const kiosk::TickResult t = kiosk::tick(f.state, f.now + 1, f.ui());
    CHECK(t.redraw);
    REQUIRE(t.next_deadline);
    CHECK(*t.next_deadline <= f.now + 1001);
    CHECK(*t.next_deadline == f.state.pin_lock.next_change_ms(f.now + 1));
}

TEST_CASE("the right PIN starts the count of wrong ones again; OK on nothing is no guess", "[staff]") {
    ExhibitFixture f(1280, 800);
    for (int i = 0; i < kiosk::kPinAttempts - 1; ++i) attempt(f, "1111");
    CHECK(f.state.pin_lock.failures == kiosk::kPinAttempts - 1);
    attempt(f, "2468");
    CHECK(f.state.exit_requested);
    CHECK(f.state.pin_lock.failures == 0);

    f.state.exit_requested = false;  // as if staff came back in
    for (int i = 0; i < kiosk::kPinAttempts - 1; ++i) attempt(f, "1111");
    attempt(f, "");  // the pad opened and OK pressed at once
    CHECK_FALSE(f.state.pin_lock.locked(f.now));
    attempt(f, "1111");
    CHECK(f.state.pin_lock.locked(f.now));
}

TEST_CASE("the PIN lock's arithmetic", "[staff]") {
    kiosk::PinLock lock;
    CHECK_FALSE(lock.locked(0));
    CHECK(lock.seconds_left(0) == 0);
    CHECK(lock.next_change_ms(0) == -1);
    for (int i = 0; i < kiosk::kPinAttempts; ++i) lock.wrong(1000 + i);
    REQUIRE(lock.locked(1004));
    CHECK(lock.locked_until_ms == 1004 + kiosk::kPinLockMs);
    CHECK(lock.seconds_left(1004) == 60);
    CHECK(lock.seconds_left(1004 + 59001) == 1);
    CHECK(lock.next_change_ms(1004) == 2004);
    CHECK(lock.next_change_ms(1500) == 2004);
    CHECK_FALSE(lock.locked(1004 + kiosk::kPinLockMs));
    lock.wrong(2000);  // while locked: not counted, and the lock is not extended
    CHECK(lock.failures == 0);
    CHECK(lock.locked_until_ms == 1004 + kiosk::kPinLockMs);
}
