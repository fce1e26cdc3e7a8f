// The content note's card at the start of a visit: where its heading, its text
// and its button go for the visitor's language. Input (state/content_note_input.cpp)
// and drawing (ui/screens/content_note_card.cpp) both read this, so a tap and
// what is drawn cannot disagree.
#pragma once

#include "base/geometry.h"
#include "layout/ui_context.h"

#include <string>

namespace kiosk {

struct ContentNoteCard {
    Rect panel;
    float heading_y = 0;  // top of the spaced-capitals heading
    // "Translation not yet reviewed" under the heading, for a note shown in a
    // translation no one has reviewed; empty otherwise.
    std::string unreviewed;
    float unreviewed_y = 0;
    Rect text;                 // where the note shows; it scrolls inside when longer
    float content_height = 0;  // the whole note
    Rect button;               // "Continue", at least 15 mm; a touch anywhere does the same
    float max_scroll() const { return content_height > text.h ? content_height - text.h : 0; }
};

// The note the card shows in the visitor's language; empty when the pack has none.
const std::string& content_note_text(const Ui& ui);
ContentNoteCard content_note_card(const Ui& ui);

}  // namespace kiosk
