// A panel mounted turned: SDL 2.26's KMSDRM cannot rotate the screen, so the
// kiosk does it, for drawing and for touch alike. The exhibit is laid out for the
// logical (upright) display; every vertex is turned onto the panel, and every
// touch turned back.
#pragma once

namespace kiosk {

struct PanelRotation {
    int degrees = 0;      // 0, 90, 180 or 270, clockwise
    int panel_width = 0;  // the panel as the display driver reports it
    int panel_height = 0;

    bool quarter_turn() const { return degrees == 90 || degrees == 270; }
    int logical_width() const { return quarter_turn() ? panel_height : panel_width; }
    int logical_height() const { return quarter_turn() ? panel_width : panel_height; }

    // Where an upright point lands on the panel, and back.
    void to_panel(float x, float y, float& px, float& py) const;
    void to_logical(float px, float py, float& x, float& y) const;
};

bool valid_rotation(int degrees);

}  // namespace kiosk
