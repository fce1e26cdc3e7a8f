// The photographs the platform uploaded, as the screens find them: by the
// photograph and the size it was uploaded at. A size is a type, not a suffix on
// the photograph's id, so a screen cannot ask for one that does not exist.
#pragma once

#include "pack/pack.h"

#include <imgui.h>
#include <map>
#include <string>
#include <utility>

namespace kiosk {

// The sizes the platform uploads the exhibit's photograph at.
enum class PhotoSize {
    Frame,  // Explore's photo frame
    Full,   // the viewer and the attract loop: up to twice the panel
};

// A photograph already uploaded by the platform.
struct PhotoTexture {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;
};

class PhotoTextures {
public:
    void add(const Photograph& photo, PhotoSize size, const PhotoTexture& texture);
    // Null when `photo` was not uploaded at `size`.
    const PhotoTexture* find(const Photograph& photo, PhotoSize size) const;
    // Full when it was uploaded, else Frame, else null.
    const PhotoTexture* sharpest(const Photograph& photo) const;
    void clear() { textures_.clear(); }

private:
    std::map<std::pair<std::string, PhotoSize>, PhotoTexture> textures_;  // by Photograph::id
};

}  // namespace kiosk
