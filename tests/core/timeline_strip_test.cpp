// The timeline strip for any span: dense, sparse and mixed timelines at every
// size, zoomed by taps, pinches and prev/next, with ticks and markers that never
// crowd. The packs are the bundled one with its events replaced in memory.
#include "exhibit_fixture.h"
#include "strip_packs.h"
#include "strip_reach.h"

#include <cmath>
#include <sstream>

namespace {

const std::pair<int, int> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1920}};

struct Timeline {
    const char* name;
    std::vector<std::string> (*dates)();
};
const Timeline kTimelines[] = {{"dense year", dense_year},
                               {"dense years", dense_years},
                               {"sparse", sparse},
                               {"mixed", mixed},
                               {"deep time", deep_time}};

// The zooms a visitor can reach: the whole timeline, some between, all the way in.
std::vector<float> some_zooms(const kiosk::TimelineAxis& axis) {
    std::vector<float> zooms;
    for (float z = 1; z < axis.max_zoom; z *= 2.7f) zooms.push_back(z);
    zooms.push_back(axis.max_zoom);
    return zooms;
}

}  // namespace

TEST_CASE("every event of a dense, sparse, mixed or deep-time timeline is two taps away, at every size", "[strip]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const Timeline timeline = GENERATE(from_range(std::begin(kTimelines), std::end(kTimelines)));
    INFO(timeline.name << " at " << size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second, events_on(timeline.dates()));
    for (int i = int(f.pack().events.size()) - 1; i >= 0; --i) {
        INFO("event " << i);
        f.start_at(f.now + 1000);  // from the initial state each time
        CHECK(reach_event(f, i) <= 2);
        CHECK(f.state.selected_event == i);
    }
}

TEST_CASE("prev and next keep the selected event's own marker in view across the whole timeline", "[strip]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const Timeline timeline = GENERATE(from_range(std::begin(kTimelines), std::end(kTimelines)));
    INFO(timeline.name << " at " << size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second, events_on(timeline.dates()));
    const auto& l = f.explore();
    const int events = int(f.pack().events.size());
    for (int i = 1; i < events; ++i) {
        f.replay(f.tap(l.button[int(kiosk::Button::Next)], 300));
        f.advance_to(f.now + 600);
        REQUIRE(f.state.selected_event == i);
        check_selected_shown(f);
    }
    for (int i = events - 2; i >= 0; --i) {
        f.replay(f.tap(l.button[int(kiosk::Button::Prev)], 300));
        f.advance_to(f.now + 600);
        REQUIRE(f.state.selected_event == i);
        check_selected_shown(f);
    }
}

TEST_CASE("tick labels never overlap and markers stand a fingertip apart or cluster, at every zoom", "[strip]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const Timeline timeline = GENERATE(from_range(std::begin(kTimelines), std::end(kTimelines)));
    INFO(timeline.name << " at " << size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second, events_on(timeline.dates()));
    const auto& l = f.explore();
    const auto& axis = l.axis;
    // Zoomed all the way in, a day is wider than a fingertip.
    CHECK(axis.px_per_year(axis.max_zoom) / 366 >= l.target);
    for (const float zoom : some_zooms(axis)) {
        INFO("zoom " << zoom);
        const kiosk::StripMarkers m = kiosk::strip_markers(l, zoom);
        for (size_t k = 1; k < m.clusters.size(); ++k) CHECK(m.clusters[k].x - m.clusters[k - 1].x >= l.target - 0.5f);
        for (float scroll = 0; scroll <= axis.max_scroll(zoom); scroll += std::max(axis.view_width(), 1.f) * 7.3f) {
            const auto ticks = kiosk::strip_ticks(axis, f.fonts, kiosk::FontRole::Small, zoom, scroll, "en");
            INFO("scroll " << scroll << ", years " << axis.year_at(scroll, zoom) << " to "
                           << axis.year_at(scroll + axis.view_width(), zoom));
            int in_view = 0;
            for (size_t k = 0; k < ticks.size(); ++k) {
                const float x = axis.screen_x(ticks[k].x, scroll);
                in_view += x >= axis.view_left && x <= axis.view_right;
                if (k > 0) CHECK(ticks[k].x - ticks[k].label_width / 2 > ticks[k - 1].x + ticks[k - 1].label_width / 2);
            }
            // A long enough stretch in view has a label to read it by.
            if (axis.view_width() / axis.px_per_year(zoom) > 1.2) CHECK(in_view > 0);
        }
    }
}

