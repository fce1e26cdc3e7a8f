#include "ui/screens/unavailable_screen.h"

#include "text/interface_strings.h"
#include "ui/draw_helpers.h"
#include "ui/palette.h"

#include <algorithm>

namespace kiosk {

namespace {
// The screen is shown without an exhibit, so without its languages: in English.
const std::string& words(UiText key) { return ui_text(key, "en"); }
constexpr int kLinesPerProblem = 3;

}  // namespace

std::vector<std::string> staff_lines(const Fonts& fonts, const std::vector<std::string>& details, float width,
                                     float height) {
    const float line_h = fonts.size(FontRole::Small);
    const float gap = 6 * fonts.sizes.scale;
    std::vector<std::string> shown;
    float used = 0;
    for (size_t i = 0; i < details.size(); ++i) {
        // The last line left says how many problems did not fit, unless this is the last problem.
        const float left = height - used - (i + 1 < details.size() ? line_h + gap : 0);
        const int lines = std::min(kLinesPerProblem, int(left / line_h));
        if (lines < 1) {
            const size_t more = details.size() - i;
            const UiText line = more == 1 ? UiText::UnavailableMoreProblem : UiText::UnavailableMoreProblems;
            shown.push_back(
                fit_lines(fonts, FontRole::Small, ui_text(line, "en", {{"count", std::to_string(more)}}), width, 1));
            break;
        }
        shown.push_back(fit_lines(fonts, FontRole::Small, details[i], width, lines));
        used += float(std::count(shown.back().begin(), shown.back().end(), '\n') + 1) * line_h + gap;
    }
    return shown;
}

const char* const kDisplayTooSmallLabel = words(UiText::UnavailableDisplayTooSmall).c_str();

std::string unavailable_screen_text() { return interface_glyph_text({}); }

void draw_unavailable(ImDrawList& dl, const Display& display, const Fonts& fonts,
                      const std::vector<std::string>& staff_details, const std::string& staff_label) {
    const float W = float(display.width), H = float(display.height);
    const float u = fonts.sizes.scale;
    const Palette& p = palette_for(false);
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), p.background);
    const float width = std::min(W - 2 * std::max(72 * u, 16.f), 1100 * u * 1.2f);
    const float x = (W - width) / 2;
    float y = H * 0.28f;
    y += draw_text(dl, fonts, FontRole::Title, ImVec2(x, y), p.paper, words(UiText::UnavailableHeadline), width);
    y += 24 * u;
    y += draw_text(dl, fonts, FontRole::Body, ImVec2(x, y), p.muted, words(UiText::UnavailableVisitorLine), width);
    y += 56 * u;
    draw_rule(dl, x, x + width, y, 1, p.rule);
    y += 24 * u;
    const std::string label =
        fit_lines(fonts, FontRole::SmallCaps, staff_label.empty() ? words(UiText::UnavailableStaffLabel) : staff_label,
                  width / 1.15f, 1, false);
    draw_spaced_caps(dl, fonts, FontRole::SmallCaps, ImVec2(x, y), p.accent_text, label, 0.06f);
    y += fonts.size(FontRole::SmallCaps) * 1.6f;
    dl.PushClipRect(ImVec2(x, y), ImVec2(x + width, H - 16 * u), true);
    for (const std::string& line : staff_lines(fonts, staff_details, width, H - 16 * u - y))
        y += draw_text(dl, fonts, FontRole::Small, ImVec2(x, y), p.muted, line) + 6 * u;
    dl.PopClipRect();
}

}  // namespace kiosk
