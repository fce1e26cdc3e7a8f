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

ScaledImage scale_to_fit(const uint8_t* rgba, int width, int height, int max_w, int max_h) {
    ScaledImage out;
    fit_size(width, height, max_w, max_h, out.width, out.height);
    if (out.width == width && out.height == height) {
        out.rgba.assign(rgba, rgba + size_t(width) * size_t(height) * 4);
        return out;
    }
    out.rgba.resize(size_t(out.width) * size_t(out.height) * 4);
    stbir_resize_uint8_srgb(rgba, width, height, 0, out.rgba.data(), out.width, out.height, 0, 4, 3, 0);
    return out;
}

}  // namespace kiosk
