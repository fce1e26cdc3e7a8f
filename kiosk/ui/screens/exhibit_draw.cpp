// The whole frame: the current screen, the fade between screens, and the overlays
// (visitor settings, the idle countdown, the staff PIN pad) on top.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

void draw_screen(const DrawContext& c, Screen screen) {
    switch (screen) {
        case Screen::Explore:
            draw_explore(c);
            // The card comes in with Explore, through the same fade.
            if (screen == c.state.screen && c.state.content_note_open) draw_content_note(c);
            break;
        case Screen::Photo: draw_photo_viewer(c); break;
        case Screen::Voices: draw_voices(c); break;
        case Screen::About: draw_about(c); break;
        case Screen::Attract: draw_attract(c); break;
    }
}

// A staff message across the top: what a USB stick did.
void draw_notice(const DrawContext& c) {
    const Ui& ui = c.ui;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width);
    const float pad = std::round(std::max(24 * u, 10.f));
    const float w = std::min(W - 2 * pad, std::round(1200 * u));
    const float text_w = w - 3 * pad;
    const float h = text_height(ui.fonts, FontRole::Body, c.state.notice.text, text_w) + 2 * pad;
    const Rect r = {std::round((W - w) / 2), pad, w, h};
    c.dl.AddRectFilled(snap(r.x, r.y), snap(r.right(), r.bottom()), c.palette.frame, 12 * u);
    c.dl.AddRect(snap(r.x, r.y), snap(r.right(), r.bottom()), c.palette.outline, 12 * u, 0, 1.5f);
    c.dl.AddRectFilled(snap(r.x, r.y), snap(r.x + std::max(6 * u, 4.f), r.bottom()),
                       c.state.notice.problem ? c.palette.accent : c.palette.muted, 12 * u,
                       ImDrawFlags_RoundCornersLeft);
    draw_text(c.dl, ui.fonts, FontRole::Body, ImVec2(r.x + 2 * pad, r.y + pad), c.palette.paper, c.state.notice.text,
              text_w);
}

}  // namespace

void draw_exhibit(const DrawContext& c) {
    const Rect all = {0, 0, float(c.ui.layouts.display.width), float(c.ui.layouts.display.height)};
    const ExhibitState& s = c.state;
    if (s.screen_off) {  // closed: black, every pixel off
        c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(all.w, all.h), 0xff000000u);
        return;
    }
    const bool motion = !reduced_motion(c.ui.pack);
    const int64_t into = c.now_ms - s.transition.start_ms;
    if (motion && s.transition.start_ms >= 0 && into < kTransitionMs) {
        // Out through the background and in again: calm, and never two screens'
        // text on top of each other.
        const float t = float(into) / float(kTransitionMs);
        if (t < 0.5f) {
            draw_screen(c, s.transition.from);
            draw_veil(c.dl, c.palette, all, t * 2);
        } else {
            draw_screen(c, s.screen);
            draw_veil(c.dl, c.palette, all, (1 - t) * 2);
        }
    } else {
        draw_screen(c, s.screen);
    }
    if (s.settings_open) draw_settings_panel(c);
    if (countdown_visible(s, c.ui.pack)) draw_countdown(c);
    if (s.pin_open) draw_pin_pad(c);
    draw_access(c);
    if (notice_visible(s)) draw_notice(c);
}

std::string interface_text(const Pack& pack) {
    return interface_glyph_text(pack.settings.languages) + language_names(pack);
}

}  // namespace kiosk
