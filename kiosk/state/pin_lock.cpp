#include "state/pin_lock.h"

#include "text/interface_strings.h"

namespace kiosk {

void PinLock::wrong(int64_t now_ms) {
    if (locked(now_ms)) return;  // the pad takes no PIN while locked
    if (++failures < kPinAttempts) return;
    failures = 0;
    locked_until_ms = now_ms + kPinLockMs;
}

int64_t PinLock::seconds_left(int64_t now_ms) const {
    return locked(now_ms) ? (locked_until_ms - now_ms + 999) / 1000 : 0;
}

int64_t PinLock::next_change_ms(int64_t now_ms) const {
    if (!locked(now_ms)) return -1;
    const int64_t left = locked_until_ms - now_ms;
    return now_ms + ((left - 1) % 1000) + 1;
}

std::string pin_lock_text(const PinLock& lock, int64_t now_ms) {
    return ui_text(UiText::PinLocked, "en", {{"seconds", std::to_string(lock.seconds_left(now_ms))}});
}

}  // namespace kiosk
