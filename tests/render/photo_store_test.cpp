// Photographs load when a frame first shows them, from the photo cache when it
// holds them: the first run decodes each photograph it shows once and keeps
// every size the screens use; a second run decodes nothing and draws the same
// pixels. A cache file cut short or written for another size is refused with one
// log line and made again; a cache that cannot be written leaves the photographs
// on screen. Textures stay within their budget, never dropping what is drawn.
#include "../core/event_photo_pack.h"
#include "base/log.h"
#include "layout/explore_layout.h"
#include "pack/pack_loader.h"
#include "photo_cache.h"
#include "scripted_kiosk.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct CapturedLog {
    std::vector<kiosk::LogLine> lines;
    kiosk::LogTarget previous;
    CapturedLog() {
        previous = kiosk::set_log_sink(
            {[](const kiosk::LogLine& line, void* user) { static_cast<CapturedLog*>(user)->lines.push_back(line); },
             this});
    }
    ~CapturedLog() { kiosk::set_log_sink(previous); }
    int count(const std::string& words) const {
        int n = 0;
        for (const kiosk::LogLine& l : lines) n += l.message.find(words) != std::string::npos;
        return n;
    }
};

struct Kiosk : platform::ScriptedKiosk {
    Kiosk(int w, int h, const std::string& pack_dir, const std::string& cache_dir) {
        std::string error;
        REQUIRE(
            open(w, h, kiosk::load_pack(pack_dir, platform::pack_load_options(w, h)), kiosk::KioskConfig{}, &error));
        REQUIRE(view().app().exhibit_loaded());
        view().set_photo_cache(cache_dir);
    }
    const platform::PhotoStore& photos() { return view().photos(); }
};

std::vector<fs::path> files_in(const fs::path& dir) {
    std::vector<fs::path> files;
    if (fs::exists(dir))
        for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    return files;
}

// A cached copy as a whole image.
struct Collected : platform::PhotoCopySink {
    kiosk::ScaledImage image;
    bool begin(int width, int height) override {
        image = {width, height, std::vector<uint8_t>(size_t(width) * size_t(height) * 4)};
        return true;
    }
    bool rows(int y, int count, const uint8_t* rgba) override {
        const size_t row = size_t(image.width) * 4;
        std::copy(rgba, rgba + row * size_t(count), image.rgba.begin() + std::ptrdiff_t(row * size_t(y)));
        return true;
    }
    void abandon() override { image = {}; }
};

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "photo-cache" / name;
    fs::remove_all(dir);
    return dir;
}

}  // namespace

