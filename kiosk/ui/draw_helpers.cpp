#include "ui/draw_helpers.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// Where the text drawing records what it draws for the tests (record_drawn_text); null in the kiosk.
std::vector<DrawnText>* g_drawn_text = nullptr;

}  // namespace

float draw_text_at(ImDrawList& dl, const Fonts& fonts, FontRole role, float size, ImVec2 pos, ImU32 col,
                   const std::string& text, float wrap_width) {
    if (g_drawn_text) g_drawn_text->push_back({fonts.style(role, size), text});
    const TextLayout& l = text_layout(fonts, role, size, text, wrap_width);
    fonts.text->draw(dl, l, pos, col);
    return l.height();
}

float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col, const std::string& text,
                float wrap_width) {
    return draw_text_at(dl, fonts, role, fonts.size(role), pos, col, text, wrap_width);
}

float draw_spaced_caps(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                       const std::string& text, float spacing_em) {
    if (g_drawn_text) g_drawn_text->push_back({fonts.style(role), text});
    const TextLayout& l = text_layout(fonts, role, fonts.size(role), caps_label(fonts, role, text));
    const float spacing = l.has_khmer ? 0.f : spacing_em * fonts.size(role);
    fonts.text->draw(dl, l, pos, col, spacing);
    return spaced_caps_width(fonts, role, text, spacing_em);
}

void record_drawn_text(std::vector<DrawnText>* log) { g_drawn_text = log; }

void draw_rule(ImDrawList& dl, float x0, float x1, float y, float thickness, ImU32 col) {
    const float t = std::max(1.f, std::round(thickness));
    const float top = std::round(y - t / 2);
    dl.AddRectFilled(ImVec2(std::round(x0), top), ImVec2(std::round(x1), top + t), col);
}

}  // namespace kiosk
