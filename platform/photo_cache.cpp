#include "photo_cache.h"

#include "base/file_read.h"
#include "offscreen.h"
#include "pack_file.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sodium.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace platform {

namespace {

constexpr size_t kHeaderBytes = sizeof(PhotoCache::kMagic) + 8;

void put_u32(uint8_t* at, uint32_t v) {
    for (int i = 0; i < 4; ++i) at[i] = uint8_t(v >> (8 * i));
}

uint32_t get_u32(const uint8_t* at) {
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= uint32_t(at[i]) << (8 * i);
    return v;
}

}  // namespace

std::string photo_content_key(const std::vector<uint8_t>& file_bytes) {
    sodium_ready();  // picks the fastest BLAKE2b for this processor
    unsigned char hash[16];
    crypto_generichash(hash, sizeof hash, file_bytes.data(), file_bytes.size(), nullptr, 0);
    char hex[sizeof hash * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
    return hex;
}

std::vector<uint8_t> encode_photo_copy(const kiosk::ScaledImage& image) {
    std::vector<uint8_t> bytes(kHeaderBytes + image.rgba.size());
    std::memcpy(bytes.data(), PhotoCache::kMagic, sizeof PhotoCache::kMagic);
    put_u32(&bytes[sizeof PhotoCache::kMagic], uint32_t(image.width));
    put_u32(&bytes[sizeof PhotoCache::kMagic + 4], uint32_t(image.height));
    if (!image.rgba.empty()) std::memcpy(&bytes[kHeaderBytes], image.rgba.data(), image.rgba.size());
    return bytes;
}

namespace {

// The copy's size from its header, checked against the box and the file's length.
bool parse_header(const uint8_t* header, uint64_t file_size, int box_w, int box_h, int& width, int& height,
                  std::string* problem) {
    const auto refuse = [&](const std::string& why) {
        if (problem) *problem = why;
        return false;
    };
    if (file_size < kHeaderBytes || std::memcmp(header, PhotoCache::kMagic, sizeof PhotoCache::kMagic) != 0)
        return refuse("not a photo copy of this version");
    const uint32_t w = get_u32(header + sizeof PhotoCache::kMagic), h = get_u32(header + sizeof PhotoCache::kMagic + 4);
    if (w == 0 || h == 0 || w > uint32_t(box_w) || h > uint32_t(box_h))
        return refuse("holds " + std::to_string(w) + "x" + std::to_string(h) + " pixels, not a size fitted to " +
                      std::to_string(box_w) + "x" + std::to_string(box_h));
    const uint64_t expected = kHeaderBytes + uint64_t(w) * h * 4;
    if (file_size != expected)
        return refuse("is " + std::to_string(file_size) + " bytes, " + std::to_string(expected) +
                      " expected (cut short?)");
    width = int(w), height = int(h);
    return true;
}

}  // namespace

std::string PhotoCache::path_for(const std::string& key, int box_w, int box_h) const {
    return (std::filesystem::path(dir_) / (key + "-" + std::to_string(box_w) + "x" + std::to_string(box_h) + ".rgba"))
        .string();
}

bool PhotoCache::is_copy_name(const std::string& name) {
    // 32 hex digits, '-', digits 'x' digits, ".rgba"
    size_t i = 0;
    for (; i < name.size() && std::isxdigit(static_cast<unsigned char>(name[i])); ++i) {}
    if (i != 32 || i >= name.size() || name[i] != '-') return false;
    unsigned w = 0, h = 0;
    char tail[8] = {};
    return std::sscanf(name.c_str() + 33, "%ux%u.%7s", &w, &h, tail) == 3 && std::string(tail) == "rgba" &&
           name == name.substr(0, 33) + std::to_string(w) + "x" + std::to_string(h) + ".rgba";
}

PhotoCache::Read PhotoCache::read(const std::string& key, int box_w, int box_h, PhotoCopySink& sink,
                                  std::string* problem) const {
    if (!enabled()) return Read::Missing;
    // Opened as kiosk::read_regular_file opens (no final link, no blocking on a
    // FIFO), checked on the descriptor, then read a band at a time.
    const int fd = ::open(path_for(key, box_w, box_h).c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT) return Read::Missing;
        if (problem) *problem = std::string("cannot be opened: ") + std::strerror(errno);
        return Read::Refused;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    const auto refuse = [&](const std::string& why) {
        if (problem) *problem = why;
        return Read::Refused;
    };
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return refuse("is not a regular file");
    const auto read_fully = [&](uint8_t* to, size_t n) {
        while (n > 0) {
            const ssize_t got = ::read(fd, to, n);
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) return false;
            to += got, n -= size_t(got);
        }
        return true;
    };
    uint8_t header[kHeaderBytes] = {};
    int width = 0, height = 0;
    if (!read_fully(header, std::min<uint64_t>(kHeaderBytes, uint64_t(st.st_size))) ||
        !parse_header(header, uint64_t(st.st_size), box_w, box_h, width, height, problem))
        return Read::Refused;
    if (!sink.begin(width, height)) return refuse("could not be taken");
    constexpr int kBandRows = 64;
    std::vector<uint8_t> band(size_t(width) * 4 * size_t(std::min(kBandRows, height)));
    for (int y = 0; y < height; y += kBandRows) {
        const int rows = std::min(kBandRows, height - y);
        if (!read_fully(band.data(), size_t(width) * 4 * size_t(rows)) || !sink.rows(y, rows, band.data())) {
            sink.abandon();
            return refuse("could not be read to its end");
        }
    }
    return Read::Found;
}

bool PhotoCache::write(const std::string& key, int box_w, int box_h, const kiosk::ScaledImage& image,
                       std::string* error) const {
    if (!enabled()) return true;
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) {
        if (error) *error = "cannot create " + dir_ + ": " + ec.message();
        return false;
    }
    return write_file_replacing(path_for(key, box_w, box_h), encode_photo_copy(image), error);
}

}  // namespace platform
