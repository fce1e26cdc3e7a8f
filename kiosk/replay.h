// Touch scripts: a recorded or written session the kiosk replays in virtual time.
//
//   # time_ms  action  finger  x  y      (pixels of the --size display)
//   0     down  0  960 1000
//   60    up    0  960 1000
//   1500  shot  explore-after-tap.png
//
// Actions: down, move, up (finger x y) and shot FILE. Blank lines and # comments
// are ignored. Times never go backwards.
#pragma once

#include "input.h"

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct ReplayStep {
    enum class Action { Input, Shot };
    Action action = Action::Input;
    int64_t time_ms = 0;
    InputEvent input;      // for Action::Input
    std::string shot_file; // for Action::Shot
    int line = 0;          // in the script, for messages
};

struct ReplayScript {
    std::vector<ReplayStep> steps;
    std::string error;     // "script.txt:7: unknown action 'tap' (expected down, move, up or shot)"
    bool ok() const { return error.empty(); }
};

ReplayScript parse_replay(const std::string& text, const std::string& name);

}  // namespace kiosk
