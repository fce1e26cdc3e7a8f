#include "exhibit_fixture.h"

namespace {

// Two fingers held in opposite corners for `ms`.
std::string corners(const ExhibitFixture& f, int64_t ms) {
    const int W = f.layouts.display.width, H = f.layouts.display.height;
    std::ostringstream s;
    s << f.now + 100 << " down 1 10 10\n" << f.now + 150 << " down 2 " << W - 10 << " " << H - 10 << "\n";
    s << f.now + 150 + ms << " up 1 10 10\n" << f.now + 160 + ms << " up 2 " << W - 10 << " " << H - 10 << "\n";
    return s.str();
}

std::string type_pin(const ExhibitFixture& f, const std::string& pin) {
    const char* order = "123456789";
    std::string script;
    int64_t at = 200;
    for (char c : pin) {
        const int key = c == '0' ? 10 : int(std::string(order).find(c));
        script += f.tap(f.layouts.pin.keys[key], at);
        at += 200;
    }
    script += f.tap(f.layouts.pin.keys[11], at);
    return script;
}

}  // namespace

TEST_CASE("the hidden corner gesture and the right PIN exit; nothing else does", "[staff]") {
    ExhibitFixture f(1280, 800);
    f.replay(corners(f, 1000));  // too short
    CHECK_FALSE(f.state.pin_open);
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);

    f.replay(type_pin(f, "1111"));  // wrong: the pad closes, nothing else happens
    CHECK_FALSE(f.state.pin_open);
    CHECK_FALSE(f.state.exit_requested);

    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    f.replay(type_pin(f, "2468"));
    CHECK(f.state.exit_requested);
}

TEST_CASE("without a configured PIN the hidden gesture opens nothing", "[staff]") {
    ExhibitFixture f(1920, 1080);
    f.config.staff_pin.clear();
    f.replay(corners(f, 5000));
    CHECK_FALSE(f.state.pin_open);
}

TEST_CASE("an untouched PIN pad closes itself", "[staff]") {
    ExhibitFixture f(800, 480);
    f.replay(corners(f, 3500));
    REQUIRE(f.state.pin_open);
    f.advance_to(f.now + kiosk::kPinTimeoutMs + 500);
    CHECK_FALSE(f.state.pin_open);
}
