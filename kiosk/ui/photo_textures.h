// The photographs the platform uploaded, as the screens find them: by the
// photograph and the size it was uploaded at. A size is a type, not a suffix on
// the photograph's id, so a screen cannot ask for one that does not exist.
#pragma once

#include "pack/pack.h"

#include <imgui.h>
#include <map>
#include <string>
#include <utility>
#include <vector>

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

// A photograph at one size, as the platform loads it.
using PhotoKey = std::pair<std::string, PhotoSize>;  // Photograph::id and size

// Photographs are loaded when a frame first asks for them: a lookup that finds
// nothing is remembered as wanted, the platform loads what was wanted and
// builds the frame again (platform/photo_store.h). Lookups that find a texture
// are remembered as used, so the platform keeps what is on screen when it
// lets older textures go.
class PhotoTextures {
public:
    void add(const Photograph& photo, PhotoSize size, const PhotoTexture& texture);
    void remove(const PhotoKey& key) { textures_.erase(key); }
    // Null when `photo` was not uploaded at `size` (then it is wanted).
    const PhotoTexture* find(const Photograph& photo, PhotoSize size) const;
    // Full when it was uploaded, else Frame, else null; Full is wanted when missing.
    const PhotoTexture* sharpest(const Photograph& photo) const;
    void clear() { textures_.clear(); }

    // What lookups since the last forget_lookups() missed, and found.
    const std::vector<PhotoKey>& wanted() const { return wanted_; }
    const std::vector<PhotoKey>& used() const { return used_; }
    void forget_lookups() const { wanted_.clear(), used_.clear(); }

private:
    std::map<PhotoKey, PhotoTexture> textures_;
    // A lookup's record, not the textures' state: drawing stays a const walk.
    mutable std::vector<PhotoKey> wanted_, used_;
};

}  // namespace kiosk
