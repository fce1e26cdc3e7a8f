// Photographs are shown far smaller than they are stored. Scaling them down once,
// with a proper filter, keeps them sharp (a GPU's linear sampling of a 1600-pixel
// image in a 200-pixel frame shimmers) and keeps a small board's texture memory
// to what the screen can show.
#pragma once

#include <cstdint>
#include <vector>

namespace kiosk {

struct ScaledImage {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
};

// The size of a `width`×`height` image fitted inside `max_w`×`max_h`, never
// enlarged.
void fit_size(int width, int height, int max_w, int max_h, int& out_w, int& out_h);

// Scales RGBA8 pixels down to fit inside max_w × max_h (sRGB-correct filtering).
// An image that already fits is copied unchanged.
ScaledImage scale_to_fit(const uint8_t* rgba, int width, int height, int max_w, int max_h);

}  // namespace kiosk
