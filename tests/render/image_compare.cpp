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

namespace {

int channel_diff(const Image& a, const Image& b, size_t ai, size_t bi) {
    int worst = 0;
    for (size_t k = 0; k < 3; ++k) worst = std::max(worst, std::abs(int(a.rgba[ai + k]) - int(b.rgba[bi + k])));
    return worst;
}

// The smallest difference between pixel (x, y) of A and B's pixels within RADIUS.
int nearest_diff(const Image& a, const Image& b, int x, int y, int radius) {
    const size_t ai = (size_t(y) * size_t(a.width) + size_t(x)) * 4;
    int best = channel_diff(a, b, ai, ai);
    for (int dy = -radius; dy <= radius && best > 0; ++dy)
        for (int dx = -radius; dx <= radius && best > 0; ++dx) {
            const int bx = x + dx, by = y + dy;
            if (bx < 0 || by < 0 || bx >= b.width || by >= b.height) continue;
            best = std::min(best, channel_diff(a, b, ai, (size_t(by) * size_t(b.width) + size_t(bx)) * 4));
        }
    return best;
}

}  // namespace

Comparison compare_images(const Image& a, const Image& b, int tolerance, int radius) {
    Comparison c;
    c.same_size = a.width == b.width && a.height == b.height && a.rgba.size() == b.rgba.size();
    if (!c.same_size) return c;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            const int worst = nearest_diff(a, b, x, y, radius);
            c.max_channel_diff = std::max(c.max_channel_diff, worst);
            if (worst > tolerance) ++c.differing_pixels;
        }
    return c;
}

Image diff_image(const Image& a, const Image& b, int tolerance, int radius) {
    Image d{b.width, b.height, std::vector<uint8_t>(b.rgba.size())};
    const bool same_size = a.width == b.width && a.height == b.height && a.rgba.size() == b.rgba.size();
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x) {
            const size_t i = (size_t(y) * size_t(b.width) + size_t(x)) * 4;
            const uint8_t grey = uint8_t((b.rgba[i] + b.rgba[i + 1] + b.rgba[i + 2]) / 6);
            const bool differs = same_size && nearest_diff(a, b, x, y, radius) > tolerance;
            d.rgba[i] = differs ? 255 : grey;
            d.rgba[i + 1] = differs ? 0 : grey;
            d.rgba[i + 2] = differs ? 0 : grey;
            d.rgba[i + 3] = 255;
        }
    return d;
}
