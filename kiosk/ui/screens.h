// Every screen's drawing and touch handling. One file per screen:
// explore_screen.cpp, photo_screen.cpp, voices_screen.cpp, about_screen.cpp,
// attract_screen.cpp, settings_panel.cpp, pin_pad.cpp, countdown_overlay.cpp.
#pragma once

#include "state/exhibit_state.h"
#include "input/gestures.h"
#include "text/interface_strings.h"
#include "ui/palette.h"
#include "ui/screen_layouts.h"

#include <imgui.h>
#include <map>
#include <string>

namespace kiosk {

// A photograph already uploaded by the platform, by Photograph::id.
struct PhotoTexture {
    ImTextureID texture = nullptr;
    int width = 0, height = 0;
};
using PhotoTextures = std::map<std::string, PhotoTexture>;

struct DrawContext {
    ImDrawList& dl;
    const Ui& ui;
    const ExhibitState& state;
    const Palette& palette;
    const PhotoTextures& photos;
    int64_t now_ms;
};

// Each handler returns true when the gesture changed what is on screen.

// A tap on a full screen's back (or close) button or its "Aa"; true if it was one.
bool top_bar_tap(ExhibitState& s, const TopBar& bar, const Gesture& g, const Ui& ui);
void draw_explore(const DrawContext& c);
bool explore_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// The event card's scrolling text height, and the height it has to show it.
struct CardMetrics {
    float content_height = 0;
    float view_height = 0;
};
CardMetrics measure_card(const Ui& ui, const Event& event);
// Scrolls the strip so the selected event's marker is in view.
void reveal_selected(ExhibitState& s, const Ui& ui, int64_t now_ms);

void draw_photo_viewer(const DrawContext& c);
bool photo_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// The photograph's rectangle on screen at the current zoom and pan.
Rect photo_rect(const PhotoView& view, const Ui& ui, int image_w, int image_h);
void clamp_photo_pan(PhotoView& view, const Ui& ui, int image_w, int image_h);
// Advances an animated double-tap zoom; true while it runs.
bool step_photo_zoom(ExhibitState& s, const Ui& ui, int64_t now_ms);

void draw_voices(const DrawContext& c);
// A quote with its attribution inside `box`; shared by Voices and the attract loop.
// The quote's type shrinks (down to body size) so a long quote fits the box.
float quote_block_height(const Ui& ui, const Quote& q, float width, float height);
// `scroll` >= 0: the box scrolls by that much (Voices) and a quote too long for it
// stays whole; otherwise (the attract loop) such a quote is cut with "…".
void draw_quote_block(ImDrawList& dl, const Ui& ui, const Palette& p, const Quote& q, const Rect& box, float x_offset,
                      bool centred_vertically, float scroll = -1);
// How far Voices' quote box scrolls for `q` (0 when it fits).
float quote_overflow(const Ui& ui, const Quote& q);
// The words a quote block shows in a `width` × `height` box, as drawn: the quote,
// the speaker with the date, role and context, and for a disputed quote the
// "Disputed" mark and its note (cut to a few lines when the box cannot scroll).
struct QuoteBlockText {
    std::string text;
    std::string speaker;
    std::string details;
    std::string disputed_mark;  // empty for an undisputed quote
    std::string disputed;
};
QuoteBlockText quote_block_text(const Ui& ui, const Quote& q, float width, float height, bool scrolls);
// The quote the attract loop shows `ms` into the loop; null without quotes.
const Quote* attract_quote_at(const Pack& pack, int64_t ms);
bool voices_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);

void draw_about(const DrawContext& c);
bool about_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
float about_content_height(const Ui& ui);

void draw_attract(const DrawContext& c);

void draw_settings_panel(const DrawContext& c);
bool settings_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);

void draw_pin_pad(const DrawContext& c);
bool pin_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);

void draw_countdown(const DrawContext& c);

// The whole frame: the current screen, transitions and overlays.
void draw_exhibit(const DrawContext& c);

// The pack's languages by their own names, as the settings panel lists them, each followed by a space.
std::string language_names(const Pack& pack);

// The interface's own words in the pack's languages (text/interface_strings.h)
// and the names of those languages: with the pack's text, the font atlas's characters.
std::string interface_text(const Pack& pack);

}  // namespace kiosk
