#include "textures.h"

#include "base/log.h"

#include <string>

namespace platform {

SDL_Texture* create_rgba_texture(SDL_Renderer* renderer, int width, int height) {
    SDL_Texture* texture = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) {
        kiosk::log_error(kiosk::log_from::kDisplay, "cannot create a " + std::to_string(width) + "x" +
                                                        std::to_string(height) + " texture: " + SDL_GetError());
        return nullptr;
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    SDL_SetTextureScaleMode(texture, SDL_ScaleModeLinear);
    return texture;
}

SDL_Texture* upload_rgba(SDL_Renderer* renderer, int width, int height, const uint8_t* rgba) {
    SDL_Texture* texture = create_rgba_texture(renderer, width, height);
    if (texture) SDL_UpdateTexture(texture, nullptr, rgba, width * 4);
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

}  // namespace platform
