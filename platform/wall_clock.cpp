#include "wall_clock.h"

#include <ctime>
#include <sys/timex.h>

namespace platform {

namespace {
constexpr std::time_t kSaneMinimum = 1767225600;  // 2026-01-01 00:00 UTC: older than this build
}

kiosk::WallTime read_wall_time() {
    kiosk::WallTime w;
    const std::time_t now = std::time(nullptr);
    timex tx{};
    const bool synchronised = ntp_adjtime(&tx) != TIME_ERROR;
    w.trustworthy = synchronised && now >= kSaneMinimum;
    std::tm local{};
    localtime_r(&now, &local);
    w.weekday = (local.tm_wday + 6) % 7;  // Monday first
    w.minute = local.tm_hour * 60 + local.tm_min;
    return w;
}

}  // namespace platform
