#include "ui/photo_textures.h"

namespace kiosk {

void PhotoTextures::add(const Photograph& photo, PhotoSize size, const PhotoTexture& texture) {
    textures_[{photo.id, size}] = texture;
}

const PhotoTexture* PhotoTextures::find(const Photograph& photo, PhotoSize size) const {
    const auto it = textures_.find({photo.id, size});
    return it == textures_.end() ? nullptr : &it->second;
}

const PhotoTexture* PhotoTextures::sharpest(const Photograph& photo) const {
    const PhotoTexture* full = find(photo, PhotoSize::Full);
    return full ? full : find(photo, PhotoSize::Frame);
}

}  // namespace kiosk
