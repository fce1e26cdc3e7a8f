#include "event_pump.h"

namespace platform {

namespace {

// The keys of a tactile keypad: the arrows, Enter and Back that museum keypads
// send (they emulate a keyboard), the numeric keypad's 8 4 6 2 and 5 around its
// centre, and the keyboard's own names for help and volume.
kiosk::Key keypad_key(SDL_Keycode key) {
    switch (key) {
        case SDLK_UP:
        case SDLK_KP_8: return kiosk::Key::Up;
        case SDLK_DOWN:
        case SDLK_KP_2: return kiosk::Key::Down;
        case SDLK_LEFT:
        case SDLK_KP_4: return kiosk::Key::Left;
        case SDLK_RIGHT:
        case SDLK_KP_6: return kiosk::Key::Right;
        case SDLK_RETURN:
        case SDLK_KP_ENTER:
        case SDLK_KP_5:
        case SDLK_SPACE: return kiosk::Key::Enter;
        case SDLK_BACKSPACE:
        case SDLK_AC_BACK:
        case SDLK_KP_0: return kiosk::Key::Back;
        case SDLK_HELP:
        case SDLK_F1:
        case SDLK_SLASH:  // the "?" key
        case SDLK_KP_PERIOD: return kiosk::Key::Help;
        case SDLK_VOLUMEUP:
        case SDLK_KP_PLUS:
        case SDLK_EQUALS:  // "+" without shift
        case SDLK_PLUS: return kiosk::Key::VolumeUp;
        case SDLK_VOLUMEDOWN:
        case SDLK_KP_MINUS:
        case SDLK_MINUS: return kiosk::Key::VolumeDown;
        default: return kiosk::Key::None;
    }
}

}  // namespace

int64_t loop_time_of(uint32_t sdl_timestamp, int64_t now_ms) {
    constexpr uint32_t kLongestAgeMs = 60 * 1000;
    const uint32_t age = uint32_t(now_ms) - sdl_timestamp;  // modulo 2^32, as SDL's clock wraps
    return age <= kLongestAgeMs ? now_ms - int64_t(age) : now_ms;
}

std::optional<kiosk::InputEvent> to_input_event(const SDL_Event& e, int width, int height, int64_t now_ms) {
    kiosk::InputEvent in;
    in.time_ms = loop_time_of(e.common.timestamp, now_ms);
    switch (e.type) {
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) return std::nullopt;
            in.type = e.type == SDL_MOUSEBUTTONDOWN ? kiosk::InputEvent::Type::Down : kiosk::InputEvent::Type::Up;
            in.x = float(e.button.x);
            in.y = float(e.button.y);
            return in;
        case SDL_MOUSEMOTION:
            if (e.motion.which == SDL_TOUCH_MOUSEID || !(e.motion.state & SDL_BUTTON_LMASK)) return std::nullopt;
            in.type = kiosk::InputEvent::Type::Move;
            in.x = float(e.motion.x);
            in.y = float(e.motion.y);
            return in;
        case SDL_FINGERDOWN:
        case SDL_FINGERUP:
        case SDL_FINGERMOTION:
            in.type = e.type == SDL_FINGERDOWN ? kiosk::InputEvent::Type::Down
                      : e.type == SDL_FINGERUP ? kiosk::InputEvent::Type::Up
                                               : kiosk::InputEvent::Type::Move;
            // Finger 0 is the mouse; touch ids start at 1.
            in.finger = 1 + int(e.tfinger.fingerId & 0xffff);
            in.x = e.tfinger.x * float(width);
            in.y = e.tfinger.y * float(height);
            return in;
        case SDL_KEYDOWN:
            // A key held down repeats: a visitor resting a finger on it would skip items.
            if (e.key.repeat) return std::nullopt;
            in.type = kiosk::InputEvent::Type::Key;
            in.key = keypad_key(e.key.keysym.sym);
            if (in.key == kiosk::Key::None) return std::nullopt;
            return in;
        default: return std::nullopt;
    }
}

bool event_closes_program(const SDL_Event& e, bool kiosk_mode) {
    if (kiosk_mode) return false;
    return e.type == SDL_QUIT || (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE);
}

}  // namespace platform
