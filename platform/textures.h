// Uploads pixels to the renderer: the font atlas and the pack's photographs
// (photo_store.h decides which).
#pragma once

#include <SDL.h>
#include <cstdint>
#include <imgui.h>

namespace platform {

// A texture for RGBA8 pixels, blended and filtered linearly (null, logged, when
// the renderer refuses it); filled by upload_rgba or band by band.
SDL_Texture* create_rgba_texture(SDL_Renderer* renderer, int width, int height);
SDL_Texture* upload_rgba(SDL_Renderer* renderer, int width, int height, const uint8_t* rgba);

// Uploads the current ImGui context's font atlas and sets its texture id.
SDL_Texture* upload_font_atlas(SDL_Renderer* renderer);

}  // namespace platform
