// "Still there?": the few seconds before the exhibit resets for the next visitor.
// A touch anywhere keeps the reader's place.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

void draw_countdown(const DrawContext& c) {
    const Ui& ui = c.ui;
    const Palette& p = c.palette;
    const Rect& r = ui.layouts.countdown;
    const float u = ui.layouts.unit;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const int64_t left_ms = c.state.last_input_ms + idle_timeout_ms(ui.pack) + kCountdownMs - c.now_ms;
    const int seconds = int(std::clamp<int64_t>((left_ms + 999) / 1000, 0, kCountdownMs / 1000));

    draw_modal_panel(c.dl, p, {0, 0, W, H}, r, 0.75f, u);

    // A ring that empties second by second, with the number inside.
    const float ring_r = std::round(std::min(r.h * 0.3f, ui.fonts.size(FontRole::Title) * 0.9f));
    const float pad = std::round(std::max(36 * u, 12.f));
    const ImVec2 centre = snap(r.x + pad + ring_r, r.y + r.h / 2);
    const float stroke = std::max(3.f, 6 * u);
    c.dl.AddCircle(centre, ring_r, p.rule, 64, stroke);
    const float frac = float(seconds) / float(kCountdownMs / 1000);
    if (frac > 0) {
        c.dl.PathArcTo(centre, ring_r, -1.5707963f, -1.5707963f + 6.2831853f * frac, 64);
        c.dl.PathStroke(p.accent, 0, stroke);
    }
    const std::string n = ui.digits(std::to_string(seconds));
    draw_text(c.dl, ui.fonts, FontRole::Headline,
              ImVec2(centre.x - text_width(ui.fonts, FontRole::Headline, n) / 2,
                     centre.y - ui.fonts.size(FontRole::Headline) * 0.68f),
              p.paper, n);

    const float x = centre.x + ring_r + pad;
    const float w = r.right() - pad - x;
    const std::string& title = ui_text(UiText::CountdownTitle, ui.lang);
    const std::string& body = ui_text(UiText::CountdownBody, ui.lang);
    const float total =
        ui.fonts.size(FontRole::Headline) * 1.3f + 10 * u + text_height(ui.fonts, FontRole::Body, body, w);
    float y = r.y + (r.h - total) / 2;
    y += draw_text(c.dl, ui.fonts, FontRole::Headline, ImVec2(x, y), p.paper, title, w) + 10 * u;
    draw_text(c.dl, ui.fonts, FontRole::Body, ImVec2(x, y), p.muted, body, w);
}

}  // namespace kiosk
