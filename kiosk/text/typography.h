// Type roles and their pixel sizes for a display. Sizes follow the 1080p design
// (title 64, headline 46, body 30, captions 22) and scale with the display, but
// never below what a visitor can read at arm's length on a small panel.
#pragma once

#include "base/geometry.h"

namespace kiosk {

enum class Face { SansRegular, SansBold, SerifRegular, SerifItalic, Count };

enum class FontRole {
    Title,      // the person's name
    LifeDates,  // 1925 – 2013
    Subtitle,
    Headline,   // the event's headline
    Body,       // the event's text
    DateLabel,  // AUGUST 1975, letter-spaced
    SmallCaps,  // DISPUTED, letter-spaced bold
    Caption,    // photograph caption, disputed note
    Small,      // credit, source, era names, year ticks
    Button,
    Count
};

struct RoleSpec {
    Face face;
    float design_px;  // at 1920×1080
    float min_px;     // floor for small panels
};

const RoleSpec& role_spec(FontRole role);

struct TypeScale {
    float scale = 1;  // design pixels → display pixels for layout
    float px[int(FontRole::Count)] = {};

    float operator[](FontRole role) const { return px[int(role)]; }
};

// `large_text`: the visitor asked for larger text (everything a quarter larger).
TypeScale type_scale_for(const Display& display, bool large_text = false);

}  // namespace kiosk
