// The timeline strip's zoom: a tap on a marker selects its event, a tap on a
// cluster zooms in until its events part (or opens its list when no zoom parts
// them in one view), two fingers pinch the strip about their centre, "Zoom out"
// goes back to the whole timeline, and a newly selected event is scrolled (and
// zoomed) to a marker of its own in view.
#include "state/screen_input.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// The strip's offset that shows content x `x` comfortably, from `current`.
float scroll_to_show(const TimelineAxis& axis, float x, float current, float zoom) {
    const float margin = axis.view_width() * 0.15f;
    if (x - current >= margin && x - current <= axis.view_width() - margin) return current;
    return std::clamp(x - axis.view_width() / 2, 0.f, axis.max_scroll(zoom));
}

// The marker or cluster under a tap, or -1.
int marker_under(const ExploreLayout& l, const StripMarkers& m, float x, float y, float scroll) {
    if (std::abs(y - l.axis.y) > l.target * 0.75f) return -1;
    int best = -1;
    float best_d = l.target / 2;
    for (size_t i = 0; i < m.clusters.size(); ++i) {
        const float d = std::abs(l.axis.screen_x(m.clusters[i].x, scroll) - x);
        if (d <= best_d) {
            best_d = d;
            best = int(i);
        }
    }
    return best;
}

// Zooms the strip to `zoom` at once and scrolls it to `scroll` (clamped).
void set_strip_view(ExhibitState& s, const Ui& ui, float zoom, float scroll) {
    const TimelineAxis& axis = ui.layouts.explore.axis;
    s.strip_zoom = axis.clamp_zoom(zoom);
    s.strip.stop();
    s.strip.set_range(0, axis.max_scroll(s.strip_zoom));
    s.strip.jump_to(scroll);
    s.open_cluster = -1;
}

}  // namespace

void reveal_selected(ExhibitState& s, const Ui& ui, int64_t now_ms) {
    const ExploreLayout& l = ui.layouts.explore;
    const int index = s.selected_event;
    if (index < 0 || size_t(index) >= l.event_year.size()) return;
    // Merged into a cluster at this zoom: zoom in until it has a marker of its own.
    float zoom = s.strip_zoom;
    StripMarkers m = strip_markers(l, zoom);
    if (m.clusters[size_t(m.cluster_of[size_t(index)])].count > 1) {
        zoom = zoom_to_single(l.axis, l.event_year, l.target, index, zoom);
        m = strip_markers(l, zoom);
    }
    const float x = m.clusters[size_t(m.cluster_of[size_t(index)])].x;
    if (zoom != s.strip_zoom) {
        set_strip_view(s, ui, zoom, std::clamp(x - l.axis.view_width() / 2, 0.f, l.axis.max_scroll(zoom)));
        return;
    }
    const float target = scroll_to_show(l.axis, x, s.strip.offset(), zoom);
    if (std::abs(target - s.strip.offset()) > 0.5f)
        s.strip.animate_to(target, now_ms, reduced_motion(ui.pack) ? 0 : 300);
}

bool strip_tap(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const ExploreLayout& l = ui.layouts.explore;
    const int64_t now = g.time_ms;
    if (s.strip_zoom > 1 && l.zoom_out_hit.contains(g.x, g.y)) {
        // Back to the whole timeline, the selected event still in view.
        set_strip_view(s, ui, 1, 0);
        if (s.selected_event < 0 || size_t(s.selected_event) >= l.cluster_of.size()) return true;
        const float x = l.clusters[size_t(l.cluster_of[size_t(s.selected_event)])].x;
        s.strip.jump_to(scroll_to_show(l.axis, x, 0, 1));
        return true;
    }
    const StripMarkers m = strip_markers(l, s.strip_zoom);
    const int cluster = marker_under(l, m, g.x, g.y, s.strip.offset());
    if (cluster < 0) return false;
    const MarkerCluster& cl = m.clusters[size_t(cluster)];
    if (cl.count == 1) {
        select_event(s, cl.first, ui, now);
        return true;
    }
    // Zoom in so its events part, centred in view; when no zoom parts them in one
    // view (the same day, or too many too far apart), its list.
    if (const std::optional<float> zoom = zoom_to_separate(l.axis, l.event_year, l.target, cl, s.strip_zoom)) {
        const double middle = (l.event_year[size_t(cl.first)] + l.event_year[size_t(cl.first + cl.count - 1)]) / 2;
        set_strip_view(s, ui, *zoom, l.axis.content_x(middle, *zoom) - l.axis.view_width() / 2);
        return true;
    }
    s.open_cluster = cluster;
    const ClusterList list = cluster_list_layout(l, ui.fonts, cl, s.strip.offset());
    s.cluster_list.set_range(0, list.max_scroll());
    s.cluster_list.jump_to(0);
    s.dragging_cluster_list = false;
    return true;
}

bool strip_pinch(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const ExploreLayout& l = ui.layouts.explore;
    using K = Gesture::Kind;
    if (g.kind == K::PinchStart) s.pinching_strip = l.strip_touch.contains(g.start_x, g.start_y);
    if (!s.pinching_strip) return false;
    switch (g.kind) {
        case K::PinchStart:
        case K::Pinch: {
            // The moment under the fingers' centre stays under it; the centre's
            // own movement pans the strip.
            const float zoom = l.axis.clamp_zoom(s.strip_zoom * g.scale);
            const float scroll = scroll_after_zoom(l.axis, s.strip.offset(), s.strip_zoom, zoom, g.x) - g.dx;
            set_strip_view(s, ui, zoom, scroll);
            return true;
        }
        case K::PinchEnd:
        case K::Cancel: s.pinching_strip = false; return true;
        default: return false;
    }
}

}  // namespace kiosk
