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

// A cached copy straight into a texture, a band of rows at a time.
class TextureSink : public PhotoCopySink {
public:
    explicit TextureSink(SDL_Renderer* renderer) : renderer_(renderer) {}
    ~TextureSink() override { abandon(); }
    bool begin(int width, int height) override {
        texture_ = create_rgba_texture(renderer_, width, height);
        width_ = width, height_ = height;
        return texture_ != nullptr;
    }
    bool rows(int y, int count, const uint8_t* rgba) override {
        const SDL_Rect band = {0, y, width_, count};
        return SDL_UpdateTexture(texture_, &band, rgba, width_ * 4) == 0;
    }
    void abandon() override {
        if (texture_) SDL_DestroyTexture(texture_);
        texture_ = nullptr;
    }
    // The texture, now the caller's.
    kiosk::PhotoTexture take() {
        const kiosk::PhotoTexture t{texture_, width_, height_};
        texture_ = nullptr;
        return t;
    }

private:
    SDL_Renderer* renderer_;
    SDL_Texture* texture_ = nullptr;
    int width_ = 0, height_ = 0;
};

}  // namespace

void PhotoStore::init(SDL_Renderer* renderer) {
    clear();
    renderer_ = renderer;
}

bool PhotoStore::make_sizes(const kiosk::App& app, const kiosk::Photograph& photo, kiosk::PhotoSize want,
                            bool upload_wanted) {
    const std::string name = "photograph '" + kiosk::printable(photo.id) + "'";
    // Decoded by the loader (the curators' tools, some tests): only scaled here.
    if (!photo.rgba.empty()) {
        if (!upload_wanted) return true;
        const kiosk::PhotoRequest r = app.photo_request(photo, want);
        upload(photo, want,
               kiosk::scale_to_fit(photo.rgba.data(), photo.width, photo.height, r.max_width, r.max_height));
        return true;
    }
    // The file is read only while its key is unknown or to decode it: a size
    // loaded from the cache needs only the key, remembered from the first read.
    kiosk::FileRead file;
    bool read = false;
    const auto read_file = [&] {
        if (!read) file = kiosk::read_regular_file(photo.path, uint64_t(kiosk::kMaxImageFileBytes)), read = true;
        if (!file.ok())
            kiosk::log_error(kiosk::log_from::kPack, name + " is left out: cannot read " +
                                                         kiosk::printable(photo.path, 1024) + ": " + file.error);
        return file.ok();
    };
    std::string& key = content_keys_[photo.id];
    if (key.empty()) {
        if (!read_file()) return false;
        key = photo_content_key(file.bytes);
    }

    if (upload_wanted) {
        const kiosk::PhotoRequest r = app.photo_request(photo, want);
        std::string problem;
        TextureSink sink(renderer_);
        switch (cache_.read(key, r.max_width, r.max_height, sink, &problem)) {
            case PhotoCache::Read::Found:
                ++cache_reads_;
                hold(photo, want, sink.take());
                return true;
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
        if ((upload_wanted && size == want) ||
            (cache_.enabled() && !std::filesystem::exists(cache_.path_for(key, r.max_width, r.max_height), ec)))
            to_make.push_back(size);
    }
    if (to_make.empty()) return true;
    if (!read_file()) return false;
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
            if (!cache_.write(key, r.max_width, r.max_height, image, &error)) {
                kiosk::log_warning(kiosk::log_from::kPack,
                                   "photographs are scaled at every start: the photo cache cannot be kept: " + error);
                // Given up on for this run: no more writes, and no idle work for nothing.
                cache_ = PhotoCache();
            }
            if (upload_wanted && size == want) upload(photo, want, image);
        }
    } catch (const std::bad_alloc&) {
        kiosk::log_error(kiosk::log_from::kPack, name + " is left out: not enough memory to decode it");
        return false;
    }
    return true;
}

void PhotoStore::upload(const kiosk::Photograph& photo, kiosk::PhotoSize size, const kiosk::ScaledImage& image) {
    hold(photo, size,
         {upload_rgba(renderer_, image.width, image.height, image.rgba.data()), image.width, image.height});
}

void PhotoStore::hold(const kiosk::Photograph& photo, kiosk::PhotoSize size, const kiosk::PhotoTexture& texture) {
    if (!texture.texture) return;
    const kiosk::PhotoKey key{photo.id, size};
    drop(key);
    const int64_t bytes = int64_t(texture.width) * texture.height * 4;
    held_[key] = {static_cast<SDL_Texture*>(texture.texture), bytes, frame_ + 1};  // for the frame being built
    bytes_ += bytes;
    textures_.add(photo, size, texture);
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
        if (!photo || !make_sizes(app, *photo, key.second, true) || !held_.count(key)) {
            failed_.insert(key.first);
            continue;
        }
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
        if (!make_sizes(app, *photo, kiosk::PhotoSize::Frame, false)) failed_.insert(photo->id);
        return true;
    }
    if (!pruned_) prune(app);
    pruned_ = true;
    return false;
}

// Once every photograph is in the cache: copies no screen of this exhibit at
// this panel size uses (an earlier exhibit's, another panel's) are removed, so
// years of USB updates do not fill the card.
void PhotoStore::prune(const kiosk::App& app) {
    std::set<std::string> kept;
    for (const kiosk::Photograph* photo : app.pack().shown_photos()) {
        const auto key = content_keys_.find(photo->id);
        if (key == content_keys_.end()) return;  // one unread: keep everything rather than guess
        for (const kiosk::PhotoSize size : kSizes) {
            const kiosk::PhotoRequest r = app.photo_request(*photo, size);
            kept.insert(std::filesystem::path(cache_.path_for(key->second, r.max_width, r.max_height)).filename());
        }
    }
    std::error_code ec;
    int removed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(cache_.dir(), ec)) {
        const std::string name = entry.path().filename().string();
        // A copy's temporary file (".NAME.XXXXXX") is left only by a write cut short.
        const bool temporary = name.size() > 1 && name[0] == '.' && name.rfind('.') > 1 &&
                               PhotoCache::is_copy_name(name.substr(1, name.rfind('.') - 1));
        if (((!kept.count(name) && PhotoCache::is_copy_name(name)) || temporary) &&
            std::filesystem::remove(entry.path(), ec))
            ++removed;
    }
    if (removed)
        kiosk::log_info(kiosk::log_from::kPack, "photo cache: " + std::to_string(removed) +
                                                    " copies no screen uses any more removed from " + cache_.dir());
}

void PhotoStore::clear() {
    for (auto& [key, held] : held_) SDL_DestroyTexture(held.texture);
    held_.clear();
    textures_.clear();
    textures_.forget_lookups();
    content_keys_.clear();
    failed_.clear();
    prepared_.clear();
    pruned_ = false;
    bytes_ = 0;
}

}  // namespace platform
