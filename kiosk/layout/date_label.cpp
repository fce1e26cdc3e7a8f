#include "layout/date_label.h"

#include "layout/text_measure.h"

#include <algorithm>

namespace kiosk {

namespace {

// The widest of `lines` as drawn at `spacing_em`.
float widest(const Fonts& fonts, FontRole role, const std::vector<std::string>& lines, float spacing_em) {
    float w = 0;
    for (const std::string& line : lines) w = std::max(w, spaced_caps_width(fonts, role, line, spacing_em));
    return w;
}

// A range breaks after its dash, which stays on the first line so the second reads as its end.
std::vector<std::string> broken_at_dash(const std::string& date) {
    static const std::string kDash = " \u2013 ";
    const size_t at = date.find(kDash);
    if (at == std::string::npos) return {date};
    return {date.substr(0, at + kDash.size() - 1), date.substr(at + kDash.size())};
}

}  // namespace

DateLabel fit_date_label(const Fonts& fonts, FontRole role, const std::string& date, float width, float spacing_em,
                         bool one_line) {
    DateLabel label;
    label.lines = {date};
    if (!one_line && widest(fonts, role, label.lines, spacing_em) > width) label.lines = broken_at_dash(date);
    // Tighter spacing before any cut: a date whole but a little tighter reads
    // better than one missing its year.
    const float steps[] = {1.f, 2.f / 3, 1.f / 3, 0.f};
    for (const float step : steps) {
        label.spacing_em = spacing_em * step;
        label.width = widest(fonts, role, label.lines, label.spacing_em);
        if (label.width <= width) return label;
    }
    // Unspaced now, so the label is plain (capitalised) text that fit_lines can cut
    // between grapheme clusters.
    for (std::string& line : label.lines) {
        if (spaced_caps_width(fonts, role, line, 0) <= width) continue;
        line = fit_lines(fonts, role, caps_label(fonts, role, line), width, 1, false);
        label.cut = true;
    }
    label.width = widest(fonts, role, label.lines, 0);
    return label;
}

}  // namespace kiosk
