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
    // How high the panel's lower edge (as the exhibit is shown, upright) stands
    // above the floor; below 0: not known.
    float panel_bottom_mm = -1;

    bool portrait() const { return height > width; }
    float diagonal_inches() const;
    float px_per_mm() const;
    // The height above the floor of pixel row `y`; only when panel_bottom_mm is known.
    float height_above_floor_mm(float y) const;
    // The pixel row `mm` above the floor stands at; only when panel_bottom_mm is known.
    float row_at_height_mm(float mm) const;
};

// The part of the panel a visitor standing or seated in a wheelchair reaches:
// from 380 to 1 220 mm above the floor (the reach range accessibility standards
// give for controls), in pixel rows. Spans the whole panel when its mounting
// height is not known, when it is landscape, or when it ends below 1 220 mm
// anyway: only a tall portrait panel whose top is out of reach keeps its
// controls in the band.
struct ReachBand {
    float top = 0, bottom = 0;  // pixel rows
    bool limited = false;       // the band is narrower than the panel
};
constexpr float kReachLowMm = 380.f;
constexpr float kReachHighMm = 1220.f;
ReachBand reach_band(const Display& display);

}  // namespace kiosk
