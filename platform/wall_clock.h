// The wall clock, for opening hours, and whether to believe it: a Pi has no
// real-time clock and may boot without a network in 1970, or with the time it
// last saved.
#pragma once

#include "config/opening_hours.h"

#include <ctime>

namespace platform {

// Trustworthy when the kernel reports the clock synchronised (NTP, or an RTC the
// system set it from) and the date is after a sane minimum.
kiosk::WallTime read_wall_time();

// The same for a given moment (seconds since the epoch, local time zone). -1 is
// what time() answers when the date does not fit the C library's time_t: on
// bookworm's armhf (32-bit time_t) from 2038-01-19 03:14:08 UTC on. Such a clock is
// refused like an unset one: opening hours are not applied and the screen stays
// on, never on a wrong schedule. On 64-bit time_t (amd64, arm64) 2039 and later
// are read as any other date.
kiosk::WallTime wall_time_at(std::time_t now, bool synchronised);

}  // namespace platform
