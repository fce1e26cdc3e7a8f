// One flat input event, the same for touch, mouse and keys, so every session can
// be recorded and replayed as plain data.
#pragma once

#include <cstdint>

namespace kiosk {

// The keys of a tactile keypad (the ones museums buy emulate a keyboard's keys):
// what each does is the same on every screen (kiosk/state/key_input.cpp).
enum class Key { None, Up, Down, Left, Right, Enter, Back, Help, VolumeUp, VolumeDown, Count };

struct InputEvent {
    enum class Type { Down, Move, Up, Key };
    Type type = Type::Down;
    int finger = 0;       // touch finger id; the mouse is finger 0
    float x = 0, y = 0;   // display pixels
    int64_t time_ms = 0;  // monotonic clock
    Key key = Key::None;  // Type::Key: which key went down
};

// "up", "volume_up": as replay scripts and logs write a key; "" for None.
const char* key_name(Key key);
// The key `name` names; Key::None when none does.
Key key_from_name(const char* name);

}  // namespace kiosk
