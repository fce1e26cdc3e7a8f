// Draws a text flow laid out in layout/ (the event card, the About column, a
// quote's "Disputed" note) into a draw list, in the palette's colours.
#pragma once

#include "layout/flow_painter.h"
#include "ui/palette.h"

#include <imgui.h>

namespace kiosk {

class FlowDrawer final : public FlowPainter {
public:
    FlowDrawer(ImDrawList& dl, const Fonts& fonts, const Palette& palette)
            : dl_(dl), fonts_(fonts), palette_(palette) {}
    float text(FontRole role, ImVec2 pos, Ink ink, const std::string& text, float wrap_width = 0) override;
    void spaced_caps(FontRole role, ImVec2 pos, Ink ink, const std::string& text, float spacing_em) override;
    void bar(float x0, float y0, float x1, float y1, Ink ink) override;

private:
    uint32_t colour(Ink ink) const;

    ImDrawList& dl_;
    const Fonts& fonts_;
    const Palette& palette_;
};

}  // namespace kiosk
