// One flat input event, the same for touch and mouse, so every session can be
// recorded and replayed as plain data.
#pragma once

#include <cstdint>

namespace kiosk {

struct InputEvent {
    enum class Type { Down, Move, Up };
    Type type = Type::Down;
    int finger = 0;       // touch finger id; the mouse is finger 0
    float x = 0, y = 0;   // display pixels
    int64_t time_ms = 0;  // monotonic clock
};

}  // namespace kiosk
