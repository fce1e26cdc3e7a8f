#include "kiosk_config.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace {

std::string write_config(const std::string& name, const std::string& text) {
    const std::string path = std::string(VITRINE_TEST_OUTPUT) + "/" + name;
    std::filesystem::create_directories(VITRINE_TEST_OUTPUT);
    std::ofstream(path) << text;
    return path;
}

}  // namespace

TEST_CASE("the kiosk's configuration file is read into settings", "[config]") {
    const auto path = write_config("good.toml",
                                   "# a board in the east gallery\n"
                                   "[display]\npanel_inches = 10.1\n"
                                   "[staff]\npin = \"2468\"\n"
                                   "[pack]\ndir = \"/var/lib/vitrine/packs/current\"\n");
    const auto r = kiosk::load_kiosk_config(path);
    REQUIRE(r.ok());
    CHECK(r.config.panel_inches == Approx(10.1f));
    CHECK(r.config.staff_pin == "2468");
    CHECK(r.config.pack_dir == "/var/lib/vitrine/packs/current");
}

TEST_CASE("configuration mistakes are named with their line, and keep what was good", "[config]") {
    const auto path = write_config("bad.toml",
                                   "[display]\npanel_inches = 500\n"
                                   "[staff]\npin = 2468\n"
                                   "[pack]\ndir = \"/srv/pack\"\ncolour = \"red\"\n"
                                   "[sound]\nvolume = 3\n");
    const auto r = kiosk::load_kiosk_config(path);
    CHECK_FALSE(r.ok());
    REQUIRE(r.diagnostics.size() == 4);
    auto has = [&](int line, const std::string& text) {
        for (const auto& d : r.diagnostics)
            if (d.line == line && d.to_string().find(text) != std::string::npos) return true;
        return false;
    };
    CHECK(has(2, "'panel_inches' must be a number from 3 to 120"));
    CHECK(has(4, "'pin' must be a string of 4 to 8 digits"));
    CHECK(has(7, "unknown key 'colour' in [pack]"));
    CHECK(has(8, "unknown section 'sound'"));
    CHECK(r.config.pack_dir == "/srv/pack");
    CHECK(r.config.staff_pin.empty());  // no valid PIN: the hidden exit stays shut
}

TEST_CASE("a configuration file that is not TOML is an error at its position", "[config]") {
    const auto r = kiosk::load_kiosk_config(write_config("broken.toml", "[display\npanel_inches = 7\n"));
    REQUIRE_FALSE(r.ok());
    CHECK(r.diagnostics.front().line == 1);
}

TEST_CASE("opening hours are read from the configuration", "[config]") {
    const auto good = kiosk::load_kiosk_config(
        write_config("hours.toml", "[hours]\nopen = \"09:30\"\nclose = \"18:00\"\ndays = [\"tue\", \"wed\", \"sun\"]\n"));
    REQUIRE(good.ok());
    CHECK(good.config.hours.enabled);
    CHECK(good.config.hours.open_minute == 570);
    CHECK(good.config.hours.close_minute == 1080);
    CHECK_FALSE(good.config.hours.days[0]);
    CHECK(good.config.hours.days[6]);
    const auto bad = kiosk::load_kiosk_config(write_config("bad-hours.toml", "[hours]\nopen = \"9h\"\nclose = \"18:00\"\n"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.diagnostics.front().line == 2);
    CHECK_FALSE(bad.config.hours.enabled);  // unreadable hours: always on
}
