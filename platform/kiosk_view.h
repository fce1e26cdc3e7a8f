// The kiosk on one renderer and display: the loaded pack (or the reason it did not
// load), the fonts baked for that display, the layout, the visitor's state, and
// the textures. Windowed, fullscreen and headless runs all go through it.
#pragma once

#include "exhibit_state.h"
#include "explore_layout.h"
#include "fonts.h"
#include "input.h"
#include "pack_loader.h"
#include "textures.h"

#include <SDL.h>
#include <string>
#include <vector>

namespace platform {

class KioskView {
public:
    KioskView() = default;
    KioskView(const KioskView&) = delete;
    KioskView& operator=(const KioskView&) = delete;
    ~KioskView();

    // Takes the loaded pack (valid or not). Returns false only when the kiosk
    // cannot draw at all (no fonts); a broken pack still gives a view that shows
    // the "exhibit unavailable" screen.
    bool init(SDL_Renderer* renderer, const kiosk::Display& display, kiosk::PackLoadResult pack,
              const std::string& font_dir, std::string* error);

    bool exhibit_loaded() const { return exhibit_loaded_; }
    // Applies one input event; true when the screen must be redrawn.
    bool handle(const kiosk::InputEvent& event);
    // Clears and draws the current frame into the renderer (the caller presents).
    void render(float delta_s);

    const kiosk::ExhibitState& state() const { return state_; }
    const kiosk::ExploreLayout& layout() const { return layout_; }
    const kiosk::Pack& pack() const { return loaded_.pack; }

private:
    SDL_Renderer* renderer_ = nullptr;
    ImGuiContext* imgui_ = nullptr;
    SDL_Texture* font_texture_ = nullptr;
    kiosk::Display display_;
    kiosk::PackLoadResult loaded_;
    bool exhibit_loaded_ = false;
    std::vector<std::string> staff_details_;
    kiosk::Fonts fonts_;
    kiosk::ExploreLayout layout_;
    kiosk::ExhibitState state_;
    PhotoTextureSet photos_;
};

}  // namespace platform
