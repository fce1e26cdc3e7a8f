#include "offscreen.h"

#include <stb_image_write.h>

namespace platform {

Offscreen::~Offscreen() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
}

bool Offscreen::create(int width, int height, std::string* error) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    if (surface_) renderer_ = SDL_CreateSoftwareRenderer(surface_);
    if (!renderer_) {
        if (error) *error = std::string("cannot create the off-screen renderer: ") + SDL_GetError();
        return false;
    }
    return true;
}

std::vector<uint8_t> Offscreen::read_rgba() const {
    std::vector<uint8_t> out(size_t(surface_->w) * size_t(surface_->h) * 4);
    SDL_LockSurface(surface_);
    for (int y = 0; y < surface_->h; ++y) {
        const auto* row = static_cast<const uint8_t*>(surface_->pixels) + size_t(y) * size_t(surface_->pitch);
        std::copy(row, row + size_t(surface_->w) * 4, out.begin() + ptrdiff_t(size_t(y) * size_t(surface_->w) * 4));
    }
    SDL_UnlockSurface(surface_);
    // The surface's alpha is whatever blending left; a screenshot is opaque.
    for (size_t i = 3; i < out.size(); i += 4) out[i] = 0xff;
    return out;
}

bool Offscreen::save_png(const std::string& path, std::string* error) const {
    const std::vector<uint8_t> rgba = read_rgba();
    return write_png(path, surface_->w, surface_->h, rgba.data(), error);
}

bool write_png(const std::string& path, int width, int height, const uint8_t* rgba, std::string* error) {
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba, width * 4)) {
        if (error) *error = path + ": cannot write the PNG";
        return false;
    }
    return true;
}

}  // namespace platform
