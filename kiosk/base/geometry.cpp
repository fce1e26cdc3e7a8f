#include "base/geometry.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

// Without configuration, assume the panel that usually comes with a resolution:
// 800×480 is the 7" touch display, 1280×800 a 10" panel, 1080p a 24" monitor,
// 4K a 43" screen.
float Display::diagonal_inches() const {
    if (panel_inches > 0) return panel_inches;
    const int long_side = std::max(width, height);
    if (long_side <= 1024) return 7.0f;
    if (long_side <= 1366) return 10.1f;
    if (long_side <= 2560) return 24.0f;
    return 43.0f;
}

float Display::px_per_mm() const {
    const float diagonal_px = std::sqrt(float(width) * width + float(height) * height);
    return diagonal_px / (diagonal_inches() * 25.4f);
}

float Display::height_above_floor_mm(float y) const { return panel_bottom_mm + (float(height) - y) / px_per_mm(); }

float Display::row_at_height_mm(float mm) const { return float(height) - (mm - panel_bottom_mm) * px_per_mm(); }

ReachBand reach_band(const Display& d) {
    ReachBand band{0, float(d.height), false};
    if (d.panel_bottom_mm < 0 || !d.portrait() || d.height_above_floor_mm(0) <= kReachHighMm) return band;
    band.top = std::clamp(std::ceil(d.row_at_height_mm(kReachHighMm)), 0.f, float(d.height));
    band.bottom = std::clamp(std::floor(d.row_at_height_mm(kReachLowMm)), band.top, float(d.height));
    band.limited = true;
    return band;
}

}  // namespace kiosk
