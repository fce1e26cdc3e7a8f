#include "unavailable_screen.h"

#include "draw_helpers.h"
#include "palette.h"

#include <algorithm>

namespace kiosk {

namespace {
const char* kHeadline = "This exhibit is resting";
const char* kVisitorLine = "Please ask a member of staff, or come back a little later.";
const char* kStaffLabel = "For staff: the exhibit pack could not be loaded";
}  // namespace

std::string unavailable_screen_text() { return std::string(kHeadline) + kVisitorLine + kStaffLabel; }

void draw_unavailable(ImDrawList& dl, const Display& display, const Fonts& fonts,
                      const std::vector<std::string>& staff_details) {
    const float W = float(display.width), H = float(display.height);
    const float u = fonts.sizes.scale;
    const Palette& p = palette_for(false);
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);
    const float width = std::min(W - 2 * std::max(72 * u, 16.f), 1100 * u * 1.2f);
    const float x = (W - width) / 2;
    float y = H * 0.28f;
    y += draw_text(dl, fonts, FontRole::Title, ImVec2(x, y), p.paper, kHeadline, width);
    y += 24 * u;
    y += draw_text(dl, fonts, FontRole::Body, ImVec2(x, y), p.muted, kVisitorLine, width);
    y += 56 * u;
    draw_rule(dl, x, x + width, y, 1, p.rule);
    y += 24 * u;
    draw_spaced_caps(dl, fonts, FontRole::SmallCaps, ImVec2(x, y), p.accent_text, kStaffLabel, 0.06f);
    y += fonts.size(FontRole::SmallCaps) * 1.6f;
    dl.PushClipRect(ImVec2(x, y), ImVec2(x + width, H - 16 * u), true);
    for (const std::string& line : staff_details)
        y += draw_text(dl, fonts, FontRole::Small, ImVec2(x, y), p.muted, line, width) + 6 * u;
    dl.PopClipRect();
}

}  // namespace kiosk
