#include "offscreen.h"

#include "base/file_read.h"
#include "base/log.h"
#include "base/printable.h"
#include "png_encode.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace platform {

Offscreen::~Offscreen() {
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
    if (window_) SDL_DestroyWindow(window_);
}

bool Offscreen::create(int width, int height, kiosk::HeadlessRenderer renderer, std::string* error) {
    width_ = width;
    height_ = height;
    if (renderer == kiosk::HeadlessRenderer::OpenGles2) return create_opengles2(error);
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    if (surface_) renderer_ = SDL_CreateSoftwareRenderer(surface_);
    if (!renderer_) {
        if (error) *error = std::string("cannot create the off-screen renderer: ") + SDL_GetError();
        return false;
    }
    return true;
}

namespace {

int render_driver_index(const char* name) {
    for (int i = 0; i < SDL_GetNumRenderDrivers(); ++i) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0 && std::strcmp(info.name, name) == 0) return i;
    }
    return -1;
}

}  // namespace

bool Offscreen::create_opengles2(std::string* error) {
    auto fail = [&](const std::string& why) {
        if (error) *error = "cannot draw with the opengles2 renderer off-screen: " + why;
        return false;
    };
    // The software path needs no video subsystem; this one starts SDL's offscreen
    // driver (no display server) once a process, unless it already runs one, and
    // keeps it and the EGL library loaded: loading Mesa's drivers again for every
    // target is slow, and unloading them leaks inside Mesa where LeakSanitizer
    // can no longer name the library. A headless run stays a tool: SIGINT and
    // SIGTERM end it, as without video.
    static bool video_started = false;
    if (!video_started) {
        if (!SDL_WasInit(SDL_INIT_VIDEO)) {
            SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
            SDL_SetHintWithPriority(SDL_HINT_VIDEODRIVER, "offscreen", SDL_HINT_OVERRIDE);
        }
        const bool started = SDL_InitSubSystem(SDL_INIT_VIDEO) == 0;
        SDL_ResetHint(SDL_HINT_VIDEODRIVER);
        if (!started) return fail(std::string("SDL's offscreen video driver did not start: ") + SDL_GetError());
        video_started = true;
        // Without EGL this fails, and the renderer below says so.
        SDL_GL_LoadLibrary(nullptr);
    }
    const int driver = render_driver_index("opengles2");
    if (driver < 0) return fail("this SDL was built without it");
    window_ = SDL_CreateWindow("Vitrine", 0, 0, width_, height_, SDL_WINDOW_HIDDEN);
    if (!window_) return fail(std::string("no off-screen window: ") + SDL_GetError());
    renderer_ = SDL_CreateRenderer(window_, driver, 0);
    if (!renderer_)
        return fail(std::string("no EGL display or GLES2 driver (") + SDL_GetError() +
                    "); Mesa's libegl-mesa0 and libgl1-mesa-dri provide them");
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    if (w != width_ || h != height_)
        return fail("the window is " + std::to_string(w) + "x" + std::to_string(h) + ", not " + std::to_string(width_) +
                    "x" + std::to_string(height_));
    return true;
}

std::vector<uint8_t> Offscreen::read_rgba() const {
    std::vector<uint8_t> out(size_t(width_) * size_t(height_) * 4);
    if (surface_) {
        SDL_LockSurface(surface_);
        for (int y = 0; y < height_; ++y) {
            const auto* row = static_cast<const uint8_t*>(surface_->pixels) + size_t(y) * size_t(surface_->pitch);
            std::copy(row, row + size_t(width_) * 4, out.begin() + ptrdiff_t(size_t(y) * size_t(width_) * 4));
        }
        SDL_UnlockSurface(surface_);
    } else if (SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_RGBA32, out.data(), width_ * 4) != 0) {
        kiosk::log_error(kiosk::log_from::kDisplay, std::string("cannot read the frame back: ") + SDL_GetError());
    }
    // The target's alpha is whatever blending left; a screenshot is opaque.
    for (size_t i = 3; i < out.size(); i += 4) out[i] = 0xff;
    return out;
}

bool Offscreen::save_png(const std::string& path, std::string* error) const {
    if (surface_) {
        // Encoded from the surface itself: no second frame-sized copy at the peak
        // (8 MiB at 1920x1080). The PNG is RGB, so the surface's alpha is never read.
        SDL_LockSurface(surface_);
        const bool ok = write_png(path, width_, height_, static_cast<const uint8_t*>(surface_->pixels), error,
                                  size_t(surface_->pitch));
        SDL_UnlockSurface(surface_);
        return ok;
    }
    const std::vector<uint8_t> rgba = read_rgba();
    return write_png(path, width_, height_, rgba.data(), error);
}

namespace {

std::string errno_words(int error_number) {
    std::string text = std::strerror(error_number);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = char(text[0] - 'A' + 'a');
    return text;
}

}  // namespace

bool write_file_replacing(const std::string& path, const std::vector<uint8_t>& bytes, std::string* error) {
    const std::string name = kiosk::printable(path, 1024);
    auto fail = [&](const std::string& why) {
        if (error) *error = name + ": " + why;
        return false;
    };
    // Whatever is at PATH is replaced by a rename: only ever a regular file (or
    // nothing), never a device such as /dev/full or a folder.
    struct stat st {};
    if (::lstat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
        return fail(std::string("is a ") + kiosk::file_type_name(st.st_mode) +
                    "; a screenshot is written as a regular file");
    const std::filesystem::path target(path);
    const std::string folder = target.has_parent_path() ? target.parent_path().string() : ".";
    std::string temp = (std::filesystem::path(folder) / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(temp.data());
    if (fd < 0) return fail("cannot write in " + kiosk::printable(folder, 1024) + ": " + errno_words(errno));
    size_t done = 0;
    int write_error = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            write_error = n < 0 ? errno : ENOSPC;
            break;
        }
        done += size_t(n);
    }
    // A full disk or a quota can also surface only at close.
    if (::fchmod(fd, 0644) != 0 && !write_error) write_error = errno;
    if (::close(fd) != 0 && !write_error) write_error = errno;
    if (write_error) {
        ::unlink(temp.c_str());
        return fail("cannot write the PNG: " + errno_words(write_error));
    }
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        return fail("cannot write the PNG: " + errno_words(err));
    }
    return true;
}

bool write_png(const std::string& path, int width, int height, const uint8_t* rgba, std::string* error, size_t stride) {
    std::vector<uint8_t> png;
    std::string why;
    if (!encode_png_opaque(width, height, rgba, png, &why, stride)) {
        if (error) *error = kiosk::printable(path, 1024) + ": cannot encode the PNG: " + why;
        return false;
    }
    return write_file_replacing(path, png, error);
}

}  // namespace platform
