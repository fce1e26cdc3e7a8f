#include "photo_cache.h"

#include "base/file_read.h"
#include "offscreen.h"
#include "pack_file.h"

#include <cstring>
#include <filesystem>
#include <sodium.h>
#include <system_error>

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

bool decode_photo_copy(std::vector<uint8_t>&& bytes, int box_w, int box_h, kiosk::ScaledImage& out,
                       std::string* problem) {
    const auto refuse = [&](const std::string& why) {
        if (problem) *problem = why;
        return false;
    };
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), PhotoCache::kMagic, sizeof PhotoCache::kMagic) != 0)
        return refuse("not a photo copy of this version");
    const uint32_t w = get_u32(&bytes[sizeof PhotoCache::kMagic]), h = get_u32(&bytes[sizeof PhotoCache::kMagic + 4]);
    if (w == 0 || h == 0 || w > uint32_t(box_w) || h > uint32_t(box_h))
        return refuse("holds " + std::to_string(w) + "x" + std::to_string(h) + " pixels, not a size fitted to " +
                      std::to_string(box_w) + "x" + std::to_string(box_h));
    const uint64_t expected = kHeaderBytes + uint64_t(w) * h * 4;
    if (bytes.size() != expected)
        return refuse("is " + std::to_string(bytes.size()) + " bytes, " + std::to_string(expected) +
                      " expected (cut short?)");
    // The pixels move out of the file's buffer without a copy.
    bytes.erase(bytes.begin(), bytes.begin() + kHeaderBytes);
    out.width = int(w), out.height = int(h);
    out.rgba = std::move(bytes);
    return true;
}

std::string PhotoCache::path_for(const std::string& key, int box_w, int box_h) const {
    return (std::filesystem::path(dir_) / (key + "-" + std::to_string(box_w) + "x" + std::to_string(box_h) + ".rgba"))
        .string();
}

PhotoCache::Read PhotoCache::read(const std::string& key, int box_w, int box_h, kiosk::ScaledImage& out,
                                  std::string* problem) const {
    if (!enabled()) return Read::Missing;
    const uint64_t most = kHeaderBytes + uint64_t(box_w) * uint64_t(box_h) * 4;
    kiosk::FileRead file = kiosk::read_regular_file(path_for(key, box_w, box_h), most);
    if (file.missing) return Read::Missing;
    if (!file.ok()) {
        if (problem) *problem = file.error;
        return Read::Refused;
    }
    return decode_photo_copy(std::move(file.bytes), box_w, box_h, out, problem) ? Read::Found : Read::Refused;
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
