#include "ui/photo_textures.h"

#include <algorithm>

namespace kiosk {

void PhotoTextures::add(const Photograph& photo, PhotoSize size, const PhotoTexture& texture) {
    textures_[{photo.id, size}] = texture;
}

namespace {

void remember(std::vector<PhotoKey>& keys, PhotoKey key) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
}

}  // namespace

const PhotoTexture* PhotoTextures::find(const Photograph& photo, PhotoSize size) const {
    PhotoKey key{photo.id, size};
    const auto it = textures_.find(key);
    remember(it == textures_.end() ? wanted_ : used_, std::move(key));
    return it == textures_.end() ? nullptr : &it->second;
}

const PhotoTexture* PhotoTextures::sharpest(const Photograph& photo) const {
    const PhotoTexture* full = find(photo, PhotoSize::Full);
    if (full) return full;
    // Shown smaller while the full size loads, rather than nothing.
    const auto it = textures_.find({photo.id, PhotoSize::Frame});
    if (it == textures_.end()) return nullptr;
    remember(used_, it->first);
    return &it->second;
}

}  // namespace kiosk
