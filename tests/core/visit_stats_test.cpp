#include "exhibit_fixture.h"

using K = kiosk::StatEvent::Kind;

namespace {
int count(const std::vector<kiosk::StatEvent>& events, K kind, const std::string& item = "*") {
    int n = 0;
    for (const auto& e : events)
        if (e.kind == kind && (item == "*" || e.item == item)) ++n;
    return n;
}
}  // namespace

TEST_CASE("a visit is counted anonymously: events opened, quotes read, zooms, time per screen", "[stats]") {
    ExhibitFixture f(1920, 1080);
    const auto& l = f.explore();
    CHECK(f.state.stats.drain().empty());  // nothing before the first touch

    f.replay(f.tap(l.button[int(kiosk::Button::Next)], 1000));    // session starts, event 2 opened
    f.replay(f.tap(l.button[int(kiosk::Button::Voices)], 2000));  // quote 1 read
    f.replay(f.tap(f.layouts.voices.next, 3000));                 // quote 2 read
    f.replay(f.tap(f.layouts.voices.bar.back, 1000));
    f.replay(f.tap(l.photo_frame, 1000));
    f.replay(f.tap(900, 500, 500) + f.tap(900, 500, 650));  // a zoom
    const int64_t last_touch = f.now;
    f.advance_to(last_touch + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 1000);
    REQUIRE(f.state.screen == kiosk::Screen::Attract);

    const auto events = f.state.stats.drain();
    CHECK(count(events, K::SessionStart) == 1);
    CHECK(count(events, K::EventOpened, f.pack().events[1].id) == 1);
    CHECK(count(events, K::QuoteRead, f.pack().quotes[0].id) == 1);
    CHECK(count(events, K::QuoteRead, f.pack().quotes[1].id) == 1);
    CHECK(count(events, K::PhotoZoom) == 1);
    CHECK(count(events, K::Dwell, "explore") == 2);
    CHECK(count(events, K::Dwell, "voices") == 1);
    CHECK(count(events, K::Dwell, "photo") == 1);
    REQUIRE(count(events, K::SessionEnd) == 1);
    // The visit lasted from its first touch to its last, not until the idle reset.
    const auto end = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.kind == K::SessionEnd; });
    CHECK(end->duration_ms == Approx(last_touch - 1000 - 60 + 60).margin(200));
    int64_t dwell = 0;
    for (const auto& e : events)
        if (e.kind == K::Dwell) dwell += e.duration_ms;
    CHECK(dwell == end->duration_ms);
    CHECK(f.state.stats.drain().empty());

    // The next visitor is a new session.
    f.replay(f.tap(960, 540, 1000));
    CHECK(count(f.state.stats.drain(), K::SessionStart) == 1);
}

TEST_CASE("statistics never grow without bound if nobody collects them", "[stats]") {
    kiosk::VisitStats stats;
    for (int i = 0; i < 10000; ++i) stats.add(K::PhotoZoom);
    CHECK(stats.drain().size() == kiosk::VisitStats::kMaxPending);
}
