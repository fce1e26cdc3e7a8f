// The glyph cache: glyphs rasterised by index on first use and packed into
// atlas pages, keyed by font file, glyph and scale. A page's texture is
// 1024×1024 (4 MiB as RGBA, half a Raspberry Pi 3's largest side); a full page
// starts another. One exhibit in one language at 1920×1080 fits one page, so the
// kiosk starts with 4 MiB of glyph texture, not the 16 MiB a 2048 page takes
// whether used or not. Texture coordinates are fixed by that side, so a glyph
// added in the middle of a frame never moves the ones drawn before it.
//
// Pages hold coverage (one byte a pixel), only as many rows as are in use; the
// platform uploads the rows that changed (GlyphPage::dirty_*) as white with
// that alpha before each frame is drawn. Drawing refers to a page by its
// address as the texture id; the platform swaps in its texture
// (platform/glyph_textures.h).
#pragma once

#include "text/font_set.h"

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

namespace kiosk {

constexpr int kGlyphPageSide = 1024;

struct GlyphPage {
    int width = kGlyphPageSide;
    int height = 0;                    // rows in use
    std::vector<unsigned char> alpha;  // width × height
    // Rows changed since the platform last uploaded: [dirty_top, dirty_bottom).
    int dirty_top = 0, dirty_bottom = 0;
    struct Shelf {
        int y, height, x;
    };
    std::vector<Shelf> shelves;
    int next_y = 0;
};

struct AtlasGlyph {
    int page = -1;     // -1: nothing to draw (a space)
    int x = 0, y = 0;  // in the page
    int width = 0, height = 0;
    int left = 0, top = 0;  // the bitmap's top-left from the pen on the baseline
};

class GlyphAtlas {
public:
    // The glyph of `font` at `scale` pixels per unit, rasterised on first use.
    const AtlasGlyph& glyph(const FontSet& fonts, FontId font, uint32_t glyph, float scale);

    int page_count() const { return int(pages_.size()); }
    GlyphPage& page(int i) { return *pages_[size_t(i)]; }
    const GlyphPage& page(int i) const { return *pages_[size_t(i)]; }
    size_t glyph_count() const { return glyphs_.size(); }
    // Rows of page in use, over all pages.
    int rows_used() const;

private:
    bool place(int width, int height, int* page, int* x, int* y);

    std::vector<std::unique_ptr<GlyphPage>> pages_;
    std::unordered_map<uint64_t, AtlasGlyph> glyphs_;
};

}  // namespace kiosk
