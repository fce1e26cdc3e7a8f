#include "exhibit_state.h"

#include <cmath>

namespace kiosk {

ExhibitState initial_state(const Pack&, const ExploreLayout& layout) {
    ExhibitState s;
    // A tap is a touch that stays within 3 mm: enough for an unsteady finger.
    s.taps = TapDetector(3.f * layout.px_per_mm);
    return s;
}

ExploreHit hit_test_explore(const ExploreLayout& layout, float x, float y) {
    ExploreHit hit;
    for (int b = 0; b < int(Button::Count); ++b) {
        if (layout.button_hit[b].contains(x, y)) {
            hit.kind = ExploreHit::Kind::Button;
            hit.button = Button(b);
            return hit;
        }
    }
    // The nearest marker within reach of a fingertip wins, so crowded markers can
    // still each be picked by aiming at them.
    float best = layout.marker_hit_radius;
    for (size_t i = 0; i < layout.marker_x.size(); ++i) {
        const float d = std::hypot(x - layout.marker_x[i], y - layout.axis.y);
        if (d <= best) {
            best = d;
            hit.kind = ExploreHit::Kind::Marker;
            hit.marker = int(i);
        }
    }
    return hit;
}

bool update(ExhibitState& state, const InputEvent& event, const Pack& pack, const ExploreLayout& layout) {
    const auto tap = state.taps.feed(event);
    if (!tap) return false;
    const ExploreHit hit = hit_test_explore(layout, tap->x, tap->y);
    const int count = int(pack.events.size());
    const int before = state.selected_event;
    if (hit.kind == ExploreHit::Kind::Marker) {
        state.selected_event = hit.marker;
    } else if (hit.kind == ExploreHit::Kind::Button && hit.button == Button::Prev) {
        if (state.selected_event > 0) --state.selected_event;
    } else if (hit.kind == ExploreHit::Kind::Button && hit.button == Button::Next) {
        if (state.selected_event + 1 < count) ++state.selected_event;
    }
    return state.selected_event != before;
}

}  // namespace kiosk
