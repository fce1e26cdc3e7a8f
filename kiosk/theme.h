// The exhibit's palette: calm, dark and warm, with one accent used sparingly.
// Body text on the background is about 14:1; muted text stays above 7:1.
#pragma once

#include <cstdint>

namespace kiosk::theme {

constexpr uint32_t rgb(uint32_t hex) {  // 0xRRGGBB → ImGui's ABGR, opaque
    return 0xff000000u | ((hex & 0xff) << 16) | (hex & 0xff00) | ((hex >> 16) & 0xff);
}
constexpr uint32_t with_alpha(uint32_t col, uint8_t a) { return (col & 0x00ffffffu) | (uint32_t(a) << 24); }

constexpr uint32_t background = rgb(0x15120f);
constexpr uint32_t panel = rgb(0x1e1a16);
constexpr uint32_t frame = rgb(0x2a241e);
constexpr uint32_t paper = rgb(0xede6d6);   // body text
constexpr uint32_t muted = rgb(0xb4a993);   // secondary text
constexpr uint32_t rule = rgb(0x3a332b);    // hairlines
constexpr uint32_t outline = rgb(0x5a5044); // button outlines, axis
constexpr uint32_t accent = rgb(0xc8593e);
constexpr uint32_t accent_text = rgb(0xe0876d);
constexpr uint32_t accent_light = rgb(0xf3d2c6);

}  // namespace kiosk::theme
