// About's touch handling: the column scrolled under the finger, the back button
// and "Aa".
#include "state/screen_input.h"

namespace kiosk {

bool about_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const AboutLayout& l = ui.layouts.about;
    using K = Gesture::Kind;
    switch (g.kind) {
        case K::Tap: return top_bar_tap(s, l.bar, g, ui);
        case K::DragStart:
            s.dragging_about = true;
            s.about.stop();
            [[fallthrough]];
        case K::Drag:
            if (!s.dragging_about) return false;
            s.about.drag_by(-g.dy, g.time_ms);
            return true;
        case K::DragEnd:
        case K::Cancel:
            if (!s.dragging_about) return false;
            s.about.release(g.kind == K::DragEnd ? -g.vy : 0, g.time_ms);
            s.dragging_about = false;
            return true;
        default: return false;
    }
}

}  // namespace kiosk
