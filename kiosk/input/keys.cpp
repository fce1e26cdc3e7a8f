#include "input/input.h"

#include <cstring>

namespace kiosk {

const char* key_name(Key key) {
    switch (key) {
        case Key::Up: return "up";
        case Key::Down: return "down";
        case Key::Left: return "left";
        case Key::Right: return "right";
        case Key::Enter: return "enter";
        case Key::Back: return "back";
        case Key::Help: return "help";
        case Key::VolumeUp: return "volume_up";
        case Key::VolumeDown: return "volume_down";
        case Key::None:
        case Key::Count: break;
    }
    return "";
}

Key key_from_name(const char* name) {
    for (int k = int(Key::None) + 1; k < int(Key::Count); ++k)
        if (std::strcmp(name, key_name(Key(k))) == 0) return Key(k);
    return Key::None;
}

}  // namespace kiosk
