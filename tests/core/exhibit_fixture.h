// The bundled exhibit laid out for one display, with real fonts, and a visitor
// state to replay touches against in virtual time. Needs no SDL: fonts are baked
// on the CPU.
#pragma once

#include "state/exhibit_state.h"
#include "text/fonts.h"
#include "ui/frame.h"
#include "pack/pack_loader.h"
#include "pack/pack_text.h"
#include "input/replay.h"
#include "layout/screen_layouts.h"
#include "ui/screens.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

struct ExhibitFixture {
    ImGuiContext* imgui = nullptr;
    kiosk::PackLoadResult loaded;
    kiosk::Fonts fonts;
    kiosk::ScreenLayouts layouts;
    kiosk::KioskConfig config;
    kiosk::ExhibitState state;
    int64_t now = 0;

    explicit ExhibitFixture(int width, int height, float panel_inches = 0, bool large_text = false,
                            const std::string& pack_dir = VITRINE_SOURCE_DIR "/assets/ieng-sary") {
        loaded = kiosk::load_pack(pack_dir);
        REQUIRE(loaded.ok());
        config.staff_pin = "2468";
        imgui = kiosk::create_imgui_context();
        const kiosk::Display display{width, height, panel_inches};
        std::string error;
        REQUIRE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for(display, large_text), VITRINE_FONT_DIR,
                                   kiosk::collect_pack_text(loaded.pack) + kiosk::interface_text(loaded.pack), fonts,
                                   &error));
        layouts = kiosk::layout_screens(display, fonts, loaded.pack);
        state = kiosk::initial_state(ui(), 0);
    }
    ~ExhibitFixture() { ImGui::DestroyContext(imgui); }
    ExhibitFixture(const ExhibitFixture&) = delete;
    ExhibitFixture& operator=(const ExhibitFixture&) = delete;

    // Starts the kiosk afresh at `t` on its clock (e.g. after weeks of uptime).
    void start_at(int64_t t) {
        state = kiosk::initial_state(ui(), t);
        now = t;
    }

    const kiosk::Pack& pack() const { return loaded.pack; }
    kiosk::Ui ui() const { return kiosk::Ui{loaded.pack, layouts, fonts, config, "en"}; }
    const kiosk::ExploreLayout& explore() const { return layouts.explore; }

    // Replays a script (the --replay format) from the current state, ticking
    // time forward as the kiosk's main loop does.
    void replay(const std::string& script) {
        const auto parsed = kiosk::parse_replay(script, "test");
        REQUIRE(parsed.ok());
        for (const auto& step : parsed.steps) {
            advance_to(step.time_ms);
            if (step.action == kiosk::ReplayStep::Action::Input) kiosk::update(state, step.input, ui());
        }
    }
    void advance_to(int64_t t) {
        // Tick as the main loop would: at every frame while something moves.
        while (now < t) {
            now = std::min(t, now + 16);
            kiosk::tick(state, now, ui());
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
    std::string drag(float x0, float y0, float dx, float dy, int64_t ms, int64_t at, bool hold_before_lift = false) const {
        std::ostringstream s;
        const int64_t t0 = now + at;
        s << t0 << " down 1 " << x0 << " " << y0 << "\n";
        const int steps = int(ms / 16);
        for (int i = 1; i <= steps; ++i)
            s << t0 + i * 16 << " move 1 " << x0 + dx * float(i) / float(steps) << " " << y0 + dy * float(i) / float(steps) << "\n";
        const int64_t lift = t0 + steps * 16 + (hold_before_lift ? 300 : 8);
        s << lift << " up 1 " << x0 + dx << " " << y0 + dy << "\n";
        return s.str();
    }
};
