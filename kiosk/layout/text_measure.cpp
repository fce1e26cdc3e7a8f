#include "layout/text_measure.h"

#include "layout/text_lines.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace kiosk {

namespace {

// The start of the UTF-8 character holding byte `at` (at most `size`).
size_t char_boundary(const std::string& text, size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
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
    if (t.size() <= kWholeTextBytes)
        return font->CalcTextSizeA(size, 1e9f, wrap_width, t.c_str(), t.c_str() + t.size()).y;
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

bool fits_lines(const ImFont* font, float size, const std::string& text, float width, int max_lines) {
    std::string cut;
    const std::string& t = laid_out(text, cut);
    int lines = 0;
    bool fits = true;
    for_each_line(font, size, t.c_str(), t.c_str() + t.size(), width, [&](const char* b, const char* e) {
        fits = ++lines <= max_lines && line_width(font, size, b, e) <= width;
        return fits;
    });
    return fits;
}

float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em) {
    const float spacing = spacing_em * fonts.size(role);
    float w = 0;
    for_each_caps_char(fonts, role, text, [&](const char*, const char*, float advance) { w += advance + spacing; });
    return w > 0 ? w - spacing : 0;
}

}  // namespace kiosk
