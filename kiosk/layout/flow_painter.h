// A flow of text (the event card, the About column, a quote's "Disputed" note) is
// laid out by one walk in layout/, which measures it. Given a painter, the same
// walk draws each part where it puts it, so measuring and drawing cannot disagree;
// the painter that draws lives in ui/ (ui/flow_draw.h).
#pragma once

#include "text/fonts.h"

#include <imgui.h>
#include <string>

namespace kiosk {

// Which of the palette's colours a part is drawn in.
enum class Ink { Paper, Muted, AccentText, Accent };

class FlowPainter {
public:
    virtual ~FlowPainter() = default;
    // Wrapped text at whole pixels; returns its height (text_height's).
    virtual float text(FontRole role, ImVec2 pos, Ink ink, const std::string& text, float wrap_width = 0) = 0;
    // A small label in spaced capitals (draw_spaced_caps).
    virtual void spaced_caps(FontRole role, ImVec2 pos, Ink ink, const std::string& text, float spacing_em) = 0;
    // A filled bar from (x0, y0) to (x1, y1), at whole pixels.
    virtual void bar(float x0, float y0, float x1, float y1, Ink ink) = 0;
};

}  // namespace kiosk
