// The bundled exhibit laid out for one display, with real fonts: what the core
// tests replay touches against. Needs no SDL: fonts are baked on the CPU.
#pragma once

#include "exhibit_state.h"
#include "explore_layout.h"
#include "fonts.h"
#include "frame.h"
#include "pack_loader.h"

#include <catch2/catch.hpp>
#include <string>

struct ExhibitFixture {
    ImGuiContext* imgui = nullptr;
    kiosk::PackLoadResult loaded;
    kiosk::Fonts fonts;
    kiosk::ExploreLayout layout;

    explicit ExhibitFixture(int width, int height, float panel_inches = 0) {
        loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
        REQUIRE(loaded.ok());
        imgui = kiosk::create_imgui_context();
        const kiosk::Display display{width, height, panel_inches};
        std::string error;
        REQUIRE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for(display), VITRINE_FONT_DIR,
                                   "Voices About", fonts, &error));
        layout = kiosk::layout_explore(display, fonts, loaded.pack);
    }
    ~ExhibitFixture() { ImGui::DestroyContext(imgui); }
    ExhibitFixture(const ExhibitFixture&) = delete;
    ExhibitFixture& operator=(const ExhibitFixture&) = delete;

    const kiosk::Pack& pack() const { return loaded.pack; }
};
