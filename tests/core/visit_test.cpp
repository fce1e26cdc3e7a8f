// A visit is replaced whole for the next visitor: every field of kiosk::Visit,
// one added later included, starts afresh, and what lasts for the kiosk's life
// (statistics, the PIN lock, a staff notice) goes on.
#include "exhibit_fixture.h"

#include <tuple>
#include <type_traits>
#include <utility>

namespace {

// Changes a field to something else. One overload per type a Visit holds: a
// field of a new type needs one here, or this test does not compile.
void change(bool& b) { b = !b; }
void change(int& i) { i += 7; }
void change(int64_t& i) { i += 7001; }
void change(float& f) { f += 1.5f; }
void change(std::string& s) { s += "7"; }
void change(kiosk::Screen& s) { s = s == kiosk::Screen::Voices ? kiosk::Screen::About : kiosk::Screen::Voices; }
void change(kiosk::Transition& t) { t.start_ms += 7; }
void change(kiosk::PhotoView& v) { v.zoom += 1; }
void change(kiosk::VisitorSettings& v) { v.high_contrast = !v.high_contrast; }
void change(kiosk::Access& a) {
    a.volume_steps += 1;
    a.speech.serial += 7;
}
void change(std::vector<kiosk::CornerHold>& holds) { holds.push_back({7, 2, 7}); }
void change(kiosk::KineticScroll& k) {
    k.set_range(0, 1000);
    k.jump_to(k.offset() > 500 ? 0 : 700);
}
void change(kiosk::GestureRecognizer& g) {
    std::vector<kiosk::Gesture> out;
    g.feed({kiosk::InputEvent::Type::Down, 7, 1, 1, 7}, out);
}

// Every field of `visit`, changed through Visit::fields() (the list the
// compiler checks is complete).
void change_every_field(kiosk::Visit& visit) {
    std::apply(
        [](const auto&... field) {
            (change(const_cast<std::remove_const_t<std::remove_reference_t<decltype(field)>>&>(field)), ...);
        },
        visit.fields());
}

// How many fields of `a` and `b` are equal.
template <size_t... I>
int equal_fields(const kiosk::Visit& a, const kiosk::Visit& b, std::index_sequence<I...>) {
    const auto fa = a.fields(), fb = b.fields();
    return ((std::get<I>(fa) == std::get<I>(fb) ? 1 : 0) + ...);
}
int equal_fields(const kiosk::Visit& a, const kiosk::Visit& b) {
    return equal_fields(a, b, std::make_index_sequence<kiosk::field_count<kiosk::Visit>()>());
}

}  // namespace

TEST_CASE("The next visitor gets a new visit; the kiosk's life goes on", "[visit]") {
    ExhibitFixture f(1280, 800);
    const auto& l = f.explore();
    f.replay(f.tap(l.button[int(kiosk::Button::Next)], 1000));
    f.replay(f.tap(l.button[int(kiosk::Button::Voices)], 800));
    f.replay(f.tap(f.layouts.voices.next, 800) + f.tap(f.layouts.voices.next, 1600) +
             f.tap(f.layouts.voices.prev, 2400));
    f.replay(f.tap(f.layouts.voices.bar.settings, 800));
    f.replay(f.tap(f.layouts.settings.high_contrast, 800));
    REQUIRE(f.state.screen == kiosk::Screen::Voices);
    REQUIRE(f.state.settings_open);
    kiosk::show_notice(f.state, "installed", false, f.now);
    f.state.pin_lock.wrong(f.now);

    const kiosk::Visit fresh_then = kiosk::new_visit(f.ui(), f.now);
    CHECK(f.state.visit() != fresh_then);
    CHECK(equal_fields(f.state.visit(), fresh_then) <= int(kiosk::field_count<kiosk::Visit>()) - 10);

    kiosk::reset_for_next_visitor(f.state, f.ui(), f.now + 100);
    CHECK(f.state.visit() == kiosk::new_visit(f.ui(), f.now + 100));
    // The kiosk's life: the visit's statistics closed, the lock and the notice kept.
    const std::vector<kiosk::StatEvent> stats = f.state.stats.drain();
    REQUIRE_FALSE(stats.empty());
    CHECK(stats.back().kind == kiosk::StatEvent::Kind::SessionEnd);
    CHECK(f.state.pin_lock.failures == 1);
    CHECK(kiosk::notice_visible(f.state));
}

TEST_CASE("Every field of a visit, one added later included, is reset for the next visitor", "[visit]") {
    ExhibitFixture f(800, 480);
    const kiosk::Visit fresh = kiosk::new_visit(f.ui(), 0);
    REQUIRE(f.state.visit() == fresh);
    change_every_field(f.state.visit());
    // Nothing escaped the change: every field now differs from a new visit's.
    CHECK(equal_fields(f.state.visit(), fresh) == 0);

    kiosk::reset_for_next_visitor(f.state, f.ui(), 0);
    CHECK(equal_fields(f.state.visit(), fresh) == int(kiosk::field_count<kiosk::Visit>()));
    CHECK(f.state.visit() == fresh);
}

TEST_CASE("The attract loop stays on, and keeps its place, across the reset", "[visit]") {
    ExhibitFixture f(1280, 800);
    f.advance_to(kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    REQUIRE(f.state.screen == kiosk::Screen::Attract);
    const int64_t place = f.state.attract_start_ms;
    kiosk::reset_for_next_visitor(f.state, f.ui(), f.now + kiosk::kAttractQuoteMs);
    CHECK(f.state.screen == kiosk::Screen::Attract);
    CHECK(f.state.attract_start_ms == place);
}
