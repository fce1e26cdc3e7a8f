#include "config/kiosk_config.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

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
    CHECK(has(2, "[display] panel_inches = 500: must be the panel's diagonal, a number of inches from 3 to 120"));
    CHECK(has(4, "[staff] pin: must be a string of 4 to 8 digits"));
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

TEST_CASE("a configuration that says nothing, or is a file of /proc, is reported", "[config]") {
    const auto empty = kiosk::load_kiosk_config(write_config("empty.toml", ""));
    CHECK(empty.ok());
    REQUIRE(empty.diagnostics.size() == 1);
    CHECK(empty.diagnostics[0].severity == kiosk::Diagnostic::Severity::Warning);
    CHECK(empty.diagnostics[0].message == "the configuration sets nothing; every setting keeps its default");
    // /proc files say they hold 0 bytes: read for what they hold, which is no TOML.
    const auto proc = kiosk::load_kiosk_config("/proc/self/environ");
    REQUIRE_FALSE(proc.ok());
    CHECK(proc.diagnostics[0].message.find("not a TOML file") == 0);
}

TEST_CASE("a public key that is not a regular file is refused", "[config]") {
    for (const char* key : {"/dev/zero", "/tmp"}) {
        INFO(key);
        const auto r =
            kiosk::load_kiosk_config(write_config("key.toml", std::string("[pack]\npublic_key = \"") + key + "\"\n"));
        REQUIRE_FALSE(r.ok());
        CHECK(r.config.public_key.empty());
        CHECK(r.diagnostics[0].line == 2);
        CHECK(r.diagnostics[0].message.find(std::string("[pack] public_key = \"") + key + "\": is a ") == 0);
        CHECK(r.diagnostics[0].message.find("not a regular file") != std::string::npos);
    }
}

