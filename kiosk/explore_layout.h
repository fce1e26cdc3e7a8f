// Where everything on Explore goes, for one display. Landscape puts the photograph
// beside the event card; portrait stacks photograph, card and controls, with the
// controls in the lower two thirds where a seated visitor can reach them.
// Computed once per display and font set, not per frame.
#pragma once

#include "fonts.h"
#include "geometry.h"
#include "pack.h"

#include <vector>

namespace kiosk {

enum class Button { Voices, About, Settings, Prev, Next, Count };

struct TimelineAxis {
    float left = 0, right = 0;   // pixels of the first and last year
    float y = 0;                 // the axis line
    double first_year = 0, last_year = 0;
    int tick_step = 10;          // years between labelled ticks

    float x_of(double year) const {
        return left + float((year - first_year) / (last_year - first_year)) * (right - left);
    }
};

struct ExploreLayout {
    Display display;
    float unit = 1;          // design pixels → display pixels
    float px_per_mm = 1;
    bool portrait = false;

    Rect title_band;         // name, life dates, subtitle
    Rect photo_frame;        // the photograph with its frame
    Rect caption;            // caption and credit under the photograph
    Rect card;               // the selected event
    Rect strip;              // the timeline strip
    Rect era_band;           // the row of era bands
    TimelineAxis axis;
    std::vector<float> marker_x;  // one per event, in pack order
    float marker_radius = 10;
    float selected_radius = 16;
    float marker_hit_radius = 20; // at least 7.5 mm: a 15 mm target

    Rect button[int(Button::Count)];      // as drawn
    Rect button_hit[int(Button::Count)];  // grown to 15 mm where drawn smaller

    float divider_top = 0;   // hairline under the title band
    float divider_strip = 0; // hairline above the strip
};

ExploreLayout layout_explore(const Display& display, const Fonts& fonts, const Pack& pack);

// The frame's width around a photograph.
float photo_border(float unit);

// The smallest comfortable touch target, 15 mm, in display pixels.
float touch_target_px(const Display& display);

}  // namespace kiosk
