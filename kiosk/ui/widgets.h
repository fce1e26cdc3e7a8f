// The exhibit's own controls, drawn with ImDrawList: no Dear ImGui widgets, no
// window chrome. Every control is drawn from its layout rectangle.
#pragma once

#include "base/geometry.h"
#include "layout/screen_layouts.h"
#include "text/fonts.h"
#include "ui/palette.h"

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
// How many page dots of `radius` fit in `width`.
int page_dots_fitting(float width, float radius);
// Page dots when they fit in `width`; otherwise "12 / 700" over a thin bar whose
// mark shows how far along the reader is.
// `khmer_digits`: the "3 / 12" label in Khmer digits (Pack::digits).
void draw_page_position(ImDrawList& dl, const Fonts& fonts, const Palette& p, float centre_x, float y, float width,
                        int count, int current, float radius, bool khmer_digits = false);

// A settings row: label on the left, a switch on the right.
void draw_switch_row(ImDrawList& dl, const Fonts& fonts, const Palette& p, const Rect& r, const std::string& label,
                     bool on);

// Covers `r` with the background at `alpha`: fades in and out of screens.
void draw_veil(ImDrawList& dl, const Palette& p, const Rect& r, float alpha);

// A panel over a dimmed screen: the settings, the countdown, the PIN pad.
void draw_modal_panel(ImDrawList& dl, const Palette& p, const Rect& screen, const Rect& panel, float dim, float unit);

// Shows that `view` scrolls: the text fades where it continues above or below,
// and a thin bar at `bar_x` shows where the reader is. Not a desktop scrollbar.
void draw_scroll_hints(ImDrawList& dl, const Palette& p, const Rect& view, float content_height, float scroll,
                       float fade, float bar_x, float unit);

}  // namespace kiosk
