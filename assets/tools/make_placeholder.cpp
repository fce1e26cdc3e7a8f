// vitrine-placeholder: draws the bundled exhibit's placeholder photograph.
//
//   vitrine-placeholder OUT.png
//
// The real photograph (Ieng Sary at a railway inspection in Takeo province, 1977,
// DC-Cam) is not available to us, so the pack ships this generated image, which
// says plainly that it is a placeholder. The output is deterministic: no clock,
// no randomness, so rerunning it gives the same bytes (tests/check_placeholder.cmake
// compares it with the committed file).
//
// A warm dark radial gradient like the mockup's photograph frame, with an ordered
// dither against banding, and centred text in Noto Sans rasterised by stb_truetype.
// libstb provides the stb_truetype and stb_image_write implementations.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <stb_image_write.h>
#include <stb_truetype.h>
#include <string>
#include <vector>

#ifndef VITRINE_FONT_DIR
#define VITRINE_FONT_DIR "/usr/share/fonts/truetype/noto"
#endif

namespace {

constexpr int kWidth = 1600;
constexpr int kHeight = 1100;

struct Rgb {
    float r, g, b;  // 0..255, sRGB
};

constexpr Rgb hex(uint32_t v) { return {float((v >> 16) & 0xff), float((v >> 8) & 0xff), float(v & 0xff)}; }

Rgb mix(Rgb a, Rgb b, float t) { return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t}; }

// The picture in floating point until the very end, so text edges and the
// gradient are quantised (and dithered) once.
struct Canvas {
    int w, h;
    std::vector<Rgb> px;
    Canvas(int w_, int h_) : w(w_), h(h_), px(size_t(w_) * size_t(h_)) {}
    Rgb& at(int x, int y) { return px[size_t(y) * size_t(w) + size_t(x)]; }

    void blend(int x, int y, Rgb c, float alpha) {
        if (x < 0 || y < 0 || x >= w || y >= h || alpha <= 0.f) return;
        Rgb& d = at(x, y);
        d = mix(d, c, std::min(alpha, 1.f));
    }

    // An axis-aligned rectangle with fractional coverage at its edges.
    void fill_rect(float x0, float y0, float x1, float y1, Rgb c, float alpha) {
        for (int y = int(std::floor(y0)); y < int(std::ceil(y1)); ++y) {
            float cy = std::min(y1, float(y + 1)) - std::max(y0, float(y));
            for (int x = int(std::floor(x0)); x < int(std::ceil(x1)); ++x) {
                float cx = std::min(x1, float(x + 1)) - std::max(x0, float(x));
                blend(x, y, c, alpha * cx * cy);
            }
        }
    }
};

// Warm dark radial gradient, as the mockup's CSS
// radial-gradient(circle at 40% 35%, #8d7a5f, #4b3f31 70%, #2b241c), whose
// radius reaches the farthest corner.
void paint_gradient(Canvas& cv) {
    const Rgb c0 = hex(0x8d7a5f), c1 = hex(0x4b3f31), c2 = hex(0x2b241c);
    const float cx = 0.40f * float(cv.w), cy = 0.35f * float(cv.h);
    const float fx = std::max(cx, float(cv.w) - cx), fy = std::max(cy, float(cv.h) - cy);
    const float radius = std::sqrt(fx * fx + fy * fy);
    for (int y = 0; y < cv.h; ++y) {
        for (int x = 0; x < cv.w; ++x) {
            float dx = float(x) + 0.5f - cx, dy = float(y) + 0.5f - cy;
            float t = std::sqrt(dx * dx + dy * dy) / radius;
            cv.at(x, y) = t < 0.7f ? mix(c0, c1, t / 0.7f) : mix(c1, c2, std::min(1.f, (t - 0.7f) / 0.3f));
        }
    }
}

// Decodes UTF-8 into code points; invalid bytes become U+FFFD.
std::vector<int> utf8_decode(const std::string& s) {
    std::vector<int> out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (len == 0 || i + size_t(len) > s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        int cp = len == 1 ? c : c & (0x7f >> len);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3f);
        out.push_back(cp);
        i += size_t(len);
    }
    return out;
}

struct Font {
    std::vector<unsigned char> data;
    stbtt_fontinfo info{};

    bool load(const std::string& path) {
        std::ifstream f(path, std::ios::binary);
        if (!f) return false;
        data.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
        return !data.empty() && stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0)) != 0;
    }
};

struct TextStyle {
    const Font* font;
    float px;        // pixel height (ascender to descender)
    float tracking;  // extra space after each letter, in em
    Rgb color;
    float alpha;
};

// Width of a line in pixels, letter spacing included between letters only.
float measure(const TextStyle& st, const std::vector<int>& cps) {
    const float scale = stbtt_ScaleForPixelHeight(&st.font->info, st.px);
    float x = 0.f;
    for (size_t i = 0; i < cps.size(); ++i) {
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&st.font->info, cps[i], &adv, &lsb);
        x += float(adv) * scale;
        if (i + 1 < cps.size()) {
            x += float(stbtt_GetCodepointKernAdvance(&st.font->info, cps[i], cps[i + 1])) * scale;
            x += st.tracking * st.px;
        }
    }
    return x;
}

