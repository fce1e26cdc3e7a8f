#include "ui/widgets.h"

#include "base/digits.h"
#include "ui/draw_helpers.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

ImVec2 snap(float x, float y) { return ImVec2(std::round(x), std::round(y)); }

void draw_pill_button(ImDrawList& dl, const Fonts& fonts, const Palette& p, const Rect& r, const std::string& label,
                      bool active) {
    const float radius = std::min(r.w, r.h) / 2;
    dl.AddRectFilled(snap(r.x, r.y), snap(r.right(), r.bottom()), active ? p.paper : p.background, radius);
    dl.AddRect(snap(r.x, r.y), snap(r.right(), r.bottom()), active ? p.paper : p.outline, radius, 0,
               std::max(1.5f, radius / 22));
    const float tw = text_width(fonts, FontRole::Button, label);
    const float th = fonts.size(FontRole::Button);
    draw_text(dl, fonts, FontRole::Button, ImVec2(r.x + (r.w - tw) / 2, r.y + (r.h - th * 1.2f) / 2 + th * 0.05f),
              active ? p.background : p.paper, label);
}

void draw_icon_button(ImDrawList& dl, const Palette& p, const Rect& r, Icon icon, bool enabled,
                      const std::string& label, const Fonts* fonts) {
    const bool pill = !label.empty() && fonts;
    const float radius = std::min(r.w, r.h) / 2;
    dl.AddRectFilled(snap(r.x, r.y), snap(r.right(), r.bottom()), p.background, radius);
    dl.AddRect(snap(r.x, r.y), snap(r.right(), r.bottom()), p.outline, radius, 0, std::max(1.5f, radius / 22));
    const ImU32 col = enabled ? p.paper : p.outline;
    const float s = radius * 0.28f;
    const float stroke = std::max(2.f, radius / 16);
    // The icon sits in the button's left circle when it carries a label.
    const ImVec2 c(pill ? r.x + radius * 1.05f : r.x + r.w / 2, r.y + r.h / 2);
    switch (icon) {
        case Icon::Close:
            dl.AddLine(ImVec2(c.x - s, c.y - s), ImVec2(c.x + s, c.y + s), col, stroke);
            dl.AddLine(ImVec2(c.x - s, c.y + s), ImVec2(c.x + s, c.y - s), col, stroke);
            break;
        case Icon::Left:
        case Icon::Back:
        case Icon::Right: {
            const float dir = icon == Icon::Right ? 1.f : -1.f;
            const ImVec2 pts[3] = {ImVec2(c.x - dir * s * 0.5f, c.y - s), ImVec2(c.x + dir * s * 0.5f, c.y),
                                   ImVec2(c.x - dir * s * 0.5f, c.y + s)};
            dl.AddPolyline(pts, 3, col, 0, stroke);
            break;
        }
    }
    if (pill) {
        const float th = fonts->size(FontRole::Button);
        draw_text(dl, *fonts, FontRole::Button, ImVec2(r.x + radius * 1.7f, r.y + (r.h - th * 1.2f) / 2 + th * 0.05f),
                  col, label);
    }
}

void draw_page_dots(ImDrawList& dl, const Palette& p, float centre_x, float y, int count, int current, float radius) {
    const float gap = radius * 3.2f;
    const float x0 = centre_x - gap * float(count - 1) / 2;
    for (int i = 0; i < count; ++i) {
        const ImVec2 c = snap(x0 + gap * float(i), y);
        if (i == current)
            dl.AddCircleFilled(c, radius * 1.25f, p.accent, 24);
        else
            dl.AddCircle(c, radius, p.muted, 24, std::max(1.5f, radius / 3));
    }
}

int page_dots_fitting(float width, float radius) {
    // Dots are 3.2 radii apart; the current one is a little larger.
    const float gap = radius * 3.2f;
    return width < 2.5f * radius ? 0 : 1 + int((width - 2.5f * radius) / gap);
}

