// Turns SDL's mouse and touch events into the core's flat input events. Mouse
// events that SDL synthesises from touches are dropped so a finger counts once.
#pragma once

#include "input.h"

#include <SDL.h>
#include <optional>

namespace platform {

std::optional<kiosk::InputEvent> to_input_event(const SDL_Event& event, int width, int height);

}  // namespace platform
