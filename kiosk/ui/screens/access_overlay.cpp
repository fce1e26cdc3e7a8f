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

// The accent ring inside a thin dark one, so the focus shows on light and dark
// alike; drawn a little outside the item so its own outline stays visible.
void draw_focus_ring(const DrawContext& c, const FocusItem& item) {
    // Whole pixels first: the ring's half-pixel offsets then round the same way on
    // every machine, whatever the last bit of the layout's arithmetic.
    const Rect r = {std::round(item.rect.x), std::round(item.rect.y), std::round(item.rect.w), std::round(item.rect.h)};
    const float u = c.ui.layouts.unit;
    // Whole pixels from the display's unit, nudged off a tie (at 800x480, 6 units
    // are 2.5 px give or take the last bit) so every machine rounds the same way.
    auto px = [u](float units) { return std::round(units * u + 0.01f); };
    const float width = std::max(px(6), 3.f);
    // A text's rectangle is the text itself: the ring stands clear of its letters.
    // Buttons sit close together: their ring keeps near.
    const float gap = item.press == FocusItem::Press::Speak ? std::max(px(16), 6.f) : std::max(px(5), 2.f);
    // Square bars on whole pixels, not a stroked rounded path: the ring is
    // crisp, and exactly the same on every machine (a stroke's anti-aliased edge
    // falls on half pixels that x86-64 and ARM round differently).
    const float outline = std::max(px(2), 1.f);
    const float x0 = r.x - gap - width, y0 = r.y - gap - width;
    const float x1 = r.right() + gap + width, y1 = r.bottom() + gap + width;
    auto frame = [&](float left, float top, float right, float bottom, float thickness, ImU32 colour) {
        c.dl.AddRectFilled(ImVec2(left, top), ImVec2(right, top + thickness), colour);
        c.dl.AddRectFilled(ImVec2(left, bottom - thickness), ImVec2(right, bottom), colour);
        c.dl.AddRectFilled(ImVec2(left, top + thickness), ImVec2(left + thickness, bottom - thickness), colour);
        c.dl.AddRectFilled(ImVec2(right - thickness, top + thickness), ImVec2(right, bottom - thickness), colour);
    };
    frame(x0 - outline, y0 - outline, x1 + outline, y1 + outline, outline, 0xff000000u);
    frame(x0, y0, x1, y1, width, c.palette.accent);
}

// A black band across the bottom with one message or caption in it.
void draw_band(const DrawContext& c, const std::string& text, const std::string& label, const FocusItem* focused) {
    const Ui& ui = c.ui;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const float pad = std::round(std::max(28 * u, 12.f));
    const float width = W - 2 * pad;
    const FontRole role = FontRole::Headline;
    const std::string lines = fit_lines(ui.fonts, role, text, width - 2 * pad, 3);
    const float label_h = label.empty() ? 0 : text_height(ui.fonts, FontRole::SmallCaps, label, width) + pad / 2;
    const float h = text_height(ui.fonts, role, lines, 0) + label_h + 2 * pad;
    // At the bottom, as captions are, unless the top hides less of the focused item.
    Rect band = {pad, H - h - pad, width, h};
    if (focused) {
        // Where it hides less of the focused item (a tall quote box meets both).
        auto hidden = [&](float top) {
            return std::max(0.f, std::min(focused->rect.bottom(), top + h) - std::max(focused->rect.y, top));
        };
        if (hidden(pad) < hidden(band.y)) band.y = pad;
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
    // The focused item, once per frame: the ring goes around it, captions avoid it.
    const std::vector<FocusItem> items = s.access.focus_shown ? focus_items(s, c.ui) : std::vector<FocusItem>{};
    const FocusItem* focused =
        items.empty() ? nullptr : &items[size_t(std::clamp(s.access.focus, 0, int(items.size()) - 1))];
    if (focused) draw_focus_ring(c, *focused);
    const Speech& sp = s.access.speech;
    if (sp.started_ms < 0) return;
    const bool paused = sp.paused_ms >= 0;
    const std::string paused_label = paused ? ui_text(UiText::SpeechPaused, c.ui.lang) : "";
    if (const CaptionCue* cue = caption_at(sp, c.now_ms)) {
        draw_band(c, cue->text, paused_label, focused);
    } else if (sp.unavailable && c.now_ms < sp.started_ms + std::max(sp.duration_ms, kSpeechNoticeMs)) {
        draw_band(c, ui_text(UiText::SpeechUnavailable, c.ui.lang), "", focused);
    }
}

}  // namespace kiosk
