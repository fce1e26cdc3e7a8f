// The event card's date in spaced capitals, set to the card's width: a range too
// wide for one line breaks after its " – " onto a second, and a line too wide even
// alone is set with less letter-spacing, then cut with "…" as a last resort (which
// the validator reports). The card measures and draws the label from this one
// setting, so the two cannot disagree.
#pragma once

#include "text/fonts.h"

#include <string>
#include <vector>

namespace kiosk {

struct DateLabel {
    std::vector<std::string> lines;  // each drawn with draw_spaced_caps at `spacing_em`
    float spacing_em = 0;
    float width = 0;   // the widest line as drawn
    bool cut = false;  // a line ends in "…"
};

// `date` set in `role` within `width`, spaced `spacing_em` apart where it fits.
// `one_line`: never broken at its dash (a list's row), only tightened and cut.
DateLabel fit_date_label(const Fonts& fonts, FontRole role, const std::string& date, float width, float spacing_em,
                         bool one_line = false);

// The event card's date label: its role and spacing, in one place for the card and the validator.
constexpr FontRole kCardDateRole = FontRole::DateLabel;
constexpr float kCardDateSpacingEm = 0.12f;
inline DateLabel card_date_label(const Fonts& fonts, const std::string& date, float card_width) {
    return fit_date_label(fonts, kCardDateRole, date, card_width, kCardDateSpacingEm);
}

}  // namespace kiosk
