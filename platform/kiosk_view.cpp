#include "kiosk_view.h"

#include "base/log.h"
#include "imgui_sdl_renderer.h"

#include <algorithm>

namespace platform {

KioskView::~KioskView() {
    photos_.clear();
    glyphs_.clear();
    if (font_texture_) SDL_DestroyTexture(font_texture_);
}

kiosk::PackLoadOptions pack_load_options(int width, int height) {
    kiosk::PackLoadOptions o;
    if (width > 0 && height > 0) {
        // The panel's longest side: what the memory budget is checked for, so
        // thirteen 40-megapixel photographs fit a 1 GB board. The viewer's zoom
        // magnifies these pixels rather than keeping four times as many.
        o.max_photo_side = std::max(width, height);
        o.display_width = width;
        o.display_height = height;
    }
    return o;
}

bool KioskView::init(SDL_Renderer* renderer, const kiosk::Display& display, kiosk::PackLoadResult pack,
                     const kiosk::KioskConfig& config, const std::string& font_dir, int64_t now_ms,
                     std::string* error) {
    renderer_ = renderer;
    if (!app_.init(display, std::move(pack), config, font_dir, now_ms, error) || !upload_fonts(error)) return false;
    upload_photos();
    return true;
}

bool KioskView::upload_fonts(std::string* error) {
    if (!app_.take_font_atlas_change()) return true;
    app_.make_current();
    if (font_texture_) SDL_DestroyTexture(font_texture_);
    font_texture_ = upload_font_atlas(renderer_);
    if (!font_texture_) {
        if (error) *error = std::string("cannot upload the font atlas: ") + SDL_GetError();
        return false;
    }
    return true;
}

void KioskView::upload_fonts_or_log() {
    std::string error;
    if (!upload_fonts(&error)) kiosk::log_error(kiosk::log_from::kApp, error);
}

void KioskView::upload_photos() {
    for (const kiosk::PhotoRequest& r : app_.photo_requests())
        photos_.upload(renderer_, app_.pack_for_upload(), r.max_width, r.max_height, r.size, r.photo);
    app_.drop_photo_pixels();
}

bool KioskView::handle(const kiosk::InputEvent& event) {
    const bool changed = app_.handle(event);
    upload_fonts_or_log();
    return changed;
}

kiosk::TickResult KioskView::tick(int64_t now_ms) {
    const kiosk::TickResult r = app_.tick(now_ms);
    upload_fonts_or_log();
    return r;
}

const ImDrawData* KioskView::build(int64_t now_ms) {
    ImDrawData* data = app_.build(now_ms, photos_.textures());
    prepare_glyphs(renderer_, app_.text().atlas(), glyphs_, data);
    return data;
}

void KioskView::render(int64_t now_ms) {
    const ImDrawData* data = build(now_ms);
    SDL_SetRenderDrawColor(renderer_, 0, 0, 0, 0xff);
    SDL_RenderClear(renderer_);
    render_draw_data(renderer_, data, &app_.rotation());
}

}  // namespace platform
