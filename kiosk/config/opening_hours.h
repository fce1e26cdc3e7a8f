// Opening hours: outside them the screen goes black (a panel left lit all night
// wears and wastes power) and wakes on a touch for staff. A board with no
// real-time clock and no network may not know the time: when the clock cannot
// be trusted the kiosk stays on rather than guess.
#pragma once

#include <optional>
#include <string>

namespace kiosk {

struct OpeningHours {
    bool enabled = false;
    int open_minute = 9 * 60;                                   // minutes after midnight, local time
    int close_minute = 18 * 60;                                 // may be earlier than open: hours across midnight
    bool days[7] = {true, true, true, true, true, true, true};  // Monday first
    // The board keeps time on a battery-backed real-time clock: its time is
    // trusted without network time (still only after the sane minimum date).
    bool battery_clock = false;
};

// What the wall clock says, as the platform reads it.
struct WallTime {
    bool synchronised = false;        // the kernel's clock is disciplined by network time
    bool after_sane_minimum = false;  // not 1970 or another date older than this build
    int weekday = 0;                  // 0 Monday … 6 Sunday
    int minute = 0;                   // minutes after midnight
    int second = 0;                   // seconds into that minute
};

// Whether the time can decide anything: after the sane minimum, and synchronised
// or kept by a battery clock the configuration vouches for.
bool clock_trusted(const OpeningHours& hours, const WallTime& now);

// Whether the exhibit should be showing now.
bool should_be_on(const OpeningHours& hours, const WallTime& now);

// Whole minutes from the start of now.minute to the next one at which
// should_be_on() changes (1 … 7 days); nullopt when it never changes: hours
// disabled, an untrusted clock (the exhibit stays on until it is trusted), or
// the same answer every minute of the week. The loop sleeps until then rather
// than asking every few seconds.
std::optional<int> minutes_to_next_change(const OpeningHours& hours, const WallTime& now);

// "09:30" → 570; -1 when malformed.
int parse_clock_time(const std::string& text);

}  // namespace kiosk
