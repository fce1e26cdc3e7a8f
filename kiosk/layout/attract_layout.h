// Where the attract loop's parts stand before their slow drift: the exhibit's
// title and subtitle on one line each, the quote under them and the invitation
// at the foot. A quote sits beside the photograph in 62 % of a landscape
// screen's width; one that would be cut there (a long quote on a small panel)
// takes the whole width, so the loop shows it whole wherever it can. The
// photograph panned over keeps its caption and credit, on one line at the foot.
#pragma once

#include "layout/ui_context.h"

#include <cstdint>
#include <string>

namespace kiosk {

struct AttractLayout {
    float left = 0;  // the text's left edge
    float title_y = 0;
    float subtitle_y = 0;
    float line_w = 0;      // the title's and the subtitle's width
    std::string title;     // one line, ending in "…" when the exhibit's is longer
    std::string subtitle;  // the subtitle and the exhibit's dates, likewise
    Rect quote;            // for the quote asked for; empty without one
    Rect invite;           // the invitation's pill, as wide as its longest language
    // The photograph's caption (cut with "…" when long) and its credit (whole),
    // right-aligned under the invitation; empty without a photograph.
    std::string photo_line;
    float photo_line_x = 0, photo_line_y = 0;
};

AttractLayout attract_layout(const Ui& ui, const Quote* quote, const Photograph* photo);

// Whether the loop shows `quote` whole on this display in the visitor's
// language: its words, the speaker, role and context (a disputed note may be
// cut to a few lines; its mark stays).
bool attract_quote_fits(const Ui& ui, const Quote& quote);
// The quote the loop shows `ms` into it: the curator's choice in turn, less
// those this display cannot show whole in the visitor's language. When it can
// show none whole, those whose words it shows whole (the context cut); failing
// that, all of them. Null without quotes.
const Quote* attract_quote_shown_at(const Ui& ui, int64_t ms);

}  // namespace kiosk
