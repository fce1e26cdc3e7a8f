// The content note's card at the start of a visit: one tap anywhere puts it
// away (the visitor need not find the button), and a drag scrolls a note longer
// than the card.
#include "layout/content_note_measure.h"
#include "state/screen_input.h"

namespace kiosk {

bool content_note_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    using K = Gesture::Kind;
    switch (g.kind) {
        case K::Tap:
        case K::DoubleTap:
        case K::LongPress:
            s.content_note_open = false;
            s.dragging_content_note = false;
            return true;
        case K::DragStart:
            if (content_note_card(ui).max_scroll() <= 0) return false;
            break;
        default: break;
    }
    return vertical_scroll_gesture(s.content_note_scroll, s.dragging_content_note, g);
}

}  // namespace kiosk
