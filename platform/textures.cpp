#include "textures.h"

#include "base/log.h"
#include "pack/photo_scaling.h"

#include <string>

namespace platform {

SDL_Texture* upload_rgba(SDL_Renderer* renderer, int width, int height, const uint8_t* rgba) {
    SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) {
        kiosk::log_error(kiosk::log_from::kDisplay, "cannot create a " + std::to_string(width) + "x" +
                                                        std::to_string(height) + " texture: " + SDL_GetError());
        return nullptr;
    }
    SDL_UpdateTexture(texture, nullptr, rgba, width * 4);
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
    return texture;
}

SDL_Texture* upload_font_atlas(SDL_Renderer* renderer) {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    SDL_Texture* texture = upload_rgba(renderer, w, h, pixels);
    io.Fonts->SetTexID(texture);
    // The atlas lives on in the texture; keep only the glyph tables in memory.
    io.Fonts->ClearTexData();
    return texture;
}

void PhotoTextureSet::upload(SDL_Renderer* renderer, const kiosk::Pack& pack, int max_w, int max_h,
                             kiosk::PhotoSize size, const std::string& only) {
    for (const kiosk::Photograph& photo : pack.photographs) {
        if (photo.rgba.empty() || (!only.empty() && photo.id != only)) continue;
        const kiosk::ScaledImage scaled =
            kiosk::scale_to_fit(photo.rgba.data(), photo.width, photo.height, max_w, max_h);
        SDL_Texture* t = upload_rgba(renderer, scaled.width, scaled.height, scaled.rgba.data());
        if (!t) continue;
        owned_.push_back(t);
        bytes_ += int64_t(scaled.width) * scaled.height * 4;
        textures_.add(photo, size, {t, scaled.width, scaled.height});
    }
}

void PhotoTextureSet::clear() {
    for (SDL_Texture* t : owned_) SDL_DestroyTexture(t);
    owned_.clear();
    textures_.clear();
    bytes_ = 0;
}

}  // namespace platform
