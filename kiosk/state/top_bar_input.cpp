// The two buttons every full screen shares: back (or close) and "Aa".
#include "state/screen_input.h"

namespace kiosk {

bool top_bar_tap(ExhibitState& s, const TopBar& bar, const Gesture& g, const Ui& ui) {
    if (g.kind != Gesture::Kind::Tap) return false;
    if (grow_to(bar.back, ui.layouts.target).contains(g.x, g.y)) {
        go_to_screen(s, Screen::Explore, g.time_ms);
        return true;
    }
    if (grow_to(bar.settings, ui.layouts.target).contains(g.x, g.y)) {
        s.settings_open = true;
        return true;
    }
    return false;
}

}  // namespace kiosk