TEST_CASE("zoomed in, the ticks name months and then days", "[strip]") {
    ExhibitFixture f(1920, 1080, events_on(dense_year()));
    const auto& axis = f.explore().axis;
    auto labels = [&](float zoom) {
        std::string all;
        for (const auto& t : kiosk::strip_ticks(axis, f.fonts, kiosk::FontRole::Small, zoom, 0, "en"))
            all += t.label + " ";
        return all;
    };
    INFO(labels(1));
    INFO(labels(axis.max_zoom));
    // The whole year: the year, then months.
    CHECK(labels(1).rfind("1975 Feb Mar Apr", 0) == 0);
    // All the way in: days of January.
    CHECK(labels(axis.max_zoom).find("1975 3 Jan 5 Jan") != std::string::npos);
}

TEST_CASE("a tap on a cluster zooms its events apart; same-day events open the list", "[strip]") {
    ExhibitFixture f(800, 480, events_on(dense_year()));
    const auto& l = f.explore();
    // The two events of 17 April 1975 share every zoom's marker.
    const int april = 5;
    REQUIRE(l.event_year[april] == l.event_year[april + 1]);
    reach_event(f, april + 1);
    CHECK(f.state.strip_zoom > 1);
    CHECK(f.state.selected_event == april + 1);
    const auto m = kiosk::strip_markers(l, f.state.strip_zoom);
    CHECK(m.clusters[size_t(m.cluster_of[april])].count >= 2);
}

TEST_CASE("two fingers pinch the strip about their centre; Zoom out goes back", "[strip]") {
    ExhibitFixture f(1280, 800, events_on(mixed()));
    const auto& l = f.explore();
    const auto& axis = l.axis;
    const float cx = axis.view_left + axis.view_width() * 0.6f, y = l.axis.y;
    const double year_under = axis.year_at(f.state.strip.offset() + cx - axis.view_left, f.state.strip_zoom);
    std::ostringstream s;
    const int64_t t = f.now + 100;
    s << t << " down 0 " << cx - 40 << " " << y << "\n" << t + 10 << " down 1 " << cx + 40 << " " << y << "\n";
    for (int i = 1; i <= 10; ++i)
        s << t + 10 + i * 16 << " move 0 " << cx - 40 - 20 * i << " " << y << "\n"
          << t + 12 + i * 16 << " move 1 " << cx + 40 + 20 * i << " " << y << "\n";
    s << t + 300 << " up 0 " << cx - 240 << " " << y << "\n" << t + 310 << " up 1 " << cx + 240 << " " << y << "\n";
    f.replay(s.str());
    f.advance_to(f.now + 500);
    CHECK(f.state.strip_zoom == Approx(6).epsilon(0.05));
    CHECK_FALSE(f.state.pinching_strip);
    // The moment that was under the fingers' centre still is.
    CHECK(axis.year_at(f.state.strip.offset() + cx - axis.view_left, f.state.strip_zoom) ==
          Approx(year_under).margin(12 / axis.px_per_year(f.state.strip_zoom)));
    f.replay(f.tap(l.zoom_out_hit, 100));
    CHECK(f.state.strip_zoom == 1);
    CHECK(l.zoom_out_hit.w >= l.target);
    CHECK(l.zoom_out_hit.h >= l.target);
    CHECK(l.zoom_out_hit.bottom() <= l.axis.y - l.selected_radius);
}

TEST_CASE("the next visitor starts with the whole timeline", "[strip]") {
    ExhibitFixture f(800, 480, events_on(mixed()));
    reach_event(f, 12);
    REQUIRE(f.state.strip_zoom > 1);
    kiosk::reset_for_next_visitor(f.state, f.ui(), f.now);
    CHECK(f.state.strip_zoom == 1);
    CHECK(f.state.strip.offset() == 0);
}
