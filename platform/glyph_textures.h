// The text engine's glyph pages as renderer textures: each page's texture is
// made on first use (2048×2048, a Pi 3's largest) and only the rows the engine
// changed are uploaded before a frame is drawn. Draw commands name a page by
// its address (kiosk/text/glyph_atlas.h); resolve() swaps in the texture.
#pragma once

#include "text/glyph_atlas.h"

#include <SDL.h>
#include <imgui.h>
#include <utility>
#include <vector>

namespace platform {

class GlyphTextures {
public:
    GlyphTextures() = default;
    GlyphTextures(const GlyphTextures&) = delete;
    GlyphTextures& operator=(const GlyphTextures&) = delete;
    ~GlyphTextures() { clear(); }

    // Uploads what changed in `atlas` since the last call. False (with SDL's
    // reason logged) when a texture cannot be made: that page's text is not drawn.
    bool sync(SDL_Renderer* renderer, kiosk::GlyphAtlas& atlas);
    // Points every draw command that names a glyph page at the page's texture.
    void resolve(ImDrawData* data) const;
    void clear();

private:
    std::vector<std::pair<const kiosk::GlyphPage*, SDL_Texture*>> textures_;
};

// Syncs and resolves in one step: what every caller that draws the kiosk's
// frame with SDL does between building it and rendering it.
void prepare_glyphs(SDL_Renderer* renderer, kiosk::GlyphAtlas& atlas, GlyphTextures& textures, ImDrawData* data);

}  // namespace platform
