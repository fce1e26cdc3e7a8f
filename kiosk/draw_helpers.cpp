#include "draw_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace kiosk {

float text_height(const Fonts& fonts, FontRole role, const std::string& text, float wrap_width) {
    return fonts[role]->CalcTextSizeA(fonts.size(role), 1e9f, wrap_width, text.c_str(), text.c_str() + text.size()).y;
}

float text_width(const Fonts& fonts, FontRole role, const std::string& text) {
    return fonts[role]->CalcTextSizeA(fonts.size(role), 1e9f, 0, text.c_str(), text.c_str() + text.size()).x;
}

float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                const std::string& text, float wrap_width) {
    pos.x = std::round(pos.x);
    pos.y = std::round(pos.y);
    dl.AddText(fonts[role], fonts.size(role), pos, col, text.c_str(), text.c_str() + text.size(), wrap_width);
    return text_height(fonts, role, text, wrap_width);
}

namespace {

// Walks `text` one UTF-8 character at a time, upper-casing ASCII letters, and
// calls visit(char_begin, char_end, advance) with the glyph's advance in pixels.
template <typename Visit>
void for_each_caps_char(const Fonts& fonts, FontRole role, const std::string& text, Visit visit) {
    const ImFont* font = fonts[role];
    const float scale = fonts.size(role) / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, s, end);
        if (len <= 0) break;
        char upper[8] = {};
        if (c < 0x80) {
            upper[0] = char(std::toupper(int(c)));
            c = static_cast<unsigned char>(upper[0]);
        } else {
            for (int i = 0; i < len && i < 7; ++i) upper[i] = s[i];
        }
        visit(upper, upper + (c < 0x80 ? 1 : len), font->GetCharAdvance(ImWchar(c)) * scale);
        s += len;
    }
}

}  // namespace

float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em) {
    const float spacing = spacing_em * fonts.size(role);
    float w = 0;
    for_each_caps_char(fonts, role, text, [&](const char*, const char*, float advance) { w += advance + spacing; });
    return w > 0 ? w - spacing : 0;
}

float draw_spaced_caps(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                       const std::string& text, float spacing_em) {
    const float spacing = spacing_em * fonts.size(role);
    float x = std::round(pos.x);
    const float y = std::round(pos.y);
    for_each_caps_char(fonts, role, text, [&](const char* b, const char* e, float advance) {
        dl.AddText(fonts[role], fonts.size(role), ImVec2(std::round(x), y), col, b, e);
        x += advance + spacing;
    });
    return x - pos.x - spacing;
}

void draw_rule(ImDrawList& dl, float x0, float x1, float y, float thickness, ImU32 col) {
    const float t = std::max(1.f, std::round(thickness));
    const float top = std::round(y - t / 2);
    dl.AddRectFilled(ImVec2(std::round(x0), top), ImVec2(std::round(x1), top + t), col);
}

}  // namespace kiosk
