// About's touch handling: the column scrolled under the finger, the back button
// and "Aa".
#include "state/screen_input.h"

namespace kiosk {

bool about_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    if (g.kind == Gesture::Kind::Tap) return top_bar_tap(s, ui.layouts.about.bar, g, ui);
    return vertical_scroll_gesture(s.about, s.dragging_about, g);
}

}  // namespace kiosk
