// The exhibit's own controls, drawn with ImDrawList: no Dear ImGui widgets, no
// window chrome. Every control is drawn from its layout rectangle.
#pragma once

#include "fonts.h"
#include "geometry.h"
#include "palette.h"

#include <imgui.h>
#include <string>

namespace kiosk {

enum class Icon { Close, Left, Right, Back };

ImVec2 snap(float x, float y);

// A round-ended outlined button with a centred label ("Voices", "About", "Aa").
void draw_pill_button(ImDrawList& dl, const Fonts& fonts, const Palette& p, const Rect& r, const std::string& label,
                      bool active = false);

// A round button with a drawn icon (strokes stay crisp at every size, unlike glyphs).
void draw_icon_button(ImDrawList& dl, const Palette& p, const Rect& r, Icon icon, bool enabled = true,
                      const std::string& label = "", const Fonts* fonts = nullptr);

void draw_page_dots(ImDrawList& dl, const Palette& p, float centre_x, float y, int count, int current, float radius);

// A settings row: label on the left, a switch on the right.
void draw_switch_row(ImDrawList& dl, const Fonts& fonts, const Palette& p, const Rect& r, const std::string& label,
                     bool on);

// Covers `r` with the background at `alpha`: fades in and out of screens.
void draw_veil(ImDrawList& dl, const Palette& p, const Rect& r, float alpha);

}  // namespace kiosk
