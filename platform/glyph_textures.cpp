#include "glyph_textures.h"

#include "base/log.h"

#include <string>

namespace platform {

bool GlyphTextures::sync(SDL_Renderer* renderer, kiosk::GlyphAtlas& atlas) {
    bool ok = true;
    for (int i = 0; i < atlas.page_count(); ++i) {
        kiosk::GlyphPage& page = atlas.page(i);
        if (size_t(i) >= textures_.size()) {
            SDL_Texture* t = SDL_CreateTexture(renderer, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC,
                                               kiosk::kGlyphPageSide, kiosk::kGlyphPageSide);
            if (!t) {
                kiosk::log_error(kiosk::log_from::kDisplay,
                                 std::string("cannot create a texture for the glyph cache: ") + SDL_GetError());
                return false;
            }
            SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
            // Glyphs are drawn at whole pixels, one texel a pixel.
            SDL_SetTextureScaleMode(t, SDL_ScaleModeNearest);
            // Rows past the page's height are never uploaded, and never sampled:
            // glyph quads lie inside their bitmaps, drawn one texel a pixel.
            textures_.emplace_back(&page, t);
            page.dirty_top = 0, page.dirty_bottom = page.height;
        }
        if (page.dirty_bottom <= page.dirty_top) continue;
        const int top = page.dirty_top, rows = page.dirty_bottom - page.dirty_top;
        std::vector<uint32_t> rgba(size_t(rows) * size_t(page.width));
        const unsigned char* alpha = &page.alpha[size_t(top) * size_t(page.width)];
        // White, with the coverage as alpha (RGBA32 is R, G, B, A in memory).
        for (size_t p = 0; p < rgba.size(); ++p) {
            const uint8_t pixel[4] = {0xFF, 0xFF, 0xFF, alpha[p]};
            SDL_memcpy(&rgba[p], pixel, 4);
        }
        const SDL_Rect rect = {0, top, page.width, rows};
        if (SDL_UpdateTexture(textures_[size_t(i)].second, &rect, rgba.data(), page.width * 4) != 0) ok = false;
        page.dirty_top = page.dirty_bottom = 0;
    }
    return ok;
}

void GlyphTextures::resolve(ImDrawData* data) const {
    if (!data || textures_.empty()) return;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (ImDrawCmd& cmd : data->CmdLists[l]->CmdBuffer)
            for (const auto& [page, texture] : textures_)
                if (cmd.TextureId == static_cast<ImTextureID>(const_cast<kiosk::GlyphPage*>(page))) {
                    cmd.TextureId = texture;
                    break;
                }
}

void GlyphTextures::clear() {
    for (auto& [page, texture] : textures_) SDL_DestroyTexture(texture);
    textures_.clear();
}

void prepare_glyphs(SDL_Renderer* renderer, kiosk::GlyphAtlas& atlas, GlyphTextures& textures, ImDrawData* data) {
    textures.sync(renderer, atlas);
    textures.resolve(data);
}

}  // namespace platform
