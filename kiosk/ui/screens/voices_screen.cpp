// Voices: one quote at a time in large serif type, with who said it and when,
// their role and the context, and a "Disputed" note when others contest what it
// says; swipe or the arrows to move on; page dots show where you are.
#include "pack/date.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

std::string attribution_details(const Ui& ui, const Quote& q) {
    std::string cut;
    std::string d = laid_out(q.role.get(ui.lang), cut, bytes_for_chars(kMaxShortTextChars));
    const std::string& context = laid_out(q.context.get(ui.lang), cut, bytes_for_chars(kMaxShortTextChars));
    if (!context.empty()) d += (d.empty() ? "" : "\n") + context;
    return d;
}

// The quote's type size: as large as the design asks, smaller for a long quote so
// it never spills out of its box; a quote too long even at the caption size is
// cut to the box with "…" (the validator keeps a pack's quotes short enough).
float quote_size(const Ui& ui, const std::string& text, float width, float height) {
    const ImFont* font = ui.fonts[FontRole::Headline];
    float size = ui.fonts.size(FontRole::Headline);
    const float floor = std::min(ui.fonts.size(FontRole::Body), ui.fonts.size(FontRole::Caption));
    while (size > floor && text_height_at(font, size, text, width) > height) size *= 0.92f;
    return std::max(std::round(size), floor);
}

}  // namespace

namespace {

// Where a quote block's parts go in a box: computed once, for measuring and drawing.
struct QuoteBlock {
    std::string text;
    std::string speaker;       // with the date, one line
    std::string details;
    std::string disputed_mark; // "Disputed", or empty
    std::string disputed;      // the note, cut to a few lines where the box cannot scroll
    float mark = 0;            // the opening quotation mark's size
    float size = 0;            // the quote's type size
    float text_h = 0;
    float speaker_h = 0;
    float attribution_h = 0;   // speaker, details and the disputed note
    float disputed_h = 0;      // the disputed note with its mark, 0 without one
    float total() const { return mark * 0.6f + text_h + attribution_h; }
};

// Measures (and draws, when `dl` is given) the disputed note as the event card
// does: a "Disputed" mark over the note, an accent bar beside both.
float disputed_flow(ImDrawList* dl, const Ui& ui, const Palette* p, const std::string& mark, const std::string& note,
                    float x, float y, float width) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    const float bar = std::max(std::round(5 * u), 3.f);
    const float inset = bar + std::round(22 * u);
    float by = y + 8 * u;
    if (dl) draw_spaced_caps(*dl, f, FontRole::SmallCaps, ImVec2(x + inset, by), p->accent_text, mark, 0.08f);
    by += f.size(FontRole::SmallCaps) * 1.3f + 4 * u;
    by += dl ? draw_text(*dl, f, FontRole::Caption, ImVec2(x + inset, by), p->paper, note, width - inset)
             : text_height(f, FontRole::Caption, note, width - inset);
    by += 8 * u;
    if (dl) dl->AddRectFilled(snap(x, y), snap(x + bar, by), p->accent);
    return by - y;
}

// The speaker on one line, then the date when the quote has one: a long name
// is cut with "…" so the date stays readable.
std::string speaker_line(const Ui& ui, const Quote& q, float width) {
    const Fonts& f = ui.fonts;
    const std::string date = q.when ? " · " + format_date_span(*q.when, ui.lang) : "";
    const float name_w = std::max(width * 0.3f, width - text_width(f, FontRole::Body, date));
    return fit_lines(f, FontRole::Body, q.speaker, name_w, 1, false) + date;
}

// A quote that starts mid-sentence ("very regretful for…") is shown with a
// leading ellipsis, as print does, so it does not read as a typo.
std::string shown_text(const Ui& ui, const Quote& q) {
    std::string cut;
    const std::string& text = laid_out(q.text.get(ui.lang), cut, bytes_for_chars(kMaxQuoteChars));
    return !text.empty() && text[0] >= 'a' && text[0] <= 'z' ? "…" + text : text;
}

