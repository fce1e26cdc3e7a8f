#include "event_pump.h"

#include <catch2/catch.hpp>

using kiosk::InputEvent;

TEST_CASE("mouse and touch events become the same flat input events", "[events]") {
    SDL_Event e{};
    SECTION("left mouse button") {
        e.type = SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = 120;
        e.button.y = 340;
        e.common.timestamp = 5000;
        const auto in = platform::to_input_event(e, 1920, 1080);
        REQUIRE(in);
        CHECK(in->type == InputEvent::Type::Down);
        CHECK(in->finger == 0);
        CHECK(in->x == 120);
        CHECK(in->y == 340);
        CHECK(in->time_ms == 5000);
    }
    SECTION("a finger, in display pixels") {
        e.type = SDL_FINGERUP;
        e.tfinger.fingerId = 7;
        e.tfinger.x = 0.5f;
        e.tfinger.y = 0.25f;
        const auto in = platform::to_input_event(e, 800, 480);
        REQUIRE(in);
        CHECK(in->type == InputEvent::Type::Up);
        CHECK(in->finger == 8);
        CHECK(in->x == 400);
        CHECK(in->y == 120);
    }
    SECTION("mouse events SDL makes from touches are dropped: the finger counts once") {
        e.type = SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.which = SDL_TOUCH_MOUSEID;
        CHECK_FALSE(platform::to_input_event(e, 800, 480));
    }
    SECTION("hovering and other buttons are not touches") {
        e.type = SDL_MOUSEMOTION;
        e.motion.state = 0;
        CHECK_FALSE(platform::to_input_event(e, 800, 480));
        e.type = SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_RIGHT;
        CHECK_FALSE(platform::to_input_event(e, 800, 480));
    }
}