TEST_CASE("a photo copy survives the round trip and a damaged one is refused", "[photo-cache]") {
    CHECK(platform::PhotoCache::is_copy_name("0123456789abcdef0123456789abcdef-640x480.rgba"));
    CHECK_FALSE(platform::PhotoCache::is_copy_name("0123456789abcdef0123456789abcdef-640x480.rgba.tmp"));
    CHECK_FALSE(platform::PhotoCache::is_copy_name(".0123456789abcdef0123456789abcdef-640x480.rgba.Xa1b2c"));
    CHECK_FALSE(platform::PhotoCache::is_copy_name("stats.db"));

    kiosk::ScaledImage image{3, 2, std::vector<uint8_t>(3 * 2 * 4)};
    for (size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = uint8_t(i * 7);
    const std::vector<uint8_t> bytes = platform::encode_photo_copy(image);

    // Written and read back through the cache, as the kiosk does.
    const platform::PhotoCache cache(fresh_dir("round-trip").string());
    const std::string key = "0123456789abcdef0123456789abcdef";
    std::string problem;
    REQUIRE(cache.write(key, 3, 2, image, &problem));
    const auto read = [&](int box_w, int box_h, kiosk::ScaledImage& back) {
        Collected sink;
        const bool found = cache.read(key, box_w, box_h, sink, &problem) == platform::PhotoCache::Read::Found;
        back = sink.image;
        return found;
    };
    // A copy's bytes put where the cache looks for a box.
    const auto put = [&](int box_w, int box_h, const std::vector<uint8_t>& copy) {
        std::ofstream(cache.path_for(key, box_w, box_h), std::ios::binary | std::ios::trunc)
            .write(reinterpret_cast<const char*>(copy.data()), std::streamsize(copy.size()));
    };
    kiosk::ScaledImage back;
    REQUIRE(read(3, 2, back));
    CHECK(back.width == 3);
    CHECK(back.height == 2);
    CHECK(back.rgba == image.rgba);

    put(3, 2, std::vector<uint8_t>(bytes.begin(), bytes.end() - 1));
    CHECK_FALSE(read(3, 2, back));
    CHECK(problem.find("cut short") != std::string::npos);
    put(2, 2, bytes);
    CHECK_FALSE(read(2, 2, back));
    CHECK(problem.find("not a size fitted to 2x2") != std::string::npos);
    std::vector<uint8_t> other = bytes;
    other[0] = 'X';
    put(3, 2, other);
    CHECK_FALSE(read(3, 2, back));

    // The key follows the content, not the name.
    CHECK(platform::photo_content_key({1, 2, 3}) == platform::photo_content_key({1, 2, 3}));
    CHECK(platform::photo_content_key({1, 2, 3}) != platform::photo_content_key({1, 2, 4}));
    CHECK(platform::photo_content_key({1, 2, 3}).size() == 32);
}

TEST_CASE("photographs are scaled once: a second start reads them back and draws the same", "[photo-cache]") {
    const std::string pack = event_photo_pack::write("cache");
    const fs::path cache = fresh_dir("second-start");
    std::vector<uint8_t> first_shot;
    {
        Kiosk k(800, 480, pack, cache.string());
        first_shot = k.shot();
        // Explore's frame shows the first event's photograph: one decode makes
        // both its sizes; nothing else was loaded.
        CHECK(k.photos().decodes() == 1);
        CHECK(k.photos().cache_reads() == 0);
        CHECK(k.photos().textures().find(*k.view().pack().find_photo("red"), kiosk::PhotoSize::Frame));
        CHECK(files_in(cache).size() == 2);
        // The rest are made in idle moments, each from one decode; then an
        // earlier exhibit's copy goes, and a file that is no copy stays.
        const fs::path old_copy = cache / "0123456789abcdef0123456789abcdef-640x480.rgba";
        std::ofstream(old_copy) << "an earlier exhibit's photograph";
        std::ofstream(cache / "notes.txt") << "not the cache's";
        const fs::path cut_short = cache / ".0123456789abcdef0123456789abcdef-640x480.rgba.a1B2c3";
        std::ofstream(cut_short) << "a write cut short";
        while (k.view().prepare_photos()) {}
        CHECK(k.photos().decodes() == 4);
        CHECK_FALSE(fs::exists(old_copy));
        CHECK_FALSE(fs::exists(cut_short));
        CHECK(fs::exists(cache / "notes.txt"));
        CHECK(files_in(cache).size() == 9);
        fs::remove(cache / "notes.txt");
    }
    Kiosk again(800, 480, pack, cache.string());
    const std::vector<uint8_t> second_shot = again.shot();
    CHECK(again.photos().decodes() == 0);
    CHECK(again.photos().cache_reads() == 1);
    CHECK(second_shot == first_shot);
    while (again.view().prepare_photos()) {}
    CHECK(again.photos().decodes() == 0);
}

TEST_CASE("a damaged photo copy is made again with one log line, and the photograph still shows", "[photo-cache]") {
    const std::string pack = event_photo_pack::write("cache-damaged");
    const fs::path cache = fresh_dir("damaged");
    std::vector<uint8_t> good_shot;
    {
        Kiosk k(800, 480, pack, cache.string());
        good_shot = k.shot();
    }
    const std::vector<fs::path> files = files_in(cache);
    REQUIRE(files.size() == 2);
    for (const fs::path& f : files) fs::resize_file(f, fs::file_size(f) / 2);

    CapturedLog log;
    Kiosk k(800, 480, pack, cache.string());
    CHECK(k.shot() == good_shot);
    CHECK(k.photos().decodes() == 1);
    CHECK(log.count("cut short") == 1);
    CHECK(log.count("made again") == 1);
    // Made again in full.
    Kiosk after(800, 480, pack, cache.string());
    CHECK(after.shot() == good_shot);
    CHECK(after.photos().decodes() == 0);
}

TEST_CASE("a photo cache that cannot be written leaves the photographs on screen", "[photo-cache]") {
    const std::string pack = event_photo_pack::write("cache-unwritable");
    const fs::path blocker = fresh_dir("unwritable");
    fs::create_directories(blocker.parent_path());
    std::ofstream(blocker) << "a file where the folder should be";
    std::vector<uint8_t> uncached;
    {
        Kiosk k(800, 480, pack, "");
        uncached = k.shot();
    }
    CapturedLog log;
    Kiosk k(800, 480, pack, (blocker / "photo-cache").string());
    CHECK(k.shot() == uncached);
    k.shot();
    CHECK(log.count("the photo cache cannot be kept") == 1);
    // Given up on for this run: no idle scaling for a cache that cannot keep it.
    CHECK_FALSE(k.view().prepare_photos());
    CHECK(k.photos().decodes() == 1);
    fs::remove(blocker);
}

TEST_CASE("photograph textures stay within their budget and never drop what is drawn", "[photo-cache]") {
    const std::string pack = event_photo_pack::write("cache-budget");
    Kiosk k(800, 480, pack, "");
    // Smaller than any photograph: only what the last frame drew stays.
    k.view().photos().set_budget(1);
    const auto holds = [&](const char* id) { return k.photos().holds({id, kiosk::PhotoSize::Frame}); };
    const auto centre_is = [&](event_photo_pack::Colour c) {
        const std::vector<uint8_t> rgba = k.shot();
        const kiosk::Rect f =
            kiosk::photo_frame_for(k.layouts().explore, kiosk::explore_photo(k.view().state(), k.view().ui())).frame;
        const size_t at = (size_t(f.y + f.h / 2) * size_t(k.width()) + size_t(f.x + f.w / 2)) * 4;
        return std::abs(rgba[at] - c.r) <= 6 && std::abs(rgba[at + 1] - c.g) <= 6 && std::abs(rgba[at + 2] - c.b) <= 6;
    };
    CHECK(centre_is(event_photo_pack::kRed));
    CHECK(holds("red"));
    CHECK(k.photos().held_count() == 1);
    const auto tap_button = [&](kiosk::Button b) { k.tap(k.layouts().explore.button_hit[int(b)]); };
    tap_button(kiosk::Button::Next);
    CHECK(centre_is(event_photo_pack::kGreen));
    CHECK(holds("green"));
    CHECK_FALSE(holds("red"));
    CHECK(k.photos().held_count() == 1);
    tap_button(kiosk::Button::Prev);
    CHECK(centre_is(event_photo_pack::kRed));
    CHECK(k.photos().held_count() == 1);

    // With the default budget nothing drawn lately is dropped.
    k.view().photos().set_budget(0);
    tap_button(kiosk::Button::Next);
    k.shot();
    CHECK(holds("red"));
    CHECK(holds("green"));
    CHECK(k.photos().bytes() <= platform::kPhotoTextureBudgetBytes);
}
