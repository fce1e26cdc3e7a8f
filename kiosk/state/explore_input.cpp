// Explore's touch handling: the timeline strip dragged or tapped, a numbered
// cluster's list, the card scrolled or swiped to the next event, the buttons.
#include "layout/explore_measure.h"
#include "state/screen_input.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace kiosk {

namespace {

// The open cluster's list, when a gesture is its: a tap on a row in view selects
// its event and anywhere else closes the list; a drag that starts on a list that
// scrolls moves the list. Nothing when the gesture is the rest of Explore's.
std::optional<bool> cluster_list_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const ExploreLayout& l = ui.layouts.explore;
    const int64_t now = g.time_ms;
    using K = Gesture::Kind;
    const StripMarkers markers = strip_markers(l, s.strip_zoom);
    if (size_t(s.open_cluster) >= markers.clusters.size()) {
        s.open_cluster = -1;
        return std::nullopt;
    }
    const MarkerCluster& cl = markers.clusters[size_t(s.open_cluster)];
    const ClusterList list = cluster_list_layout(l, ui.fonts, cl, s.strip.offset(), s.cluster_list.offset());
    if (g.kind == K::Tap) {
        // The list is open: a row in view selects its event; anywhere else closes the list.
        if (list.view.contains(g.x, g.y))
            for (size_t i = 0; i < list.rows.size(); ++i)
                if (list.rows[i].contains(g.x, g.y)) select_event(s, cl.first + int(i), ui, now);
        s.open_cluster = -1;
        return true;
    }
    if (g.kind == K::Swipe && list.panel.contains(g.start_x, g.start_y)) return false;
    // A drag that starts on a list that scrolls moves the list under the finger.
    if (g.kind == K::DragStart && list.panel.contains(g.start_x, g.start_y) && list.max_scroll() > 0) {
        s.dragging_cluster_list = true;
        s.cluster_list.stop();
    }
    if (s.dragging_cluster_list) {
        switch (g.kind) {
            case K::DragStart:
            case K::Drag: s.cluster_list.drag_by(-g.dy, now); return true;
            case K::DragEnd:
            case K::Cancel:
                s.cluster_list.release(g.kind == K::DragEnd ? -g.vy : 0, now);
                s.dragging_cluster_list = false;
                return true;
            default: return false;
        }
    }
    return std::nullopt;
}

// A tap on Explore: its buttons, the photograph, then the strip (strip_input.cpp).
bool explore_tap(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const ExploreLayout& l = ui.layouts.explore;
    const int64_t now = g.time_ms;
    for (int b = 0; b < int(Button::Count); ++b) {
        if (!l.button_hit[b].contains(g.x, g.y)) continue;
        switch (Button(b)) {
            case Button::Voices:
                go_to_screen(s, Screen::Voices, now);
                if (!ui.pack.quotes.empty() && s.stats.in_session)
                    s.stats.add(StatEvent::Kind::QuoteRead, ui.pack.quotes[size_t(s.quote)].id);
                break;
            case Button::About: go_to_screen(s, Screen::About, now); break;
            case Button::Settings: s.settings_open = true; break;
            case Button::Prev: select_event(s, s.selected_event - 1, ui, now); break;
            case Button::Next: select_event(s, s.selected_event + 1, ui, now); break;
            case Button::Count: break;
        }
        return true;
    }
    const Photograph* photo = explore_photo(s, ui);
    // A narrow portrait on a short panel is still a full fingertip to open.
    if (photo && grow_to(photo_frame_for(l, photo).frame, l.target).contains(g.x, g.y)) {
        open_photo_viewer(s, ui, now);
        return true;
    }
    return strip_tap(s, g, ui);
}

// A sideways swipe across the photograph turns to the event's next or previous
// photograph, when it has more than one.
bool photo_swipe(ExhibitState& s, const Gesture& g, const Ui& ui) {
    if (ui.pack.events.empty()) return false;
    const Event& e = ui.pack.events[size_t(std::clamp(s.selected_event, 0, int(ui.pack.events.size()) - 1))];
    const int pages = int(e.photos.size());
    if (pages < 2 || !photo_frame_for(ui.layouts.explore, explore_photo(s, ui)).frame.contains(g.start_x, g.start_y))
        return false;
    const int step = g.direction == Gesture::Direction::Left ? 1 : g.direction == Gesture::Direction::Right ? -1 : 0;
    if (step == 0) return false;
    s.photo_page = std::clamp(s.photo_page + step, 0, pages - 1);
    return true;
}

}  // namespace

bool explore_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    const ExploreLayout& l = ui.layouts.explore;
    const int64_t now = g.time_ms;
    using K = Gesture::Kind;

    const std::optional<bool> on_list = s.open_cluster >= 0 ? cluster_list_gesture(s, g, ui) : std::nullopt;
    if (on_list) return *on_list;
    if (strip_pinch(s, g, ui)) return true;

    switch (g.kind) {
        case K::DragStart:
            s.dragging_strip = l.strip_touch.contains(g.start_x, g.start_y) && l.axis.max_scroll(s.strip_zoom) > 0;
            s.dragging_card = !s.dragging_strip && l.card.contains(g.start_x, g.start_y);
            if (s.dragging_strip) s.strip.stop();
            if (s.dragging_card) s.card.stop();
            [[fallthrough]];
        case K::Drag:
            if (s.dragging_strip)
                s.strip.drag_by(-g.dx, now);
            else if (s.dragging_card && std::abs(g.dy) >= std::abs(g.dx) * 0.5f)
                s.card.drag_by(-g.dy, now);
            else
                return false;
            s.open_cluster = -1;
            return true;
        case K::DragEnd:
            if (s.dragging_strip) s.strip.release(-g.vx, now);
            if (s.dragging_card) s.card.release(-g.vy, now);
            s.dragging_strip = s.dragging_card = false;
            return true;
        case K::Cancel:
            s.dragging_strip = s.dragging_card = false;
            s.strip.release(0, now);
            s.card.release(0, now);
            return true;
        case K::Swipe:
            if (photo_swipe(s, g, ui)) return true;
            // A sideways swipe across the card turns to the next or previous event.
            if (!l.card.contains(g.start_x, g.start_y)) return false;
            if (g.direction == Gesture::Direction::Left)
                select_event(s, s.selected_event + 1, ui, now);
            else if (g.direction == Gesture::Direction::Right)
                select_event(s, s.selected_event - 1, ui, now);
            else
                return false;
            return true;
        case K::Tap: return explore_tap(s, g, ui);
        default: return false;
    }
}

}  // namespace kiosk
