#include "layout/text_measure.h"

#include "text/case_map.h"

#include <algorithm>

namespace kiosk {

namespace {

// The start of the UTF-8 character holding byte `at` (at most `size`).
size_t char_boundary(const std::string& text, size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return at;
}

// The end (a byte of the layout's text) of the longest run of whole glyph
// clusters of `line` no wider than `width`: the bytes before the first glyph
// that does not fit (clusters rise along a line, so they are whole clusters).
uint32_t prefix_fitting(const TextLayout& l, const LaidLine& line, float width) {
    for (uint32_t i = 0; i < line.glyph_count; ++i) {
        const LaidGlyph& g = l.glyphs[line.first_glyph + i];
        if (g.x + g.advance > width) return std::max(line.begin, std::min(g.cluster, line.end));
    }
    return line.end;
}

}  // namespace

const std::string& laid_out(const std::string& text, std::string& storage, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    storage.assign(text, 0, char_boundary(text, max_bytes));
    storage += "…";
    return storage;
}

const TextLayout& text_layout(const Fonts& fonts, FontRole role, float size, const std::string& text,
                              float wrap_width) {
    std::string cut;
    return fonts.text->layout(fonts.style(role, size), laid_out(text, cut), wrap_width);
}

float text_height_at(const Fonts& fonts, FontRole role, float size, const std::string& text, float wrap_width) {
    return text_layout(fonts, role, size, text, wrap_width).height();
}

float text_height(const Fonts& fonts, FontRole role, const std::string& text, float wrap_width) {
    return text_height_at(fonts, role, fonts.size(role), text, wrap_width);
}

float text_width(const Fonts& fonts, FontRole role, const std::string& text) {
    return text_layout(fonts, role, fonts.size(role), text).width;
}

float line_height(const Fonts& fonts, FontRole role, const std::string& text, float size) {
    return text_layout(fonts, role, size > 0 ? size : fonts.size(role), text).line_height;
}

std::string fit_lines_at(const Fonts& fonts, FontRole role, float size, const std::string& text, float width,
                         int max_lines, bool wrap) {
    const TextLayout& l = text_layout(fonts, role, size, text, wrap ? width : 0);
    const size_t wanted = size_t(std::max(1, max_lines));
    const size_t shown = std::min(wanted, l.lines.size());
    const bool more = l.lines.size() > wanted;
    std::string out;
    for (size_t i = 0; i < shown; ++i) {
        const LaidLine& line = l.lines[i];
        if (i) out += '\n';
        const bool last = i + 1 == shown;
        if (line.width <= width && (!last || !more)) {
            out.append(l.text, line.begin, line.end - line.begin);
            continue;
        }
        // The last line shown, cut to leave room for the ellipsis.
        const float ellipsis = text_layout(fonts, role, size, "…").width;
        uint32_t keep = prefix_fitting(l, line, width - ellipsis);
        while (keep > line.begin && (l.text[keep - 1] == ' ' || l.text[keep - 1] == '\t')) --keep;
        out.append(l.text, line.begin, keep - line.begin);
        out += "…";
        break;
    }
    return out;
}

std::string fit_lines(const Fonts& fonts, FontRole role, const std::string& text, float width, int max_lines,
                      bool wrap) {
    return fit_lines_at(fonts, role, fonts.size(role), text, width, max_lines, wrap);
}

bool fits_lines(const Fonts& fonts, FontRole role, float size, const std::string& text, float width, int max_lines) {
    const TextLayout& l = text_layout(fonts, role, size, text, width);
    if (l.lines.size() > size_t(std::max(0, max_lines))) return false;
    return std::all_of(l.lines.begin(), l.lines.end(), [&](const LaidLine& line) { return line.width <= width; });
}

std::string caps_label(const Fonts& fonts, FontRole role, const std::string& text) {
    std::string cut;
    std::string label = laid_out(text, cut, kMaxLabelBytes);
    if (text_layout(fonts, role, fonts.size(role), label).has_khmer) return label;
    return to_upper(label);
}

float spaced_caps_width(const Fonts& fonts, FontRole role, const std::string& text, float spacing_em) {
    const TextLayout& l = text_layout(fonts, role, fonts.size(role), caps_label(fonts, role, text));
    if (l.has_khmer || l.glyphs.empty()) return l.width;
    return l.width + spacing_em * fonts.size(role) * float(l.glyphs.size() - 1);
}

}  // namespace kiosk
