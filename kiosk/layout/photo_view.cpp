#include "layout/photo_view.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// The scale at which the whole photograph fits the screen, with a margin.
float fit_scale(const Ui& ui, int w, int h) {
    const Rect& a = ui.layouts.photo.image_area;
    return std::min(a.w * 0.94f / float(w), (a.h - ui.layouts.photo.caption_band.h * 0.5f) * 0.94f / float(h));
}

}  // namespace

const Photograph* shown_photo(const Ui& ui, const PhotoView& view) {
    const std::vector<const Photograph*> shown = ui.pack.shown_photos();
    if (shown.empty()) return nullptr;
    return shown[size_t(std::clamp(view.index, 0, int(shown.size()) - 1))];
}

// Zooms about screen point (px, py), keeping what is under it in place.
void zoom_about(PhotoView& v, float new_zoom, float px, float py, const Ui& ui) {
    const Rect& a = ui.layouts.photo.image_area;
    const float cx = a.x + a.w / 2, cy = a.y + a.h / 2;
    const float ratio = new_zoom / v.zoom;
    v.pan_x = px - cx - (px - cx - v.pan_x) * ratio;
    v.pan_y = py - cy - (py - cy - v.pan_y) * ratio;
    v.zoom = new_zoom;
}

Rect photo_rect(const PhotoView& v, const Ui& ui, int w, int h) {
    const Rect& a = ui.layouts.photo.image_area;
    const float s = fit_scale(ui, w, h) * v.zoom;
    const float rw = float(w) * s, rh = float(h) * s;
    return {a.x + (a.w - rw) / 2 + v.pan_x, a.y + (a.h - rh) / 2 + v.pan_y, rw, rh};
}

// Keeps the photograph covering the screen's middle: it never drifts off.
void clamp_photo_pan(PhotoView& v, const Ui& ui, int w, int h) {
    const Rect& a = ui.layouts.photo.image_area;
    const float s = fit_scale(ui, w, h) * v.zoom;
    const float slack_x = std::max(0.f, (float(w) * s - a.w) / 2);
    const float slack_y = std::max(0.f, (float(h) * s - a.h) / 2);
    v.pan_x = std::clamp(v.pan_x, -slack_x, slack_x);
    v.pan_y = std::clamp(v.pan_y, -slack_y, slack_y);
}

}  // namespace kiosk
