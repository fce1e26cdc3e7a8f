// The exhibit's colours: calm, dark and warm, with one accent used sparingly, and
// a high-contrast variant a visitor can turn on. Colours are ImGui's packed ABGR.
#pragma once

#include <cstdint>

namespace kiosk {

constexpr uint32_t rgb(uint32_t hex) {  // 0xRRGGBB → ImGui's ABGR, opaque
    return 0xff000000u | ((hex & 0xff) << 16) | (hex & 0xff00) | ((hex >> 16) & 0xff);
}
constexpr uint32_t with_alpha(uint32_t col, uint8_t a) { return (col & 0x00ffffffu) | (uint32_t(a) << 24); }
constexpr uint32_t with_alpha(uint32_t col, float a) {
    return with_alpha(col, uint8_t(a <= 0 ? 0 : a >= 1 ? 255 : a * 255.f + 0.5f));
}

struct Palette {
    uint32_t background;
    uint32_t frame;        // photograph frames, panels
    uint32_t paper;        // body text
    uint32_t muted;        // secondary text, still above 7:1
    uint32_t rule;         // hairlines
    uint32_t outline;      // button outlines, the axis
    uint32_t accent;       // the selected marker, the disputed bar
    uint32_t accent_text;  // dates and small labels in the accent hue
    uint32_t accent_light;
    uint32_t era_text;  // text on era bands
};

const Palette& palette_for(bool high_contrast);

// WCAG 2 contrast ratio of two opaque colours (1 to 21).
double contrast_ratio(uint32_t a, uint32_t b);

// `fill` darkened just enough for `text` on it to reach `ratio`: curators choose
// era colours freely and the labels on them stay readable.
uint32_t darken_for_contrast(uint32_t fill, uint32_t text, double ratio);

}  // namespace kiosk
