// A quote with its attribution laid out in a box, shared by Voices and the attract
// loop: the quote's type shrinks (down to body size) so a long quote fits the box,
// the speaker with the date, role and context, and a disputed quote's mark and
// note. Measured here; drawn by draw_quote_block (ui/screens.h).
#pragma once

#include "layout/flow_painter.h"
#include "layout/ui_context.h"

#include <cstdint>
#include <string>

namespace kiosk {

constexpr int64_t kAttractQuoteMs = 12000;  // each quote stays this long in the attract loop

// Where a quote block's parts go in a box: computed once, for measuring and drawing.
struct QuoteBlock {
    std::string text;
    std::string speaker;  // with the date, one line
    std::string details;
    std::string disputed_mark;  // "Disputed", or empty
    std::string disputed;       // the note, cut to a few lines where the box cannot scroll
    // The mark again beside the speaker, when the note starts below the box's
    // first view (Voices on a small panel): a disputed quote never reads unmarked.
    std::string speaker_mark;
    // "Translated from English" when the quote shows in a translation, and
    // "Translation not yet reviewed" when no one has reviewed it; empty otherwise.
    std::string translation;
    float mark = 0;  // the opening quotation mark's size
    float size = 0;  // the quote's type size
    float text_h = 0;
    float speaker_h = 0;
    float attribution_h = 0;  // speaker, details and the disputed note
    float disputed_h = 0;     // the disputed note with its mark, 0 without one
    float translation_h = 0;
    float total() const { return mark * 0.6f + text_h + attribution_h; }
};

// The language `q` shows in: its own when the visitor asked for the original
// (`original`), else the visitor's, else the pack's default.
const std::string& quote_language(const Ui& ui, const Quote& q, bool original);
// Whether `q` has a translation and its original to switch between for this visitor.
bool has_original_toggle(const Ui& ui, const Quote& q);
// "Show original" or "Show translation" in `row`, as wide as its label; empty
// when the quote has nothing to switch to.
Rect original_toggle(const Ui& ui, const Quote& q, const Rect& row, bool original);

// `scrolls`: the box scrolls, so a quote too long for it even at the smallest
// size stays whole; otherwise it is cut to the box with "…". `original`: the
// quote in the language it was spoken in.
QuoteBlock arrange_quote(const Ui& ui, const Quote& q, float width, float height, bool scrolls, bool original = false);
// Measures (and draws, when `paint` is given) the disputed note as the event card
// does: a "Disputed" mark over the note, an accent bar beside both. Returns its height.
float disputed_flow(FlowPainter* paint, const Ui& ui, const std::string& mark, const std::string& note, float x,
                    float y, float width);

// The room the mark takes beside the speaker, its gap included.
float speaker_mark_width(const Ui& ui, const std::string& mark);

float quote_block_height(const Ui& ui, const Quote& q, float width, float height);
// How far Voices' quote box scrolls for `q` (0 when it fits).
float quote_overflow(const Ui& ui, const Quote& q, bool original = false);
// The words a quote block shows in a `width` × `height` box, as drawn: the quote,
// the speaker with the date, role and context, and for a disputed quote the
// "Disputed" mark and its note (cut to a few lines when the box cannot scroll).
struct QuoteBlockText {
    std::string text;
    std::string speaker;
    std::string details;
    std::string disputed_mark;  // empty for an undisputed quote
    std::string disputed;
    std::string speaker_mark;  // the mark beside the speaker, when the note is out of the first view
    std::string translation;   // "Translated from English", or empty
};
QuoteBlockText quote_block_text(const Ui& ui, const Quote& q, float width, float height, bool scrolls,
                                bool original = false);

}  // namespace kiosk
