#include "virtual_time.h"

namespace platform {

int advance_virtual_time(KioskView& view, int64_t from_ms, int64_t to_ms) {
    int ticks = 0;
    int64_t now = from_ms;
    // Each timer lies after the tick that named it, so time only moves on.
    for (;;) {
        const kiosk::TickResult r = view.tick(now);
        ++ticks;
        if (!r.next_timer || *r.next_timer >= to_ms) break;
        now = *r.next_timer;
    }
    if (now < to_ms) {
        view.tick(to_ms);
        ++ticks;
    }
    return ticks;
}

}  // namespace platform
