#include "image_compare.h"

#include <algorithm>
#include <cstdlib>
#include <stb_image.h>

bool load_png(const std::string& path, Image& out) {
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &out.width, &out.height, &channels, 4);
    if (!data) return false;
    out.rgba.assign(data, data + size_t(out.width) * size_t(out.height) * 4);
    stbi_image_free(data);
    return true;
}

Comparison compare_images(const Image& a, const Image& b, int tolerance) {
    Comparison c;
    c.same_size = a.width == b.width && a.height == b.height && a.rgba.size() == b.rgba.size();
    if (!c.same_size) return c;
    for (size_t i = 0; i < a.rgba.size(); i += 4) {
        int worst = 0;
        for (size_t k = 0; k < 3; ++k) worst = std::max(worst, std::abs(int(a.rgba[i + k]) - int(b.rgba[i + k])));
        c.max_channel_diff = std::max(c.max_channel_diff, worst);
        if (worst > tolerance) ++c.differing_pixels;
    }
    return c;
}

Image diff_image(const Image& a, const Image& b, int tolerance) {
    Image d{b.width, b.height, std::vector<uint8_t>(b.rgba.size())};
    for (size_t i = 0; i + 3 < d.rgba.size() && i + 3 < a.rgba.size(); i += 4) {
        int worst = 0;
        for (size_t k = 0; k < 3; ++k) worst = std::max(worst, std::abs(int(a.rgba[i + k]) - int(b.rgba[i + k])));
        const uint8_t grey = uint8_t((b.rgba[i] + b.rgba[i + 1] + b.rgba[i + 2]) / 6);
        const bool differs = worst > tolerance;
        d.rgba[i] = differs ? 255 : grey;
        d.rgba[i + 1] = differs ? 0 : grey;
        d.rgba[i + 2] = differs ? 0 : grey;
        d.rgba[i + 3] = 255;
    }
    return d;
}
