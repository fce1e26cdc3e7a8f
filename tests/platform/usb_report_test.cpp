// The USB update job's report (/run/vitrine/usb-status) is written by a job that
// handles sticks anyone can plug in: the kiosk reads it as untrusted text.
#include "exhibit_source.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// A new report, as the job writes one: a new file renamed into place.
void report(const std::string& status, const std::string& text) {
    const std::string temp = status + ".tmp";
    std::ofstream(temp, std::ios::binary) << text;
    fs::rename(temp, status);
}

struct Source {
    std::string status;
    platform::ExhibitSource source;
    explicit Source(const std::string& dir)
            : status(dir + "/usb-status"), source("", dir + "/state", VITRINE_SOURCE_DIR "/assets/ieng-sary", status) {}
};

}  // namespace

TEST_CASE("a USB report's text is escaped and cut before staff see it", "[source]") {
    const std::string dir = test_files::fresh_dir("usb-report", "text");
    Source s(dir);
    CHECK_FALSE(s.source.check_usb_report());

    report(s.status, "ok\n\x1b]2;owned\x07installed \xff.vpk\n");
    auto r = s.source.check_usb_report();
    REQUIRE(r);
    CHECK_FALSE(r->problem);
    CHECK(r->message == "USB stick: \\x1b]2;owned\\x07installed \\xff.vpk");

    report(s.status, "refused\n" + std::string(3000, 'a') + "\n");
    r = s.source.check_usb_report();
    REQUIRE(r);
    CHECK(r->problem);
    CHECK(r->message.size() < 500);
    CHECK_THAT(r->message, Catch::Contains("more bytes)") && Catch::EndsWith("The exhibit is unchanged."));

    // An outcome the job never writes is not shown as a success.
    report(s.status, "installed!\nall good\n");
    r = s.source.check_usb_report();
    REQUIRE(r);
    CHECK(r->problem);
    CHECK_THAT(r->message, Catch::Contains("not understood (installed!)"));
    CHECK_FALSE(s.source.check_usb_report());  // once per report
}

TEST_CASE("a FIFO, a link or a huge file at the report's path is refused at once", "[source]") {
    const std::string dir = test_files::fresh_dir("usb-report", "hostile");
    Source s(dir);

    REQUIRE(mkfifo(s.status.c_str(), 0600) == 0);
    const auto started = std::chrono::steady_clock::now();
    auto r = s.source.check_usb_report();  // nobody writes to the FIFO: a blocking read would hang here
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    REQUIRE(r);
    CHECK(r->problem);
    CHECK_THAT(r->message, Catch::Contains("could not be read") && Catch::Contains("FIFO"));
    fs::remove(s.status);

    const std::string target = dir + "/elsewhere";
    std::ofstream(target) << "ok\nthe kiosk was told something by a link\n";
    fs::create_symlink(target, s.status);
    r = s.source.check_usb_report();
    REQUIRE(r);
    CHECK(r->problem);
    CHECK_THAT(r->message, Catch::Contains("symbolic link"));
    CHECK(r->message.find("told something") == std::string::npos);
    fs::remove(s.status);

    report(s.status, "ok\n" + std::string(1 << 20, 'x') + "\n");
    r = s.source.check_usb_report();
    REQUIRE(r);
    CHECK(r->problem);
    CHECK_THAT(r->message, Catch::Contains("at most"));

    fs::remove(s.status);
    CHECK_FALSE(s.source.check_usb_report());  // gone: nothing new to say
}
