// An off-screen surface with SDL's software renderer: no display server, no GPU,
// and the same pixels on every machine, for screenshots, replays and tests.
#pragma once

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

    bool create(int width, int height, std::string* error);
    SDL_Renderer* renderer() const { return renderer_; }

    // The surface as tightly packed RGBA8 rows.
    std::vector<uint8_t> read_rgba() const;
    bool save_png(const std::string& path, std::string* error) const;

private:
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
};

// Writes the PNG beside PATH under a temporary name, then renames it over PATH:
// a failed write (a full disk, a read-only or missing folder) leaves no broken
// file and returns false with the reason in ERROR ("shot.png: cannot write the
// PNG: no space left on device"). PATH must be a regular file or nothing. The
// image is taken as opaque: its alpha bytes are not written.
bool write_png(const std::string& path, int width, int height, const uint8_t* rgba, std::string* error);

// The same for any bytes.
bool write_file_replacing(const std::string& path, const std::vector<uint8_t>& bytes, std::string* error);

}  // namespace platform
