#include "ui/draw_helpers.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>
#include <imgui_internal.h>  // ImTextCharFromUtf8

namespace kiosk {

namespace {

// Texts up to this long go to Dear ImGui whole, as they always have; longer ones
// are walked line by line. One AddText reserves four vertices per byte, so a
// whole text stays far below the 65 536 vertices one reservation may take.
constexpr size_t kWholeTextBytes = 4096;

std::vector<DrawnText>* g_drawn_text = nullptr;

// The start of the UTF-8 character holding byte `at` (at most `size`).
size_t char_boundary(const std::string& text, size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

// The start of the UTF-8 character holding `at`, not before `begin`.
const char* start_of_char(const char* begin, const char* at) {
    while (at > begin && (static_cast<unsigned char>(*at) & 0xC0) == 0x80) --at;
    return at;
}

int char_length(const char* s, const char* end) {
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

float line_width(const ImFont* font, float size, const char* b, const char* e) {
    return font->CalcTextSizeA(size, 1e9f, 0, b, e).x;
}

// The end of the longest run of whole characters from `b` no wider than `width`.
const char* prefix_fitting(const ImFont* font, float size, const char* b, const char* e, float width) {
    const float scale = size / font->FontSize;
    float w = 0;
    const char* s = b;
    while (s < e) {
        unsigned int c = 0;
        const int len = ImTextCharFromUtf8(&c, s, e);
        if (len <= 0) break;
        if (c != '\r') w += font->GetCharAdvance(ImWchar(c)) * scale;
        if (w > width) break;
        s += len;
    }
    return s;
}

}  // namespace

const std::string& laid_out(const std::string& text, std::string& storage, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    storage.assign(text, 0, char_boundary(text, max_bytes));
    storage += "…";
    return storage;
}

float text_height_at(const ImFont* font, float size, const std::string& text, float wrap_width) {
    std::string cut;
    const std::string& t = laid_out(text, cut);
    if (t.size() <= kWholeTextBytes) return font->CalcTextSizeA(size, 1e9f, wrap_width, t.c_str(), t.c_str() + t.size()).y;
    int lines = 0;
    for_each_line(font, size, t.c_str(), t.c_str() + t.size(), wrap_width, [&](const char*, const char*) {
        ++lines;
        return true;
    });
    return float(lines) * size;
}

float text_height(const Fonts& fonts, FontRole role, const std::string& text, float wrap_width) {
    return text_height_at(fonts[role], fonts.size(role), text, wrap_width);
}

float text_width(const Fonts& fonts, FontRole role, const std::string& text) {
    std::string cut;
    const std::string& t = laid_out(text, cut);
    return fonts[role]->CalcTextSizeA(fonts.size(role), 1e9f, 0, t.c_str(), t.c_str() + t.size()).x;
}

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

float draw_text(ImDrawList& dl, const Fonts& fonts, FontRole role, ImVec2 pos, ImU32 col,
                const std::string& text, float wrap_width) {
    return draw_text_at(dl, fonts[role], fonts.size(role), pos, col, text, wrap_width);
}

std::string fit_lines(const ImFont* font, float size, const std::string& text, float width, int max_lines, bool wrap) {
    std::string cut;
    const std::string& t = laid_out(text, cut);
    const size_t wanted = size_t(std::max(1, max_lines));
    std::vector<std::pair<const char*, const char*>> lines;
    bool more = false;
    for_each_line(font, size, t.c_str(), t.c_str() + t.size(), wrap ? width : 0, [&](const char* b, const char* e) {
        if (lines.size() == wanted) {
            more = true;
            return false;
        }
        lines.emplace_back(b, e);
        return true;
    });
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        const auto [b, e] = lines[i];
        if (i) out += '\n';
        const char* fits = prefix_fitting(font, size, b, e, width);
        if (i + 1 < lines.size() && fits == e) {
            out.append(b, e);
            continue;
        }
        if (!more && fits == e) {
            out.append(b, e);
            break;
        }
        // The last line shown, cut to leave room for the ellipsis.
        const char* keep = prefix_fitting(font, size, b, e, width - line_width(font, size, "…", nullptr));
        while (keep > b && (keep[-1] == ' ' || keep[-1] == '\t')) --keep;
        out.append(b, keep);
        out += "…";
        break;
    }
    return out;
}

std::string fit_lines(const Fonts& fonts, FontRole role, const std::string& text, float width, int max_lines,
                      bool wrap) {
    return fit_lines(fonts[role], fonts.size(role), text, width, max_lines, wrap);
}

namespace {

// Labels are short; anything longer is cut before it is walked.
constexpr size_t kMaxLabelBytes = 1024;

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

}  // namespace

float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em) {
    const float spacing = spacing_em * fonts.size(role);
    float w = 0;
    for_each_caps_char(fonts, role, text, [&](const char*, const char*, float advance) { w += advance + spacing; });
    return w > 0 ? w - spacing : 0;
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
