// The exhibit's photographs as textures, loaded when a frame first shows them
// and let go when others are needed more.
//
// A frame's lookups that miss are wanted (ui/photo_textures.h); load_wanted()
// loads them and the frame is built again, so no frame is drawn without its
// photographs and nothing off screen is loaded at the start. Each comes from
// the photo cache (photo_cache.h) when it is there; otherwise the file is
// decoded once, every size the screens show is made from that one decode and
// kept in the cache, and the wanted size is uploaded.
//
// Textures are held within a budget (kPhotoTextureBudgetBytes): past it the
// least recently drawn go, never one the last frame drew. A photograph that
// cannot be loaded (a file gone or corrupt since the pack was checked) is logged
// once and left out of the screens, and the rest of the exhibit shows.
#pragma once

#include "app/app.h"
#include "photo_cache.h"
#include "ui/photo_textures.h"

#include <SDL.h>
#include <cstdint>
#include <map>
#include <set>
#include <string>

namespace platform {

// What the photographs' textures may take, in bytes of RGBA8: at 1920x1080 four
// photographs at the panel's size, or one at 2048 px a side with Explore's.
constexpr int64_t kPhotoTextureBudgetBytes = 32LL * 1024 * 1024;

class PhotoStore {
public:
    PhotoStore() = default;
    PhotoStore(const PhotoStore&) = delete;
    PhotoStore& operator=(const PhotoStore&) = delete;
    ~PhotoStore() { clear(); }

    // Keeps the cache folder and the budget.
    void init(SDL_Renderer* renderer);
    // Keeps scaled copies in `dir` from now on (empty: none).
    void set_cache_dir(const std::string& dir) { cache_ = PhotoCache(dir), prepared_.clear(), pruned_ = false; }
    // Loads what the last built frame wanted; true when anything was uploaded
    // (the frame is then built again).
    bool load_wanted(const kiosk::App& app);
    // After a frame was built: lets the least recently drawn textures go while
    // over the budget, and forgets the frame's lookups.
    void end_frame();
    // Idle work in a window: makes the cached sizes of one more photograph the
    // screens show. False when every one is done (or there is no cache); the
    // first time, copies this exhibit no longer uses are removed from the cache.
    bool prepare_next(const kiosk::App& app);
    // Forgets every texture (a new exhibit).
    void clear();

    // Replaces the budget (tests; 0: kPhotoTextureBudgetBytes).
    void set_budget(int64_t bytes) { budget_ = bytes > 0 ? bytes : kPhotoTextureBudgetBytes; }

    const kiosk::PhotoTextures& textures() const { return textures_; }
    bool holds(const kiosk::PhotoKey& key) const { return held_.count(key) != 0; }
    size_t held_count() const { return held_.size(); }
    int64_t bytes() const { return bytes_; }
    // Photographs decoded, and sizes read back from the cache, since init.
    int decodes() const { return decodes_; }
    int cache_reads() const { return cache_reads_; }

private:
    struct Held {
        SDL_Texture* texture = nullptr;
        int64_t bytes = 0;
        uint64_t last_drawn = 0;  // frame number
    };
    // Every size of `photo` the screens show, in the cache (made from one
    // decode when missing); with `upload_wanted` the size `want` is uploaded,
    // from the cache when it is there. False when the photograph cannot be had.
    bool make_sizes(const kiosk::App& app, const kiosk::Photograph& photo, kiosk::PhotoSize want, bool upload_wanted);
    void upload(const kiosk::Photograph& photo, kiosk::PhotoSize size, const kiosk::ScaledImage& image);
    void hold(const kiosk::Photograph& photo, kiosk::PhotoSize size, const kiosk::PhotoTexture& texture);
    void drop(const kiosk::PhotoKey& key);
    void prune(const kiosk::App& app);

    SDL_Renderer* renderer_ = nullptr;
    PhotoCache cache_;
    int64_t budget_ = kPhotoTextureBudgetBytes;
    kiosk::PhotoTextures textures_;
    std::map<kiosk::PhotoKey, Held> held_;
    std::map<std::string, std::string> content_keys_;  // Photograph::id to photo_content_key
    std::set<std::string> failed_, prepared_;          // by Photograph::id
    bool pruned_ = false;
    uint64_t frame_ = 0;
    int64_t bytes_ = 0;
    int decodes_ = 0, cache_reads_ = 0;
};

}  // namespace platform
