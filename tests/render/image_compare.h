// Compares a rendered image with a reference PNG, LVGL-style: on a mismatch the
// actual image and a diff are written beside each other for a person to look at.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgba;
};

bool load_png(const std::string& path, Image& out);

struct Comparison {
    bool same_size = false;
    long differing_pixels = 0;  // pixels with a channel off by more than the tolerance
    int max_channel_diff = 0;
};

// `tolerance`: per-channel difference ignored, for rounding that differs between
// architectures (fused multiply-add on arm64, stb_truetype's coverage). With a
// `radius`, a pixel also matches when a reference pixel that many pixels away
// (or nearer) is within the tolerance: for another renderer, whose edges fall
// half a pixel elsewhere, where an edge that moves further or a colour that is
// not in the reference nearby still counts.
Comparison compare_images(const Image& actual, const Image& reference, int tolerance, int radius = 0);

// Reference in grey, differing pixels in red.
Image diff_image(const Image& actual, const Image& reference, int tolerance, int radius = 0);
