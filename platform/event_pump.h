// Turns SDL's mouse and touch events into the core's flat input events. Mouse
// events that SDL synthesises from touches are dropped so a finger counts once.
#pragma once

#include "input/input.h"

#include <SDL.h>
#include <optional>

namespace platform {

// `now_ms` is the loop's own 64-bit clock (SDL_GetTicks64) when the event is read;
// the event is stamped on that clock (see loop_time_of).
std::optional<kiosk::InputEvent> to_input_event(const SDL_Event& event, int width, int height, int64_t now_ms);

// An SDL event's 32-bit millisecond timestamp on the loop's 64-bit clock. SDL's
// timestamps wrap after 2^32 ms (49.7 days); only their age is kept, which is
// right across the wrap. An age beyond a minute (a timestamp from some other
// clock, or from the future) counts as now.
int64_t loop_time_of(uint32_t sdl_timestamp, int64_t now_ms);

// Whether an event closes the program. In kiosk mode nothing a visitor can do
// does: not Escape, Alt+F4, Ctrl+Q nor the window manager's close; only a stop
// signal (from the service manager) or the staff PIN. A desktop window closes
// with its close button or Escape.
bool event_closes_program(const SDL_Event& event, bool kiosk_mode);

}  // namespace platform
