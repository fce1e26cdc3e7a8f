// Turns SDL's mouse and touch events into the core's flat input events. Mouse
// events that SDL synthesises from touches are dropped so a finger counts once.
#pragma once

#include "input.h"

#include <SDL.h>
#include <optional>

namespace platform {

std::optional<kiosk::InputEvent> to_input_event(const SDL_Event& event, int width, int height);

// Whether an event closes the program. In kiosk mode nothing a visitor can do
// does: not Escape, Alt+F4, Ctrl+Q nor the window manager's close; only a stop
// signal (from the service manager) or the staff PIN. A desktop window closes
// with its close button or Escape.
bool event_closes_program(const SDL_Event& event, bool kiosk_mode);

}  // namespace platform
