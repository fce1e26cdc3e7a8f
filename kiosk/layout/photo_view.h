// Where the photograph viewer puts the photograph: its zoom and pan, and the
// rectangle they give on screen. Input handling changes the view
// (state/photo_input.cpp); drawing reads it (ui/screens/photo_screen.cpp).
#pragma once

#include "base/geometry.h"
#include "layout/ui_context.h"

#include <cstdint>

namespace kiosk {

struct PhotoView {
    int index = 0;               // into Pack::shown_photos(): the photograph shown
    float zoom = 1;              // 1× to 4×
    float pan_x = 0, pan_y = 0;  // image offset in screen pixels, from centred
    int64_t zoom_anim_start = -1;
    float zoom_from = 1, zoom_to = 1;
    float pan_from_x = 0, pan_from_y = 0;
    float anchor_x = 0, anchor_y = 0;  // double-tap point the animated zoom keeps still

    bool operator==(const PhotoView& o) const {
        return index == o.index && zoom == o.zoom && pan_x == o.pan_x && pan_y == o.pan_y &&
               zoom_anim_start == o.zoom_anim_start && zoom_from == o.zoom_from && zoom_to == o.zoom_to &&
               pan_from_x == o.pan_from_x && pan_from_y == o.pan_from_y && anchor_x == o.anchor_x &&
               anchor_y == o.anchor_y;
    }
};

// The photograph the viewer shows (view.index into Pack::shown_photos()); null
// when the exhibit has none.
const Photograph* shown_photo(const Ui& ui, const PhotoView& view);
// Zooms about screen point (px, py), keeping what is under it in place.
void zoom_about(PhotoView& v, float new_zoom, float px, float py, const Ui& ui);
// The photograph's rectangle on screen at the current zoom and pan.
Rect photo_rect(const PhotoView& view, const Ui& ui, int image_w, int image_h);
void clamp_photo_pan(PhotoView& view, const Ui& ui, int image_w, int image_h);

}  // namespace kiosk
