// The bundled exhibit on one display through the kiosk's application
// (kiosk/app/app.h): real fonts, layouts, the visitor's language and the larger
// text rule, with touches replayed in virtual time. Needs no SDL: fonts are
// baked on the CPU.
#pragma once

#include "app/app.h"
#include "input/replay.h"
#include "layout/screen_layouts.h"
#include "pack/pack_loader.h"
#include "state/exhibit_state.h"
#include "text/fonts.h"
#include "ui/draw_helpers.h"
#include "ui/photo_textures.h"
#include "ui/screens.h"

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

// The three text sizes a visitor chooses from, for GENERATE.
#define VITRINE_TEXT_SIZES kiosk::TextSize::Standard, kiosk::TextSize::Large, kiosk::TextSize::ExtraLarge

// " with large text", for a test's INFO; "" for the standard size.
inline const char* with_text_size(kiosk::TextSize size) {
    return size == kiosk::TextSize::Large        ? " with large text"
           : size == kiosk::TextSize::ExtraLarge ? " with extra-large text"
                                                 : "";
}

struct ExhibitFixture {
    kiosk::App app;
    kiosk::ExhibitState& state = app.state_for_tests();
    const kiosk::Fonts& fonts = app.fonts();
    const kiosk::ScreenLayouts& layouts = app.layouts();
    const kiosk::KioskConfig& config = app.config();
    int64_t now = 0;

    explicit ExhibitFixture(int width, int height, float panel_inches = 0,
                            kiosk::TextSize text_size = kiosk::TextSize::Standard,
                            const std::string& pack_dir = VITRINE_SOURCE_DIR "/assets/ieng-sary",
                            const std::string& staff_pin = "2468") {
        init_with(width, height, panel_inches, text_size, kiosk::load_pack(pack_dir), staff_pin);
    }
    // The bundled exhibit on a panel whose lower edge is `panel_bottom_mm` above the floor.
    ExhibitFixture(int width, int height, float panel_inches, float panel_bottom_mm,
                   kiosk::TextSize text_size = kiosk::TextSize::Standard) {
        init_with(width, height, panel_inches, text_size, kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary"),
                  "2468", panel_bottom_mm);
    }
    // A pack made in memory (events changed, say), on one display.
    ExhibitFixture(int width, int height, kiosk::PackLoadResult loaded) {
        init_with(width, height, 0, kiosk::TextSize::Standard, std::move(loaded), "2468");
    }
    void init_with(int width, int height, float panel_inches, kiosk::TextSize text_size, kiosk::PackLoadResult loaded,
                   const std::string& staff_pin, float panel_bottom_mm = -1) {
        REQUIRE(loaded.ok());
        kiosk::KioskConfig c;
        c.staff_pin = staff_pin;
        c.panel_bottom_mm = panel_bottom_mm;
        std::string error;
        REQUIRE(app.init({width, height, panel_inches}, std::move(loaded), c, VITRINE_FONT_DIR, 0, &error));
        if (text_size != kiosk::TextSize::Standard && app.exhibit_loaded()) {
            // As a visitor's choice of size does: the app rebuilds fonts and layouts.
            state.visitor.text_size = text_size;
            app.tick(0);
        }
    }
    ExhibitFixture(const ExhibitFixture&) = delete;
    ExhibitFixture& operator=(const ExhibitFixture&) = delete;

    // Starts the kiosk afresh at `t` on its clock (e.g. after weeks of uptime).
    void start_at(int64_t t) {
        state = kiosk::initial_state(ui(), t);
        now = t;
    }

    const kiosk::Pack& pack() const { return app.pack(); }
    kiosk::Ui ui() const { return app.ui(); }
    const kiosk::ExploreLayout& explore() const { return layouts.explore; }

    // Every text one frame draws now, in drawing order.
    std::vector<std::string> drawn_texts() {
        std::vector<kiosk::DrawnText> drawn;
        kiosk::record_drawn_text(&drawn);
        app.build(now, kiosk::PhotoTextures());
        kiosk::record_drawn_text(nullptr);
        std::vector<std::string> texts;
        for (const kiosk::DrawnText& d : drawn) texts.push_back(d.text);
        return texts;
    }

    // Replays a script (the --replay format) from the current state, ticking
    // time forward as the kiosk's main loop does.
    void replay(const std::string& script) {
        const auto parsed = kiosk::parse_replay(script, "test");
        REQUIRE(parsed.ok());
        for (const auto& step : parsed.steps) {
            advance_to(step.time_ms);
            if (step.action == kiosk::ReplayStep::Action::Input) app.handle(step.input);
        }
    }
    void advance_to(int64_t t) {
        // Tick as the main loop would: at every frame while something moves.
        while (now < t) {
            now = std::min(t, now + 16);
            app.tick(now);
        }
    }
    // Taps (down, up 60 ms later) at `at` ms after the current time; returns the script line pair.
    std::string tap(float x, float y, int64_t at) const {
        std::ostringstream s;
        s << now + at << " down 0 " << x << " " << y << "\n" << now + at + 60 << " up 0 " << x << " " << y << "\n";
        return s.str();
    }
    std::string tap(const kiosk::Rect& r, int64_t at) const { return tap(r.x + r.w / 2, r.y + r.h / 2, at); }
    // A one-finger drag from (x0, y0) by (dx, dy) over `ms`, in 16 ms steps.
    std::string drag(float x0, float y0, float dx, float dy, int64_t ms, int64_t at,
                     bool hold_before_lift = false) const {
        std::ostringstream s;
        const int64_t t0 = now + at;
        s << t0 << " down 1 " << x0 << " " << y0 << "\n";
        const int steps = int(ms / 16);
        for (int i = 1; i <= steps; ++i)
            s << t0 + i * 16 << " move 1 " << x0 + dx * float(i) / float(steps) << " "
              << y0 + dy * float(i) / float(steps) << "\n";
        const int64_t lift = t0 + steps * 16 + (hold_before_lift ? 300 : 8);
        s << lift << " up 1 " << x0 + dx << " " << y0 + dy << "\n";
        return s.str();
    }
};
