#include "ui/draw_helpers.h"

#include "layout/text_lines.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// Where the text drawing records what it draws for the tests (record_drawn_text); null in the kiosk.
std::vector<DrawnText>* g_drawn_text = nullptr;

}  // namespace

float draw_text_at(ImDrawList& dl, const ImFont* font, float size, ImVec2 pos, ImU32 col, const std::string& text,
                   float wrap_width) {
    if (g_drawn_text) g_drawn_text->push_back({font, text});
    pos.x = std::round(pos.x);
    pos.y = std::round(pos.y);
    std::string cut;
    const std::string& t = laid_out(text, cut);
    const float top = dl.GetClipRectMin().y, bottom = dl.GetClipRectMax().y;
    if (t.size() <= kWholeTextBytes) {
        const float h = font->CalcTextSizeA(size, 1e9f, wrap_width, t.c_str(), t.c_str() + t.size()).y;
        if (pos.y <= bottom && pos.y + h >= top)
            dl.AddText(font, size, pos, col, t.c_str(), t.c_str() + t.size(), wrap_width);
        return h;
    }
    // Only the lines inside the clip rectangle are drawn; the rest are counted.
    float y = pos.y;
    for_each_line(font, size, t.c_str(), t.c_str() + t.size(), wrap_width, [&](const char* b, const char* e) {
        // A line longer than any screen is wide is cut: its tail could not show.
        if (e - b > ptrdiff_t(kWholeTextBytes)) e = start_of_char(b, b + kWholeTextBytes);
        if (y + size >= top && y <= bottom && b < e) dl.AddText(font, size, ImVec2(pos.x, y), col, b, e);
        y += size;
        return true;
    });
    return y - pos.y;
}

float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col, const std::string& text,
                float wrap_width) {
    return draw_text_at(dl, fonts[role], fonts.size(role), pos, col, text, wrap_width);
}

float draw_spaced_caps(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                       const std::string& text, float spacing_em) {
    if (g_drawn_text) g_drawn_text->push_back({fonts[role], text});
    const float spacing = spacing_em * fonts.size(role);
    float x = std::round(pos.x);
    const float y = std::round(pos.y);
    // A label wholly above or below the clip rectangle adds nothing to the frame.
    const bool visible = y + fonts.size(role) * 1.5f >= dl.GetClipRectMin().y && y <= dl.GetClipRectMax().y;
    for_each_caps_char(fonts, role, text, [&](const char* b, const char* e, float advance) {
        if (visible) dl.AddText(fonts[role], fonts.size(role), ImVec2(std::round(x), y), col, b, e);
        x += advance + spacing;
    });
    return x - pos.x - spacing;
}

void record_drawn_text(std::vector<DrawnText>* log) { g_drawn_text = log; }

void draw_rule(ImDrawList& dl, float x0, float x1, float y, float thickness, ImU32 col) {
    const float t = std::max(1.f, std::round(thickness));
    const float top = std::round(y - t / 2);
    dl.AddRectFilled(ImVec2(std::round(x0), top), ImVec2(std::round(x1), top + t), col);
}

}  // namespace kiosk
