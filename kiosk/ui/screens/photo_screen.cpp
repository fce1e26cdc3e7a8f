// The photograph viewer: fullscreen, pinch or double-tap to zoom from 1× to 4×,
// drag to pan while zoomed, the caption over the bottom, a large close button.
#include "ui/draw_helpers.h"
#include "ui/screens.h"
#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr float kMaxZoom = 4.f;
constexpr float kDoubleTapZoom = 2.5f;
constexpr int64_t kZoomAnimMs = 250;

const Photograph* shown_photo(const Ui& ui) { return ui.pack.find_photo(ui.pack.exhibit.photo); }

// The scale at which the whole photograph fits the screen, with a margin.
float fit_scale(const Ui& ui, int w, int h) {
    const Rect& a = ui.layouts.photo.image_area;
    return std::min(a.w * 0.94f / float(w), (a.h - ui.layouts.photo.caption_band.h * 0.5f) * 0.94f / float(h));
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

}  // namespace

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

void draw_photo_viewer(const DrawContext& c) {
    const Ui& ui = c.ui;
    const PhotoLayout& l = ui.layouts.photo;
    const Palette& p = c.palette;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    c.dl.AddRectFilled(ImVec2(0, 0), ImVec2(W, H), with_alpha(0xff000000u, uint8_t(255)));
    const Photograph* photo = shown_photo(ui);
    if (!photo) return;

    auto it = c.photos.find(photo->id + "@full");
    if (it == c.photos.end()) it = c.photos.find(photo->id);
    if (it != c.photos.end() && it->second.texture && photo->width > 0) {
        const Rect r = photo_rect(c.state.photo, ui, photo->width, photo->height);
        c.dl.AddImage(it->second.texture, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()));
    }

    // The caption lies over the bottom of the picture on a dark gradient, then
    // the credit and the description of the image (its alt text, what speech
    // reads), cut to a few lines; the band grows upwards to hold them.
    const float u = ui.layouts.unit;
    Rect band = l.caption_band;
    const float col_w = std::min(band.w - 2 * std::max(72 * u, 16.f), 1300 * u);
    const float x = (W - col_w) / 2;
    const std::string& caption = photo->caption.get(ui.lang);
    const std::string& credit = photo->credit.get(ui.lang);
    const std::string& alt = photo->alt.get(ui.lang);
    const std::string description =
        alt.empty() ? ""
                    : fit_lines(ui.fonts, FontRole::Small,
                                ui_text(UiText::PhotoDescription, ui.lang, {{"description", alt}}), col_w, 3);
    const float description_h =
        description.empty() ? 0 : 6 * u + text_height(ui.fonts, FontRole::Small, description, col_w);
    const float text_h = text_height(ui.fonts, FontRole::Body, caption, col_w) + ui.fonts.size(FontRole::Small) * 1.5f +
                         description_h;
    const float grown = std::min(std::max(band.h, text_h + 40 * u), H * 0.6f);
    band.y = band.bottom() - grown;
    band.h = grown;
    const uint32_t clear = with_alpha(p.background, uint8_t(0));
    const uint32_t dark = with_alpha(p.background, uint8_t(235));
    c.dl.AddRectFilledMultiColor(ImVec2(band.x, band.y - band.h * 0.4f), ImVec2(band.right(), band.y), clear, clear,
                                 dark, dark);
    c.dl.AddRectFilled(ImVec2(band.x, band.y), ImVec2(band.right(), band.bottom()), dark);
    float y = band.y + (band.h - text_h) / 2;
    y += draw_text(c.dl, ui.fonts, FontRole::Body, ImVec2(x, y), p.paper, caption, col_w);
    const float credit_h = draw_text(c.dl, ui.fonts, FontRole::Small, ImVec2(x, y + 6 * u), p.muted, credit, col_w);
    if (!description.empty())
        draw_text(c.dl, ui.fonts, FontRole::Small, ImVec2(x, y + 12 * u + credit_h), p.muted, description, col_w);

    draw_icon_button(c.dl, p, l.bar.back, Icon::Close);
    draw_pill_button(c.dl, ui.fonts, p, l.bar.settings, ui_text(UiText::CommonSettings, ui.lang),
                     c.state.settings_open);
}

bool photo_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const Photograph* photo = shown_photo(ui);
    const PhotoLayout& l = ui.layouts.photo;
    PhotoView& v = s.photo;
    using K = Gesture::Kind;
    if (!photo || photo->width <= 0) {
        if (g.kind == K::Tap) go_to_screen(s, Screen::Explore, g.time_ms);
        return g.kind == K::Tap;
    }
    switch (g.kind) {
        case K::Tap:
            return top_bar_tap(s, l.bar, g, ui);
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
        default:
            return false;
    }
}

// Advances an animated double-tap zoom; true while it runs.
bool step_photo_zoom(ExhibitState& s, const Ui& ui, int64_t now_ms) {
    PhotoView& v = s.photo;
    const Photograph* photo = shown_photo(ui);
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
