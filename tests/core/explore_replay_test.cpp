#include "exhibit_fixture.h"
#include "replay.h"

#include <sstream>

namespace {

// Replays `script` against Explore and returns the state it leaves.
kiosk::ExhibitState replay(const ExhibitFixture& f, const std::string& script) {
    const auto parsed = kiosk::parse_replay(script, "test");
    REQUIRE(parsed.ok());
    kiosk::ExhibitState state = kiosk::initial_state(f.pack(), f.layout);
    for (const auto& step : parsed.steps)
        if (step.action == kiosk::ReplayStep::Action::Input) kiosk::update(state, step.input, f.pack(), f.layout);
    return state;
}

std::string tap_at(float x, float y, int64_t t) {
    std::ostringstream s;
    s << t << " down 0 " << x << " " << y << "\n" << t + 60 << " up 0 " << x << " " << y << "\n";
    return s.str();
}

}  // namespace

TEST_CASE("tapping a marker selects its event", "[explore]") {
    ExhibitFixture f(1920, 1080);
    const auto& l = f.layout;
    CHECK(kiosk::initial_state(f.pack(), l).selected_event == 0);

    for (size_t i = 0; i < l.marker_x.size(); ++i) {
        INFO("marker " << i);
        const auto state = replay(f, tap_at(l.marker_x[i], l.axis.y, 1000));
        CHECK(state.selected_event == int(i));
    }
}

TEST_CASE("a tap selects the event under the finger when markers crowd", "[explore]") {
    ExhibitFixture f(800, 480);
    const auto& l = f.layout;
    // A fingertip a few pixels off still picks the nearest marker.
    const size_t last = l.marker_x.size() - 1;
    CHECK(replay(f, tap_at(l.marker_x[last] + 3, l.axis.y + 4, 0)).selected_event == int(last));
    CHECK(replay(f, tap_at(l.marker_x[3] - 2, l.axis.y - 3, 0)).selected_event == 3);
}

TEST_CASE("prev and next walk through every event and stop at the ends", "[explore]") {
    ExhibitFixture f(1280, 800);
    const auto& next = f.layout.button[int(kiosk::Button::Next)];
    const auto& prev = f.layout.button[int(kiosk::Button::Prev)];
    std::string script;
    int64_t t = 0;
    const int events = int(f.pack().events.size());
    for (int i = 0; i < events + 3; ++i, t += 200) script += tap_at(next.x + next.w / 2, next.y + next.h / 2, t);
    CHECK(replay(f, script).selected_event == events - 1);
    script += tap_at(prev.x + prev.w / 2, prev.y + prev.h / 2, t);
    CHECK(replay(f, script).selected_event == events - 2);
}

TEST_CASE("a drag across the strip or a tap on empty space selects nothing new", "[explore]") {
    ExhibitFixture f(1920, 1080);
    const auto& l = f.layout;
    std::ostringstream drag;
    drag << "0 down 0 " << l.marker_x[5] << " " << l.axis.y << "\n"
         << "40 move 0 " << l.marker_x[5] + 200 << " " << l.axis.y << "\n"
         << "80 up 0 " << l.marker_x[5] + 200 << " " << l.axis.y << "\n";
    CHECK(replay(f, drag.str()).selected_event == 0);
    CHECK(replay(f, tap_at(l.card.x + 10, l.card.y + 10, 0)).selected_event == 0);
}
