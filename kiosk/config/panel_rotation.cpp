#include "config/panel_rotation.h"

namespace kiosk {

bool valid_rotation(int degrees) { return degrees == 0 || degrees == 90 || degrees == 180 || degrees == 270; }

void PanelRotation::to_panel(float x, float y, float& px, float& py) const {
    const float w = float(panel_width), h = float(panel_height);
    switch (degrees) {
        case 90: px = w - y, py = x; break;
        case 180: px = w - x, py = h - y; break;
        case 270: px = y, py = h - x; break;
        default: px = x, py = y; break;
    }
}

void PanelRotation::to_logical(float px, float py, float& x, float& y) const {
    const float w = float(panel_width), h = float(panel_height);
    switch (degrees) {
        case 90: x = py, y = w - px; break;
        case 180: x = w - px, y = h - py; break;
        case 270: x = h - py, y = px; break;
        default: x = px, y = py; break;
    }
}

}  // namespace kiosk
