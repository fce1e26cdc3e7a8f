// Touch scripts: a recorded or written session the kiosk replays in virtual time.
//
//   # time_ms  action  finger  x  y      (pixels of the --size display)
//   0     down  0  960 1000
//   60    up    0  960 1000
//   1500  shot  explore-after-tap.png
//
//   2000  key   enter                    (a keypad's key: up, down, left, right,
//                                         enter, back, help, volume_up, volume_down)
//
// Actions: down, move, up (finger x y), key NAME and shot FILE. Blank lines and # comments
// are ignored. Times never go backwards.
//
// A script is input like any other: a bad line is reported by number with at most
// kQuotedInputBytes of it, escaped; a file too large or a line too long is refused.
#pragma once

#include "input/input.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// A day of touches at 60 events a second is under 10 MB.
constexpr uint64_t kMaxReplayBytes = 16 * 1024 * 1024;
constexpr size_t kMaxReplayLineBytes = 4096;
constexpr int64_t kMaxReplayTimeMs = 1'000'000'000'000;  // about 31 years of virtual time
constexpr double kMaxReplayPosition = 100000;            // pixels either way of the display's origin

struct ReplayStep {
    enum class Action { Input, Shot };
    Action action = Action::Input;
    int64_t time_ms = 0;
    InputEvent input;       // for Action::Input
    std::string shot_file;  // for Action::Shot
    int line = 0;           // in the script, for messages
};

struct ReplayScript {
    std::vector<ReplayStep> steps;
    std::string error;  // "script.txt:7: unknown action 'tap' (expected down, move, up or shot)"
    bool ok() const { return error.empty(); }
};

// NAME is how messages call the script (its path); it is quoted escaped.
ReplayScript parse_replay(const std::string& text, const std::string& name);

}  // namespace kiosk
