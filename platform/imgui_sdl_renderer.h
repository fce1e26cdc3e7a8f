// Renders Dear ImGui's draw data with SDL_Renderer. Our own small draw path rather
// than the sdlrenderer backend from /usr/share/doc, which minimal images strip:
// the same code then draws into a window, onto a Pi's GLES and into an
// off-screen software surface for tests.
#pragma once

#include "config/panel_rotation.h"

#include <SDL.h>
#include <imgui.h>

namespace platform {

// Honours ImDrawCmd::VtxOffset (kiosk::create_imgui_context declares it), so a
// draw list may hold any number of vertices with 16-bit indices.
// `rotation` (optional) turns the upright frame onto a panel mounted turned.
void render_draw_data(SDL_Renderer* renderer, const ImDrawData* data, const kiosk::PanelRotation* rotation = nullptr);

}  // namespace platform
