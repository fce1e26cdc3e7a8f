#include "text/fonts.h"

#include "base/utf8.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

// stb_truetype reads the 'H' for the cap heights; Dear ImGui keeps its own copy
// private to its atlas code, so this file has a private one too.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <imstb_truetype.h>
#pragma GCC diagnostic pop

namespace kiosk {

const char* face_file(Face face) {
    switch (face) {
        case Face::SansRegular: return "NotoSans-Regular.ttf";
        case Face::SansBold: return "NotoSans-Bold.ttf";
        case Face::SerifRegular: return "NotoSerif-Regular.ttf";
        case Face::SerifItalic: return "NotoSerif-Italic.ttf";
        case Face::Count: break;
    }
    return "";
}

bool measure_cap_heights(const std::string& font_dir, CapHeights& out) {
    CapHeights caps = out;
    for (int i = 0; i < int(Face::Count); ++i) {
        std::ifstream in(font_dir + "/" + face_file(Face(i)), std::ios::binary);
        const std::vector<unsigned char> data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        // Zeroed: stb_truetype fills only the tables a TrueType font has, and an
        // optimising build otherwise sees the CFF ones read uninitialised.
        stbtt_fontinfo info{};
        if (data.empty() || !stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)))
            return false;
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (!stbtt_GetCodepointBox(&info, 'H', &x0, &y0, &x1, &y1) || y1 <= y0) return false;
        // The scale Dear ImGui bakes with: a size in pixels spans ascender to descender.
        caps.of_size[i] = float(y1 - y0) * stbtt_ScaleForPixelHeight(&info, 1.f);
    }
    out = caps;
    return true;
}

bool build_fonts(ImFontAtlas& atlas, const TypeScale& sizes, const std::string& font_dir, const std::string& text,
                 Fonts& out, std::string* error) {
    out.sizes = sizes;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas.GetGlyphRangesDefault());  // Basic Latin + Latin-1
    builder.AddText(text.c_str());
    builder.AddText("‘’“”–—…·‹›×");  // the interface's own punctuation
    out.glyph_ranges.clear();
    builder.BuildRanges(&out.glyph_ranges);

    for (int i = 0; i < int(FontRole::Count); ++i) {
        const std::string path = font_dir + "/" + face_file(role_spec(FontRole(i)).face);
        if (!std::ifstream(path).good()) {
            if (error) *error = path + ": cannot read font (is fonts-noto-core installed?)";
            return false;
        }
        ImFontConfig config;
        // Text is drawn at whole pixels and exact sizes, so oversampling would only
        // multiply the atlas (a 4K title is 128 px) without sharpening anything.
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        out.role[i] = atlas.AddFontFromFileTTF(path.c_str(), sizes.px[i], &config, out.glyph_ranges.Data);
        if (!out.role[i]) {
            if (error) *error = path + ": not a usable TrueType font";
            return false;
        }
    }
    if (!atlas.Build()) {
        if (error) *error = "the font atlas could not be built";
        return false;
    }
    return true;
}

std::vector<uint32_t> missing_glyphs(const Fonts& fonts, const std::string& text) {
    std::vector<uint32_t> missing;
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t c = next_code_point(text, pos);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
        if (std::find(missing.begin(), missing.end(), c) != missing.end()) continue;
        // Dear ImGui's characters are 16 bits here: nothing past U+FFFF is drawn.
        bool drawn = c <= 0xFFFF;
        for (int i = 0; drawn && i < int(FontRole::Count); ++i)
            drawn = fonts.role[i] && fonts.role[i]->FindGlyphNoFallback(ImWchar(c)) != nullptr;
        if (!drawn) missing.push_back(c);
    }
    return missing;
}

}  // namespace kiosk
