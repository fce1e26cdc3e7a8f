// The wall clock, for opening hours, and whether to believe it: a Pi has no
// real-time clock and may boot without a network in 1970, or with the time it
// last saved.
#pragma once

#include "opening_hours.h"

namespace platform {

// Trustworthy when the kernel reports the clock synchronised (NTP, or an RTC the
// system set it from) and the date is after a sane minimum.
kiosk::WallTime read_wall_time();

}  // namespace platform
