#include "display_power.h"

#include <catch2/catch.hpp>

#include <SDL.h>
#include <string>
#include <vector>

namespace {

// Stands in for the display: records every switch, refuses when told to.
struct FakeDisplay {
    std::vector<bool> calls;
    bool refuse_off = false;
    platform::DisplayPower power() {
        return platform::DisplayPower(
            [this](bool on) {
                calls.push_back(on);
                return on || !refuse_off;
            },
            "test display");
    }
};

}  // namespace

TEST_CASE("the panel goes off only once the black frame is shown, and on before the next frame", "[display]") {
    FakeDisplay display;
    platform::DisplayPower power = display.power();
    REQUIRE(power.available());

    power.before_frame(false);  // open: an ordinary frame
    power.after_frame(false);
    CHECK(display.calls.empty());

    power.before_frame(true);  // closing: the black frame is drawn with the panel still on
    CHECK(display.calls.empty());
    power.after_frame(true);  // and is on the glass: now off
    CHECK(display.calls == std::vector<bool>{false});
    CHECK(power.is_off());
    power.after_frame(true);  // a repaint of the black frame switches nothing
    CHECK(display.calls.size() == 1);

    power.before_frame(false);  // a touch wakes it for staff: on before drawing
    CHECK(display.calls == std::vector<bool>{false, true});
    CHECK_FALSE(power.is_off());
}

TEST_CASE("a display that refuses to switch off is put back on and left alone", "[display]") {
    FakeDisplay display;
    display.refuse_off = true;
    platform::DisplayPower power = display.power();
    power.after_frame(true);
    CHECK(display.calls == std::vector<bool>{false, true});  // refused, so back on at once
    power.before_frame(false);
    power.after_frame(true);
    CHECK(display.calls.size() == 2);  // not tried again every evening frame
}

TEST_CASE("without KMSDRM the kiosk's frame alone is black", "[display]") {
    CHECK_FALSE(platform::DisplayPower::for_window(nullptr).available());
    platform::DisplayPower none;
    none.after_frame(true);  // harmless
    CHECK(none.is_off());

    SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    REQUIRE(SDL_InitSubSystem(SDL_INIT_VIDEO) == 0);
    SDL_Window* window = SDL_CreateWindow("display power", 0, 0, 320, 200, 0);
    REQUIRE(window);
    CHECK_FALSE(platform::DisplayPower::for_window(window).available());
    SDL_DestroyWindow(window);
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
}
