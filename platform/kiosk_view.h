// The kiosk on one renderer and display: the loaded pack (or the reason it did not
// load), the fonts baked for that display and the visitor's text size, the
// layouts, the visitor's state, and the textures. Windowed, fullscreen and
// headless runs all go through it.
#pragma once

#include "state/exhibit_state.h"
#include "text/fonts.h"
#include "input/input.h"
#include "config/kiosk_config.h"
#include "pack/pack_loader.h"
#include "config/panel_rotation.h"
#include "layout/screen_layouts.h"
#include "textures.h"

#include <SDL.h>
#include <string>
#include <vector>

namespace platform {

// How the kiosk loads a pack for a panel of `width`×`height` (0×0: not known
// yet): photographs kept at the panel's longest side, the memory budget
// checked for that panel.
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

    bool exhibit_loaded() const { return exhibit_loaded_; }
    // Applies one input event; true when the screen must be redrawn.
    bool handle(const kiosk::InputEvent& event);
    // Advances timers and animations.
    kiosk::TickResult tick(int64_t now_ms);
    // Builds the frame for `now_ms` as Dear ImGui draw data, without touching SDL
    // (valid until the next build). render() is build() and drawing it.
    const ImDrawData* build(int64_t now_ms);
    // Clears and draws the frame for `now_ms` into the renderer (the caller presents).
    void render(int64_t now_ms);
    bool exit_requested() const { return state_.exit_requested; }
    // The anonymous visitor counts collected since the last call.
    std::vector<kiosk::StatEvent> drain_stats() { return state_.stats.drain(); }
    void show_notice(const std::string& text, bool problem, int64_t now_ms);
    // Within opening hours or not; true when the screen went dark or woke.
    bool set_opening(bool open_now, int64_t now_ms);
    // A quiet moment to change exhibits: the attract loop, or nobody touching.
    bool quiet(int64_t now_ms) const;

    const kiosk::ExhibitState& state() const { return state_; }
    const kiosk::ScreenLayouts& layouts() const { return layouts_; }
    const kiosk::Pack& pack() const { return loaded_.pack; }
    kiosk::Ui ui() const;

private:
    bool build_fonts_and_layouts(std::string* error);
    void upload_photos();
    void follow_visitor_settings();

    SDL_Renderer* renderer_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    SDL_Texture* font_texture_ = nullptr;
    std::string font_dir_;
    kiosk::Display display_;          // upright, as the exhibit is laid out
    kiosk::PanelRotation rotation_;   // how the panel is mounted
    kiosk::KioskConfig config_;
    kiosk::PackLoadResult loaded_;
    bool exhibit_loaded_ = false;
    std::vector<std::string> staff_details_;
    std::string staff_label_;  // what the details are about (empty: the pack did not load)
    std::string glyph_text_;
    kiosk::Fonts fonts_;
    kiosk::VisitorSettings fonts_for_;  // the settings the fonts were built for
    kiosk::ScreenLayouts layouts_;
    kiosk::ExhibitState state_;
    PhotoTextureSet photos_;
};

}  // namespace platform