// `scrolls`: the box scrolls, so a quote too long for it even at the smallest
// size stays whole; otherwise it is cut to the box with "…".
QuoteBlock arrange_quote(const Ui& ui, const Quote& q, float width, float height, bool scrolls) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    QuoteBlock b;
    b.speaker = speaker_line(ui, q, width);
    b.details = attribution_details(ui, q);
    b.speaker_h = f.size(FontRole::Body) * 1.4f;
    b.attribution_h = 28 * u + b.speaker_h + text_height(f, FontRole::Caption, b.details, width);
    std::string cut;
    b.disputed = laid_out(q.disputed.get(ui.lang), cut, bytes_for_chars(kMaxEventTextChars));
    if (!b.disputed.empty()) {
        b.disputed_mark = ui_text(UiText::CommonDisputed, ui.lang);
        // The attract loop cannot scroll: there the note keeps its mark and
        // its first lines, and the whole note is on Voices.
        if (!scrolls) b.disputed = fit_lines(f, FontRole::Caption, b.disputed, width - 30 * u, 3);
        b.disputed_h = 18 * u + disputed_flow(nullptr, ui, nullptr, b.disputed_mark, b.disputed, 0, 0, width);
        b.attribution_h += b.disputed_h;
    }
    b.mark = f.size(FontRole::Title) * 1.2f;
    b.text = shown_text(ui, q);
    const float room = height - b.attribution_h - b.mark * 0.6f;
    b.size = quote_size(ui, b.text, width, room);
    b.text_h = text_height_at(f[FontRole::Headline], b.size, b.text, width);
    if (b.text_h > room && !scrolls) {
        b.text = fit_lines(f[FontRole::Headline], b.size, b.text, width, std::max(1, int(room / b.size)));
        b.text_h = text_height_at(f[FontRole::Headline], b.size, b.text, 0);
    }
    return b;
}

}  // namespace

float quote_block_height(const Ui& ui, const Quote& q, float width, float height) {
    return arrange_quote(ui, q, width, height, false).total();
}

QuoteBlockText quote_block_text(const Ui& ui, const Quote& q, float width, float height, bool scrolls) {
    QuoteBlock b = arrange_quote(ui, q, width, height, scrolls);
    return {std::move(b.text), std::move(b.speaker), std::move(b.details), std::move(b.disputed_mark), std::move(b.disputed)};
}

float quote_overflow(const Ui& ui, const Quote& q) {
    const Rect& box = ui.layouts.voices.quote_box;
    // Scrolled, the block starts with its hung quotation mark at the box's top.
    const QuoteBlock b = arrange_quote(ui, q, box.w, box.h, true);
    return std::max(0.f, b.total() + b.mark * 0.25f - box.h);
}

void draw_quote_block(ImDrawList& dl, const Ui& ui, const Palette& p, const Quote& q, const Rect& box, float x_offset,
                      bool centred_vertically, float scroll) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    const QuoteBlock b = arrange_quote(ui, q, box.w, box.h, scroll >= 0);
    const std::string& text = b.text;
    float y = centred_vertically ? box.y + std::max(0.f, (box.h - b.total()) / 2) : box.y;
    if (scroll >= 0 && b.total() + b.mark * 0.25f > box.h) y = box.y + b.mark * 0.25f - scroll;
    const float x = box.x + x_offset;

    // An opening quotation mark in the accent colour, hung above the text.
    dl.AddText(f[FontRole::Title], b.mark, snap(x - b.mark * 0.08f, y - b.mark * 0.25f), p.accent_text, "“");
    y += b.mark * 0.6f;
    draw_text_at(dl, f[FontRole::Headline], b.size, snap(x, y), p.paper, text, box.w);
    y += b.text_h + 28 * u;
    const float bar = std::round(std::max(48 * u, 20.f));
    draw_rule(dl, x, x + bar, y - 14 * u, std::max(2.f, 2 * u), p.accent);
    draw_text(dl, f, FontRole::Body, ImVec2(x, y), p.paper, b.speaker);
    y += b.speaker_h;
    y += draw_text(dl, f, FontRole::Caption, ImVec2(x, y), p.muted, b.details, box.w);
    if (b.disputed_h > 0) disputed_flow(&dl, ui, &p, b.disputed_mark, b.disputed, x, y + 18 * u, box.w);
}

