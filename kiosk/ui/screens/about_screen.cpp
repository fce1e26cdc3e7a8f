// About: the exhibit's title and version, the content note, what the exhibit
// lacks, credits, licence and every source, in one column that scrolls under the
// finger.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// Walks the column from `top`, drawing when `dl` is given; returns its height.
// Measuring and drawing share this walk so they cannot disagree.
float about_flow(const Ui& ui, ImDrawList* dl, const Palette* p, float top) {
    const Fonts& f = ui.fonts;
    const Rect& col = ui.layouts.about.column;
    const float u = ui.layouts.unit;
    const Pack& pack = ui.pack;
    float y = top;
    auto text = [&](FontRole role, const std::string& s, uint32_t Palette::*colour, float indent = 0) {
        if (s.empty()) return;
        y += dl ? draw_text(*dl, f, role, ImVec2(col.x + indent, y), p->*colour, s, col.w - indent)
                : text_height(f, role, s, col.w - indent);
    };
    auto heading = [&](const std::string& s) {
        y += 44 * u;
        if (dl) draw_spaced_caps(*dl, f, FontRole::DateLabel, ImVec2(col.x, y), p->accent_text, s, 0.12f);
        y += f.size(FontRole::DateLabel) * 1.5f + 8 * u;
    };

    std::string cut;
    text(FontRole::Headline, laid_out(pack.exhibit.title.get(ui.lang), cut, bytes_for_chars(kMaxTitleChars)),
         &Palette::paper);
    y += 6 * u;
    text(FontRole::Small, ui_text(UiText::AboutExhibitVersion, ui.lang, {{"version", pack.exhibit.version}}),
         &Palette::muted);

    const std::string& note = pack.exhibit.content_note.get(ui.lang);
    if (!note.empty()) {
        heading(ui_text(UiText::AboutContentNote, ui.lang));
        const float bar = std::max(std::round(5 * u), 3.f), inset = bar + std::round(22 * u);
        const float start = y;
        text(FontRole::Body, note, &Palette::paper, inset);
        if (dl) dl->AddRectFilled(snap(col.x, start - 4 * u), snap(col.x + bar, y + 4 * u), p->accent);
    }
    // The curator's account of what is missing comes before the credits, where
    // a visitor reading about the exhibit's limits will look.
    if (!pack.exhibit.gaps.get(ui.lang).empty()) {
        heading(ui_text(UiText::AboutLacks, ui.lang));
        text(FontRole::Body, pack.exhibit.gaps.get(ui.lang), &Palette::paper);
    }
    if (!pack.exhibit.credits.get(ui.lang).empty()) {
        heading(ui_text(UiText::AboutCredits, ui.lang));
        text(FontRole::Body, pack.exhibit.credits.get(ui.lang), &Palette::paper);
    }
    if (!pack.exhibit.licence.get(ui.lang).empty()) {
        heading(ui_text(UiText::AboutLicence, ui.lang));
        text(FontRole::Body, pack.exhibit.licence.get(ui.lang), &Palette::paper);
    }
    if (!pack.sources.empty()) {
        heading(ui_text(UiText::AboutSources, ui.lang));
        for (const Source& s : pack.sources) {
            text(FontRole::Body, s.title.get(ui.lang), &Palette::paper);
            if (!s.note.get(ui.lang).empty()) {
                y += 4 * u;
                text(FontRole::Caption, s.note.get(ui.lang), &Palette::muted);
            }
            if (!s.url.empty()) text(FontRole::Caption, s.url, &Palette::muted);
            y += 24 * u;
        }
    }
    return y - top + 24 * u;
}

}  // namespace

float about_content_height(const Ui& ui) { return about_flow(ui, nullptr, nullptr, 0); }

void draw_about(const DrawContext& c) {
    const Ui& ui = c.ui;
    const AboutLayout& l = ui.layouts.about;
    const Palette& p = c.palette;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);

    const Rect& col = l.column;
    const float scroll = c.state.about.offset();
    c.dl.PushClipRect(snap(col.x - 8, col.y), snap(col.right() + 8, col.bottom()), true);
    about_flow(ui, &c.dl, &p, col.y - scroll);
    c.dl.PopClipRect();

    const float fade = std::min(ui.fonts.size(FontRole::Body) * 2.f, col.h / 5);
    draw_scroll_hints(c.dl, p, {col.x - 8, col.y, col.w + 16, col.h}, about_content_height(ui), scroll, fade,
                      col.right() + std::round(24 * ui.layouts.unit), ui.layouts.unit);

    draw_icon_button(c.dl, p, l.bar.back, Icon::Back, true, ui_text(UiText::CommonBack, ui.lang), &ui.fonts);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, ui_text(UiText::CommonSettings, ui.lang),
                     c.state.settings_open);
}

bool about_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const AboutLayout& l = ui.layouts.about;
    using K = Gesture::Kind;
    switch (g.kind) {
        case K::Tap:
            return top_bar_tap(s, l.bar, g, ui);
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
        default:
            return false;
    }
}

}  // namespace kiosk
