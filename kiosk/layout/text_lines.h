// How text breaks into lines and characters: one walk shared by measuring
// (layout/text_measure.h) and drawing (ui/draw_helpers.h), so they cannot disagree.
#pragma once

#include "layout/text_measure.h"
#include "text/fonts.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstring>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8
#include <string>

namespace kiosk {

// Texts up to this long go to Dear ImGui whole, as they always have; longer ones
// are walked line by line. One AddText reserves four vertices per byte, so a
// whole text stays far below the 65 536 vertices one reservation may take.
constexpr size_t kWholeTextBytes = 4096;

// Labels are short; anything longer is cut before it is walked.
constexpr size_t kMaxLabelBytes = 1024;

// The start of the UTF-8 character holding `at`, not before `begin`.
inline const char* start_of_char(const char* begin, const char* at) {
    while (at > begin && (static_cast<unsigned char>(*at) & 0xC0) == 0x80) --at;
    return at;
}

inline int char_length(const char* s, const char* end) {
    unsigned int c = 0;
    const int len = ImTextCharFromUtf8(&c, s, end);
    return std::max(1, len);
}

// Calls visit(begin, end) for each line of `text` as it is shown: paragraphs at
// '\n', each wrapped at words within `wrap_width` (0: not wrapped); blanks where a
// line wraps are dropped, as Dear ImGui drops them. visit returns false to stop.
template <typename Visit>
void for_each_line(const ImFont* font, float size, const char* s, const char* end, float wrap_width, Visit visit) {
    const float scale = size / font->FontSize;
    while (s < end) {
        const char* newline = static_cast<const char*>(std::memchr(s, '\n', size_t(end - s)));
        const char* para_end = newline ? newline : end;
        const char* p = s;
        do {
            const char* eol = para_end;
            if (wrap_width > 0 && p < para_end) {
                eol = font->CalcWordWrapPositionA(scale, p, para_end, wrap_width);
                if (eol <= p) eol = p + char_length(p, para_end);  // at least one character a line
                eol = std::min(eol, para_end);
            }
            if (!visit(p, eol)) return;
            p = eol;
            while (p < para_end && (*p == ' ' || *p == '\t')) ++p;
        } while (p < para_end);
        s = newline ? newline + 1 : end;
    }
}

// Walks `text` one UTF-8 character at a time, upper-casing ASCII letters, and
// calls visit(char_begin, char_end, advance) with the glyph's advance in pixels.
template <typename Visit>
void for_each_caps_char(const Fonts& fonts, FontRole role, const std::string& text, Visit visit) {
    const ImFont* font = fonts[role];
    const float scale = fonts.size(role) / font->FontSize;
    std::string cut;
    const std::string& t = laid_out(text, cut, kMaxLabelBytes);
    const char* s = t.c_str();
    const char* end = s + t.size();
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

}  // namespace kiosk
