#include "layout/explore_measure.h"

#include "layout/date_label.h"
#include "layout/text_measure.h"
#include "pack/date.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

std::string sources_line(const Ui& ui, const Event& e) {
    std::string line;
    for (const std::string& id : e.sources) {
        const Source* src = ui.pack.find_source(id);
        if (!src) continue;
        line += line.empty() ? "" : ui_text(UiText::ExploreSourceSeparator, ui.lang);
        line += ui.text(src->title);
    }
    return line.empty() ? line : ui_text(UiText::ExploreSource, ui.lang, {{"sources", line}});
}

float source_height(const Ui& ui, const Event& e) {
    const std::string source = sources_line(ui, e);
    const float u = ui.layouts.unit;
    return source.empty() ? 0 : text_height(ui.fonts, FontRole::Small, source, ui.layouts.explore.card.w) + 16 * u;
}

// A short card (a small panel, text at its 2.5 mm floor) keeps its room for the
// event's text: the sources then follow the text, scrolling with it, instead of
// holding the card's last lines.
bool source_pinned(const Ui& ui, const Event& e) { return source_height(ui, e) <= ui.layouts.explore.card.h / 4; }

// Lays out the card's flowing text from `top` and draws it when `paint` is given:
// measuring and drawing share one walk so they cannot disagree. Returns the height.
float card_flow(const Ui& ui, const Event& e, FlowPainter* paint, float top) {
    const Rect& c = ui.layouts.explore.card;
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    float y = top + f.size(FontRole::DateLabel) * 0.1f;
    const float date_line = f.size(FontRole::DateLabel) * 1.3f;
    const DateLabel date = card_date_label(f, format_date_span(e.when, ui.pack, ui.lang), c.w);
    for (size_t i = 0; i < date.lines.size(); ++i) {
        if (i > 0) y += date_line;
        if (paint) paint->spaced_caps(kCardDateRole, ImVec2(c.x, y), Ink::AccentText, date.lines[i], date.spacing_em);
    }
    // The era's full name beside the date's last line, or under it when it does
    // not fit there: the strip leaves out a name too long for its band.
    if (const Era* era = e.era.empty() ? nullptr : ui.pack.find_era(e.era)) {
        const float date_w = date.width + std::round(20 * u);
        const std::string& name = ui.text(era->name);
        const bool beside = date_w + text_width(f, FontRole::Small, name) <= c.w;
        const float ex = beside ? c.x + date_w : c.x;
        if (!beside) y += date_line + 4 * u;
        const float ey = y + (date_line - f.size(FontRole::Small) * 1.36f) / 2;
        if (paint)
            paint->text(FontRole::Small, ImVec2(ex, ey), Ink::Muted,
                        fit_lines(f, FontRole::Small, name, c.w, 1, false));
    }
    y += date_line + 14 * u;
    const std::string& headline = ui.text(e.headline);
    y += paint ? paint->text(FontRole::Headline, ImVec2(c.x, y), Ink::Paper, headline, c.w)
               : text_height(f, FontRole::Headline, headline, c.w);
    y += 24 * u;
    const std::string& body = ui.text(e.text);
    y += paint ? paint->text(FontRole::Body, ImVec2(c.x, y), Ink::Paper, body, c.w)
               : text_height(f, FontRole::Body, body, c.w);
    // A translation no native-speaking historian has reviewed says so, in small type.
    if (ui.unreviewed(e.translations, {&e.headline, &e.text, &e.disputed})) {
        const std::string& mark = ui_text(UiText::TranslationNotReviewed, ui.lang);
        y += 12 * u;
        y += paint ? paint->text(FontRole::Small, ImVec2(c.x, y), Ink::Muted, mark, c.w)
                   : text_height(f, FontRole::Small, mark, c.w);
    }

    const std::string& disputed = ui.text(e.disputed);
    if (!disputed.empty()) {
        y += 26 * u;
        const float bar = std::max(std::round(5 * u), 3.f);
        const float inset = bar + std::round(22 * u);
        float by = y + 8 * u;
        if (paint)
            paint->spaced_caps(FontRole::SmallCaps, ImVec2(c.x + inset, by), Ink::AccentText,
                               ui_text(UiText::CommonDisputed, ui.lang), 0.08f);
        by += f.size(FontRole::SmallCaps) * 1.3f + 4 * u;
        by += paint ? paint->text(FontRole::Caption, ImVec2(c.x + inset, by), Ink::Paper, disputed, c.w - inset)
                    : text_height(f, FontRole::Caption, disputed, c.w - inset);
        by += 8 * u;
        if (paint) paint->bar(c.x, y, c.x + bar, by, Ink::Accent);
        y = by;
    }
    if (!source_pinned(ui, e)) {
        const std::string source = sources_line(ui, e);
        if (!source.empty()) {
            y += 24 * u;
            y += paint ? paint->text(FontRole::Small, ImVec2(c.x, y), Ink::Muted, source, c.w)
                       : text_height(f, FontRole::Small, source, c.w);
        }
    }
    return y - top;
}

CardMetrics measure_card(const Ui& ui, const Event& e) {
    CardMetrics m;
    m.view_height = ui.layouts.explore.card.h - (source_pinned(ui, e) ? source_height(ui, e) : 0);
    m.content_height = card_flow(ui, e, nullptr, 0);
    return m;
}

}  // namespace kiosk
