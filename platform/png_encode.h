// Screenshots as PNG bytes, quickly: a screenshot at every start and one per
// replay shot is on a Pi's critical path, where stb_image_write's encoder cost
// 0.46x10^9 instructions at 800x480 (2.7x10^9 at 1920x1080).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace platform {

// Encodes tightly packed RGBA8 rows as an opaque RGB PNG: every alpha byte is
// dropped, as a screenshot has none. zlib level 3 without row filters: the
// interface's flat colours compress as well that way as with filters, at a
// fraction of the instructions. False with the reason in WHY.
// `stride`: bytes from one row to the next (0: width × 4).
bool encode_png_opaque(int width, int height, const uint8_t* rgba, std::vector<uint8_t>& out, std::string* why,
                       size_t stride = 0);

}  // namespace platform
