// What the kiosk shows when its pack cannot be loaded: a calm screen for visitors
// and, in small type, what staff need to fix it. Never a crash, never a blank.
#pragma once

#include "fonts.h"
#include "geometry.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk {

void draw_unavailable(ImDrawList& dl, const Display& display, const Fonts& fonts,
                      const std::vector<std::string>& staff_details);

// The interface text of this screen, for the font atlas.
std::string unavailable_screen_text();

}  // namespace kiosk
