// The layouts of every screen for one display and font set, computed together
// when the display or the visitor's text size changes, never per frame.
#pragma once

#include "layout/explore_layout.h"

#include <string>
#include <vector>

namespace kiosk {

// The two buttons every full screen shares: back (or close) and the visitor
// settings, "Aa", one tap away everywhere.
struct TopBar {
    Rect back;
    Rect settings;
};

struct PhotoLayout {
    TopBar bar;         // bar.back is the large close button
    Rect image_area;    // where the photograph fits at 1×
    Rect caption_band;  // the caption overlay at the bottom
};

struct VoicesLayout {
    TopBar bar;
    Rect quote_box;   // the quote and its attribution
    Rect prev, next;  // arrows either side (portrait: under the quote)
    // The row under the quote for "Show original" / "Show translation", when a
    // quote of the pack has a translation (empty otherwise); the button is as
    // wide as its label (original_toggle in quote_measure.h).
    Rect original_row;
    float dots_y = 0;  // centre line of the page dots
};

struct AboutLayout {
    TopBar bar;
    Rect column;  // the scrolling text column
};

struct SettingsLayout {
    Rect panel;
    // The text size row: its label at the left, then one button for each size
    // (Standard, Large, Extra large), each a full touch target.
    Rect text_size;
    Rect text_sizes[int(TextSize::Count)];
    Rect high_contrast;
    Rect speech;                  // speech on or off
    std::vector<Rect> languages;  // one per pack language, when there are several
    Rect close;
    // The body size the panel's rows are set in: the visitor's, unless the
    // display has no room for the panel at it (extra-large text on a small
    // panel), then the largest that fits. The other roles scale with it.
    float text_px = 0;
};

// A switch row's switch: as tall as suits its row and text, at the row's right.
Rect switch_in_row(const Rect& row, float body_px);
// The room a switch row leaves its label, left of the switch.
float switch_label_width(const Rect& row, float body_px);

struct PinLayout {
    Rect panel;
    Rect display;   // the dots of the digits entered
    Rect keys[12];  // 1–9, then Clear, 0, OK
};

struct ScreenLayouts {
    Display display;
    float unit = 1;
    float target = 1;  // 15 mm in pixels
    bool portrait = false;
    ReachBand reach;  // where the controls go: the whole height but on a tall portrait panel
    ExploreLayout explore;
    PhotoLayout photo;
    VoicesLayout voices;
    AboutLayout about;
    SettingsLayout settings;
    PinLayout pin;
    Rect countdown;  // the "still there?" card
};

ScreenLayouts layout_screens(const Display& display, const Fonts& fonts, const Pack& pack);

// Every rectangle a visitor can touch, for the 15 mm checks.
std::vector<Rect> touch_targets(const ScreenLayouts& layouts);

// The touch targets that lie outside the reach band, one line each ("Settings:
// close is out of reach"); empty when every control is within it, as it is on
// any panel whose band is not limited.
std::vector<std::string> out_of_reach(const ScreenLayouts& layouts);

// One part of a screen: a button, the card, the quote's box.
struct Region {
    std::string screen;
    std::string name;
    Rect rect;
};
// The parts of every screen that must neither overlap one another nor leave
// the display.
std::vector<Region> screen_regions(const ScreenLayouts& layouts);
// What does not fit, one line each ("Voices: the quote overlaps next"); empty
// when every screen fits the display. A display too small (or too small
// physically for 15 mm targets) gives problems rather than a broken screen.
std::vector<std::string> layout_problems(const ScreenLayouts& layouts);

}  // namespace kiosk
