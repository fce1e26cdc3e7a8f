// Type roles and their pixel sizes for a display. Sizes follow the 1080p design
// (title 64, headline 46, body 30, captions 22) and scale with the display, but
// never below what a visitor can read at arm's length on a small panel: every
// role's capitals stand at least 2.5 mm tall on the panel's glass.
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

// The smallest capital a visitor is given to read, on the glass.
constexpr float kMinCapHeightMm = 2.5f;
// Body text's capital at the visitor's extra-large size: 0.7° of sight at 600 mm,
// what low-vision guidance asks of text read at arm's length.
constexpr float kExtraLargeCapHeightMm = 7.3f;

// The text size a visitor chose in the settings panel.
enum class TextSize { Standard, Large, ExtraLarge, Count };

// How tall a capital 'H' stands in each face, as a fraction of the pixel size
// fonts are baked at (Dear ImGui's size: ascender to descender). The defaults are
// Noto's; text/fonts.h measures the installed files.
struct CapHeights {
    float of_size[int(Face::Count)] = {0.5242f, 0.5242f, 0.5242f, 0.5242f};

    float operator[](Face face) const { return of_size[int(face)]; }
};

struct TypeScale {
    float scale = 1;  // design pixels → display pixels for layout
    float px[int(FontRole::Count)] = {};

    float operator[](FontRole role) const { return px[int(role)]; }
};

// `size`: Large makes everything a quarter larger. ExtraLarge sets body text with
// its capital kExtraLargeCapHeightMm tall on the panel (and always a step above
// Large), the event's headline a little larger; the other roles (title band,
// timeline labels, captions, buttons) stay at Large. `caps`: the faces'
// capitals, for the floors on the panel.
TypeScale type_scale_for(const Display& display, TextSize size = TextSize::Standard,
                         const CapHeights& caps = CapHeights{});

// A role's capital height on the glass, in millimetres.
float cap_height_mm(const TypeScale& scale, FontRole role, const Display& display,
                    const CapHeights& caps = CapHeights{});

}  // namespace kiosk
