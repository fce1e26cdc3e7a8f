// Voices: one quote at a time in large serif type, with who said it and when,
// their role and the context, and a "Disputed" note when others contest what it
// says; swipe or the arrows to move on; page dots show where you are. A quote
// in translation says so, and its original is a tap away.
#include "pack/date.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_quote_block(ImDrawList& dl, const Ui& ui, const Palette& p, const Quote& q, const Rect& box, float x_offset,
                      bool centred_vertically, float scroll, bool original) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    const QuoteBlock b = arrange_quote(ui, q, box.w, box.h, scroll >= 0, original);
    const std::string& text = b.text;
    float y = centred_vertically ? box.y + std::max(0.f, (box.h - b.total()) / 2) : box.y;
    if (scroll >= 0 && b.total() + b.mark * 0.25f > box.h) y = box.y + b.mark * 0.25f - scroll;
    const float x = box.x + x_offset;

    // An opening quotation mark in the accent colour, hung above the text.
    draw_text_at(dl, f, FontRole::Title, b.mark, snap(x - b.mark * 0.08f, y - b.mark * 0.25f), p.accent_text, "“");
    y += b.mark * 0.6f;
    draw_text_at(dl, f, FontRole::Headline, b.size, snap(x, y), p.paper, text, box.w);
    y += b.text_h + 28 * u;
    const float bar = std::round(std::max(48 * u, 20.f));
    draw_rule(dl, x, x + bar, y - 14 * u, std::max(2.f, 2 * u), p.accent);
    draw_text(dl, f, FontRole::Body, ImVec2(x, y), p.paper, b.speaker);
    if (!b.speaker_mark.empty()) {
        // On the speaker's baseline, as near as two sizes of one face allow.
        const float mark_x = x + text_width(f, FontRole::Body, b.speaker) + std::round(24 * u);
        const float mark_y = y + (f.size(FontRole::Body) - f.size(FontRole::SmallCaps)) * 0.8f;
        draw_spaced_caps(dl, f, FontRole::SmallCaps, snap(mark_x, mark_y), p.accent_text, b.speaker_mark, 0.08f);
    }
    y += b.speaker_h;
    y += draw_text(dl, f, FontRole::Caption, ImVec2(x, y), p.muted, b.details, box.w);
    if (b.translation_h > 0) {
        draw_text(dl, f, FontRole::Small, ImVec2(x, y + 10 * u), p.muted, b.translation, box.w);
        y += b.translation_h;
    }
    FlowDrawer paint(dl, f, p);
    if (b.disputed_h > 0) disputed_flow(&paint, ui, b.disputed_mark, b.disputed, x, y + 18 * u, box.w);
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
    draw_spaced_caps(
        c.dl, ui.fonts, FontRole::DateLabel,
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
    draw_quote_block(c.dl, ui, p, q, l.quote_box, offset, true, scroll, c.state.quote_original);
    draw_veil(c.dl, p, l.quote_box, veil);
    c.dl.PopClipRect();
    if (const Rect toggle = original_toggle(ui, q, l.original_row, c.state.quote_original); toggle.h > 0)
        draw_pill_button(
            c.dl, ui.fonts, p, toggle,
            ui_text(c.state.quote_original ? UiText::QuoteShowTranslation : UiText::QuoteShowOriginal, ui.lang));
    // A quote longer than its box scrolls under the finger.
    if (const float overflow = quote_overflow(ui, q, c.state.quote_original); overflow > 0) {
        const float fade = std::min(ui.fonts.size(FontRole::Body) * 2.f, l.quote_box.h / 5);
        draw_scroll_hints(c.dl, p, {l.quote_box.x - 8, l.quote_box.y, l.quote_box.w + 16, l.quote_box.h},
                          l.quote_box.h + overflow, scroll, fade,
                          l.quote_box.right() + std::round(16 * ui.layouts.unit), ui.layouts.unit);
    }

    draw_icon_button(c.dl, p, l.prev, Icon::Left, c.state.quote > 0);
    draw_icon_button(c.dl, p, l.next, Icon::Right, c.state.quote + 1 < count);
    // Between the arrows in portrait; across the screen's width in landscape.
    const float room = ui.layouts.portrait ? l.next.x - l.prev.right() - 2 * l.prev.w / 4 : W - 2 * l.prev.x;
    draw_page_position(c.dl, ui.fonts, p, W / 2, l.dots_y, room, count, c.state.quote,
                       std::max(5 * ui.layouts.unit, 4.f), ui.digits("0") != "0");
}

}  // namespace kiosk
