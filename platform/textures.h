// Uploads pixels to the renderer: the font atlas and the pack's photographs.
#pragma once

#include "pack/pack.h"
#include "ui/photo_textures.h"

#include <SDL.h>
#include <cstdint>
#include <string>
#include <vector>

namespace platform {

SDL_Texture* upload_rgba(SDL_Renderer* renderer, int width, int height, const uint8_t* rgba);

// Uploads the current ImGui context's font atlas and sets its texture id.
SDL_Texture* upload_font_atlas(SDL_Renderer* renderer);

// Uploads decoded photographs of the pack, scaled down to fit max_w×max_h, as
// `size` (one upload per size the screens need). Owns them.
class PhotoTextureSet {
public:
    PhotoTextureSet() = default;
    PhotoTextureSet(const PhotoTextureSet&) = delete;
    PhotoTextureSet& operator=(const PhotoTextureSet&) = delete;
    ~PhotoTextureSet() { clear(); }

    // `only`: the one photograph to upload (empty: every one).
    void upload(SDL_Renderer* renderer, const kiosk::Pack& pack, int max_w, int max_h, kiosk::PhotoSize size,
                const std::string& only = "");
    // The bytes the uploaded pixels take (RGBA8).
    int64_t bytes() const { return bytes_; }
    void clear();
    const kiosk::PhotoTextures& textures() const { return textures_; }

private:
    kiosk::PhotoTextures textures_;
    std::vector<SDL_Texture*> owned_;
    int64_t bytes_ = 0;
};

}  // namespace platform
