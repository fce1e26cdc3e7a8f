// Every screen's drawing. One file per screen: explore_screen.cpp,
// photo_screen.cpp, voices_screen.cpp, about_screen.cpp, attract_screen.cpp,
// settings_panel.cpp, pin_pad.cpp, countdown_overlay.cpp, content_note_card.cpp. Their touch handling is
// in state/ (state/screen_input.h); what they measure is in layout/.
#pragma once

#include "layout/about_measure.h"
#include "layout/explore_measure.h"
#include "layout/photo_view.h"
#include "layout/quote_measure.h"
#include "layout/screen_layouts.h"
#include "state/exhibit_state.h"
#include "text/interface_strings.h"
#include "ui/flow_draw.h"
#include "ui/palette.h"
#include "ui/photo_textures.h"

#include <imgui.h>
#include <map>
#include <string>

namespace kiosk {

struct DrawContext {
    ImDrawList& dl;
    const Ui& ui;
    const ExhibitState& state;
    const Palette& palette;
    const PhotoTextures& photos;
    int64_t now_ms;
};

void draw_explore(const DrawContext& c);

void draw_photo_viewer(const DrawContext& c);

void draw_voices(const DrawContext& c);
// A quote with its attribution inside `box`; shared by Voices and the attract loop.
// `scroll` >= 0: the box scrolls by that much (Voices) and a quote too long for it
// stays whole; otherwise (the attract loop) such a quote is cut with "…".
// `original`: the quote as spoken or written, not in the visitor's language.
void draw_quote_block(ImDrawList& dl, const Ui& ui, const Palette& p, const Quote& q, const Rect& box, float x_offset,
                      bool centred_vertically, float scroll = -1, bool original = false);

void draw_about(const DrawContext& c);

void draw_attract(const DrawContext& c);

// The content note's card over Explore at the start of a visit.
void draw_content_note(const DrawContext& c);

void draw_settings_panel(const DrawContext& c);

void draw_pin_pad(const DrawContext& c);

void draw_countdown(const DrawContext& c);
// The keypad's focus ring, speech's captions and its notices (access_overlay.cpp).
void draw_access(const DrawContext& c);

// The whole frame: the current screen, transitions and overlays.
void draw_exhibit(const DrawContext& c);

// The pack's languages by their own names, as the settings panel lists them, each followed by a space.
std::string language_names(const Pack& pack);

// The interface's own words in the pack's languages (text/interface_strings.h)
// and the names of those languages: with the pack's text, the font atlas's characters.
std::string interface_text(const Pack& pack);

}  // namespace kiosk
