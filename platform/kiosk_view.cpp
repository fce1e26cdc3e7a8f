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
    o.decode_photos = false;
    return o;
}

bool KioskView::init(SDL_Renderer* renderer, const kiosk::Display& display, kiosk::PackLoadResult pack,
                     const kiosk::KioskConfig& config, const std::string& font_dir, int64_t now_ms,
                     std::string* error) {
    renderer_ = renderer;
    if (!app_.init(display, std::move(pack), config, font_dir, now_ms, error) || !upload_fonts(error)) return false;
    photos_.init(renderer);
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

bool KioskView::handle(const kiosk::InputEvent& event) {
    record_until(event.time_ms);
    const bool changed = app_.handle(event);
    upload_fonts_or_log();
    follow_speech();
    return changed;
}

kiosk::TickResult KioskView::tick(int64_t now_ms) {
    record_until(now_ms);
    const kiosk::TickResult r = app_.tick(now_ms);
    upload_fonts_or_log();
    follow_speech();
    return r;
}

void KioskView::open_sound() {
    speech_.start_worker();  // a window never waits for speech to be made
    const kiosk::KioskConfig& config = app_.config();
    if (!device_.open(config.audio_device, float(config.volume) / 100.f))
        kiosk::log_error(kiosk::log_from::kApp, "no sound output, the kiosk shows captions only: " + device_.error());
}

bool KioskView::record_sound(const std::string& wav_path, std::string* error) {
    wav_path_ = wav_path;
    return wav_.open(wav_path, kiosk::AudioMixer::kRate, kiosk::AudioMixer::kChannels, error);
}

void KioskView::record_until(int64_t now_ms) {
    if (!wav_.is_open() || now_ms < 0) return;
    const uint64_t target = uint64_t(now_ms) * kiosk::AudioMixer::kRate / 1000;
    int16_t buffer[4800];
    while (wav_.frames_written() < target) {
        const size_t frames = size_t(std::min<uint64_t>(std::size(buffer), target - wav_.frames_written()));
        recorded_.render(buffer, frames);
        std::string error;
        if (!wav_.append(buffer, frames, &error)) {
            kiosk::log_error(kiosk::log_from::kApp, error);
            wav_.close(&error);
            return;
        }
    }
}

bool KioskView::finish_sound(int64_t now_ms, std::string* error) {
    if (!wav_.is_open()) return true;
    record_until(now_ms);
    // What is still being said is heard to its end (paused speech is not waited for).
    int64_t end = now_ms;
    while (recorded_.playing() && !recorded_.paused() && end < now_ms + 10 * 60 * 1000) record_until(end += 100);
    if (!wav_.close(error)) return false;
    kiosk::log_info(kiosk::log_from::kApp, "wrote " + wav_path_);
    return true;
}

void KioskView::follow_speech() {
    if (device_.is_open())
        speech_.follow(app_, device_);
    else
        speech_.follow(app_, recorded_);  // headless: into the file, if there is one
}

const ImDrawData* KioskView::build(int64_t now_ms) {
    ImDrawData* data = app_.build(now_ms, photos_.textures());
    // Photographs load when a frame first shows them; that frame is built again with them.
    if (photos_.load_wanted(app_)) {
        photos_.textures().forget_lookups();
        app_.text().forget_recorded();
        data = app_.build(now_ms, photos_.textures());
    }
    photos_.end_frame();
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
