#include "offscreen.h"

#include "base/file_read.h"
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
}

bool Offscreen::create(int width, int height, std::string* error) {
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32);
    if (surface_) renderer_ = SDL_CreateSoftwareRenderer(surface_);
    if (!renderer_) {
        if (error) *error = std::string("cannot create the off-screen renderer: ") + SDL_GetError();
        return false;
    }
    return true;
}

std::vector<uint8_t> Offscreen::read_rgba() const {
    std::vector<uint8_t> out(size_t(surface_->w) * size_t(surface_->h) * 4);
    SDL_LockSurface(surface_);
    for (int y = 0; y < surface_->h; ++y) {
        const auto* row = static_cast<const uint8_t*>(surface_->pixels) + size_t(y) * size_t(surface_->pitch);
        std::copy(row, row + size_t(surface_->w) * 4, out.begin() + ptrdiff_t(size_t(y) * size_t(surface_->w) * 4));
    }
    SDL_UnlockSurface(surface_);
    // The surface's alpha is whatever blending left; a screenshot is opaque.
    for (size_t i = 3; i < out.size(); i += 4) out[i] = 0xff;
    return out;
}

bool Offscreen::save_png(const std::string& path, std::string* error) const {
    const std::vector<uint8_t> rgba = read_rgba();
    return write_png(path, surface_->w, surface_->h, rgba.data(), error);
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

bool write_png(const std::string& path, int width, int height, const uint8_t* rgba, std::string* error) {
    std::vector<uint8_t> png;
    std::string why;
    if (!encode_png_opaque(width, height, rgba, png, &why)) {
        if (error) *error = kiosk::printable(path, 1024) + ": cannot encode the PNG: " + why;
        return false;
    }
    return write_file_replacing(path, png, error);
}

}  // namespace platform
