// Phone photographs are stored sideways with an EXIF note saying how to turn
// them. The kiosk honours it so a curator's photograph shows upright.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk {

// The EXIF orientation (1–8) of a JPEG, from its APP1 segment; 1 (as stored)
// when there is none or it cannot be read. Reads only within `size`.
int exif_orientation(const uint8_t* data, size_t size);

// Turns RGBA8 pixels stored with `orientation` upright, in place; width and
// height swap for the four orientations that rotate by 90°.
void apply_orientation(std::vector<uint8_t>& rgba, int& width, int& height, int orientation);

}  // namespace kiosk
