// Each screen's touch handling: a recognised gesture changes the visitor's state.
// One file per screen (explore_input.cpp, photo_input.cpp, voices_input.cpp,
// about_input.cpp, content_note_input.cpp, scroll_input.cpp, settings_input.cpp, pin_input.cpp, top_bar_input.cpp);
// update() in exhibit_state.cpp sends each gesture to the one on screen.
// Each handler returns true when the gesture changed what is on screen.
#pragma once

#include "input/gestures.h"
#include "layout/ui_context.h"
#include "state/exhibit_state.h"

#include <cstdint>

namespace kiosk {

// A drag scrolling a column of text under the finger, with momentum on release;
// true if the gesture moved it.
bool vertical_scroll_gesture(KineticScroll& scroll, bool& dragging, const Gesture& g);
// A tap on a full screen's back (or close) button or its "Aa"; true if it was one.
bool top_bar_tap(ExhibitState& s, const TopBar& bar, const Gesture& g, const Ui& ui);
bool explore_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// The strip (strip_input.cpp). Scrolls, and zooms in if need be, so the selected
// event has a marker of its own in view.
void reveal_selected(ExhibitState& s, const Ui& ui, int64_t now_ms);
// A tap on the strip: "Zoom out", a marker or a cluster; true if it was one.
bool strip_tap(ExhibitState& s, const Gesture& g, const Ui& ui);
// A two-finger pinch that started on the strip zooms it; true if it was one.
bool strip_pinch(ExhibitState& s, const Gesture& g, const Ui& ui);
bool photo_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// Advances an animated double-tap zoom; true while it runs.
bool step_photo_zoom(ExhibitState& s, const Ui& ui, int64_t now_ms);
bool voices_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
bool about_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// The content note's card: a tap anywhere puts it away; a drag scrolls a long note.
bool content_note_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
bool settings_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
bool pin_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// Sends a gesture to whatever is in front (an overlay, else the screen), as a
// finger's would go; true if it changed what is on screen.
bool dispatch_gesture(ExhibitState& s, const Gesture& g, const Ui& ui);
// A key of the tactile keypad (key_input.cpp).
bool key_input(ExhibitState& s, const InputEvent& e, const Ui& ui);
// After any change: the focus moves to what a new view is about and, with speech
// on, the kiosk says it; speech turned off stops.
void follow_focus(ExhibitState& s, const Ui& ui, int64_t now_ms);

}  // namespace kiosk