TEST_CASE("opening hours are read from the configuration", "[config]") {
    const auto good = kiosk::load_kiosk_config(write_config(
        "hours.toml", "[hours]\nopen = \"09:30\"\nclose = \"18:00\"\ndays = [\"tue\", \"wed\", \"sun\"]\n"));
    REQUIRE(good.ok());
    CHECK(good.config.hours.enabled);
    CHECK(good.config.hours.open_minute == 570);
    CHECK(good.config.hours.close_minute == 1080);
    CHECK_FALSE(good.config.hours.days[0]);
    CHECK(good.config.hours.days[6]);
    const auto bad =
        kiosk::load_kiosk_config(write_config("bad-hours.toml", "[hours]\nopen = \"9h\"\nclose = \"18:00\"\n"));
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

TEST_CASE("the height of the panel's lower edge above the floor is read from the configuration", "[config]") {
    CHECK(kiosk::load_kiosk_config(write_config("no-bottom.toml", "")).config.panel_bottom_mm < 0);
    const auto good = kiosk::load_kiosk_config(write_config("bottom.toml", "[display]\npanel_bottom_mm = 650.5\n"));
    REQUIRE(good.ok());
    CHECK(good.config.panel_bottom_mm == Approx(650.5f));
    for (const char* bad : {"-10", "4000", "\"700\"", "nan"}) {
        const auto r = kiosk::load_kiosk_config(
            write_config("bad-bottom.toml", std::string("[display]\npanel_bottom_mm = ") + bad + "\n"));
        INFO(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.diagnostics.front().message.find("[display] panel_bottom_mm") != std::string::npos);
        CHECK(r.config.panel_bottom_mm < 0);
    }
}

TEST_CASE("the public key for signed packs is read from the configuration", "[config]") {
    CHECK(kiosk::load_kiosk_config(write_config("nokey.toml", "")).config.public_key ==
          "/etc/vitrine/pack-signing.pub");
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
        const bool example =
            line.rfind("# ", 0) == 0 && line.find(" = ") != std::string::npos && line.find(' ', 2) == line.find(" = ");
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
    CHECK(all_on.config.panel_bottom_mm == 700);
    CHECK(all_on.config.staff_pin == "2468");
    CHECK(all_on.config.pack_dir == "/srv/exhibit");
    CHECK(all_on.config.public_key == "/etc/vitrine/pack-signing.pub");
    CHECK(all_on.config.state_dir == "/var/lib/vitrine");
    CHECK(all_on.config.usb_report == "/run/vitrine/usb-status");
    CHECK(all_on.config.hours.enabled);
    CHECK(all_on.config.hours.battery_clock);
    CHECK(all_on.config.audio_device == "USB Audio Device");
    CHECK(all_on.config.volume == 70);
}

namespace {

std::string all_said(const kiosk::KioskConfigResult& r) {
    std::string said;
    for (const auto& d : r.diagnostics) said += d.to_string() + "\n";
    return said;
}

}  // namespace

TEST_CASE("numbers are checked as written: nan, infinity, wide integers, wrong types", "[config]") {
    struct Case {
        const char* toml;
        const char* message;
    } cases[] = {
        {"[display]\npanel_inches = nan\n", "[display] panel_inches = nan: must be the panel's diagonal"},
        {"[display]\npanel_inches = -nan\n", "nan: must be the panel's diagonal"},
        {"[display]\npanel_inches = inf\n", "[display] panel_inches = inf: must be"},
        {"[display]\npanel_inches = 2.9\n", "panel_inches = 2.9: must be"},
        {"[display]\npanel_inches = \"10.1\"\n", "panel_inches = \"10.1\": must be"},
        // 4294967386 is 90 once cut to 32 bits: it must not become 90.
        {"[display]\nrotation = 4294967386\n", "[display] rotation = 4294967386: must be 0, 90, 180 or 270"},
        {"[display]\nrotation = -270\n", "rotation = -270: must be 0, 90, 180 or 270"},
        {"[display]\nrotation = 90.0\n", "rotation = 90.0: must be 0, 90, 180 or 270"},
        {"[display]\nrotation = \"90\"\n", "rotation = \"90\": must be 0, 90, 180 or 270"},
        {"[display]\nrotation = true\n", "rotation = true: must be"},
        {"[hours]\nbattery_clock = 1\n", "[hours] battery_clock = 1: must be true or false"},
    };
    for (const Case& c : cases) {
        INFO(c.toml);
        const auto r = kiosk::load_kiosk_config(write_config("numbers.toml", c.toml));
        CHECK_FALSE(r.ok());
        CHECK_THAT(all_said(r), Catch::Contains(c.message) && Catch::Contains("numbers.toml:2:"));
        CHECK(r.config.panel_inches == 0);
        CHECK(r.config.rotation == 0);
        CHECK_FALSE(r.config.hours.battery_clock);
    }
    const auto ok =
        kiosk::load_kiosk_config(write_config("whole-inches.toml", "[display]\npanel_inches = 24\nrotation = 270\n"));
    REQUIRE(ok.ok());
    CHECK(ok.config.panel_inches == 24);
    CHECK(ok.config.rotation == 270);
}

TEST_CASE("strings are checked: the PIN's digits, paths empty, relative or with control characters", "[config]") {
    struct Case {
        const char* toml;
        const char* message;
    } cases[] = {
        {"[staff]\npin = \"24 68\"\n", "[staff] pin: must be a string of 4 to 8 digits"},
        {"[staff]\npin = \"２４６８\"\n", "[staff] pin: must be"},  // full-width digits are not digits
        {"[staff]\npin = \"123\"\n", "[staff] pin: must be"},
        {"[staff]\npin = \"123456789\"\n", "[staff] pin: must be"},
        {"[pack]\ndir = \"\"\n", "[pack] dir = \"\": must be the path of a pack folder"},
        {"[pack]\ndir = \"/srv/a\\u0000b\"\n", "[pack] dir = \"/srv/a\\x00b\": a path cannot hold control characters"},
        {"[pack]\npublic_key = \"/etc/\\u001b[2Jkey.pub\"\n", "public_key = \"/etc/\\x1b[2Jkey.pub\": a path cannot"},
        {"[state]\ndir = []\n", "[state] dir = []: must be the path of the kiosk's state folder"},
        {"[state]\nusb_report = 3\n", "[state] usb_report = 3: must be the path of the USB update's report file"},
    };
    for (const Case& c : cases) {
        INFO(c.toml);
        const auto r = kiosk::load_kiosk_config(write_config("strings.toml", c.toml));
        CHECK_FALSE(r.ok());
        const std::string said = all_said(r);
        CHECK_THAT(said, Catch::Contains(c.message));
        CHECK(said.find('\x1b') == std::string::npos);
        CHECK(r.config.staff_pin.empty());
        CHECK(r.config.pack_dir.empty());
        CHECK(r.config.state_dir == "/var/lib/vitrine");
    }
    // A PIN that is not accepted is not repeated: the message reaches the screen.
    const auto pin = kiosk::load_kiosk_config(write_config("pin.toml", "[staff]\npin = 97531\n"));
    CHECK(all_said(pin).find("97531") == std::string::npos);
    CHECK(pin.config.staff_note.find("97531") == std::string::npos);

    const auto relative = kiosk::load_kiosk_config(write_config("relative.toml", "[state]\ndir = \"var/vitrine\"\n"));
    CHECK(relative.ok());  // a warning: it may be meant
    CHECK_THAT(all_said(relative), Catch::Contains("warning: [state] dir = \"var/vitrine\": a relative path"));
    CHECK(relative.config.state_dir == "var/vitrine");
}

TEST_CASE("misspelt and misplaced keys are named with the one meant", "[config]") {
    const auto r = kiosk::load_kiosk_config(write_config("names.toml",
                                                         "rotation = 90\n"
                                                         "[dispaly]\npanel_inches = 10\n"
                                                         "[display]\nrotaton = 90\npin = \"2468\"\nbrightness = 3\n"
                                                         "[hours]\nOpen = \"09:00\"\n"
                                                         "[\"\\u001b[31mred\"]\nx = 1\n"));
    const std::string said = all_said(r);
    INFO(said);
    CHECK_FALSE(r.ok());
    CHECK_THAT(said,
               Catch::Contains(
                   "names.toml:1:12: error: key outside every section 'rotation'; 'rotation' belongs under [display]"));
    CHECK_THAT(said, Catch::Contains("unknown section 'dispaly'; did you mean [display]?"));
    CHECK_THAT(said, Catch::Contains("unknown key 'rotaton' in [display]; did you mean 'rotation'?"));
    CHECK_THAT(said, Catch::Contains("unknown key 'pin' in [display]; 'pin' belongs under [staff]"));
    CHECK_THAT(said, Catch::Contains(
                         "unknown key 'brightness' in [display] (known: panel_inches, rotation, panel_bottom_mm)"));
    CHECK_THAT(said, Catch::Contains("unknown key 'Open' in [hours]; did you mean 'open'?"));
    CHECK_THAT(said, Catch::Contains("unknown section '\\x1b[31mred'"));
    CHECK(said.find('\x1b') == std::string::npos);
    CHECK(r.config.rotation == 0);
    CHECK(r.config.staff_pin.empty());
}

TEST_CASE("a schedule that never opens, or reads oddly, is reported; the exhibit is never dark by mistake",
          "[config]") {
    const auto never = kiosk::load_kiosk_config(
        write_config("never.toml", "[hours]\nopen = \"09:00\"\nclose = \"18:00\"\ndays = []\n"));
    CHECK_THAT(all_said(never),
               Catch::Contains("never.toml:4:8: warning: [hours] days = []: the kiosk would never open"));
    CHECK_FALSE(never.config.hours.enabled);  // always on, rather than black every day
    CHECK_THAT(never.config.staff_note, Catch::Contains("never open"));

    const auto same =
        kiosk::load_kiosk_config(write_config("same.toml", "[hours]\nopen = \"09:00\"\nclose = \"09:00\"\n"));
    CHECK(same.ok());
    CHECK_THAT(all_said(same), Catch::Contains("warning: [hours] open and close are both 09:00: read as open all day"));
    CHECK(same.config.hours.enabled);
    CHECK(kiosk::should_be_on(same.config.hours, {true, true, 2, 3 * 60}));

    const auto swapped =
        kiosk::load_kiosk_config(write_config("swapped.toml", "[hours]\nopen = \"18:00\"\nclose = \"09:00\"\n"));
    CHECK(swapped.ok());
    CHECK_THAT(all_said(swapped),
               Catch::Contains("warning: [hours] close = 09:00 is before open = 18:00: read as open overnight"));
    CHECK(swapped.config.hours.enabled);
    CHECK(swapped.config.staff_note.empty());  // in effect as read: the journal says how

    const auto half = kiosk::load_kiosk_config(write_config("half.toml", "[hours]\nopen = \"09:00\"\n"));
    CHECK_FALSE(half.ok());
    CHECK_THAT(all_said(half), Catch::Contains("[hours] open without close: both are needed"));
    CHECK_FALSE(half.config.hours.enabled);

    const auto midnight =
        kiosk::load_kiosk_config(write_config("midnight.toml", "[hours]\nopen = \"24:00\"\nclose = \"09:00\"\n"));
    CHECK_FALSE(midnight.ok());
    CHECK_FALSE(midnight.config.hours.enabled);

    const auto days_only = kiosk::load_kiosk_config(write_config("days-only.toml", "[hours]\ndays = [\"mon\"]\n"));
    CHECK_THAT(all_said(days_only), Catch::Contains("warning: [hours] days has no effect without open and close"));
    CHECK_FALSE(days_only.config.hours.enabled);

    const auto bad_day = kiosk::load_kiosk_config(
        write_config("bad-day.toml", "[hours]\nopen = \"09:00\"\nclose = \"18:00\"\ndays = [\"monday\", 3]\n"));
    CHECK_FALSE(bad_day.ok());
    CHECK_THAT(all_said(bad_day), Catch::Contains("[hours] days: \"monday\" is not a day"));
    CHECK_FALSE(bad_day.config.hours.enabled);
    for (bool d : bad_day.config.hours.days) CHECK(d);  // nothing half-applied
}

TEST_CASE("a configuration that is not a readable TOML file is reported, never waited on", "[config]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "config-files";
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto check_unusable = [](const std::string& path, const std::string& why) {
        INFO(path);
        const auto r = kiosk::load_kiosk_config(path);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.parsed);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK_THAT(r.diagnostics[0].message,
                   Catch::Contains(why) && Catch::Contains("every setting keeps its default"));
        CHECK_THAT(r.config.staff_note, Catch::StartsWith("Kiosk configuration: "));
        CHECK(r.config.state_dir == "/var/lib/vitrine");
        CHECK(r.config.staff_pin.empty());
    };
    check_unusable(dir.string(), "folder");
    check_unusable("/dev/zero", "character device");
    check_unusable((dir / "missing.toml").string(), "cannot read the kiosk's configuration");
    const std::string fifo = (dir / "fifo.toml").string();
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    check_unusable(fifo, "FIFO");  // returns at once: nobody writes to it
    {
        std::ofstream big(dir / "big.toml");
        big << "# " << std::string(300 * 1024, 'x') << "\n";
    }
    check_unusable((dir / "big.toml").string(), "at most");
    check_unusable(write_config("binary.toml", std::string("\x7f"
                                                           "ELF\x02\x01\x01\0\0\0",
                                                           10)),
                   "not a TOML file");

    // A link to a good file is followed: an integrator may link /etc/vitrine/vitrine.toml.
    const std::string target = write_config("linked-target.toml", "[staff]\npin = \"2468\"\n");
    fs::create_symlink(target, dir / "link.toml");
    const auto linked = kiosk::load_kiosk_config((dir / "link.toml").string());
    REQUIRE(linked.ok());
    CHECK(linked.config.staff_pin == "2468");
    CHECK(linked.config.staff_note.empty());
}

