// Virtual time for replays (`vitrine --headless --replay`, ScriptedKiosk): the
// clock jumps from one script line to the next, yet the kiosk must show at each
// what real time would have shown: the countdown run, the attract loop begun
// when its timer ran out, the PIN pad closed, the notice gone.
//
// What is equivalent to real time: the window loop ticks at every deadline the
// core asks for and at every frame while something animates. The core's state
// changes only at the timers among those deadlines (TickResult::next_timer), and
// the driver ticks at each, at its exact millisecond. The frames between (the
// attract loop's drift every 100 ms, the countdown's seconds, 60 a second while
// a scroll glides) are not ticked: every animation is a function of the time it
// is drawn at (kinetic_scroll.h, the fades, the transitions, the drift), so a
// skipped frame changes nothing a later one shows, and a shot draws its own
// moment exactly. A gap costs one tick per timer, a handful whatever its length:
// 400 days are not 345 million attract frames.
#pragma once

#include "kiosk_view.h"

#include <cstdint>

namespace platform {

// Ticks `view` at `from_ms` (where it stands), at every timer due before `to_ms`,
// and at `to_ms`. Returns how many ticks that took.
int advance_virtual_time(KioskView& view, int64_t from_ms, int64_t to_ms);

}  // namespace platform
