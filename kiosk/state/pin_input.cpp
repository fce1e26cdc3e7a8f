// The staff PIN pad's touch handling. The right PIN asks the platform to exit; a
// wrong one simply closes the pad. Five wrong ones in a row lock it (pin_lock.h).
#include "state/screen_input.h"

namespace kiosk {

namespace {
// The digit each key adds (layout/screen_layouts.h: 1–9, then Clear, 0, OK).
const char kKeyDigits[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 0, '0', 0};
}  // namespace

bool pin_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    if (g.kind != Gesture::Kind::Tap) return false;
    const PinLayout& l = ui.layouts.pin;
    if (!l.panel.contains(g.x, g.y)) {
        s.pin_open = false;
        s.pin_entered.clear();
        return true;
    }
    if (s.pin_lock.locked(s.now_ms)) return false;
    for (int i = 0; i < 12; ++i) {
        if (!l.keys[i].contains(g.x, g.y)) continue;
        if (i == 9) {
            s.pin_entered.clear();
        } else if (i == 11) {
            if (!ui.config.staff_pin.empty() && s.pin_entered == ui.config.staff_pin) {
                s.exit_requested = true;
                s.pin_lock.right();
            } else if (!s.pin_entered.empty()) {
                s.pin_lock.wrong(s.now_ms);  // OK on an empty entry is no guess
            }
            s.pin_open = false;
            s.pin_entered.clear();
        } else if (s.pin_entered.size() < 8) {
            s.pin_entered += kKeyDigits[i];
        }
        return true;
    }
    return false;
}

}  // namespace kiosk
