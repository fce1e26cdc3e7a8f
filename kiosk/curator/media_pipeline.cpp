#include "curator/media_pipeline.h"

#include "pack/exif_orientation.h"
#include "pack/image_header.h"
#include "pack/photo_scaling.h"

#include <stb_image.h>
#include <stb_image_write.h>

namespace kiosk {

namespace {

void append(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

}  // namespace

ShippedImage prepare_for_shipping(const std::vector<uint8_t>& original, int max_side) {
    ShippedImage out;
    if (int64_t(original.size()) > kMaxImageFileBytes) {
        out.error = "larger than 64 MiB";
        return out;
    }
    const ImageHeader header = read_image_header(original.data(), original.size());
    if (header.format == ImageHeader::Format::Unknown) {
        out.error = "not a JPEG or PNG image";
        return out;
    }
    if (!header.problem.empty()) {
        out.error = header.problem;
        return out;
    }
    if (!within_image_limits(header)) {
        out.error = std::to_string(header.width) + "×" + std::to_string(header.height) +
                    " pixels is over the limit (8192 a side, 40 megapixels)";
        return out;
    }
    int w = 0, h = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(original.data(), int(original.size()), &w, &h, &channels, 4);
    if (!pixels) {
        out.error = std::string("corrupt: ") + stbi_failure_reason();
        return out;
    }
    std::vector<uint8_t> rgba(pixels, pixels + size_t(w) * size_t(h) * 4);
    stbi_image_free(pixels);

    const int orientation =
        header.format == ImageHeader::Format::Jpeg ? exif_orientation(original.data(), original.size()) : 1;
    apply_orientation(rgba, w, h, orientation);
    out.reoriented = orientation != 1;

    ScaledImage scaled = scale_to_fit(rgba.data(), w, h, max_side, max_side);
    out.downscaled = scaled.width != w || scaled.height != h;
    out.width = scaled.width;
    out.height = scaled.height;
    if (header.format == ImageHeader::Format::Jpeg) {
        // JPEG has no alpha: drop it so the encoder writes three channels.
        std::vector<uint8_t> rgb(size_t(out.width) * size_t(out.height) * 3);
        for (size_t i = 0, j = 0; i < scaled.rgba.size(); i += 4, j += 3) {
            rgb[j] = scaled.rgba[i];
            rgb[j + 1] = scaled.rgba[i + 1];
            rgb[j + 2] = scaled.rgba[i + 2];
        }
        stbi_write_jpg_to_func(append, &out.bytes, out.width, out.height, 3, rgb.data(), 90);
    } else {
        stbi_write_png_to_func(append, &out.bytes, out.width, out.height, 4, scaled.rgba.data(), out.width * 4);
    }
    if (out.bytes.empty()) out.error = "could not be re-encoded";
    return out;
}

}  // namespace kiosk
