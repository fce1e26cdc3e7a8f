// A column of text that scrolls under one finger (About, the content note's
// card): the drag moves it, the release lets it glide on, and a finger that
// lands stops it.
#include "state/screen_input.h"

namespace kiosk {

bool vertical_scroll_gesture(KineticScroll& scroll, bool& dragging, const Gesture& g) {
    using K = Gesture::Kind;
    switch (g.kind) {
        case K::DragStart:
            dragging = true;
            scroll.stop();
            [[fallthrough]];
        case K::Drag:
            if (!dragging) return false;
            scroll.drag_by(-g.dy, g.time_ms);
            return true;
        case K::DragEnd:
        case K::Cancel:
            if (!dragging) return false;
            scroll.release(g.kind == K::DragEnd ? -g.vy : 0, g.time_ms);
            dragging = false;
            return true;
        default: return false;
    }
}

}  // namespace kiosk
