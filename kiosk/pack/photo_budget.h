// How much memory a pack's photographs take once the kiosk has decoded them:
// RGBA8, each fitted inside the panel, all of them together. Thirteen 40 MP
// photographs are each within the per-file limits and still do not fit a 1 GB
// board, so the validator checks the sum against kPhotoMemoryBudgetBytes.
#pragma once

#include "pack/pack.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

// The panel the budget is checked for when none is given.
constexpr int kDefaultDisplayWidth = 1920;
constexpr int kDefaultDisplayHeight = 1080;

struct PhotoMemory {
    struct Item {
        std::string id, file;
        int width = 0, height = 0;  // as stored
        int64_t bytes = 0;          // decoded and fitted inside the panel
    };
    int64_t total_bytes = 0;
    std::vector<Item> biggest;  // largest first, at most a few
};

// RGBA8 bytes of a WIDTH×HEIGHT image fitted inside DISPLAY_W×DISPLAY_H.
int64_t fitted_rgba_bytes(int width, int height, int display_w, int display_h);

// The decoded size of every photograph with a known stored size
// (Photograph::file_width/file_height).
PhotoMemory photo_memory(const Pack& pack, int display_w, int display_h);

// "412 MiB", "96 KiB".
std::string memory_in_words(int64_t bytes);

}  // namespace kiosk
