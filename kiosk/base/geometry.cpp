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

}  // namespace kiosk
