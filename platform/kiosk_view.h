// The kiosk on one SDL renderer: the application (kiosk/app/app.h: the exhibit,
// fonts, layouts, the visitor's state) with the textures it asks for, drawn
// through the renderer. Windowed, fullscreen and headless runs all go through it.
#pragma once

#include "app/app.h"
#include "audio/mixer.h"
#include "audio/wav_file.h"
#include "audio_device.h"
#include "config/kiosk_config.h"
#include "glyph_textures.h"
#include "input/input.h"
#include "pack/pack_loader.h"
#include "photo_store.h"
#include "speech_player.h"
#include "textures.h"

#include <SDL.h>
#include <string>
#include <vector>

namespace platform {

// How the kiosk loads a pack for a panel of `width`×`height` (0×0: not known
// yet): photographs not decoded (PhotoStore does that on first use), the
// memory budget checked for that panel.
kiosk::PackLoadOptions pack_load_options(int width, int height);

class KioskView {
public:
    KioskView() = default;
    KioskView(const KioskView&) = delete;
    KioskView& operator=(const KioskView&) = delete;
    ~KioskView();

    // `display` is the panel as the driver reports it; config.rotation turns the
    // exhibit onto it. Takes the loaded pack (valid or not). Returns false only when the kiosk
    // cannot draw at all (no fonts); a broken pack still gives a view that shows
    // the "exhibit unavailable" screen.
    bool init(SDL_Renderer* renderer, const kiosk::Display& display, kiosk::PackLoadResult pack,
              const kiosk::KioskConfig& config, const std::string& font_dir, int64_t now_ms, std::string* error);

    // Keeps the photographs' scaled copies in `dir` (photo_cache.h): the program
    // passes the state folder's photo-cache; without it every run scales again.
    void set_photo_cache(const std::string& dir) { photos_.set_cache_dir(dir); }
    // Idle work: makes the cached sizes of one more photograph; false when none is left.
    bool prepare_photos() { return photos_.prepare_next(app_); }
    PhotoStore& photos() { return photos_; }

    bool exhibit_loaded() const { return app_.exhibit_loaded(); }
    // Applies one input event; true when the screen must be redrawn.
    bool handle(const kiosk::InputEvent& event);
    // Advances timers and animations.
    kiosk::TickResult tick(int64_t now_ms);
    // Builds the frame for `now_ms` as Dear ImGui draw data, without touching SDL
    // (valid until the next build). render() is build() and drawing it.
    const ImDrawData* build(int64_t now_ms);
    // Clears and draws the frame for `now_ms` into the renderer (the caller presents).
    void render(int64_t now_ms);
    // Sound. A window plays through the output the configuration names (or the
    // default); when none opens the kiosk goes on silent, with captions. A
    // headless run may write everything it plays, mixed, to a WAV file in its
    // virtual time (vitrine --audio-out).
    void open_sound();
    bool record_sound(const std::string& wav_path, std::string* error);
    // Writes the sound up to `now_ms` and on to the end of what plays, and closes the file.
    bool finish_sound(int64_t now_ms, std::string* error);

    bool exit_requested() const { return app_.exit_requested(); }
    // The anonymous visitor counts collected since the last call.
    std::vector<kiosk::StatEvent> drain_stats() { return app_.drain_stats(); }
    void show_notice(const std::string& text, bool problem, int64_t now_ms) { app_.show_notice(text, problem, now_ms); }
    // Within opening hours or not; true when the screen went dark or woke.
    bool set_opening(bool open_now, int64_t now_ms) { return app_.set_opening(open_now, now_ms); }
    // A quiet moment to change exhibits: the attract loop, or nobody touching.
    bool quiet(int64_t now_ms) const { return app_.quiet(now_ms); }

    const kiosk::ExhibitState& state() const { return app_.state(); }
    const kiosk::ScreenLayouts& layouts() const { return app_.layouts(); }
    const kiosk::Pack& pack() const { return app_.pack(); }
    kiosk::Ui ui() const { return app_.ui(); }
    const kiosk::App& app() const { return app_; }
    kiosk::TextEngine& text() { return app_.text(); }

private:
    // Uploads the font atlas when the app rebuilt it; false with `error` when it cannot.
    bool upload_fonts(std::string* error);
    void upload_fonts_or_log();
    // The recording catches up with `now_ms`, before anything changes at that moment.
    void record_until(int64_t now_ms);
    // Plays what the app now asks to be said.
    void follow_speech();

    SDL_Renderer* renderer_ = nullptr;
    SDL_Texture* font_texture_ = nullptr;
    kiosk::App app_;
    PhotoStore photos_;
    GlyphTextures glyphs_;
    SpeechPlayer speech_;
    AudioDevice device_;
    kiosk::AudioMixer recorded_;  // headless: what the WAV file gets, in virtual time
    kiosk::WavWriter wav_;
    std::string wav_path_;
};

}  // namespace platform
