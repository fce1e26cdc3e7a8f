#include "pack/photo_scaling.h"

#include <algorithm>
#include <cmath>
#include <stb_image_resize.h>

namespace kiosk {

void fit_size(int width, int height, int max_w, int max_h, int& out_w, int& out_h) {
    const double s = std::min({1.0, double(max_w) / width, double(max_h) / height});
    out_w = std::max(1, int(std::lround(width * s)));
    out_h = std::max(1, int(std::lround(height * s)));
}

namespace {

// sRGB to linear light and back, by table: the halving below runs per pixel.
struct SrgbTables {
    float to_linear[256];
    uint8_t to_srgb[4096];  // by linear light in 1/4095 steps
    SrgbTables() {
        for (int i = 0; i < 256; ++i) {
            const double c = i / 255.0;
            to_linear[i] = float(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
        }
        for (int i = 0; i < 4096; ++i) {
            const double l = i / 4095.0;
            const double c = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
            to_srgb[i] = uint8_t(std::lround(std::clamp(c, 0.0, 1.0) * 255));
        }
    }
};

const SrgbTables& srgb_tables() {
    static const SrgbTables tables;
    return tables;
}

// Half the size each way, each pixel the mean of four in linear light (alpha
// plainly): a mipmap step, some ten times cheaper per source pixel than the
// resampler, which finishes from it.
ScaledImage halve(const uint8_t* rgba, int width, int height) {
    const SrgbTables& t = srgb_tables();
    ScaledImage out;
    out.width = width / 2, out.height = height / 2;
    out.rgba.resize(size_t(out.width) * size_t(out.height) * 4);
    const size_t stride = size_t(width) * 4;
    uint8_t* o = out.rgba.data();
    for (int y = 0; y < out.height; ++y) {
        const uint8_t* a = rgba + size_t(2 * y) * stride;
        const uint8_t* b = a + stride;
        for (int x = 0; x < out.width; ++x, a += 8, b += 8, o += 4) {
            for (int c = 0; c < 3; ++c) {
                const float sum = t.to_linear[a[c]] + t.to_linear[a[c + 4]] + t.to_linear[b[c]] + t.to_linear[b[c + 4]];
                o[c] = t.to_srgb[int(sum * (4095.f / 4) + 0.5f)];
            }
            o[3] = uint8_t((a[3] + a[7] + b[3] + b[7] + 2) / 4);
        }
    }
    return out;
}

}  // namespace

ScaledImage scale_to_fit(const uint8_t* rgba, int width, int height, int max_w, int max_h) {
    ScaledImage out;
    fit_size(width, height, max_w, max_h, out.width, out.height);
    if (out.width == width && out.height == height) {
        out.rgba.assign(rgba, rgba + size_t(width) * size_t(height) * 4);
        return out;
    }
    // Halved while at least twice the size each way; the resampler finishes
    // from at most twice the pixels it makes, at a quarter of the cost or less.
    ScaledImage halved;
    while (width >= 2 * out.width && height >= 2 * out.height) {
        halved = halve(rgba, width, height);
        rgba = halved.rgba.data(), width = halved.width, height = halved.height;
    }
    out.rgba.resize(size_t(out.width) * size_t(out.height) * 4);
    stbir_resize_uint8_srgb(rgba, width, height, 0, out.rgba.data(), out.width, out.height, 0, 4, 3, 0);
    return out;
}

}  // namespace kiosk
