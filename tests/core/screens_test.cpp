#include "exhibit_fixture.h"

#include <cmath>

using kiosk::Screen;

TEST_CASE("Voices: one quote at a time, by arrows or swipes, and back", "[screens]") {
    ExhibitFixture f(1920, 1080);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Voices)], 100));
    REQUIRE(f.state.screen == Screen::Voices);
    const auto& v = f.layouts.voices;
    f.replay(f.tap(v.next, 500));
    CHECK(f.state.quote == 1);
    const float mid_y = v.quote_box.y + v.quote_box.h / 2;
    f.replay(f.drag(v.quote_box.x + v.quote_box.w * 0.7f, mid_y, -500, 0, 120, 500));
    CHECK(f.state.quote == 2);
    f.replay(f.drag(v.quote_box.x + v.quote_box.w * 0.3f, mid_y, 500, 0, 120, 500));
    CHECK(f.state.quote == 1);
    f.replay(f.tap(v.prev, 500));
    f.replay(f.tap(v.prev, 500));  // already at the first: stays
    CHECK(f.state.quote == 0);
    const int last = int(f.pack().quotes.size()) - 1;
    for (int i = 0; i < last + 3; ++i) f.replay(f.tap(v.next, 400));
    CHECK(f.state.quote == last);
    f.replay(f.tap(v.bar.back, 500));
    CHECK(f.state.screen == Screen::Explore);
}

TEST_CASE("About scrolls its column and returns to Explore", "[screens]") {
    ExhibitFixture f(800, 480);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::About)], 100));
    REQUIRE(f.state.screen == Screen::About);
    const auto& col = f.layouts.about.column;
    const float content = kiosk::about_content_height(f.ui());
    REQUIRE(content > col.h);  // sources, credits and the note do not fit a 7" panel
    f.replay(f.drag(col.x + col.w / 2, col.bottom() - 20, 0, -250, 300, 200, true));
    f.advance_to(f.now + 1500);
    CHECK(f.state.about.offset() == Approx(250).margin(30));
    f.replay(f.drag(col.x + col.w / 2, col.bottom() - 20, 0, -5000, 300, 200, true));
    f.advance_to(f.now + 2000);
    CHECK(f.state.about.offset() == Approx(content - col.h).margin(1));
    f.replay(f.tap(f.layouts.about.bar.back, 300));
    CHECK(f.state.screen == Screen::Explore);
}

TEST_CASE("the photograph viewer zooms 1x to 4x by pinch and double tap, pans, and closes", "[screens]") {
    ExhibitFixture f(1920, 1080);
    f.replay(f.tap(f.explore().photo_frame, 100));
    REQUIRE(f.state.screen == Screen::Photo);
    CHECK(f.state.photo.zoom == 1);

    // Double tap: in to 2.5x, keeping the tapped point still.
    const float px = 700, py = 400;
    const auto* photo = f.pack().find_photo(f.pack().exhibit.photo);
    const auto before = kiosk::photo_rect(f.state.photo, f.ui(), photo->width, photo->height);
    const float u = (px - before.x) / before.w, v = (py - before.y) / before.h;
    f.replay(f.tap(px, py, 400) + f.tap(px, py, 600));
    f.advance_to(f.now + 1000);
    CHECK(f.state.photo.zoom == Approx(2.5f));
    const auto zoomed = kiosk::photo_rect(f.state.photo, f.ui(), photo->width, photo->height);
    CHECK(zoomed.x + u * zoomed.w == Approx(px).margin(2));
    CHECK(zoomed.y + v * zoomed.h == Approx(py).margin(2));

    // Dragging pans, never past the photograph's edge.
    f.replay(f.drag(960, 540, 5000, 0, 200, 200));
    const auto panned = kiosk::photo_rect(f.state.photo, f.ui(), photo->width, photo->height);
    CHECK(panned.x <= 0.5f);

    // Pinch out: zoom grows with the fingers' spread and stops at 4x.
    std::ostringstream pinch;
    const int64_t t = f.now + 300;
    pinch << t << " down 1 900 540\n" << t + 10 << " down 2 1020 540\n";
    for (int i = 1; i <= 20; ++i)
        pinch << t + 10 + i * 16 << " move 1 " << 900 - i * 20 << " 540\n"
              << t + 10 + i * 16 << " move 2 " << 1020 + i * 20 << " 540\n";
    pinch << t + 400 << " up 1 500 540\n" << t + 410 << " up 2 1420 540\n";
    f.replay(pinch.str());
    CHECK(f.state.photo.zoom == Approx(4.f));

    // Double tap when zoomed: back to the whole photograph.
    f.replay(f.tap(960, 540, 500) + f.tap(960, 540, 700));
    f.advance_to(f.now + 1000);
    CHECK(f.state.photo.zoom == Approx(1.f));

    f.replay(f.tap(f.layouts.photo.bar.back, 500));
    CHECK(f.state.screen == Screen::Explore);
}

