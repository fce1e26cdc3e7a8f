#include "text/fonts.h"

#include <fstream>

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

}  // namespace kiosk
