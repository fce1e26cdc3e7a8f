#include "config/command_line.h"

#include <catch2/catch.hpp>

using kiosk::parse_kiosk_options;

TEST_CASE("the kiosk's options parse into settings", "[options]") {
    SECTION("nothing: fullscreen on the bundled exhibit") {
        const auto p = parse_kiosk_options({});
        REQUIRE(p.ok());
        CHECK(p.options.pack_dir.empty());
        CHECK_FALSE(p.options.windowed);
        CHECK_FALSE(p.options.headless);
    }
    SECTION("a window") {
        const auto p = parse_kiosk_options({"--pack", "packs/x", "--windowed", "1280x800"});
        REQUIRE(p.ok());
        CHECK(p.options.pack_dir == "packs/x");
        CHECK(p.options.windowed);
        CHECK(p.options.width == 1280);
        CHECK(p.options.height == 800);
    }
    SECTION("headless with a screenshot and a replay") {
        const auto p = parse_kiosk_options({"--headless", "--size", "720x1280", "--screenshot", "a.png", "--replay",
                                            "r.txt", "--panel-inches", "10.1"});
        REQUIRE(p.ok());
        CHECK(p.options.headless);
        CHECK(p.options.width == 720);
        CHECK(p.options.height == 1280);
        CHECK(p.options.screenshot == "a.png");
        CHECK(p.options.replay == "r.txt");
        CHECK(p.options.panel_inches == Approx(10.1f));
        CHECK(p.options.renderer == kiosk::HeadlessRenderer::Software);
    }
    SECTION("headless through a board's renderer") {
        const auto p = parse_kiosk_options(
            {"--headless", "--size", "800x480", "--renderer", "opengles2", "--screenshot", "a.png"});
        REQUIRE(p.ok());
        CHECK(p.options.renderer == kiosk::HeadlessRenderer::OpenGles2);
        CHECK(
            parse_kiosk_options({"--headless", "--size", "800x480", "--renderer", "software", "--screenshot", "a.png"})
                .options.renderer == kiosk::HeadlessRenderer::Software);
    }
    SECTION("headless with the sound written to a file") {
        const auto p =
            parse_kiosk_options({"--headless", "--size", "800x480", "--replay", "r.txt", "--audio-out", "heard.wav"});
        REQUIRE(p.ok());
        CHECK(p.options.audio_out == "heard.wav");
    }
}

TEST_CASE("bad options are usage errors that say what is wrong", "[options]") {
    CHECK_THAT(parse_kiosk_options({"--size"}).error, Catch::Contains("--size needs a value"));
    CHECK_THAT(parse_kiosk_options({"--headless", "--size", "1920by1080", "--screenshot", "a.png"}).error,
               Catch::Contains("expected WIDTHxHEIGHT"));
    CHECK_THAT(parse_kiosk_options({"--headless", "--screenshot", "a.png"}).error,
               Catch::Contains("--headless needs --size"));
    CHECK_THAT(parse_kiosk_options({"--screenshot", "a.png"}).error, Catch::Contains("--screenshot needs --headless"));
    CHECK_THAT(parse_kiosk_options({"--audio-out", "a.wav"}).error, Catch::Contains("--audio-out needs --headless"));
    CHECK_THAT(parse_kiosk_options({"--first-frame"}).error, Catch::Contains("--first-frame needs --headless"));
    CHECK_THAT(parse_kiosk_options({"--headless", "--size", "800x480"}).error,
               Catch::Contains("--screenshot FILE, --replay SCRIPT or --first-frame"));
    const auto first = parse_kiosk_options({"--headless", "--size", "800x480", "--first-frame"});
    REQUIRE(first.ok());
    CHECK(first.options.first_frame);
    CHECK_THAT(
        parse_kiosk_options({"--headless", "--size", "800x480", "--renderer", "opengl", "--screenshot", "a.png"}).error,
        Catch::Contains("--renderer opengl: expected software or opengles2"));
    CHECK_THAT(parse_kiosk_options({"--renderer", "opengles2"}).error, Catch::Contains("--renderer needs --headless"));
    CHECK_THAT(parse_kiosk_options({"--fullscreen"}).error, Catch::Contains("unknown option '--fullscreen'"));
    CHECK_THAT(parse_kiosk_options({"--panel-inches", "big"}).error, Catch::Contains("between 3 and 120"));
    CHECK_THAT(parse_kiosk_options({"--windowed", "10x10"}).error, Catch::Contains("expected WIDTHxHEIGHT"));
}

TEST_CASE("numbers and paths on the command line are checked like the configuration's", "[options]") {
    for (const char* inches : {"nan", "-nan", "inf", "1e40", "2.99", "120.5"}) {
        INFO(inches);
        CHECK_THAT(parse_kiosk_options({"--panel-inches", inches}).error, Catch::Contains("between 3 and 120"));
    }
    CHECK(parse_kiosk_options({"--panel-inches", "10.1"}).ok());
    // An empty path would silently mean the default configuration or exhibit.
    for (const char* option : {"--config", "--pack", "--replay", "--screenshot"}) {
        INFO(option);
        CHECK_THAT(parse_kiosk_options({option, ""}).error, Catch::Contains("needs a value, not an empty string"));
    }
    // What the command line holds is quoted escaped: no terminal escape reaches stderr.
    const std::string error = parse_kiosk_options({"--\x1b[2Jwipe"}).error;
    CHECK(error == "unknown option '--\\x1b[2Jwipe'");
    CHECK_THAT(parse_kiosk_options({"--rotate", "4294967386"}).error, Catch::Contains("expected 0, 90, 180 or 270"));
    CHECK_THAT(parse_kiosk_options({"--size", std::string(5000, '9')}).error, Catch::Contains("more bytes)"));
}
