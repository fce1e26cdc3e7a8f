#include "text/glyph_atlas.h"

#include <algorithm>
#include <cstring>

namespace kiosk {

namespace {

constexpr int kRowStep = 256;  // the coverage grows this many rows at a time
constexpr int kPadding = 1;    // a clear pixel between glyphs, so linear filtering never bleeds

uint64_t key_of(FontId font, uint32_t glyph, float scale) {
    uint32_t scale_bits = 0;
    std::memcpy(&scale_bits, &scale, sizeof scale_bits);
    // 8 bits of font, 24 of glyph (fonts have at most 65 536 glyphs), 32 of scale.
    return (uint64_t(font.index & 0xFF) << 56) | (uint64_t(glyph & 0xFFFFFF) << 32) | scale_bits;
}

void mark_dirty(GlyphPage& p, int top, int bottom) {
    if (p.dirty_top == p.dirty_bottom) {
        p.dirty_top = top, p.dirty_bottom = bottom;
    } else {
        p.dirty_top = std::min(p.dirty_top, top), p.dirty_bottom = std::max(p.dirty_bottom, bottom);
    }
}

// Grows `p`'s coverage until `rows` fit; false when past the page.
bool grow_to(GlyphPage& p, int rows) {
    if (rows > kGlyphPageSide) return false;
    if (rows <= p.height) return true;
    p.height = std::min(kGlyphPageSide, (rows + kRowStep - 1) / kRowStep * kRowStep);
    p.alpha.resize(size_t(p.width) * size_t(p.height), 0);
    return true;
}

}  // namespace

bool GlyphAtlas::place(int w, int h, int* page_index, int* x, int* y) {
    w += kPadding, h += kPadding;
    if (w > kGlyphPageSide || h > kGlyphPageSide) return false;
    for (size_t i = 0; i < pages_.size(); ++i) {
        GlyphPage& p = *pages_[i];
        // A shelf of about the glyph's height with room left.
        for (GlyphPage::Shelf& s : p.shelves) {
            if (h <= s.height && h * 4 >= s.height * 3 && s.x + w <= p.width) {
                *page_index = int(i), *x = s.x, *y = s.y;
                s.x += w;
                return true;
            }
        }
        if (grow_to(p, p.next_y + h)) {
            p.shelves.push_back({p.next_y, h, w});
            *page_index = int(i), *x = 0, *y = p.next_y;
            p.next_y += h;
            return true;
        }
    }
    pages_.push_back(std::make_unique<GlyphPage>());
    GlyphPage& p = *pages_.back();
    grow_to(p, h);
    p.shelves.push_back({0, h, w});
    p.next_y = h;
    *page_index = int(pages_.size()) - 1, *x = 0, *y = 0;
    return true;
}

const AtlasGlyph& GlyphAtlas::glyph(const FontSet& fonts, FontId font, uint32_t glyph, float scale) {
    const uint64_t key = key_of(font, glyph, scale);
    if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
    AtlasGlyph g;
    const std::vector<unsigned char> bitmap = fonts.rasterise(font, glyph, scale, &g.width, &g.height, &g.left, &g.top);
    if (g.width > 0 && g.height > 0 && place(g.width, g.height, &g.page, &g.x, &g.y)) {
        GlyphPage& p = *pages_[size_t(g.page)];
        for (int row = 0; row < g.height; ++row)
            std::memcpy(&p.alpha[size_t(g.y + row) * size_t(p.width) + size_t(g.x)], &bitmap[size_t(row * g.width)],
                        size_t(g.width));
        mark_dirty(p, g.y, g.y + g.height);
    } else {
        g.page = -1;  // blank, or larger than a page: nothing a screen could show
    }
    return glyphs_.emplace(key, g).first->second;
}

int GlyphAtlas::rows_used() const {
    int rows = 0;
    for (const auto& p : pages_) rows += p->next_y;
    return rows;
}

}  // namespace kiosk
