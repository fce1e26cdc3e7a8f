#include "ui/palette.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr Palette kNormal = {
    rgb(0x15120f), rgb(0x2a241e), rgb(0xede6d6), rgb(0xbcb19b), rgb(0x3a332b),
    rgb(0x5a5044), rgb(0xc8593e), rgb(0xe89a82), rgb(0xf3d2c6), rgb(0xf1e9d8),
};

// Pure black and white, the accent lifted so small text on black stays legible.
constexpr Palette kHighContrast = {
    rgb(0x000000), rgb(0x1a1a1a), rgb(0xffffff), rgb(0xe6e6e6), rgb(0x808080),
    rgb(0xd0d0d0), rgb(0xff7a55), rgb(0xffb199), rgb(0xffe2d8), rgb(0xffffff),
};

double channel(uint32_t c, int shift) {
    const double v = double((c >> shift) & 0xff) / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(uint32_t abgr) {
    return 0.2126 * channel(abgr, 0) + 0.7152 * channel(abgr, 8) + 0.0722 * channel(abgr, 16);
}

}  // namespace

const Palette& palette_for(bool high_contrast) { return high_contrast ? kHighContrast : kNormal; }

double contrast_ratio(uint32_t a, uint32_t b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

uint32_t darken_for_contrast(uint32_t fill, uint32_t text, double ratio) {
    for (int step = 0; step < 40 && contrast_ratio(fill, text) < ratio; ++step) {
        uint32_t darker = fill & 0xff000000u;
        for (int shift : {0, 8, 16}) darker |= uint32_t(((fill >> shift) & 0xff) * 15 / 16) << shift;
        fill = darker;
    }
    return fill;
}

}  // namespace kiosk
