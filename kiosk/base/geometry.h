// Plain rectangles and the display they live on.
#pragma once

namespace kiosk {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;

    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

// The panel the kiosk draws on: its pixels and its physical size, which decides
// how many pixels a finger needs.
struct Display {
    int width = 1920;
    int height = 1080;
    float panel_inches = 0;  // diagonal; 0 means "guess from the resolution"

    bool portrait() const { return height > width; }
    float diagonal_inches() const;
    float px_per_mm() const;
};

}  // namespace kiosk
