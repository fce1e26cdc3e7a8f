#include "text/font_set.h"

#include "base/log.h"

#include <hb.h>

// stb_truetype reads metrics and rasterises glyphs by index. Dear ImGui keeps
// its own copy private to its atlas code, so this file has a private one too.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>
#pragma GCC diagnostic pop

#include <fstream>

namespace kiosk {

struct FontFile::Stb {
    stbtt_fontinfo info{};
};

namespace {

struct FaceFiles {
    const char* latin;
    const char* khmer;
};

// Noto has no Khmer italic: the subtitle's Khmer is upright serif.
constexpr FaceFiles kFaceFiles[int(Face::Count)] = {
    {"NotoSans-Regular.ttf", "NotoSansKhmer-Regular.ttf"},
    {"NotoSans-Bold.ttf", "NotoSansKhmer-Bold.ttf"},
    {"NotoSerif-Regular.ttf", "NotoSerifKhmer-Regular.ttf"},
    {"NotoSerif-Italic.ttf", "NotoSerifKhmer-Regular.ttf"},
};

std::unique_ptr<FontFile> open_font(const std::string& dir, const std::string& name, std::string* error) {
    auto f = std::make_unique<FontFile>();
    f->name = name;
    f->path = dir + "/" + name;
    // In one read: a character at a time, the seven files cost more than shaping a screen.
    std::ifstream in(f->path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? std::streamoff(in.tellg()) : 0;
    if (size > 0 && size < (std::streamoff(64) << 20)) {
        f->bytes.resize(size_t(size));
        in.seekg(0);
        if (!in.read(reinterpret_cast<char*>(f->bytes.data()), size)) f->bytes.clear();
    }
    f->stb = std::make_unique<FontFile::Stb>();
    if (f->bytes.empty()) {
        if (error) *error = f->path + ": cannot read font (is fonts-noto-core installed?)";
        return nullptr;
    }
    if (!stbtt_InitFont(&f->stb->info, f->bytes.data(), stbtt_GetFontOffsetForIndex(f->bytes.data(), 0))) {
        if (error) *error = f->path + ": not a usable TrueType font";
        return nullptr;
    }
    int gap = 0;
    stbtt_GetFontVMetrics(&f->stb->info, &f->ascent, &f->descent, &gap);
    hb_blob_t* blob = hb_blob_create(reinterpret_cast<const char*>(f->bytes.data()), unsigned(f->bytes.size()),
                                     HB_MEMORY_MODE_READONLY, nullptr, nullptr);
    hb_face_t* face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    f->units_per_em = int(hb_face_get_upem(face));
    f->hb = hb_font_create(face);  // scale: the face's units, as hb-shape's default
    hb_face_destroy(face);
    if (f->ascent - f->descent <= 0 || f->units_per_em <= 0) {
        if (error) *error = f->path + ": the font has no vertical metrics";
        return nullptr;
    }
    return f;
}

}  // namespace

FontSet::FontSet() = default;

FontSet::~FontSet() {
    for (auto& f : files_)
        if (f->hb) hb_font_destroy(f->hb);
}

bool FontSet::load(const std::string& font_dir, std::string* error) {
    files_.clear();
    for (auto& c : chains_) c.clear();
    auto index_of = [&](const std::string& name, bool required) -> int {
        for (size_t i = 0; i < files_.size(); ++i)
            if (files_[i]->name == name) return int(i);
        std::string why;
        auto f = open_font(font_dir, name, &why);
        if (!f) {
            if (required && error) *error = why;
            if (!required) log_warning(log_from::kApp, why + "; Khmer text cannot be drawn");
            return -1;
        }
        files_.push_back(std::move(f));
        return int(files_.size()) - 1;
    };
    for (int face = 0; face < int(Face::Count); ++face) {
        const int latin = index_of(kFaceFiles[face].latin, true);
        if (latin < 0) return false;
        chains_[face].push_back(FontId{uint16_t(latin)});
        const FontFile& l = *files_[size_t(latin)];
        em_of_size_[face] = float(l.units_per_em) / float(l.ascent - l.descent);
        const int khmer = index_of(kFaceFiles[face].khmer, false);
        if (khmer >= 0) chains_[face].push_back(FontId{uint16_t(khmer)});
    }
    return true;
}

uint32_t FontSet::glyph_for(FontId font, uint32_t code_point) const {
    hb_codepoint_t glyph = 0;
    return hb_font_get_nominal_glyph(file(font).hb, code_point, &glyph) ? glyph : 0;
}

float FontSet::px_per_unit(Face face, FontId font, float px) const {
    return px * em_of_size_[int(face)] / float(file(font).units_per_em);
}

bool FontSet::glyph_box(FontId font, uint32_t glyph, int* x0, int* y0, int* x1, int* y1) const {
    return stbtt_GetGlyphBox(&file(font).stb->info, int(glyph), x0, y0, x1, y1) != 0;
}

std::vector<unsigned char> FontSet::rasterise(FontId font, uint32_t glyph, float scale, int* width, int* height,
                                              int* left, int* top) const {
    const stbtt_fontinfo& info = file(font).stb->info;
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    stbtt_GetGlyphBitmapBox(&info, int(glyph), scale, scale, &x0, &y0, &x1, &y1);
    *width = x1 > x0 ? x1 - x0 : 0;
    *height = y1 > y0 ? y1 - y0 : 0;
    *left = x0;
    *top = y0;
    std::vector<unsigned char> pixels(size_t(*width) * size_t(*height));
    if (!pixels.empty()) stbtt_MakeGlyphBitmap(&info, pixels.data(), *width, *height, *width, scale, scale, int(glyph));
    return pixels;
}

}  // namespace kiosk
