// Reads an image's format and size from its first bytes without decoding it, so
// a pack's media can be checked against the limits before stb_image (which has
// open CVEs in Debian bookworm) ever sees it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk {

// Limits from assets/PACK-FORMAT.md.
constexpr int kMaxImageSide = 8192;
constexpr int64_t kMaxImagePixels = 40'000'000;
constexpr int64_t kMaxImageFileBytes = 64LL * 1024 * 1024;

struct ImageHeader {
    enum class Format { Unknown, Png, Jpeg };
    Format format = Format::Unknown;
    int width = 0;
    int height = 0;
    // Why the header cannot be used: truncated or malformed. Empty when width and
    // height are valid. Empty as well for Format::Unknown, which is not an image.
    std::string problem;
};

// Recognises PNG (signature, then IHDR) and JPEG (SOI, then markers up to the
// first frame header). Never reads past `size`.
ImageHeader read_image_header(const uint8_t* data, size_t size);

// True when the header's size is within kMaxImageSide and kMaxImagePixels.
bool within_image_limits(const ImageHeader& header);

}  // namespace kiosk
