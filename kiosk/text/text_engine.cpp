#include "text/text_engine.h"

#include "text/shaping.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kiosk {

// --- shaping, cached per face and paragraph ---

struct TextEngine::Shaped {
    ShapedParagraph para;
    std::vector<uint32_t> opportunities;  // where a line may begin
    std::vector<uint32_t> clusters;       // where a word too long may be cut
    float ink_top = 0, ink_bottom = 0;    // ems, up: the tallest mark and the deepest subscript
};

void TextEngine::ShapedDeleter::operator()(Shaped* s) const { delete s; }

namespace {

// Whole texts past these counts are no exhibit's screens: start afresh.
constexpr size_t kMaxLayouts = 4096;
constexpr size_t kMaxShaped = 8192;

// Khmer's stacked marks need more leading than Latin (the design: about 1.6 em
// for headlines, 1.8 for body text).
constexpr float kKhmerLineEm = 1.75f;

std::string key_of(char kind, Face face, float px, float wrap, std::string_view text) {
    std::string key(1 + 1 + 2 * sizeof(float), '\0');
    key[0] = kind;
    key[1] = char(face);
    std::memcpy(&key[2], &px, sizeof px);
    std::memcpy(&key[2 + sizeof px], &wrap, sizeof wrap);
    key.append(text);
    return key;
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

bool TextEngine::load(const std::string& font_dir, std::string* error) {
    shaped_.clear();
    layouts_.clear();
    return fonts_.load(font_dir, error);
}

const TextEngine::Shaped& TextEngine::shaped(Face face, std::string_view paragraph) {
    const std::string key = key_of('s', face, 0, 0, paragraph);
    if (auto it = shaped_.find(key); it != shaped_.end()) return *it->second;
    ++shapings_;
    std::unique_ptr<Shaped, ShapedDeleter> s(new Shaped);
    s->para = shape_paragraph(fonts_, face, paragraph);
    s->opportunities = breaks_.opportunities(paragraph);
    s->clusters = breaks_.clusters(paragraph);
    for (const ShapedGlyph& g : s->para.glyphs) {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!fonts_.glyph_box(g.font, g.glyph, &x0, &y0, &x1, &y1)) continue;
        const float em = 1.f / float(fonts_.file(g.font).units_per_em);
        s->ink_top = std::max(s->ink_top, float(y1) * em + g.y_offset);
        s->ink_bottom = std::min(s->ink_bottom, float(y0) * em + g.y_offset);
    }
    return *shaped_.emplace(key, std::move(s)).first->second;
}

// --- lines ---

void TextEngine::lay_paragraph(TextLayout& out, const Shaped& s, uint32_t offset, uint32_t length, float wrap_width) {
    const std::vector<ShapedGlyph>& glyphs = s.para.glyphs;
    const float em_px = fonts_.em_px(out.style.face, out.style.px);
    const std::string_view text = std::string_view(out.text).substr(offset, length);
    auto blank_at = [&](uint32_t cluster) { return cluster < text.size() && is_blank(text[cluster]); };

    // The first glyph at or after byte `b` (clusters rise in a left-to-right text).
    auto glyph_at = [&](uint32_t b, size_t from) {
        while (from < glyphs.size() && glyphs[from].cluster < b) ++from;
        return from;
    };
    auto emit = [&](size_t g0, size_t g1, uint32_t b0, uint32_t b1) {
        // Blanks where the line ends take no room and are not drawn as part of it.
        size_t visible_end = g1;
        while (visible_end > g0 && blank_at(glyphs[visible_end - 1].cluster)) --visible_end;
        while (b1 > b0 && is_blank(text[b1 - 1])) --b1;
        LaidLine line;
        line.begin = offset + b0;
        line.end = offset + b1;
        line.first_glyph = uint32_t(out.glyphs.size());
        float pen = 0;
        for (size_t i = g0; i < visible_end; ++i) {
            const ShapedGlyph& g = glyphs[i];
            out.glyphs.push_back(
                {g.font, g.glyph, offset + g.cluster, pen, g.advance * em_px, g.x_offset * em_px, -g.y_offset * em_px});
            pen += g.advance * em_px;
        }
        line.glyph_count = uint32_t(out.glyphs.size()) - line.first_glyph;
        line.width = pen;
        out.width = std::max(out.width, pen);
        out.lines.push_back(line);
    };
    auto width_of = [&](size_t g0, size_t g1, bool without_trailing_blanks) {
        if (without_trailing_blanks)
            while (g1 > g0 && blank_at(glyphs[g1 - 1].cluster)) --g1;
        float w = 0;
        for (size_t i = g0; i < g1; ++i) w += glyphs[i].advance * em_px;
        return w;
    };

    if (wrap_width <= 0 || glyphs.empty()) {
        emit(0, glyphs.size(), 0, uint32_t(text.size()));
        return;
    }
    size_t line_g = 0;    // the line's first glyph
    uint32_t line_b = 0;  // and byte
    float line_w = 0;     // its width so far, trailing blanks included
    size_t seg_g = 0;
    uint32_t seg_b = 0;
    for (uint32_t opp : s.opportunities) {
        const size_t end_g = glyph_at(opp, seg_g);
        const float seg_visible = width_of(seg_g, end_g, true);
        const float seg_full = width_of(seg_g, end_g, false);
        if (seg_g > line_g && line_w + seg_visible > wrap_width) {
            emit(line_g, seg_g, line_b, seg_b);
            line_g = seg_g, line_b = seg_b, line_w = 0;
        }
        if (seg_g == line_g && seg_visible > wrap_width) {
            // A word wider than the line: cut between grapheme clusters, as
            // many as fit a line (at least one), never inside one.
            size_t fit_g = line_g;
            uint32_t fit_b = line_b;
            for (uint32_t c : s.clusters) {
                if (c <= line_b) continue;
                if (c > opp) break;
                const size_t cut_g = glyph_at(c, line_g);
                if (width_of(line_g, cut_g, true) > wrap_width) {
                    if (fit_g == line_g) fit_g = cut_g, fit_b = c;  // one cluster wider than the line
                    emit(line_g, fit_g, line_b, fit_b);
                    line_g = fit_g, line_b = fit_b;
                    if (c == fit_b) continue;
                }
                fit_g = cut_g, fit_b = c;
            }
            line_w = width_of(line_g, end_g, false);
        } else {
            line_w += seg_full;
        }
        seg_g = end_g, seg_b = opp;
    }
    if (line_g < glyphs.size() || out.lines.empty() || line_b < text.size())
        emit(line_g, glyphs.size(), line_b, uint32_t(text.size()));
}

const TextLayout& TextEngine::layout(TextStyle style, std::string_view text, float wrap_width) {
    if (wrap_width < 0) wrap_width = 0;
    const std::string key = key_of('l', style.face, style.px, wrap_width, text);
    if (auto it = layouts_.find(key); it != layouts_.end()) return it->second;
    TextLayout out;
    out.style = style;
    out.text.assign(text);
    const FontFile& latin = fonts_.file(fonts_.chain(style.face).front());
    const float em_px = fonts_.em_px(style.face, style.px);
    float ascent_em = float(latin.ascent) / float(latin.units_per_em);
    float descent_em = float(-latin.descent) / float(latin.units_per_em);
    float ink_top = 0, ink_bottom = 0;
    // Paragraphs at '\n'; a text's final '\n' starts no line of its own.
    size_t begin = 0;
    while (begin <= text.size()) {
        size_t end = text.find('\n', begin);
        if (end == std::string_view::npos) end = text.size();
        if (begin == text.size() && begin > 0 && text[begin - 1] == '\n') break;
        const Shaped& s = shaped(style.face, text.substr(begin, end - begin));
        out.has_khmer = out.has_khmer || s.para.has_khmer;
        ink_top = std::max(ink_top, s.ink_top);
        ink_bottom = std::min(ink_bottom, s.ink_bottom);
        lay_paragraph(out, s, uint32_t(begin), uint32_t(end - begin), wrap_width);
        begin = end + 1;
    }
    if (out.has_khmer) {
        ascent_em = std::max(ascent_em, ink_top);
        descent_em = std::max(descent_em, -ink_bottom);
        const float room = kKhmerLineEm - (ascent_em + descent_em);
        if (room > 0) ascent_em += room / 2, descent_em += room / 2;
        out.ascent = ascent_em * em_px;
        out.line_height = (ascent_em + descent_em) * em_px;
    } else {
        // The type scale's own size, as the layouts were designed.
        out.line_height = style.px;
        out.ascent = ascent_em * em_px;
    }
    return layouts_.emplace(key, std::move(out)).first->second;
}

void TextEngine::new_frame() {
    if (layouts_.size() > kMaxLayouts) layouts_.clear();
    if (shaped_.size() > kMaxShaped) shaped_.clear();
}

// --- drawing ---

void TextEngine::draw(ImDrawList& dl, const TextLayout& layout, ImVec2 pos, ImU32 col, float letter_spacing) {
    if (record_) record_->push_back(describe(layout, pos, letter_spacing));
    const float x0 = std::round(pos.x), y0 = std::round(pos.y);
    const float clip_top = dl.GetClipRectMin().y, clip_bottom = dl.GetClipRectMax().y;
    const float uv = 1.f / float(kGlyphPageSide);
    int page = -1;
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        const float top = y0 + float(l) * layout.line_height;
        if (top + layout.line_height < clip_top) continue;
        if (top > clip_bottom) break;
        const float baseline = std::round(top + layout.ascent);
        const LaidLine& line = layout.lines[l];
        for (uint32_t i = 0; i < line.glyph_count; ++i) {
            const LaidGlyph& lg = layout.glyphs[line.first_glyph + i];
            const float scale = fonts_.px_per_unit(layout.style.face, lg.font, layout.style.px);
            const AtlasGlyph& g = atlas_.glyph(fonts_, lg.font, lg.glyph, scale);
            if (g.page < 0) continue;
            if (g.page != page) {
                if (page >= 0) dl.PopTextureID();
                page = g.page;
                dl.PushTextureID(static_cast<ImTextureID>(&atlas_.page(page)));
            }
            const float x = std::round(x0 + lg.x + lg.dx + letter_spacing * float(i)) + float(g.left);
            const float y = std::round(baseline + lg.dy) + float(g.top);
            dl.PrimReserve(6, 4);
            dl.PrimRectUV(ImVec2(x, y), ImVec2(x + float(g.width), y + float(g.height)),
                          ImVec2(float(g.x) * uv, float(g.y) * uv),
                          ImVec2(float(g.x + g.width) * uv, float(g.y + g.height) * uv), col);
        }
    }
    if (page >= 0) dl.PopTextureID();
}

