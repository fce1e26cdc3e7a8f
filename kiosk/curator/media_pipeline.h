// What a photograph becomes when a pack file is built for the kiosks: upright
// (EXIF orientation applied), no larger than a display needs, and re-encoded so
// no metadata (GPS position, camera serial, dates) leaves the curator's laptop.
#pragma once

#include "pack/pack_limits.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct ShippedImage {
    std::vector<uint8_t> bytes;  // the file to ship (JPEG or PNG, as the original)
    int width = 0, height = 0;
    bool downscaled = false;
    bool reoriented = false;
    std::string error;  // why the image cannot be shipped; empty on success
};

// Checks the header before decoding (limits on bytes, sides and pixels), then
// decodes, turns upright, scales down to fit `max_side`, and re-encodes without
// metadata. A JPEG stays a JPEG (quality 90); a PNG stays a lossless PNG.
ShippedImage prepare_for_shipping(const std::vector<uint8_t>& original, int max_side = kShippedMaxSide);

}  // namespace kiosk
