#include "exhibit_source.h"

#include "pack_build.h"
#include "pack_file.h"
#include "pack_install.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;

TEST_CASE("the kiosk shows a fixed pack, else the installed one, else the bundled exhibit", "[source]") {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "exhibit-source";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string bundled = VITRINE_SOURCE_DIR "/assets/ieng-sary";
    const std::string root = (dir / "state").string();

    platform::ExhibitSource fixed(VITRINE_TEST_PACKS "/minimal", root, bundled, (dir / "usb-status").string());
    CHECK(fixed.dir() == VITRINE_TEST_PACKS "/minimal");
    CHECK_FALSE(fixed.follows_installs());

    platform::ExhibitSource source("", root, bundled, (dir / "usb-status").string());
    CHECK(source.dir() == bundled);  // nothing installed yet
    CHECK_FALSE(source.check_for_new_pack());

    // A pack is installed while the kiosk runs: it notices once, and names it.
    const auto keys = platform::generate_key_pair((dir / "museum").string());
    REQUIRE(keys.ok);
    REQUIRE(platform::build_pack_file(VITRINE_TEST_PACKS "/minimal", keys.secret_path, (dir / "m.vpk").string()).ok);
    platform::PublicKey key;
    std::string error;
    REQUIRE(platform::load_public_key(keys.public_path, key, &error));
    REQUIRE(platform::install_pack_file((dir / "m.vpk").string(), root, key).ok);
    CHECK(source.check_for_new_pack());
    CHECK(source.dir() == platform::current_pack_dir(root));
    CHECK(fs::exists(source.dir() + "/pack.toml"));
    CHECK_FALSE(source.check_for_new_pack());
}

TEST_CASE("a USB update's report is shown once, refused ones as problems", "[source]") {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "usb-report";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string status = (dir / "usb-status").string();
    std::ofstream(status) << "ok\nold news from before the kiosk started\n";
    platform::ExhibitSource source("", (dir / "state").string(), VITRINE_SOURCE_DIR "/assets/ieng-sary", status);
    CHECK_FALSE(source.check_usb_report());

    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // file times have one-second steps
    std::ofstream(status) << "refused\nx.vpk was not installed: not signed by the kiosk's key\n";
    const auto report = source.check_usb_report();
    REQUIRE(report);
    CHECK(report->problem);
    CHECK_THAT(report->message, Catch::Contains("not signed") && Catch::Contains("The exhibit is unchanged"));
    CHECK_FALSE(source.check_usb_report());
}
