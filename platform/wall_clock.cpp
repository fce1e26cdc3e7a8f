#include "wall_clock.h"

#include <algorithm>
#include <ctime>
#include <sys/timex.h>
#include <unistd.h>

namespace platform {

namespace {
constexpr std::time_t kSaneMinimum = 1767225600;  // 2026-01-01 00:00 UTC: older than this build

// The service's sandbox (ProtectClock=yes) refuses even a read-only ntp_adjtime();
// systemd-timesyncd then still says whether it has synchronised the clock.
bool clock_synchronised() {
    timex tx{};
    const int state = ntp_adjtime(&tx);
    if (state == -1) return access("/run/systemd/timesync/synchronized", F_OK) == 0;
    return state != TIME_ERROR;
}
}  // namespace

kiosk::WallTime read_wall_time() { return wall_time_at(std::time(nullptr), clock_synchronised()); }

kiosk::WallTime wall_time_at(std::time_t now, bool synchronised) {
    kiosk::WallTime w;
    w.synchronised = synchronised;
    w.after_sane_minimum = now >= kSaneMinimum;  // also false for time()'s -1 (EOVERFLOW)
    std::tm local{};
    localtime_r(&now, &local);
    w.weekday = (local.tm_wday + 6) % 7;  // Monday first
    w.minute = local.tm_hour * 60 + local.tm_min;
    w.second = std::min(local.tm_sec, 59);  // a leap second's 60 counts as the minute's last
    return w;
}

}  // namespace platform
