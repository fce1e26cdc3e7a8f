// Reaching events on the timeline strip as a visitor does, for the tests: drag
// the strip until the marker or cluster is in view, tap it, tap again when the
// tap zoomed in, and tap the row when it opened a cluster's list.
#pragma once

#include "exhibit_fixture.h"
#include "layout/explore_layout.h"

#include <algorithm>
#include <cmath>

// Where event `index` shows on the strip now: its own marker or its cluster.
inline const kiosk::MarkerCluster& shown_at(const kiosk::StripMarkers& m, int index) {
    return m.clusters[size_t(m.cluster_of[size_t(index)])];
}

// Drags the strip until content x `x` is in view; returns its screen x.
inline float drag_into_view(ExhibitFixture& f, float x) {
    const auto& l = f.explore();
    float at = l.axis.screen_x(x, f.state.strip.offset());
    for (int i = 0; i < 20 && (at < l.axis.view_left + 10 || at > l.axis.view_right - 10); ++i) {
        const float dx = std::clamp((l.axis.view_left + l.axis.view_right) / 2 - at, -l.axis.view_width() * 0.8f,
                                    l.axis.view_width() * 0.8f);
        f.replay(f.drag(l.strip_touch.x + l.strip_touch.w / 2 - dx / 2, l.axis.y, dx, 0, 400, 100, true));
        f.advance_to(f.now + 1500);
        at = l.axis.screen_x(x, f.state.strip.offset());
    }
    return at;
}

// Taps whatever shows event `index` until it is selected. Returns the taps it took.
inline int reach_event(ExhibitFixture& f, int index) {
    const auto& l = f.explore();
    int taps = 0;
    while (taps < 4) {
        const kiosk::StripMarkers m = kiosk::strip_markers(l, f.state.strip_zoom);
        const kiosk::MarkerCluster& c = shown_at(m, index);
        f.replay(f.tap(drag_into_view(f, c.x), l.axis.y, 100));
        ++taps;
        if (f.state.open_cluster >= 0) break;
        if (c.count == 1) return taps;
    }
    REQUIRE(f.state.open_cluster >= 0);
    const kiosk::StripMarkers m = kiosk::strip_markers(l, f.state.strip_zoom);
    const kiosk::MarkerCluster& c = m.clusters[size_t(f.state.open_cluster)];
    REQUIRE(index >= c.first);
    REQUIRE(index < c.first + c.count);
    auto list = kiosk::cluster_list_layout(l, f.fonts, c, f.state.strip.offset());
    // A list longer than its panel scrolls: a drag (not a tap) brings the row into view.
    const kiosk::Rect row = list.rows[size_t(index - c.first)];
    if (row.y < list.view.y || row.bottom() > list.view.bottom()) {
        const float dy = row.bottom() > list.view.bottom() ? list.view.bottom() - row.bottom() : list.view.y - row.y;
        f.replay(f.drag(list.view.x + list.view.w / 2, list.view.y + list.view.h / 2, 0, dy, 400, 100, true));
        f.advance_to(f.now + 1500);
        list = kiosk::cluster_list_layout(l, f.fonts, c, f.state.strip.offset(), f.state.cluster_list.offset());
    }
    f.replay(f.tap(list.rows[size_t(index - c.first)], 400));
    CHECK(f.state.open_cluster == -1);
    return taps + 1;
}

// The selected event has a marker in view, its own unless another event sits at
// the very same moment.
inline void check_selected_shown(const ExhibitFixture& f) {
    const auto& l = f.explore();
    const int sel = f.state.selected_event;
    const kiosk::StripMarkers m = kiosk::strip_markers(l, f.state.strip_zoom);
    const kiosk::MarkerCluster& c = shown_at(m, sel);
    const float x = l.axis.screen_x(c.x, f.state.strip.offset());
    INFO("selected " << sel << " at zoom " << f.state.strip_zoom);
    CHECK(x >= l.axis.view_left - 1);
    CHECK(x <= l.axis.view_right + 1);
    bool shares = false;
    for (int i = c.first; i < c.first + c.count; ++i)
        shares |= i != sel && std::abs(l.event_year[size_t(i)] - l.event_year[size_t(sel)]) < 0.5 / 366;
    if (!shares) CHECK(c.count == 1);
}