void draw_voices(const DrawContext& c) {
    const Ui& ui = c.ui;
    const VoicesLayout& l = ui.layouts.voices;
    const Palette& p = c.palette;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);
    draw_icon_button(c.dl, p, l.bar.back, Icon::Back, true, ui_text(UiText::CommonBack, ui.lang), &ui.fonts);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, ui_text(UiText::CommonSettings, ui.lang),
                     c.state.settings_open);
    const std::string& heading = ui_text(UiText::VoicesHeading, ui.lang);
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
    const float scroll = std::max(0.f, c.state.quote_scroll.offset());
    draw_quote_block(c.dl, ui, p, q, l.quote_box, offset, true, scroll);
    draw_veil(c.dl, p, l.quote_box, veil);
    c.dl.PopClipRect();
    // A quote longer than its box scrolls under the finger.
    if (const float overflow = quote_overflow(ui, q); overflow > 0) {
        const float fade = std::min(ui.fonts.size(FontRole::Body) * 2.f, l.quote_box.h / 5);
        draw_scroll_hints(c.dl, p, {l.quote_box.x - 8, l.quote_box.y, l.quote_box.w + 16, l.quote_box.h},
                          l.quote_box.h + overflow, scroll, fade, l.quote_box.right() + std::round(16 * ui.layouts.unit),
                          ui.layouts.unit);
    }

    draw_icon_button(c.dl, p, l.prev, Icon::Left, c.state.quote > 0);
    draw_icon_button(c.dl, p, l.next, Icon::Right, c.state.quote + 1 < count);
    // Between the arrows in portrait; across the screen's width in landscape.
    const float room = ui.layouts.portrait ? l.next.x - l.prev.right() - 2 * l.prev.w / 4 : W - 2 * l.prev.x;
    draw_page_position(c.dl, ui.fonts, p, W / 2, l.dots_y, room, count, c.state.quote,
                       std::max(5 * ui.layouts.unit, 4.f));
}

bool voices_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const VoicesLayout& l = ui.layouts.voices;
    const int count = int(ui.pack.quotes.size());
    auto go = [&](int step) {
        const int next = std::clamp(s.quote + step, 0, std::max(0, count - 1));
        if (next == s.quote) return false;
        s.quote = next;
        s.quote_scroll.set_range(0, quote_overflow(ui, ui.pack.quotes[size_t(next)]));
        s.quote_scroll.jump_to(0);
        s.dragging_quote = false;
        s.quote_direction = step;
        s.quote_changed_ms = g.time_ms;
        if (s.stats.in_session) s.stats.add(StatEvent::Kind::QuoteRead, ui.pack.quotes[size_t(next)].id);
        return true;
    };
    using K = Gesture::Kind;
    if (count > 0 && (g.kind == K::DragStart || g.kind == K::Drag || g.kind == K::DragEnd || g.kind == K::Cancel)) {
        if (g.kind == K::DragStart) {
            const float overflow = quote_overflow(ui, ui.pack.quotes[size_t(std::clamp(s.quote, 0, count - 1))]);
            s.dragging_quote = overflow > 0 && l.quote_box.contains(g.start_x, g.start_y);
            if (s.dragging_quote) {
                s.quote_scroll.set_range(0, overflow);
                s.quote_scroll.stop();
            }
        }
        if (!s.dragging_quote) return false;
        if (g.kind == K::DragStart || g.kind == K::Drag) {
            // Up and down scroll the quote; sideways is left to the swipe.
            if (std::abs(g.dy) >= std::abs(g.dx) * 0.5f) s.quote_scroll.drag_by(-g.dy, g.time_ms);
            return true;
        }
        s.quote_scroll.release(g.kind == K::DragEnd ? -g.vy : 0, g.time_ms);
        s.dragging_quote = false;
        return true;
    }
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
