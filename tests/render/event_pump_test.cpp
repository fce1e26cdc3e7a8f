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
        const auto in = platform::to_input_event(e, 1920, 1080, 5000);
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
        const auto in = platform::to_input_event(e, 800, 480, 1000);
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
        CHECK_FALSE(platform::to_input_event(e, 800, 480, 1000));
    }
    SECTION("hovering and other buttons are not touches") {
        e.type = SDL_MOUSEMOTION;
        e.motion.state = 0;
        CHECK_FALSE(platform::to_input_event(e, 800, 480, 1000));
        e.type = SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_RIGHT;
        CHECK_FALSE(platform::to_input_event(e, 800, 480, 1000));
    }
}

TEST_CASE("events are stamped on the loop's 64-bit clock, right across SDL's 32-bit wrap", "[events]") {
    const int64_t wrap = int64_t(1) << 32;  // 49.7 days of uptime
    // An event 20 ms old, read just after SDL's 32-bit clock wrapped.
    CHECK(platform::loop_time_of(uint32_t(wrap - 15), wrap + 5) == wrap - 15);
    // ...and read a year of uptime later, many wraps on.
    const int64_t year = int64_t(365) * 24 * 3600 * 1000;
    CHECK(platform::loop_time_of(uint32_t(year - 3), year) == year - 3);
    CHECK(platform::loop_time_of(uint32_t(wrap + 100), wrap + 100) == wrap + 100);
    // A timestamp ahead of the loop's clock, or absurdly old, counts as now.
    CHECK(platform::loop_time_of(uint32_t(wrap + 500), wrap + 100) == wrap + 100);
    CHECK(platform::loop_time_of(0, 5 * wrap + 3'600'000) == 5 * wrap + 3'600'000);

    // Through the conversion a touch SDL stamps 4 ms before the wrap, read 2 ms
    // after it, is 6 ms old on the loop's clock, not 49 days.
    SDL_Event e{};
    e.type = SDL_FINGERDOWN;
    e.common.timestamp = uint32_t(wrap - 4);
    const auto in = platform::to_input_event(e, 800, 480, wrap + 2);
    REQUIRE(in);
    CHECK(in->time_ms == wrap - 4);
}

TEST_CASE("in kiosk mode no key or window close ends the program; on a desktop they do", "[events]") {
    auto key = [](SDL_Keycode sym, Uint16 mod) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = sym;
        e.key.keysym.mod = mod;
        return e;
    };
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    const SDL_Event visitor_tries[] = {quit,
                                       key(SDLK_ESCAPE, 0),
                                       key(SDLK_F4, KMOD_LALT),
                                       key(SDLK_q, KMOD_LCTRL),
                                       key(SDLK_w, KMOD_LCTRL),
                                       key(SDLK_DELETE, KMOD_LCTRL | KMOD_LALT),
                                       key(SDLK_TAB, KMOD_LALT)};
    for (const SDL_Event& e : visitor_tries) CHECK_FALSE(platform::event_closes_program(e, true));
    CHECK(platform::event_closes_program(quit, false));
    CHECK(platform::event_closes_program(key(SDLK_ESCAPE, 0), false));
    CHECK_FALSE(platform::event_closes_program(key(SDLK_a, 0), false));
}

TEST_CASE("a keypad's keys become key events; other keys and repeats do not", "[events]") {
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.common.timestamp = 7000;
    const std::pair<SDL_Keycode, kiosk::Key> keys[] = {
        {SDLK_UP, kiosk::Key::Up},
        {SDLK_KP_2, kiosk::Key::Down},
        {SDLK_LEFT, kiosk::Key::Left},
        {SDLK_KP_6, kiosk::Key::Right},
        {SDLK_RETURN, kiosk::Key::Enter},
        {SDLK_KP_ENTER, kiosk::Key::Enter},
        {SDLK_BACKSPACE, kiosk::Key::Back},
        {SDLK_F1, kiosk::Key::Help},
        {SDLK_SLASH, kiosk::Key::Help},
        {SDLK_VOLUMEUP, kiosk::Key::VolumeUp},
        {SDLK_KP_MINUS, kiosk::Key::VolumeDown},
    };
    for (const auto& [sym, key] : keys) {
        e.key.keysym.sym = sym;
        const auto in = platform::to_input_event(e, 800, 480, 7000);
        INFO(SDL_GetKeyName(sym));
        REQUIRE(in);
        CHECK(in->type == InputEvent::Type::Key);
        CHECK(in->key == key);
        CHECK(in->time_ms == 7000);
    }
    e.key.keysym.sym = SDLK_a;
    CHECK_FALSE(platform::to_input_event(e, 800, 480, 7000));
    e.key.keysym.sym = SDLK_DOWN;
    e.key.repeat = 1;
    CHECK_FALSE(platform::to_input_event(e, 800, 480, 7000));
    e.type = SDL_KEYUP;
    e.key.repeat = 0;
    CHECK_FALSE(platform::to_input_event(e, 800, 480, 7000));
}
