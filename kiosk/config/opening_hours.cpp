#include "config/opening_hours.h"

#include <cstdio>

namespace kiosk {

bool clock_trusted(const OpeningHours& hours, const WallTime& now) {
    return now.after_sane_minimum && (now.synchronised || hours.battery_clock);
}

bool should_be_on(const OpeningHours& hours, const WallTime& now) {
    if (!hours.enabled || !clock_trusted(hours, now)) return true;
    if (hours.open_minute == hours.close_minute) return hours.days[now.weekday];
    if (hours.open_minute < hours.close_minute)
        return hours.days[now.weekday] && now.minute >= hours.open_minute && now.minute < hours.close_minute;
    // Across midnight: open from the evening of an open day into the next morning.
    if (now.minute >= hours.open_minute) return hours.days[now.weekday];
    if (now.minute < hours.close_minute) return hours.days[(now.weekday + 6) % 7];
    return false;
}

std::optional<int> minutes_to_next_change(const OpeningHours& hours, const WallTime& now) {
    if (!hours.enabled || !clock_trusted(hours, now)) return std::nullopt;
    constexpr int kWeek = 7 * 24 * 60;
    // A minute at a time over one week: the answer repeats weekly, and a few
    // thousand cheap calls once per boundary cost nothing.
    const bool on = should_be_on(hours, now);
    WallTime t = now;
    for (int minutes = 1; minutes <= kWeek; ++minutes) {
        if (++t.minute == 24 * 60) t.minute = 0, t.weekday = (t.weekday + 1) % 7;
        if (should_be_on(hours, t) != on) return minutes;
    }
    return std::nullopt;
}

int parse_clock_time(const std::string& text) {
    int h = -1, m = -1;
    char colon = 0, extra = 0;
    if (std::sscanf(text.c_str(), "%d%c%d%c", &h, &colon, &m, &extra) != 3 || colon != ':') return -1;
    if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return -1;
    return h * 60 + m;
}

}  // namespace kiosk
