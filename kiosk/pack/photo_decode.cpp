#include "pack/photo_decode.h"

#include "pack/exif_orientation.h"

#include <stb_image.h>

namespace kiosk {

DecodedPhoto::DecodedPhoto(const uint8_t* bytes, size_t size) : pixels_(nullptr, stbi_image_free) {
    int channels = 0;
    pixels_.reset(stbi_load_from_memory(bytes, static_cast<int>(size), &width_, &height_, &channels, 4));
    if (!pixels_) {
        error_ = stbi_failure_reason() ? stbi_failure_reason() : "unknown";
        return;
    }
    orientation_ = exif_orientation(bytes, size);
}

ScaledImage DecodedPhoto::fitted(int max_w, int max_h) const {
    // Scaled as stored, inside the box turned the same way, then turned upright.
    ScaledImage out = turned() ? scale_to_fit(pixels_.get(), width_, height_, max_h, max_w)
                               : scale_to_fit(pixels_.get(), width_, height_, max_w, max_h);
    apply_orientation(out.rgba, out.width, out.height, orientation_);
    return out;
}

}  // namespace kiosk
