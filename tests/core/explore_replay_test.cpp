#include "exhibit_fixture.h"
#include "strip_reach.h"

#include <cmath>

namespace {

const std::pair<int, int> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1920}};

}  // namespace

TEST_CASE("every event is reachable from the strip in at most two taps, at every size", "[explore]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    INFO(size.first << "x" << size.second);
    ExhibitFixture f(size.first, size.second);
    CHECK(f.state.selected_event == 0);
    for (int i = int(f.pack().events.size()) - 1; i >= 0; --i) {
        INFO("event " << i);
        CHECK(reach_event(f, i) <= 2);
        CHECK(f.state.selected_event == i);
        f.advance_to(f.now + 1000);
    }
}

TEST_CASE("prev and next walk through every event, keep it in view, and stop at the ends", "[explore]") {
    const auto size = GENERATE(std::make_pair(800, 480), std::make_pair(720, 1280), std::make_pair(1920, 1080));
    ExhibitFixture f(size.first, size.second);
    const auto& l = f.explore();
    const int events = int(f.pack().events.size());
    for (int i = 0; i < events + 2; ++i) {
        f.replay(f.tap(l.button[int(kiosk::Button::Next)], 300));
        f.advance_to(f.now + 600);
        const int sel = std::min(i + 1, events - 1);
        CHECK(f.state.selected_event == sel);
        // The selected event is always visible on the strip.
        check_selected_shown(f);
    }
    f.replay(f.tap(l.button[int(kiosk::Button::Prev)], 300));
    CHECK(f.state.selected_event == events - 2);
}

TEST_CASE("the strip scrolls with momentum and soft edges on a small panel", "[explore]") {
    ExhibitFixture f(800, 480);
    const auto& l = f.explore();
    REQUIRE(l.axis.max_scroll() > 0);
    const float y = l.axis.y;
    // A quick flick to the left carries on after the finger lifts, then stops.
    f.replay(f.drag(l.strip_touch.x + l.strip_touch.w * 0.8f, y, -200, 0, 160, 100));
    const float at_lift = f.state.strip.offset();
    CHECK(at_lift == Approx(200).margin(25));
    f.advance_to(f.now + 3000);
    CHECK(f.state.strip.offset() > at_lift + 50);
    CHECK_FALSE(f.state.strip.moving());
    // Pulled past the start, it gives a little and springs back to the edge.
    f.state.strip.jump_to(0);
    f.replay(f.drag(l.strip_touch.x + 40, y, 300, 0, 480, 100, true));
    CHECK(f.state.strip.offset() < 0);
    CHECK(f.state.strip.offset() > -300);
    f.advance_to(f.now + 2000);
    CHECK(f.state.strip.offset() == Approx(0).margin(0.5));
    // A drag is not a tap: the selection did not change.
    CHECK(f.state.selected_event == 0);
}

TEST_CASE("long event text scrolls inside its card", "[explore]") {
    ExhibitFixture f(800, 480, 0, kiosk::TextSize::Large);  // a small panel with larger text
    const auto ui = f.ui();
    int longest = 0;
    float most = 0;
    for (size_t i = 0; i < f.pack().events.size(); ++i) {
        const auto m = kiosk::measure_card(ui, f.pack().events[i]);
        if (m.content_height - m.view_height > most) most = m.content_height - m.view_height, longest = int(i);
    }
    REQUIRE(most > 0);
    kiosk::select_event(f.state, longest, ui, f.now);
    const auto& card = f.explore().card;
    f.replay(f.drag(card.x + card.w / 2, card.bottom() - 10, 0, -most - 100, 400, 100, true));
    f.advance_to(f.now + 2000);
    // Scrolled to the end of the text and no further.
    CHECK(f.state.card.offset() == Approx(most).margin(1));
    CHECK(f.state.selected_event == longest);
}

TEST_CASE("a sideways swipe on the card turns to the next event", "[explore]") {
    ExhibitFixture f(1920, 1080);
    const auto& card = f.explore().card;
    f.replay(f.drag(card.x + card.w * 0.8f, card.y + card.h / 2, -400, 0, 120, 100));
    CHECK(f.state.selected_event == 1);
    f.replay(f.drag(card.x + card.w * 0.2f, card.y + card.h / 2, 400, 0, 120, 500));
    CHECK(f.state.selected_event == 0);
}
