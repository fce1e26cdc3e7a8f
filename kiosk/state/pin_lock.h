// Wrong PINs at the staff pad: after kPinAttempts in a row the pad locks for
// kPinLockMs, so nobody can stand at the kiosk trying PINs one after another.
// Time is the core's (the `now` every update and tick is given), so a replay
// locks and unlocks exactly as the floor would.
#pragma once

#include <cstdint>
#include <string>

namespace kiosk {

constexpr int kPinAttempts = 5;        // wrong PINs in a row before the lock
constexpr int64_t kPinLockMs = 60000;  // how long the pad stays locked

struct PinLock {
    int failures = 0;              // wrong PINs since the last right one or the last lock
    int64_t locked_until_ms = -1;  // -1: never locked

    bool locked(int64_t now_ms) const { return locked_until_ms >= 0 && now_ms < locked_until_ms; }
    // A wrong PIN entered at NOW_MS; the kPinAttempts-th in a row locks the pad.
    void wrong(int64_t now_ms);
    // The right PIN: the count starts again.
    void right() { failures = 0; }
    // Whole seconds left, rounded up (what the pad shows); 0 when not locked.
    int64_t seconds_left(int64_t now_ms) const;
    // When the shown seconds next change (or the lock ends); -1 when not locked.
    int64_t next_change_ms(int64_t now_ms) const;
};

// "Locked: try again in 42 s", for the pad while it is locked.
std::string pin_lock_text(const PinLock& lock, int64_t now_ms);

}  // namespace kiosk
