// The staff PIN pad, opened by the hidden corner gesture. The right PIN asks the
// platform to exit; a wrong one simply closes the pad, showing visitors nothing.
// Five wrong ones in a row lock the pad for a minute (pin_lock.h): it then shows
// how long is left and takes no digits.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <cmath>

namespace kiosk {

namespace {
// The digits; Clear (key 9) and OK (key 11) are words, in the visitor's language.
const char* const kKeyLabels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
}  // namespace

void draw_pin_pad(const DrawContext& c) {
    const Ui& ui = c.ui;
    const PinLayout& l = ui.layouts.pin;
    const Palette& p = c.palette;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    draw_modal_panel(c.dl, p, {0, 0, W, H}, l.panel, 0.92f, u);
    const float dot = std::max(7 * u, 5.f);
    const float cy = l.display.y + l.display.h / 2;
    const bool locked = c.state.pin_lock.locked(c.state.now_ms);
    if (locked) {
        const std::string text = pin_lock_text(c.state.pin_lock, c.state.now_ms);
        const FontRole role =
            text_width(ui.fonts, FontRole::Body, text) <= l.display.w ? FontRole::Body : FontRole::Small;
        const float th = ui.fonts.size(role);
        draw_text(c.dl, ui.fonts, role, ImVec2(l.display.x, cy - th * 0.65f), p.paper, text);
    }
    for (size_t i = 0; i < c.state.pin_entered.size() && !locked; ++i)
        c.dl.AddCircleFilled(snap(l.display.x + dot * 2 + float(i) * dot * 3.5f, cy), dot, p.paper, 24);
    draw_rule(c.dl, l.display.x, l.display.right(), l.display.bottom(), 1, p.outline);
    // Locked: the keys are not drawn, so nobody taps on in vain.
    for (int i = 0; i < 12 && !locked; ++i) {
        const std::string label = i == 9    ? ui_text(UiText::PinClear, ui.lang)
                                  : i == 11 ? ui_text(UiText::PinOk, ui.lang)
                                            : kKeyLabels[i];
        draw_pill_button(c.dl, ui.fonts, p, l.keys[i], label);
    }
}

}  // namespace kiosk
