// Opening hours: outside them the screen goes black (a panel left lit all night
// wears and wastes power) and wakes on a touch for staff. A board with no
// real-time clock and no network may not know the time: when the clock cannot
// be trusted the kiosk stays on rather than guess.
#pragma once

#include <string>

namespace kiosk {

struct OpeningHours {
    bool enabled = false;
    int open_minute = 9 * 60;    // minutes after midnight, local time
    int close_minute = 18 * 60;  // may be earlier than open: hours across midnight
    bool days[7] = {true, true, true, true, true, true, true};  // Monday first
};

// What the wall clock says, as the platform reads it.
struct WallTime {
    bool trustworthy = false;  // synchronised, and after a sane minimum date
    int weekday = 0;           // 0 Monday … 6 Sunday
    int minute = 0;            // minutes after midnight
};

// Whether the exhibit should be showing now.
bool should_be_on(const OpeningHours& hours, const WallTime& now);

// "09:30" → 570; -1 when malformed.
int parse_clock_time(const std::string& text);

}  // namespace kiosk