TEST_CASE("visitor settings are one tap away on every screen", "[screens]") {
    ExhibitFixture f(1280, 800);
    const kiosk::Rect settings_buttons[] = {f.explore().button[int(kiosk::Button::Settings)],
                                            f.layouts.photo.bar.settings, f.layouts.voices.bar.settings,
                                            f.layouts.about.bar.settings};
    const Screen screens[] = {Screen::Explore, Screen::Photo, Screen::Voices, Screen::About};
    for (int i = 0; i < 4; ++i) {
        kiosk::go_to_screen(f.state, screens[i], f.now);
        f.replay(f.tap(settings_buttons[i], 400));
        CHECK(f.state.settings_open);
        f.replay(f.tap(f.layouts.settings.close, 400));
        CHECK_FALSE(f.state.settings_open);
    }
    f.replay(f.tap(settings_buttons[0], 400));
    f.replay(f.tap(f.layouts.settings.text_sizes[int(kiosk::TextSize::Large)], 400));
    f.replay(f.tap(f.layouts.settings.high_contrast, 400));
    CHECK(f.state.visitor.text_size == kiosk::TextSize::Large);
    CHECK(f.state.visitor.high_contrast);
    // Speech is a switch like the others: on, then off again.
    CHECK_FALSE(f.state.visitor.speech);
    f.replay(f.tap(f.layouts.settings.speech, 400));
    CHECK(f.state.visitor.speech);
    CHECK(f.state.settings_open);
    f.replay(f.tap(f.layouts.settings.speech, 400));
    CHECK_FALSE(f.state.visitor.speech);
    // The row's label is no button: tapping it changes nothing.
    f.replay(f.tap(f.layouts.settings.text_size.x + 4, f.layouts.settings.text_size.y + 4, 400));
    CHECK(f.state.visitor.text_size == kiosk::TextSize::Large);
    f.replay(f.tap(5, 5, 400));  // outside the panel closes it
    CHECK_FALSE(f.state.settings_open);
}

TEST_CASE("a pack's languages are offered by their own names; reduced motion stills every transition", "[screens]") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/two-languages");
    REQUIRE(f.layouts.settings.languages.size() == 2);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Settings)], 100));
    f.replay(f.tap(f.layouts.settings.languages[1], 400));
    CHECK(f.state.visitor.language == 1);
    CHECK(kiosk::interface_text(f.pack()).find("Français") != std::string::npos);

    // With reduced motion nothing animates: a screen change or a new event is one frame.
    f.replay(f.tap(f.layouts.settings.close, 400));
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Next)], 400));
    CHECK(f.state.selected_event == 1);
    const auto r = kiosk::tick(f.state, f.now + 1, f.ui());
    CHECK_FALSE(r.animating);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Voices)], 400));
    CHECK(f.state.screen == Screen::Voices);
    CHECK_FALSE(kiosk::tick(f.state, f.now + 1, f.ui()).animating);
}

TEST_CASE("a staff notice shows over any screen for a while, through a visitor reset", "[screens]") {
    ExhibitFixture f(1280, 800);
    kiosk::show_notice(f.state, "USB pack refused: not signed", true, f.now);
    auto r = kiosk::tick(f.state, f.now + 1, f.ui());
    CHECK(kiosk::notice_visible(f.state));
    REQUIRE(r.next_deadline);
    CHECK(*r.next_deadline <= f.now + kiosk::kNoticeMs);
    kiosk::reset_for_next_visitor(f.state, f.ui(), f.now + 2);
    CHECK(kiosk::notice_visible(f.state));
    f.advance_to(f.now + kiosk::kNoticeMs + 100);
    CHECK_FALSE(kiosk::notice_visible(f.state));
}
