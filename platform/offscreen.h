// An off-screen target for screenshots, replays and tests: by default a surface
// with SDL's software renderer (no display server, no GPU, the same pixels on every
// machine); or a hidden window of SDL's offscreen video driver drawn by its
// OpenGL ES 2 renderer, the renderer a board draws with (Mesa's EGL here).
#pragma once

#include "config/command_line.h"

#include <SDL.h>
#include <cstdint>
#include <string>
#include <vector>

namespace platform {

class Offscreen {
public:
    Offscreen() = default;
    Offscreen(const Offscreen&) = delete;
    Offscreen& operator=(const Offscreen&) = delete;
    ~Offscreen();

    bool create(int width, int height, std::string* error) {
        return create(width, height, kiosk::HeadlessRenderer::Software, error);
    }
    // False, with what is missing in ERROR, when that renderer cannot be made
    // here (no EGL, no GLES2 driver).
    bool create(int width, int height, kiosk::HeadlessRenderer renderer, std::string* error);
    SDL_Renderer* renderer() const { return renderer_; }

    // What was drawn, as tightly packed, opaque RGBA8 rows.
    std::vector<uint8_t> read_rgba() const;
    bool save_png(const std::string& path, std::string* error) const;

private:
    bool create_opengles2(std::string* error);

    int width_ = 0, height_ = 0;
    SDL_Surface* surface_ = nullptr;  // the software renderer's target
    SDL_Window* window_ = nullptr;    // the OpenGL ES 2 renderer's
    SDL_Renderer* renderer_ = nullptr;
};

// Writes the PNG beside PATH under a temporary name, then renames it over PATH:
// a failed write (a full disk, a read-only or missing folder) leaves no broken
// file and returns false with the reason in ERROR ("shot.png: cannot write the
// PNG: no space left on device"). PATH must be a regular file or nothing. The
// image is taken as opaque: its alpha bytes are not written. `stride`: bytes
// from one row to the next (0: width × 4).
bool write_png(const std::string& path, int width, int height, const uint8_t* rgba, std::string* error,
               size_t stride = 0);

// The same for any bytes.
bool write_file_replacing(const std::string& path, const std::vector<uint8_t>& bytes, std::string* error);

}  // namespace platform
