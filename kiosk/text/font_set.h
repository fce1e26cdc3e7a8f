// The exhibit's font files, loaded once: Noto Serif and Noto Sans for Latin
// text, Noto Serif Khmer and Noto Sans Khmer beside them. Each file is read into
// memory once and shared by HarfBuzz (shaping) and stb_truetype (metrics and
// rasterising glyphs by index).
//
// A Face names a style (the type roles use four); each face tries its files in
// order, so a run of Khmer in a Latin face is set in the Khmer face of the same
// style, at the same em size: Khmer is never set smaller than Latin text of the
// same role.
#pragma once

#include "text/typography.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct hb_font_t;

namespace kiosk {

// A font file of the set, by position: typed so it is not mixed up with a glyph.
struct FontId {
    uint16_t index = 0;
    bool operator==(FontId o) const { return index == o.index; }
    bool operator!=(FontId o) const { return index != o.index; }
};

struct FontFile {
    std::string name;  // "NotoSansKhmer-Regular.ttf"
    std::string path;
    int units_per_em = 1000;
    int ascent = 0;           // hhea, font units, up
    int descent = 0;          // hhea, font units, negative below the baseline
    hb_font_t* hb = nullptr;  // at the font's own units: shaping is size-independent
    struct Stb;
    std::unique_ptr<Stb> stb;
    std::vector<unsigned char> bytes;
};

class FontSet {
public:
    FontSet();
    FontSet(const FontSet&) = delete;
    FontSet& operator=(const FontSet&) = delete;
    ~FontSet();

    // Reads the files from `font_dir`. The Latin files are required; a Khmer
    // file that is missing is logged and its text falls back to the Latin face
    // (where the validator's coverage check finds it). Returns false with
    // `error` naming the file that could not be read.
    bool load(const std::string& font_dir, std::string* error);

    int count() const { return int(files_.size()); }
    const FontFile& file(FontId id) const { return *files_[id.index]; }
    // The files a face tries, in order (its Latin file first).
    const std::vector<FontId>& chain(Face face) const { return chains_[int(face)]; }

    // The glyph `font` has for `code_point`, 0 when none.
    uint32_t glyph_for(FontId font, uint32_t code_point) const;
    // Pixels per font unit of `font` when the face's role is set at `px`. A
    // role's size spans the Latin file's ascender to descender (as the type
    // scale was designed); every file of the face shares that em.
    float px_per_unit(Face face, FontId font, float px) const;
    // The em, in pixels, of a face's role set at `px`.
    float em_px(Face face, float px) const { return px * em_of_size_[int(face)]; }
    // The glyph's outline box in font units (y up); false for an empty glyph.
    bool glyph_box(FontId font, uint32_t glyph, int* x0, int* y0, int* x1, int* y1) const;
    // The glyph rasterised at `scale` pixels per unit: its coverage bitmap
    // (`width` × `height`, one byte a pixel) and the offset of its top-left from
    // the pen on the baseline, y down.
    std::vector<unsigned char> rasterise(FontId font, uint32_t glyph, float scale, int* width, int* height, int* left,
                                         int* top) const;

private:
    std::vector<std::unique_ptr<FontFile>> files_;
    std::vector<FontId> chains_[int(Face::Count)];
    float em_of_size_[int(Face::Count)] = {};  // em / (ascent - descent) of the face's Latin file
};

}  // namespace kiosk
