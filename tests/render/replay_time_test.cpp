// Replays in virtual time keep real time's promises: a shot long after the last
// touch shows what a kiosk left alone that long shows (the attract loop, its
// drift at that moment), not the first frame of a change the replay only noticed
// at the shot. The reference is the window loop's own pacing, frame by frame: a
// tick at every deadline the core asks for, and every 16 ms while it animates.
#include "headless_run.h"
#include "image_compare.h"
#include "kiosk_view.h"
#include "offscreen.h"
#include "scripted_kiosk.h"
#include "virtual_time.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace {

constexpr int kWidth = 800, kHeight = 480;
constexpr int64_t kTouchUpMs = 60;  // a tap: down at 0, up at 60

const char* const kPackDir = VITRINE_SOURCE_DIR "/assets/ieng-sary";

kiosk::PackLoadResult load() { return kiosk::load_pack(kPackDir, platform::pack_load_options(kWidth, kHeight)); }

std::string tap_script() {
    std::ostringstream s;
    s << "0 down 0 400 240\n" << kTouchUpMs << " up 0 400 240\n";
    return s.str();
}

kiosk::InputEvent touch(kiosk::InputEvent::Type type, int64_t at) {
    kiosk::InputEvent e;
    e.type = type;
    e.finger = 0;
    e.x = 400;
    e.y = 240;
    e.time_ms = at;
    return e;
}

// The kiosk driven by hand: the same tap, then time as the caller passes it.
struct HandDriven {
    platform::Offscreen target;
    platform::KioskView view;
    HandDriven() {
        std::string error;
        REQUIRE(target.create(kWidth, kHeight, &error));
        REQUIRE(view.init(target.renderer(), kiosk::Display{kWidth, kHeight, 0}, load(), kiosk::KioskConfig{},
                          VITRINE_FONT_DIR, 0, &error));
        view.tick(0);
        view.handle(touch(kiosk::InputEvent::Type::Down, 0));
        view.tick(kTouchUpMs);
        view.handle(touch(kiosk::InputEvent::Type::Up, kTouchUpMs));
    }
    // As the window loop paces itself in real time, up to `at`, then drawn there.
    Image real_time_frame(int64_t at) {
        int64_t now = kTouchUpMs;
        for (;;) {
            const kiosk::TickResult r = view.tick(now);
            const std::optional<int64_t> next = r.animating ? std::optional<int64_t>(now + 16) : r.next_deadline;
            if (!next || *next >= at) break;
            now = *next;
        }
        return drawn(at);
    }
    Image drawn(int64_t at) {
        view.tick(at);
        view.render(at);
        return Image{kWidth, kHeight, target.read_rgba()};
    }
};

// `vitrine --headless --replay`: the tap, then a shot at `at`; returns the shot.
Image headless_shot(int64_t at, const std::string& name) {
    const std::string dir = std::string(VITRINE_TEST_OUTPUT) + "/replay-time";
    std::filesystem::create_directories(dir);
    const std::string png = dir + "/" + name + ".png", script = dir + "/" + name + ".txt";
    std::filesystem::remove(png);
    std::ofstream(script) << tap_script() << at << " shot " << png << "\n";
    kiosk::KioskOptions options;
    options.headless = true;
    options.width = kWidth;
    options.height = kHeight;
    options.replay = script;
    REQUIRE(platform::run_headless(options, kiosk::KioskConfig{}, load(), VITRINE_FONT_DIR) == 0);
    Image shot;
    REQUIRE(load_png(png, shot));
    return shot;
}

long differing(const Image& a, const Image& b) {
    const Comparison c = compare_images(a, b, 0);
    REQUIRE(c.same_size);
    return c.differing_pixels;
}

// The attract loop as the kiosk left alone from the tap shows it at `at`, by
// ScriptedKiosk and by the headless replay.
void check_shot_at(int64_t at, const std::string& name) {
    const int64_t idle = kiosk::idle_timeout_ms(load().pack);
    const int64_t attract_start = kTouchUpMs + idle + kiosk::kCountdownMs;
    REQUIRE(at >= attract_start + kiosk::kTransitionMs);

    platform::ScriptedKiosk k;
    std::string error;
    REQUIRE(k.open(kWidth, kHeight, load(), kiosk::KioskConfig{}, &error));
    k.play(tap_script());
    k.wait(at - k.now());
    const kiosk::ExhibitState& s = k.view().state();
    CHECK(s.screen == kiosk::Screen::Attract);
    // It began when its timer ran out, and the change to it is long over.
    CHECK(s.attract_start_ms == attract_start);
    CHECK(s.transition.start_ms == attract_start);
    const Image scripted{kWidth, kHeight, k.shot()};

    const Image expected = HandDriven().real_time_frame(at);
    CHECK(differing(scripted, expected) == 0);
    CHECK(differing(headless_shot(at, name), expected) == 0);

    // What jumping from the tap straight to the shot drew: the attract loop's
    // first frame, still Explore under the fade. The comparison above tells them apart.
    CHECK(differing(HandDriven().drawn(at), expected) > 0);
}

}  // namespace

TEST_CASE("a shot 400 s after the last touch shows the attract loop in its steady state", "[replay]") {
    check_shot_at(kTouchUpMs + 400000, "attract-400s");
}

TEST_CASE("a shot 12 s into the countdown shows the change to the attract loop done", "[replay]") {
    check_shot_at(kTouchUpMs + kiosk::idle_timeout_ms(load().pack) + 12000, "countdown-12s");
}

TEST_CASE("a long gap costs a tick per timer, not a frame per 100 ms of attract loop", "[replay]") {
    platform::ScriptedKiosk k;
    std::string error;
    REQUIRE(k.open(kWidth, kHeight, load(), kiosk::KioskConfig{}, &error));
    k.play(tap_script());
    const int64_t days_400 = int64_t(400) * 24 * 3600 * 1000;
    const int ticks = platform::advance_virtual_time(k.view(), k.now(), k.now() + days_400);
    CHECK(ticks < 20);  // where the attract loop asks for a frame every 100 ms: 345 million
    CHECK(k.view().state().screen == kiosk::Screen::Attract);
    CHECK(k.view().state().attract_start_ms ==
          kTouchUpMs + kiosk::idle_timeout_ms(k.view().pack()) + kiosk::kCountdownMs);
}
