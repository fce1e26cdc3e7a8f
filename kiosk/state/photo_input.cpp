// The photograph viewer's touch handling: pinch or double-tap to zoom from 1× to
// 4×, drag to pan while zoomed, a sideways swipe at 1× to the exhibit's previous
// or next photograph, the close button and "Aa".
#include "layout/photo_view.h"
#include "state/screen_input.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr float kMaxZoom = 4.f;
constexpr float kDoubleTapZoom = 2.5f;
constexpr int64_t kZoomAnimMs = 250;

}  // namespace

bool photo_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const Photograph* photo = shown_photo(ui, s.photo);
    const PhotoLayout& l = ui.layouts.photo;
    PhotoView& v = s.photo;
    using K = Gesture::Kind;
    if (!photo || photo->width <= 0) {
        if (g.kind == K::Tap) go_to_screen(s, Screen::Explore, g.time_ms);
        return g.kind == K::Tap;
    }
    switch (g.kind) {
        case K::Tap:
            if (grow_to(l.bar.back, ui.layouts.target).contains(g.x, g.y)) {
                close_photo_viewer(s, ui, g.time_ms);
                return true;
            }
            return top_bar_tap(s, l.bar, g, ui);
        case K::Swipe: {
            // Zoomed in, a swipe is the end of a pan; at 1× it turns the page.
            const int count = int(ui.pack.shown_photos().size());
            const int step = g.direction == Gesture::Direction::Left    ? 1
                             : g.direction == Gesture::Direction::Right ? -1
                                                                        : 0;
            const int index = std::clamp(v.index + step, 0, count - 1);
            if (v.zoom > 1.001f || v.zoom_anim_start >= 0 || index == v.index) return false;
            v = PhotoView{};
            v.index = index;
            return true;
        }
        case K::DoubleTap: {
            // In to 2.5× at the finger, or back out to the whole picture.
            v.zoom_from = v.zoom;
            v.pan_from_x = v.pan_x;
            v.pan_from_y = v.pan_y;
            v.zoom_to = v.zoom > 1.05f ? 1.f : kDoubleTapZoom;
            if (v.zoom_to > 1 && s.stats.in_session) s.stats.add(StatEvent::Kind::PhotoZoom);
            v.anchor_x = g.x;
            v.anchor_y = g.y;
            if (reduced_motion(ui.pack)) {
                zoom_about(v, v.zoom_to, g.x, g.y, ui);
                clamp_photo_pan(v, ui, photo->width, photo->height);
            } else {
                v.zoom_anim_start = g.time_ms;
            }
            return true;
        }
        case K::PinchStart:
        case K::Pinch:
            if (g.kind == K::PinchStart && s.stats.in_session) s.stats.add(StatEvent::Kind::PhotoZoom);
            v.zoom_anim_start = -1;
            zoom_about(v, std::clamp(v.zoom * g.scale, 1.f, kMaxZoom), g.x, g.y, ui);
            v.pan_x += g.dx;
            v.pan_y += g.dy;
            clamp_photo_pan(v, ui, photo->width, photo->height);
            return true;
        case K::DragStart:
        case K::Drag:
            if (v.zoom <= 1.001f) return false;
            v.pan_x += g.dx;
            v.pan_y += g.dy;
            clamp_photo_pan(v, ui, photo->width, photo->height);
            return true;
        default: return false;
    }
}

// Advances an animated double-tap zoom; true while it runs.
bool step_photo_zoom(ExhibitState& s, const Ui& ui, int64_t now_ms) {
    PhotoView& v = s.photo;
    const Photograph* photo = shown_photo(ui, v);
    if (v.zoom_anim_start < 0 || !photo) return false;
    const float t = ease_progress(v.zoom_anim_start, now_ms, kZoomAnimMs);
    // From where the zoom started each frame, so clamping one frame's pan does
    // not lose the point under the finger for the next.
    v.zoom = v.zoom_from;
    v.pan_x = v.pan_from_x;
    v.pan_y = v.pan_from_y;
    zoom_about(v, v.zoom_from + (v.zoom_to - v.zoom_from) * t, v.anchor_x, v.anchor_y, ui);
    clamp_photo_pan(v, ui, photo->width, photo->height);
    if (t >= 1) v.zoom_anim_start = -1;
    return v.zoom_anim_start >= 0;
}

}  // namespace kiosk
