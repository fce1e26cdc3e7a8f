// What a visitor using the keypad or speech sees: a ring around the focused item,
// captions of what is being said (large, light on black, over the bottom of the
// screen), "Paused" while paused, and "Speech is not available for this text"
// when the screen's language has no voice for it.
#include "layout/text_measure.h"
#include "state/focus.h"
#include "text/interface_strings.h"
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr ImU32 kCaptionInk = 0xffffffffu;   // white on
constexpr ImU32 kCaptionBand = 0xf2000000u;  // near-opaque black: 21:1 whatever is under it

// Two rings, the accent outside a dark one, so the focus shows on light and dark
// alike; drawn a little outside the item so its own outline stays visible.
void draw_focus_ring(const DrawContext& c) {
    const ExhibitState& s = c.state;
    if (!s.access.focus_shown) return;
    const std::vector<FocusItem> items = focus_items(s, c.ui);
    if (items.empty()) return;
    const FocusItem& item = items[size_t(std::clamp(s.access.focus, 0, int(items.size()) - 1))];
    const Rect r = item.rect;
    const float u = c.ui.layouts.unit;
    const float width = std::max(std::round(6 * u), 3.f);
    // A text's rectangle is the text itself: the ring stands clear of its letters.
    // Buttons sit close together: their ring keeps near.
    const float gap =
        item.press == FocusItem::Press::Speak ? std::max(std::round(16 * u), 6.f) : std::max(std::round(5 * u), 2.f);
    // A pill-shaped button gets a pill-shaped ring; anything else a rounded one.
    const bool pill = item.press != FocusItem::Press::Speak && r.w >= 1.5f * r.h;
    const float rounding = pill ? r.h / 2 + gap + width / 2 : std::max(12 * u, 5.f) + gap;
    const ImVec2 a = snap(r.x - gap - width / 2, r.y - gap - width / 2);
    const ImVec2 b = snap(r.right() + gap + width / 2, r.bottom() + gap + width / 2);
    c.dl.AddRect(ImVec2(a.x - width / 2, a.y - width / 2), ImVec2(b.x + width / 2, b.y + width / 2), 0xff000000u,
                 rounding + width, 0, std::max(2.f, width / 2));
    c.dl.AddRect(a, b, c.palette.accent, rounding, 0, width);
}

// A black band across the bottom with one message or caption in it.
void draw_band(const DrawContext& c, const std::string& text, const std::string& label) {
    const Ui& ui = c.ui;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const float pad = std::round(std::max(28 * u, 12.f));
    const float width = W - 2 * pad;
    const FontRole role = FontRole::Headline;
    const std::string lines = fit_lines(ui.fonts, role, text, width - 2 * pad, 3);
    const float label_h = label.empty() ? 0 : text_height(ui.fonts, FontRole::SmallCaps, label, width) + pad / 2;
    const float h = text_height(ui.fonts, role, lines, 0) + label_h + 2 * pad;
    // At the bottom, as captions are, unless the focused item is there: then at the top.
    Rect band = {pad, H - h - pad, width, h};
    if (const std::vector<FocusItem> items = focus_items(c.state, ui); c.state.access.focus_shown && !items.empty()) {
        const Rect& focused = items[size_t(std::clamp(c.state.access.focus, 0, int(items.size()) - 1))].rect;
        if (focused.bottom() > band.y && focused.y < band.bottom()) band.y = pad;
    }
    c.dl.AddRectFilled(snap(band.x, band.y), snap(band.right(), band.bottom()), kCaptionBand, 12 * u);
    float y = band.y + pad;
    if (!label.empty()) {
        draw_spaced_caps(c.dl, ui.fonts, FontRole::SmallCaps, snap(band.x + pad, y), kCaptionInk, label, 0.08f);
        y += label_h;
    }
    draw_text(c.dl, ui.fonts, role, snap(band.x + pad, y), kCaptionInk, lines);
}

}  // namespace

void draw_access(const DrawContext& c) {
    const ExhibitState& s = c.state;
    if (s.screen_off) return;
    draw_focus_ring(c);
    const Speech& sp = s.access.speech;
    if (sp.started_ms < 0) return;
    const bool paused = sp.paused_ms >= 0;
    const std::string paused_label = paused ? ui_text(UiText::SpeechPaused, c.ui.lang) : "";
    if (const CaptionCue* cue = caption_at(sp, c.now_ms)) {
        draw_band(c, cue->text, paused_label);
    } else if (sp.unavailable && c.now_ms < sp.started_ms + std::max(sp.duration_ms, kSpeechNoticeMs)) {
        draw_band(c, ui_text(UiText::SpeechUnavailable, c.ui.lang), "");
    }
}

}  // namespace kiosk
