#include "text/fonts.h"

#include "base/utf8.h"
#include "pack/pack_loader.h"
#include "pack/pack_text.h"
#include "ui/frame.h"
#include "ui/screens.h"

#include <catch2/catch.hpp>

#include <imgui_internal.h>  // ImTextCharFromUtf8

TEST_CASE("every character of the bundled exhibit and the interface has a glyph in every font", "[fonts]") {
    const auto loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(loaded.ok());
    const std::string text = kiosk::collect_pack_text(loaded.pack) + kiosk::interface_text(loaded.pack);
    CHECK_THAT(text, Catch::Contains("’"));  // the pack does use curly quotes and dashes
    CHECK_THAT(text, Catch::Contains("–"));

    ImGuiContext* ctx = kiosk::create_imgui_context();
    kiosk::Fonts fonts;
    std::string error;
    REQUIRE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for({1920, 1080}), VITRINE_FONT_DIR, text,
                               fonts, &error));
    int checked = 0;
    for (const char* s = text.c_str(); *s;) {
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, nullptr);
        if (c < 0x20) continue;
        for (int role = 0; role < int(kiosk::FontRole::Count); ++role) {
            INFO("U+" << std::hex << c << " in role " << role);
            CHECK(fonts.role[role]->FindGlyphNoFallback(ImWchar(c)) != nullptr);
        }
        ++checked;
    }
    CHECK(checked > 1000);
    // The check can fail: a script the fonts were not given has no glyph.
    CHECK(fonts[kiosk::FontRole::Body]->FindGlyphNoFallback(0x1780) == nullptr);
    ImGui::DestroyContext(ctx);
}

TEST_CASE("the characters no font draws are found, each once", "[fonts]") {
    ImGuiContext* ctx = kiosk::create_imgui_context();
    kiosk::Fonts fonts;
    std::string error;
    // A Khmer letter (no face given covers it yet), an emoji past U+FFFF, and text the fonts draw.
    const std::string text = "Caf\u00e9 \u2014 \u1780 ok \U0001F60D\n\t\u1780 \u201cend\u201d";
    REQUIRE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for({1280, 800}), VITRINE_FONT_DIR, text, fonts,
                               &error));
    CHECK(kiosk::missing_glyphs(fonts, text) == std::vector<uint32_t>{0x1780, 0x1F60D});
    CHECK(kiosk::missing_glyphs(fonts, "Plain text, \u00e9t\u00e9 \u2013 1975.").empty());
    CHECK(kiosk::encode_utf8(0x1F60D) == "\U0001F60D");
    CHECK(kiosk::encode_utf8(0xE9) == "\u00e9");
    CHECK(kiosk::encode_utf8(0x110000) == "\uFFFD");
    ImGui::DestroyContext(ctx);
}

TEST_CASE("a missing font directory is an error naming the file", "[fonts]") {
    ImGuiContext* ctx = kiosk::create_imgui_context();
    kiosk::Fonts fonts;
    std::string error;
    CHECK_FALSE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for({800, 480}), "/no/such/fonts", "x",
                                   fonts, &error));
    CHECK_THAT(error, Catch::Contains("/no/such/fonts/Noto") && Catch::Contains("fonts-noto-core"));
    ImGui::DestroyContext(ctx);
}

TEST_CASE("the font atlas fits a Pi 3's 2048x2048 texture limit at every size", "[fonts]") {
    const auto loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(loaded.ok());
    const std::string text = kiosk::collect_pack_text(loaded.pack) + kiosk::interface_text(loaded.pack);
    const std::pair<int, int> sizes[] = {{800, 480},   {1280, 800}, {1920, 1080},
                                         {3840, 2160}, {720, 1280}, {1080, 1920}};
    for (const auto& size : sizes)
        for (bool large : {false, true}) {
            INFO(size.first << "x" << size.second << (large ? " larger text" : ""));
            ImGuiContext* ctx = kiosk::create_imgui_context();
            kiosk::Fonts fonts;
            std::string error;
            REQUIRE(kiosk::build_fonts(*ImGui::GetIO().Fonts, kiosk::type_scale_for({size.first, size.second}, large),
                                       VITRINE_FONT_DIR, text, fonts, &error));
            CHECK(ImGui::GetIO().Fonts->TexWidth <= 2048);
            CHECK(ImGui::GetIO().Fonts->TexHeight <= 2048);
            ImGui::DestroyContext(ctx);
        }
}
