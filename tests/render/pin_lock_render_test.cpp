// The staff PIN pad, drawn: locked after five wrong PINs, it shows how long is
// left instead of its keys, and counts down.
#include "scripted_kiosk.h"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

struct Kiosk : platform::ScriptedKiosk {
    Kiosk() {
        kiosk::KioskConfig config;
        config.staff_pin = "2468";
        std::string error;
        REQUIRE(open(800, 480, kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary"), config, &error));
    }
    void open_pad() {
        const int W = width(), H = height();
        std::ostringstream s;
        s << "100 down 1 8 8\n120 down 2 " << W - 8 << " " << H - 8 << "\n3300 up 1 8 8\n3310 up 2 " << W - 8 << " "
          << H - 8 << "\n";
        play(s.str());
        REQUIRE(view().state().pin_open);
    }
    void wrong_pin() {
        open_pad();
        for (int i = 0; i < 4; ++i) tap(layouts().pin.keys[0], 200);  // 1111
        tap(layouts().pin.keys[11], 200);                             // OK
    }
};

// How many pixels differ between two frames inside R.
size_t changed(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b, int width, const kiosk::Rect& r) {
    size_t n = 0;
    for (int y = int(r.y); y < int(r.bottom()); ++y)
        for (int x = int(r.x); x < int(r.right()); ++x) {
            const size_t i = (size_t(y) * size_t(width) + size_t(x)) * 4;
            if (a[i] != b[i] || a[i + 1] != b[i + 1] || a[i + 2] != b[i + 2]) ++n;
        }
    return n;
}

}  // namespace

TEST_CASE("a locked PIN pad shows the time left instead of its keys", "[staff]") {
    Kiosk k;
    k.open_pad();
    const std::vector<uint8_t> open = k.shot();
    k.tap(2, 2, 200);  // outside the pad: it closes
    for (int i = 0; i < kiosk::kPinAttempts; ++i) k.wrong_pin();
    k.open_pad();
    REQUIRE(k.view().state().pin_lock.locked(k.now()));
    const std::vector<uint8_t> locked = k.shot();
    const kiosk::PinLayout& l = k.layouts().pin;
    CHECK(changed(open, locked, k.width(), l.keys[4]) > 100);  // the keys are gone
    CHECK(changed(open, locked, k.width(), l.display) > 100);  // the words are there
    k.wait(1000);
    const std::vector<uint8_t> later = k.shot();
    CHECK(changed(locked, later, k.width(), l.display) > 0);  // a second less
    CHECK(changed(locked, later, k.width(), l.keys[4]) == 0);
}
