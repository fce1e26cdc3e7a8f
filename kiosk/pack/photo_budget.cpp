#include "pack/photo_budget.h"

#include "pack/photo_scaling.h"

#include <algorithm>

namespace kiosk {

int64_t fitted_rgba_bytes(int width, int height, int display_w, int display_h) {
    if (width <= 0 || height <= 0) return 0;
    int w = 0, h = 0;
    fit_size(width, height, display_w, display_h, w, h);
    return int64_t(w) * int64_t(h) * 4;
}

PhotoMemory photo_memory(const Pack& pack, int display_w, int display_h) {
    constexpr size_t kBiggestNamed = 3;
    PhotoMemory memory;
    std::vector<PhotoMemory::Item> items;
    for (const Photograph& photo : pack.photographs) {
        const int64_t bytes = fitted_rgba_bytes(photo.file_width, photo.file_height, display_w, display_h);
        if (bytes == 0) continue;
        memory.total_bytes += bytes;
        items.push_back({photo.id, photo.file, photo.file_width, photo.file_height, bytes});
    }
    const size_t named = std::min(kBiggestNamed, items.size());
    std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(named), items.end(),
                      [](const PhotoMemory::Item& a, const PhotoMemory::Item& b) { return a.bytes > b.bytes; });
    items.resize(named);
    memory.biggest = std::move(items);
    return memory;
}

std::string memory_in_words(int64_t bytes) {
    constexpr int64_t kKiB = 1024, kMiB = 1024 * 1024;
    if (bytes >= kMiB) return std::to_string((bytes + kMiB - 1) / kMiB) + " MiB";
    if (bytes >= kKiB) return std::to_string((bytes + kKiB - 1) / kKiB) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace kiosk
