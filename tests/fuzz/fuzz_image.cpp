// Fuzzes the image path on bytes in memory, the way the kiosk and the pack tool
// take a photograph:
//   - kiosk::read_image_header and within_image_limits (the checks before any
//     decoding), with the invariants the rest of the code relies on;
//   - kiosk::exif_orientation on every input (it must read only within `size`);
//   - kiosk::prepare_for_shipping (vitrine-pack build): header checks, stb_image
//     decode, EXIF orientation, downscale and re-encode, with a small max side so
//     the scaler runs on small inputs too.
// kiosk::load_pack decodes a pack's media with the same header check, stb_image
// call and apply_orientation (fuzz_pack_manifest covers that path with files).
#include "curator/media_pipeline.h"
#include "pack/exif_orientation.h"
#include "pack/image_header.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stb_image.h>
#include <string>
#include <vector>

namespace {}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using kiosk::ImageHeader;
    const ImageHeader header = kiosk::read_image_header(data, size);
    if (header.format == ImageHeader::Format::Unknown && !header.problem.empty()) std::abort();
    if (header.format != ImageHeader::Format::Unknown && header.problem.empty() &&
        (header.width <= 0 || header.height <= 0))
        std::abort();  // "Empty when width and height are valid"
    const bool within = kiosk::within_image_limits(header);
    if (within && (header.width > kiosk::kMaxImageSide || header.height > kiosk::kMaxImageSide ||
                   int64_t(header.width) * header.height > kiosk::kMaxImagePixels))
        std::abort();

    // The limits are only worth something if stb_image sees the size the header
    // check saw: a file whose header reads small but decodes large gets past them.
    if (header.format != ImageHeader::Format::Unknown && header.problem.empty()) {
        int w = 0, h = 0, channels = 0;
        if (stbi_info_from_memory(data, int(size), &w, &h, &channels) && (w != header.width || h != header.height)) {
            std::fprintf(stderr, "header check read %dx%d, stb_image reads %dx%d\n", header.width, header.height, w, h);
            std::abort();
        }
    }

    const int orientation = kiosk::exif_orientation(data, size);
    if (orientation < 1 || orientation > 8) std::abort();

    // The decoder only ever sees what passed the header checks; keep the fuzzer
    // fast by not decoding images that would be large even when valid.
    if (header.problem.empty() && header.format != ImageHeader::Format::Unknown &&
        int64_t(header.width) * header.height > 4'000'000)
        return 0;

    const std::vector<uint8_t> bytes(data, data + size);
    const kiosk::ShippedImage shipped = kiosk::prepare_for_shipping(bytes, 64);
    if (shipped.error.empty()) {
        if (shipped.bytes.empty() || shipped.width <= 0 || shipped.height <= 0 || shipped.width > 64 ||
            shipped.height > 64)
            std::abort();
        // What the pipeline writes must pass the kiosk's own header check.
        const ImageHeader again = kiosk::read_image_header(shipped.bytes.data(), shipped.bytes.size());
        if (again.format != header.format || !again.problem.empty() || again.width != shipped.width ||
            again.height != shipped.height)
            std::abort();
    }
    return 0;
}