void draw_page_position(ImDrawList& dl, const Fonts& fonts, const Palette& p, float centre_x, float y, float width,
                        int count, int current, float radius, bool khmer_digits) {
    if (count <= page_dots_fitting(width, radius)) {
        draw_page_dots(dl, p, centre_x, y, count, current, radius);
        return;
    }
    const std::string label = localise_digits(
        std::to_string(std::clamp(current, 0, count - 1) + 1) + " / " + std::to_string(count), khmer_digits);
    const float size = fonts.size(FontRole::Small);
    const float tw = text_width(fonts, FontRole::Small, label);
    const float bar_w = std::round(std::max(0.f, std::min(width - tw - 4 * radius, 240 * radius / 5)));
    const float total = bar_w > 8 * radius ? tw + 3 * radius + bar_w : tw;
    const float x = std::round(centre_x - total / 2);
    draw_text(dl, fonts, FontRole::Small, ImVec2(x, y - size * 0.62f), p.paper, label);
    if (total == tw) return;
    const float bx = x + tw + 3 * radius, t = std::max(2.f, std::round(radius / 2));
    dl.AddRectFilled(snap(bx, y - t / 2), snap(bx + bar_w, y - t / 2 + t), p.rule, t);
    const float at = count > 1 ? float(current) / float(count - 1) : 0;
    dl.AddCircleFilled(snap(bx + bar_w * std::clamp(at, 0.f, 1.f), y), radius * 1.25f, p.accent, 24);
}

void draw_switch_row(ImDrawList& dl, const Fonts& fonts, const Palette& p, const Rect& r, const std::string& label,
                     bool on) {
    const float th = fonts.size(FontRole::Body);
    const Rect track = switch_in_row(r, th);
    const float h = track.h;
    // The label keeps clear of the switch: a long one (Khmer's "larger text" on a
    // 7" panel) wraps to the lines the row holds, then ends in "…".
    const float label_w = switch_label_width(r, th);
    const int lines = std::max(1, int(r.h / line_height(fonts, FontRole::Body, label)));
    const std::string shown = fit_lines(fonts, FontRole::Body, label, label_w, lines);
    const float label_h = std::max(text_height(fonts, FontRole::Body, shown, 0), th * 1.3f);
    draw_text(dl, fonts, FontRole::Body, ImVec2(r.x, r.y + (r.h - label_h) / 2), p.paper, shown);
    dl.AddRectFilled(snap(track.x, track.y), snap(track.right(), track.bottom()), on ? p.accent : p.frame, h / 2);
    dl.AddRect(snap(track.x, track.y), snap(track.right(), track.bottom()), on ? p.accent : p.outline, h / 2, 0, 1.5f);
    const float knob = h / 2 - std::max(2.f, h * 0.1f);
    dl.AddCircleFilled(snap(on ? track.right() - h / 2 : track.x + h / 2, track.y + h / 2), knob, p.paper, 32);
    draw_rule(dl, r.x, r.right(), r.bottom(), 1, p.rule);
}

void draw_veil(ImDrawList& dl, const Palette& p, const Rect& r, float alpha) {
    if (alpha <= 0.004f) return;
    dl.AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), with_alpha(p.background, alpha));
}

void draw_modal_panel(ImDrawList& dl, const Palette& p, const Rect& screen, const Rect& panel, float dim, float unit) {
    draw_veil(dl, p, screen, dim);
    const float radius = 18 * unit;
    dl.AddRectFilled(snap(panel.x, panel.y), snap(panel.right(), panel.bottom()), p.frame, radius);
    dl.AddRect(snap(panel.x, panel.y), snap(panel.right(), panel.bottom()), p.outline, radius, 0, 1.5f);
}

void draw_scroll_hints(ImDrawList& dl, const Palette& p, const Rect& view, float content_height, float scroll,
                       float fade, float bar_x, float unit) {
    if (content_height <= view.h + 1) return;
    const uint32_t clear = with_alpha(p.background, uint8_t(0));
    if (scroll > 1)
        dl.AddRectFilledMultiColor(snap(view.x, view.y), snap(view.right(), view.y + fade), p.background, p.background,
                                   clear, clear);
    if (content_height - scroll > view.h + 1)
        dl.AddRectFilledMultiColor(snap(view.x, view.bottom() - fade), snap(view.right(), view.bottom()), clear, clear,
                                   p.background, p.background);
    const float thumb = std::max(view.h * view.h / content_height, 24.f);
    const float t = std::clamp(scroll / (content_height - view.h), 0.f, 1.f);
    const float w = std::max(3.f, std::round(4 * unit));
    dl.AddRectFilled(snap(bar_x, view.y), snap(bar_x + w, view.bottom()), p.rule, w);
    dl.AddRectFilled(snap(bar_x, view.y + (view.h - thumb) * t), snap(bar_x + w, view.y + (view.h - thumb) * t + thumb),
                     p.muted, w);
}

}  // namespace kiosk
