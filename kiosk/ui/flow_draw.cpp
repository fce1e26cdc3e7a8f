#include "ui/flow_draw.h"

#include "ui/draw_helpers.h"
#include "ui/widgets.h"

namespace kiosk {

uint32_t FlowDrawer::colour(Ink ink) const {
    switch (ink) {
        case Ink::Paper: return palette_.paper;
        case Ink::Muted: return palette_.muted;
        case Ink::AccentText: return palette_.accent_text;
        case Ink::Accent: return palette_.accent;
    }
    return palette_.paper;
}

float FlowDrawer::text(FontRole role, ImVec2 pos, Ink ink, const std::string& text, float wrap_width) {
    return draw_text(dl_, fonts_, role, pos, colour(ink), text, wrap_width);
}

void FlowDrawer::spaced_caps(FontRole role, ImVec2 pos, Ink ink, const std::string& text, float spacing_em) {
    draw_spaced_caps(dl_, fonts_, role, pos, colour(ink), text, spacing_em);
}

void FlowDrawer::bar(float x0, float y0, float x1, float y1, Ink ink) {
    dl_.AddRectFilled(snap(x0, y0), snap(x1, y1), colour(ink));
}

}  // namespace kiosk