// Draws one line of text centred on cx with its baseline at `baseline`,
// anti-aliased, each glyph rasterised at its own sub-pixel offset.
void draw_centred(Canvas& cv, const TextStyle& st, const std::string& text, float cx, float baseline) {
    const std::vector<int> cps = utf8_decode(text);
    const float scale = stbtt_ScaleForPixelHeight(&st.font->info, st.px);
    float x = std::round(cx - measure(st, cps) / 2.f);
    const int by = int(std::floor(baseline));
    const float sub_y = baseline - float(by);
    std::vector<unsigned char> glyph;
    for (size_t i = 0; i < cps.size(); ++i) {
        const int cp = cps[i];
        const int ix = int(std::floor(x));
        const float sub_x = x - float(ix);
        int x0, y0, x1, y1;
        stbtt_GetCodepointBitmapBoxSubpixel(&st.font->info, cp, scale, scale, sub_x, sub_y, &x0, &y0, &x1, &y1);
        const int gw = x1 - x0, gh = y1 - y0;
        if (gw > 0 && gh > 0) {
            glyph.assign(size_t(gw) * size_t(gh), 0);
            stbtt_MakeCodepointBitmapSubpixel(&st.font->info, glyph.data(), gw, gh, gw, scale, scale, sub_x, sub_y, cp);
            for (int gy = 0; gy < gh; ++gy)
                for (int gx = 0; gx < gw; ++gx)
                    cv.blend(ix + x0 + gx, by + y0 + gy, st.color,
                             st.alpha * float(glyph[size_t(gy) * size_t(gw) + size_t(gx)]) / 255.f);
        }
        int adv = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&st.font->info, cp, &adv, &lsb);
        x += float(adv) * scale;
        if (i + 1 < cps.size()) {
            x += float(stbtt_GetCodepointKernAdvance(&st.font->info, cp, cps[i + 1])) * scale;
            x += st.tracking * st.px;
        }
    }
}

// Quantises to 8-bit RGB with a 4×4 ordered (Bayer) dither: ±½ level of
// structured noise breaks up the gradient's bands and is invisible otherwise.
std::vector<unsigned char> quantise(const Canvas& cv) {
    static const int bayer[4][4] = {{0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}};
    std::vector<unsigned char> out(size_t(cv.w) * size_t(cv.h) * 3);
    for (int y = 0; y < cv.h; ++y) {
        for (int x = 0; x < cv.w; ++x) {
            const float d = (float(bayer[y & 3][x & 3]) + 0.5f) / 16.f - 0.5f;
            const Rgb& p = cv.px[size_t(y) * size_t(cv.w) + size_t(x)];
            const float ch[3] = {p.r, p.g, p.b};
            for (int c = 0; c < 3; ++c) {
                const float v = std::floor(ch[c] + d + 0.5f);
                out[(size_t(y) * size_t(cv.w) + size_t(x)) * 3 + size_t(c)] =
                    static_cast<unsigned char>(std::clamp(v, 0.f, 255.f));
            }
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT.png\n", argc > 0 ? argv[0] : "vitrine-placeholder");
        return 2;
    }
    const std::string font_path = std::string(VITRINE_FONT_DIR) + "/NotoSans-Regular.ttf";
    const std::string italic_path = std::string(VITRINE_FONT_DIR) + "/NotoSans-Italic.ttf";
    Font regular, italic;
    if (!regular.load(font_path)) {
        std::fprintf(stderr, "vitrine-placeholder: cannot read font %s (package fonts-noto-core)\n", font_path.c_str());
        return 1;
    }
    if (!italic.load(italic_path)) {
        std::fprintf(stderr, "vitrine-placeholder: cannot read font %s (package fonts-noto-core)\n",
                     italic_path.c_str());
        return 1;
    }

    Canvas cv(kWidth, kHeight);
    paint_gradient(cv);

    const Rgb light = hex(0xe8dcc4);  // the mockup's warm light text colour
    const float cx = float(kWidth) / 2.f;

    // A thin inset frame, like a mount around a print.
    const float inset = 44.f, line = 2.f;
    const float frame_alpha = 0.16f;
    cv.fill_rect(inset, inset, float(kWidth) - inset, inset + line, light, frame_alpha);
    cv.fill_rect(inset, float(kHeight) - inset - line, float(kWidth) - inset, float(kHeight) - inset, light,
                 frame_alpha);
    cv.fill_rect(inset, inset + line, inset + line, float(kHeight) - inset - line, light, frame_alpha);
    cv.fill_rect(float(kWidth) - inset - line, inset + line, float(kWidth) - inset, float(kHeight) - inset - line,
                 light, frame_alpha);

    const TextStyle title{&regular, 74.f, 0.2f, light, 0.94f};
    const TextStyle caption{&regular, 46.f, 0.f, light, 0.92f};
    const TextStyle note{&italic, 38.f, 0.01f, light, 0.74f};

    // Vertical rhythm, centred slightly above the middle (optical centre).
    const float title_base = 408.f;
    const float rule_y = title_base + 58.f;
    const float caption_base = rule_y + 100.f;
    const float caption_lead = 68.f;
    const float note_base = caption_base + caption_lead + 106.f;

    draw_centred(cv, title, "PHOTOGRAPH PLACEHOLDER", cx, title_base);
    cv.fill_rect(cx - 60.f, rule_y, cx + 60.f, rule_y + 2.f, light, 0.55f);
    draw_centred(cv, caption, "Ieng Sary (centre) at an inspection of railway tracks,", cx, caption_base);
    draw_centred(cv, caption, "Takeo province, 1977 \xC2\xB7 Photograph: DC-Cam", cx, caption_base + caption_lead);
    draw_centred(cv, note, "The real image is to be supplied by the curator", cx, note_base);

    const std::vector<unsigned char> rgb = quantise(cv);
    stbi_write_png_compression_level = 9;
    if (!stbi_write_png(argv[1], kWidth, kHeight, 3, rgb.data(), kWidth * 3)) {
        std::fprintf(stderr, "vitrine-placeholder: cannot write %s\n", argv[1]);
        return 1;
    }
    return 0;
}
