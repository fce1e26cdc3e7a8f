// One Dear ImGui frame with no windows: screens draw straight into the background
// draw list, so there is no widget chrome to hide, and the platform renders the
// resulting ImDrawData.
#pragma once

#include "base/geometry.h"

#include <functional>
#include <imgui.h>

namespace kiosk {

// A Dear ImGui context set up for the kiosk: nothing written to disk (no
// imgui.ini, no log), no cursor, no keyboard navigation.
ImGuiContext* create_imgui_context();

ImDrawData* build_frame(const Display& display, float delta_s, const std::function<void(ImDrawList&)>& draw);

}  // namespace kiosk
