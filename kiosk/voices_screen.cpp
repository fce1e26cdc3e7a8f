// Voices: one quote at a time in large serif type, with who said it, their role
// and the context; swipe or the arrows to move on; page dots show where you are.
#include "date.h"
#include "draw_helpers.h"
#include "screens.h"
#include "widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

std::string attribution_details(const Ui& ui, const Quote& q) {
    std::string d = q.role.get(ui.lang);
    const std::string& context = q.context.get(ui.lang);
    if (!context.empty()) d += (d.empty() ? "" : "\n") + context;
    return d;
}

// The quote's type size: as large as the design asks, smaller for a long quote so
// it never spills out of its box.
float quote_size(const Ui& ui, const std::string& text, float width, float height) {
    const ImFont* font = ui.fonts[FontRole::Headline];
    float size = ui.fonts.size(FontRole::Headline);
    const float floor = ui.fonts.size(FontRole::Body);
    while (size > floor && font->CalcTextSizeA(size, 1e9f, width, text.c_str()).y > height) size *= 0.92f;
    return std::max(std::round(size), floor);
}

}  // namespace

namespace {

// Where a quote block's parts go in a box: computed once, for measuring and drawing.
struct QuoteBlock {
    std::string text;
    std::string details;
    float mark = 0;            // the opening quotation mark's size
    float size = 0;            // the quote's type size
    float text_h = 0;
    float speaker_h = 0;
    float attribution_h = 0;
    float total() const { return mark * 0.6f + text_h + attribution_h; }
};

// A quote that starts mid-sentence ("very regretful for…") is shown with a
// leading ellipsis, as print does, so it does not read as a typo.
std::string shown_text(const Ui& ui, const Quote& q) {
    const std::string& text = q.text.get(ui.lang);
    return !text.empty() && text[0] >= 'a' && text[0] <= 'z' ? "…" + text : text;
}

QuoteBlock arrange_quote(const Ui& ui, const Quote& q, float width, float height) {
    const Fonts& f = ui.fonts;
    QuoteBlock b;
    b.details = attribution_details(ui, q);
    b.speaker_h = f.size(FontRole::Body) * 1.4f;
    b.attribution_h = 28 * ui.layouts.unit + b.speaker_h + text_height(f, FontRole::Caption, b.details, width);
    b.mark = f.size(FontRole::Title) * 1.2f;
    b.text = shown_text(ui, q);
    b.size = quote_size(ui, b.text, width, height - b.attribution_h - b.mark * 0.6f);
    b.text_h = f[FontRole::Headline]->CalcTextSizeA(b.size, 1e9f, width, b.text.c_str()).y;
    return b;
}

}  // namespace

float quote_block_height(const Ui& ui, const Quote& q, float width, float height) {
    return arrange_quote(ui, q, width, height).total();
}

void draw_quote_block(ImDrawList& dl, const Ui& ui, const Palette& p, const Quote& q, const Rect& box, float x_offset,
                      bool centred_vertically) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    const QuoteBlock b = arrange_quote(ui, q, box.w, box.h);
    const std::string& text = b.text;
    float y = centred_vertically ? box.y + std::max(0.f, (box.h - b.total()) / 2) : box.y;
    const float x = box.x + x_offset;

    // An opening quotation mark in the accent colour, hung above the text.
    dl.AddText(f[FontRole::Title], b.mark, snap(x - b.mark * 0.08f, y - b.mark * 0.25f), p.accent_text, "“");
    y += b.mark * 0.6f;
    dl.AddText(f[FontRole::Headline], b.size, snap(x, y), p.paper, text.c_str(), text.c_str() + text.size(), box.w);
    y += b.text_h + 28 * u;
    const float bar = std::round(std::max(48 * u, 20.f));
    draw_rule(dl, x, x + bar, y - 14 * u, std::max(2.f, 2 * u), p.accent);
    draw_text(dl, f, FontRole::Body, ImVec2(x, y), p.paper, q.speaker);
    draw_text(dl, f, FontRole::Caption, ImVec2(x, y + b.speaker_h), p.muted, b.details, box.w);
}

void draw_voices(const DrawContext& c) {
    const Ui& ui = c.ui;
    const VoicesLayout& l = ui.layouts.voices;
    const Palette& p = c.palette;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);
    draw_icon_button(c.dl, p, l.bar.back, Icon::Back, true, "Back", &ui.fonts);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, "Aa", c.state.settings_open);
    const std::string heading = "Voices";
    const float hw = spaced_caps_width(ui.fonts, FontRole::DateLabel, heading, 0.16f);
    draw_spaced_caps(c.dl, ui.fonts, FontRole::DateLabel,
                     ImVec2((W - hw) / 2, l.bar.back.y + (l.bar.back.h - ui.fonts.size(FontRole::DateLabel) * 1.3f) / 2),
                     p.accent_text, heading, 0.16f);

    const int count = int(ui.pack.quotes.size());
    if (count == 0) return;
    const Quote& q = ui.pack.quotes[size_t(std::clamp(c.state.quote, 0, count - 1))];
    // The new quote slides in a little from the side it came from, and fades up.
    float offset = 0, veil = 0;
    if (!reduced_motion(ui.pack) && c.state.quote_changed_ms >= 0) {
        const float t = ease_progress(c.state.quote_changed_ms, c.now_ms, kFadeMs + 80);
        offset = (1 - t) * 60 * ui.layouts.unit * float(c.state.quote_direction);
        veil = 1 - t;
    }
    c.dl.PushClipRect(ImVec2(l.quote_box.x - 8, l.quote_box.y - 8),
                      ImVec2(l.quote_box.right() + 8, l.quote_box.bottom() + 8), true);
    draw_quote_block(c.dl, ui, p, q, l.quote_box, offset, true);
    draw_veil(c.dl, p, l.quote_box, veil);
    c.dl.PopClipRect();

    draw_icon_button(c.dl, p, l.prev, Icon::Left, c.state.quote > 0);
    draw_icon_button(c.dl, p, l.next, Icon::Right, c.state.quote + 1 < count);
    draw_page_dots(c.dl, p, W / 2, l.dots_y, count, c.state.quote, std::max(5 * ui.layouts.unit, 4.f));
}

bool voices_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const VoicesLayout& l = ui.layouts.voices;
    const int count = int(ui.pack.quotes.size());
    auto go = [&](int step) {
        const int next = std::clamp(s.quote + step, 0, std::max(0, count - 1));
        if (next == s.quote) return false;
        s.quote = next;
        s.quote_direction = step;
        s.quote_changed_ms = g.time_ms;
        if (s.stats.in_session) s.stats.add(StatEvent::Kind::QuoteRead, ui.pack.quotes[size_t(next)].id);
        return true;
    };
    if (g.kind == Gesture::Kind::Swipe) {
        if (g.direction == Gesture::Direction::Left) return go(1);
        if (g.direction == Gesture::Direction::Right) return go(-1);
        return false;
    }
    if (g.kind != Gesture::Kind::Tap) return false;
    if (top_bar_tap(s, l.bar, g, ui)) return true;
    const float t = ui.layouts.target;
    if (grow_to(l.prev, t).contains(g.x, g.y)) return go(-1);
    if (grow_to(l.next, t).contains(g.x, g.y)) return go(1);
    return false;
}

}  // namespace kiosk
