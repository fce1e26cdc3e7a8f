// What the kiosk shows when its pack cannot be loaded: a calm screen for visitors
// and, in small type, what staff need to fix it. Never a crash, never a blank.
#pragma once

#include "base/geometry.h"
#include "text/fonts.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk {

// `staff_label` heads the details (default: the pack could not be loaded).
void draw_unavailable(ImDrawList& dl, const Display& display, const Fonts& fonts,
                      const std::vector<std::string>& staff_details, const std::string& staff_label = "");

// The staff label when the display cannot hold the exhibit's screens.
extern const char* const kDisplayTooSmallLabel;

// The staff details as shown in `width` × `height` at the small size: each
// problem in at most a few lines, and when they do not all fit, a last line
// "…and N more problems; the full list is in the journal" (the kiosk writes every
// problem in full to its log). Each entry is lines joined with '\n'.
std::vector<std::string> staff_lines(const Fonts& fonts, const std::vector<std::string>& details, float width,
                                     float height);

// The interface's words in English, this screen's among them (text/interface_strings.h), for the font atlas.
std::string unavailable_screen_text();

}  // namespace kiosk
