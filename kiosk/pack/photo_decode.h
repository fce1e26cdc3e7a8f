// Decoding a photograph file once and making from it every size the screens
// need: PNG or JPEG by content, scaled down, then turned upright by its EXIF
// orientation (turning the small copy, not the full-size decode).
#pragma once

#include "pack/photo_scaling.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace kiosk {

class DecodedPhoto {
public:
    // Decodes `bytes`; on failure error() says why (stb_image's words:
    // "outofmem", "bad huffman code").
    DecodedPhoto(const uint8_t* bytes, size_t size);

    bool ok() const { return pixels_ != nullptr; }
    const std::string& error() const { return error_; }
    bool out_of_memory() const { return error_ == "outofmem"; }
    // The size upright (width and height swapped for a turned photograph).
    int upright_width() const { return turned() ? height_ : width_; }
    int upright_height() const { return turned() ? width_ : height_; }

    // The photograph upright, fitted inside max_w × max_h (never enlarged).
    // Throws std::bad_alloc when memory runs out.
    ScaledImage fitted(int max_w, int max_h) const;

private:
    bool turned() const { return orientation_ >= 5 && orientation_ <= 8; }

    std::unique_ptr<uint8_t, void (*)(void*)> pixels_;  // RGBA8 as stored, stb_image's allocation
    int width_ = 0, height_ = 0, orientation_ = 1;
    std::string error_;
};

}  // namespace kiosk