DumpedText TextEngine::describe(const TextLayout& layout, ImVec2 pos, float letter_spacing) const {
    DumpedText t;
    t.text = layout.text;
    t.face = layout.style.face;
    t.px = layout.style.px;
    const float em_px = fonts_.em_px(layout.style.face, layout.style.px);
    for (size_t l = 0; l < layout.lines.size(); ++l) {
        const LaidLine& line = layout.lines[l];
        t.lines.emplace_back(line.begin, line.end);
        const float baseline = pos.y + float(l) * layout.line_height + layout.ascent;
        for (uint32_t i = 0; i < line.glyph_count; ++i) {
            const LaidGlyph& g = layout.glyphs[line.first_glyph + i];
            const FontFile& file = fonts_.file(g.font);
            if (t.runs.empty() || t.runs.back().font_file != file.path || (l != 0 && i == 0)) {
                DrawnRun run;
                run.font_file = file.path;
                run.px_per_unit = fonts_.px_per_unit(layout.style.face, g.font, layout.style.px);
                run.begin = run.end = g.cluster;
                t.runs.push_back(run);
            }
            DrawnRun& run = t.runs.back();
            const float units = float(file.units_per_em) / em_px;
            run.glyphs.push_back({g.glyph, g.cluster, pos.x + g.x + letter_spacing * float(i), baseline,
                                  int(std::lround(g.advance * units)), int(std::lround(g.dx * units)),
                                  int(std::lround(-g.dy * units))});
            run.begin = std::min(run.begin, g.cluster);
            run.end = std::max(run.end, g.cluster + 1);
        }
    }
    // A run ends where the next begins, or at its line's end.
    for (DrawnRun& run : t.runs) {
        uint32_t end = uint32_t(t.text.size());
        for (const auto& [b, e] : t.lines)
            if (run.begin >= b && run.begin < std::max(e, b + 1)) end = e;
        for (const DrawnRun& other : t.runs)
            if (other.begin > run.begin) end = std::min(end, other.begin);
        run.end = std::max(run.end, end);
    }
    return t;
}

}  // namespace kiosk
