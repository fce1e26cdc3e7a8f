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
    CHECK_FALSE(good.config.hours.battery_clock);
    const auto rtc = kiosk::load_kiosk_config(
        write_config("rtc.toml", "[hours]\nopen = \"09:30\"\nclose = \"18:00\"\nbattery_clock = true\n"));
    REQUIRE(rtc.ok());
    CHECK(rtc.config.hours.battery_clock);
    const auto bad_rtc = kiosk::load_kiosk_config(write_config("bad-rtc.toml", "[hours]\nbattery_clock = \"yes\"\n"));
    REQUIRE_FALSE(bad_rtc.ok());
    CHECK(bad_rtc.diagnostics.front().line == 2);
}

TEST_CASE("the public key for signed packs is read from the configuration", "[config]") {
    CHECK(kiosk::load_kiosk_config(write_config("nokey.toml", "")).config.public_key == "/etc/vitrine/pack-signing.pub");
    const auto good = kiosk::load_kiosk_config(write_config("key.toml", "[pack]\npublic_key = \"/srv/museum.pub\"\n"));
    REQUIRE(good.ok());
    CHECK(good.config.public_key == "/srv/museum.pub");
    const auto bad = kiosk::load_kiosk_config(write_config("bad-key.toml", "[pack]\npublic_key = 7\n"));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.diagnostics.front().message.find("public_key") != std::string::npos);
}

TEST_CASE("the packaged configuration reads cleanly as shipped and with every example switched on", "[config]") {
    std::ifstream in(VITRINE_SOURCE_DIR "/deploy/vitrine.toml");
    std::string shipped, enabled, line;
    while (std::getline(in, line)) {
        shipped += line + "\n";
        // "# key = value" lines are the examples; prose comments have no " = ".
        const bool example = line.rfind("# ", 0) == 0 && line.find(" = ") != std::string::npos &&
                             line.find(' ', 2) == line.find(" = ");
        enabled += (example ? line.substr(2) : line) + "\n";
    }
    const auto as_shipped = kiosk::load_kiosk_config(write_config("shipped.toml", shipped));
    CHECK(as_shipped.ok());
    CHECK_FALSE(as_shipped.config.hours.enabled);
    const auto all_on = kiosk::load_kiosk_config(write_config("all-examples.toml", enabled));
    std::string said;
    for (const auto& d : all_on.diagnostics) said += d.to_string() + "\n";
    INFO(said);
    REQUIRE(all_on.ok());
    CHECK(all_on.config.panel_inches == 24);
    CHECK(all_on.config.rotation == 90);
    CHECK(all_on.config.staff_pin == "2468");
    CHECK(all_on.config.pack_dir == "/srv/exhibit");
    CHECK(all_on.config.public_key == "/etc/vitrine/pack-signing.pub");
    CHECK(all_on.config.state_dir == "/var/lib/vitrine");
    CHECK(all_on.config.hours.enabled);
    CHECK(all_on.config.hours.battery_clock);
}
