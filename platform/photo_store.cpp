#include "photo_store.h"

#include "base/file_read.h"
#include "base/log.h"
#include "base/printable.h"
#include "pack/image_header.h"
#include "pack/photo_decode.h"
#include "textures.h"

#include <algorithm>
#include <filesystem>
#include <new>
#include <vector>

namespace platform {

namespace {

constexpr kiosk::PhotoSize kSizes[] = {kiosk::PhotoSize::Frame, kiosk::PhotoSize::Full};

}  // namespace

void PhotoStore::init(SDL_Renderer* renderer, int64_t budget_bytes) {
    clear();
    renderer_ = renderer;
    budget_ = budget_bytes > 0 ? budget_bytes : kPhotoTextureBudgetBytes;
}

bool PhotoStore::make_sizes(const kiosk::App& app, const kiosk::Photograph& photo, kiosk::PhotoSize want,
                            kiosk::ScaledImage* wanted) {
    const std::string name = "photograph '" + kiosk::printable(photo.id) + "'";
    // Decoded by the loader (the curators' tools, some tests): only scaled here.
    if (!photo.rgba.empty()) {
        if (!wanted) return true;
        const kiosk::PhotoRequest r = app.photo_request(photo, want);
        *wanted = kiosk::scale_to_fit(photo.rgba.data(), photo.width, photo.height, r.max_width, r.max_height);
        return true;
    }
    const kiosk::FileRead file = kiosk::read_regular_file(photo.path, uint64_t(kiosk::kMaxImageFileBytes));
    if (!file.ok()) {
        kiosk::log_error(kiosk::log_from::kPack,
                         name + " is left out: cannot read " + kiosk::printable(photo.path, 1024) + ": " + file.error);
        return false;
    }
    std::string& key = content_keys_[photo.id];
    if (key.empty()) key = photo_content_key(file.bytes);

    if (wanted) {
        const kiosk::PhotoRequest r = app.photo_request(photo, want);
        std::string problem;
        switch (cache_.read(key, r.max_width, r.max_height, *wanted, &problem)) {
            case PhotoCache::Read::Found: ++cache_reads_; return true;
            case PhotoCache::Read::Refused:
                kiosk::log_warning(
                    kiosk::log_from::kPack,
                    "photo cache: " + cache_.path_for(key, r.max_width, r.max_height) + " " + problem + "; made again");
                break;
            case PhotoCache::Read::Missing: break;
        }
    }
    // Every size still to make, from one decode.
    std::vector<kiosk::PhotoSize> to_make;
    for (const kiosk::PhotoSize size : kSizes) {
        const kiosk::PhotoRequest r = app.photo_request(photo, size);
        std::error_code ec;
        if ((wanted && size == want) ||
            (cache_.enabled() && !std::filesystem::exists(cache_.path_for(key, r.max_width, r.max_height), ec)))
            to_make.push_back(size);
    }
    if (to_make.empty()) return true;
    try {
        const kiosk::DecodedPhoto decoded(file.bytes.data(), file.bytes.size());
        if (!decoded.ok()) {
            kiosk::log_error(kiosk::log_from::kPack, name + " is left out: " + kiosk::printable(photo.path, 1024) +
                                                         " does not decode: " + decoded.error());
            return false;
        }
        ++decodes_;
        for (const kiosk::PhotoSize size : to_make) {
            const kiosk::PhotoRequest r = app.photo_request(photo, size);
            kiosk::ScaledImage image = decoded.fitted(r.max_width, r.max_height);
            std::string error;
            if (!cache_.write(key, r.max_width, r.max_height, image, &error) && !cache_warned_) {
                cache_warned_ = true;
                kiosk::log_warning(kiosk::log_from::kPack,
                                   "photographs are scaled at every start: the photo cache cannot be kept: " + error);
            }
            if (wanted && size == want) *wanted = std::move(image);
        }
    } catch (const std::bad_alloc&) {
        kiosk::log_error(kiosk::log_from::kPack, name + " is left out: not enough memory to decode it");
        return false;
    }
    return true;
}

void PhotoStore::upload(const kiosk::Photograph& photo, kiosk::PhotoSize size, const kiosk::ScaledImage& image) {
    SDL_Texture* texture = upload_rgba(renderer_, image.width, image.height, image.rgba.data());
    if (!texture) return;
    const kiosk::PhotoKey key{photo.id, size};
    drop(key);
    const int64_t bytes = int64_t(image.width) * image.height * 4;
    held_[key] = {texture, bytes, frame_ + 1};  // for the frame being built
    bytes_ += bytes;
    textures_.add(photo, size, {texture, image.width, image.height});
}

void PhotoStore::drop(const kiosk::PhotoKey& key) {
    const auto it = held_.find(key);
    if (it == held_.end()) return;
    SDL_DestroyTexture(it->second.texture);
    bytes_ -= it->second.bytes;
    held_.erase(it);
    textures_.remove(key);
}

bool PhotoStore::load_wanted(const kiosk::App& app) {
    bool loaded = false;
    const std::vector<kiosk::PhotoKey> wanted = textures_.wanted();
    for (const kiosk::PhotoKey& key : wanted) {
        if (held_.count(key) || failed_.count(key.first)) continue;
        const kiosk::Photograph* photo = app.pack().find_photo(key.first);
        kiosk::ScaledImage image;
        if (!photo || !make_sizes(app, *photo, key.second, &image)) {
            failed_.insert(key.first);
            continue;
        }
        upload(*photo, key.second, image);
        loaded = true;
    }
    return loaded;
}

void PhotoStore::end_frame() {
    ++frame_;
    for (const kiosk::PhotoKey& key : textures_.used())
        if (const auto it = held_.find(key); it != held_.end()) it->second.last_drawn = frame_;
    textures_.forget_lookups();
    while (bytes_ > budget_) {
        auto oldest = held_.end();
        for (auto it = held_.begin(); it != held_.end(); ++it)
            if (it->second.last_drawn < frame_ &&
                (oldest == held_.end() || it->second.last_drawn < oldest->second.last_drawn))
                oldest = it;
        if (oldest == held_.end()) break;  // all on screen: over budget for this frame only
        const kiosk::PhotoKey key = oldest->first;
        drop(key);
    }
}

bool PhotoStore::prepare_next(const kiosk::App& app) {
    if (!cache_.enabled()) return false;
    for (const kiosk::Photograph* photo : app.pack().shown_photos()) {
        if (prepared_.count(photo->id) || failed_.count(photo->id)) continue;
        prepared_.insert(photo->id);
        if (!make_sizes(app, *photo, kiosk::PhotoSize::Frame, nullptr)) failed_.insert(photo->id);
        return true;
    }
    return false;
}

void PhotoStore::clear() {
    for (auto& [key, held] : held_) SDL_DestroyTexture(held.texture);
    held_.clear();
    textures_.clear();
    textures_.forget_lookups();
    content_keys_.clear();
    failed_.clear();
    prepared_.clear();
    bytes_ = 0;
}

}  // namespace platform