TEST_CASE("the sound output and its volume are read and checked", "[config]") {
    const auto none = kiosk::load_kiosk_config(write_config("no-audio.toml", "[display]\nrotation = 0\n"));
    CHECK(none.config.audio_device.empty());
    CHECK(none.config.volume == 70);

    const auto good = kiosk::load_kiosk_config(
        write_config("audio.toml", "[audio]\ndevice = \"Built-in Audio Analog Stereo\"\nvolume = 45\n"));
    INFO(all_said(good));
    REQUIRE(good.ok());
    CHECK(good.diagnostics.empty());
    CHECK(good.config.audio_device == "Built-in Audio Analog Stereo");
    CHECK(good.config.volume == 45);

    struct Case {
        std::string text;
        std::string said;
    } cases[] = {
        {"[audio]\nvolume = 101\n",
         "audio.toml:2:10: error: [audio] volume = 101: must be a whole number from 0 (silent) to 100"},
        {"[audio]\nvolume = -1\n", "[audio] volume = -1: must be a whole number"},
        {"[audio]\nvolume = 4294967366\n", "[audio] volume = 4294967366: must be a whole number"},
        {"[audio]\nvolume = 70.5\n", "[audio] volume = 70.5: must be a whole number"},
        {"[audio]\nvolume = \"70\"\n", "[audio] volume = \"70\": must be a whole number"},
        {"[audio]\ndevice = 3\n", "[audio] device = 3: must be the sound output's name in quotes"},
        {"[audio]\ndevice = \"USB\\u0007\"\n", "a device name cannot hold control characters"},
        {"[audio]\ndevice = \"" + std::string(300, 'x') + "\"\n", "is 300 bytes long; a device name has at most 256"},
        {"[audio]\nvolum = 50\n", "unknown key 'volum' in [audio]; did you mean 'volume'?"},
        {"[display]\nvolume = 50\n", "unknown key 'volume' in [display]; 'volume' belongs under [audio]"},
        {"[audoi]\nvolume = 50\n", "unknown section 'audoi'; did you mean [audio]?"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto r = kiosk::load_kiosk_config(write_config("audio.toml", c.text));
        CHECK_FALSE(r.ok());
        CHECK(all_said(r).find(c.said) != std::string::npos);
        INFO(all_said(r));
        CHECK(r.config.volume == 70);
        CHECK(r.config.audio_device.empty());
    }

    // Silent is allowed, and said in the journal.
    const auto silent = kiosk::load_kiosk_config(write_config("audio.toml", "[audio]\nvolume = 0\n"));
    CHECK(silent.ok());
    CHECK(silent.config.volume == 0);
    CHECK(all_said(silent).find("warning: [audio] volume = 0: the kiosk starts silent") != std::string::npos);
    // An empty name is the default output.
    const auto empty = kiosk::load_kiosk_config(write_config("audio.toml", "[audio]\ndevice = \"\"\n"));
    CHECK(empty.ok());
    CHECK(empty.config.audio_device.empty());
}
