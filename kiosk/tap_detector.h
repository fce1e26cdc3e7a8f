// Turns finger-downs and finger-ups into taps: a touch that stays within a few
// millimetres and lifts within a moment. The full gesture recogniser (drags,
// flings, pinches) builds on the same events.
#pragma once

#include "input.h"

#include <optional>
#include <vector>

namespace kiosk {

struct Tap {
    float x = 0, y = 0;  // where the finger went down
    int64_t time_ms = 0; // when it lifted
};

class TapDetector {
public:
    explicit TapDetector(float slop_px = 24, int64_t max_duration_ms = 700)
        : slop_px_(slop_px), max_duration_ms_(max_duration_ms) {}

    // Feeds one event; returns a tap when this event completes one.
    std::optional<Tap> feed(const InputEvent& event);
    void reset() { fingers_.clear(); }

private:
    struct Finger {
        int id;
        float x, y;
        int64_t down_ms;
        bool moved_away;
    };
    Finger* find(int id);

    float slop_px_;
    int64_t max_duration_ms_;
    std::vector<Finger> fingers_;
};

}  // namespace kiosk
