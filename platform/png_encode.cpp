#include "png_encode.h"

#include <csetjmp>
#include <new>
#include <png.h>

namespace platform {

namespace {

struct Sink {
    std::vector<uint8_t>* bytes;
    std::string message;  // libpng's own words for what failed
};

void append(png_structp png, png_bytep data, size_t size) {
    auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
    bool full = false;
    try {
        sink->bytes->insert(sink->bytes->end(), data, data + size);
    } catch (const std::bad_alloc&) {
        full = true;
    }
    // Outside the handler: png_error leaves by longjmp.
    if (full) png_error(png, "out of memory");
}

void flush(png_structp) {}

void on_error(png_structp png, png_const_charp message) {
    static_cast<Sink*>(png_get_error_ptr(png))->message = message;
    png_longjmp(png, 1);
}

void on_warning(png_structp, png_const_charp) {}

// libpng reports errors by longjmp: this frame holds nothing with a destructor,
// so the jump skips none.
bool encode(png_structp png, png_infop info, int width, int height, const uint8_t* rgba, size_t stride) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, png_get_error_ptr(png), append, flush);
    png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, 3);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_write_info(png, info);
    // The input's fourth byte is filler, stripped as each row is written.
    png_set_filler(png, 0, PNG_FILLER_AFTER);
    for (int y = 0; y < height; ++y) png_write_row(png, rgba + size_t(y) * stride);
    png_write_end(png, info);
    return true;
}

}  // namespace

bool encode_png_opaque(int width, int height, const uint8_t* rgba, std::vector<uint8_t>& out, std::string* why,
                       size_t stride) {
    out.clear();
    Sink sink{&out, {}};
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    const bool ok = info && encode(png, info, width, height, rgba, stride ? stride : size_t(width) * 4);
    png_destroy_write_struct(&png, &info);
    if (!ok) {
        if (why) *why = sink.message.empty() ? "out of memory" : sink.message;
        out.clear();
    }
    return ok;
}

}  // namespace platform
