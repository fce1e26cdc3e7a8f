#include "base/log.h"

#include "../stderr_capture.h"
#include "base/diagnostic.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using kiosk::LogLevel;
using kiosk::LogLine;

namespace {

// An environment variable set (or unset) for one scope, as it was afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = std::string(old);
        if (value)
            setenv(name, value, 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_)
            setenv(name_, old_->c_str(), 1);
        else
            unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

// Every line logged while it lives, instead of on stderr.
struct CapturedLog {
    std::vector<LogLine> lines;
    kiosk::LogTarget previous;
    CapturedLog() {
        previous = kiosk::set_log_sink(
            {[](const LogLine& line, void* user) { static_cast<CapturedLog*>(user)->lines.push_back(line); }, this});
    }
    ~CapturedLog() { kiosk::set_log_sink(previous); }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;
};

}  // namespace

TEST_CASE("a log line reads 'vitrine: MESSAGE [SUBSYSTEM]', with journald's priority under systemd", "[log]") {
    const LogLine loaded{LogLevel::Info, kiosk::log_from::kPack, "loaded /srv/pack (ieng-sary 1.1.0): 19 events"};
    CHECK(kiosk::format_log_line(loaded, false) == "vitrine: loaded /srv/pack (ieng-sary 1.1.0): 19 events [pack]");
    CHECK(kiosk::format_log_line(loaded, true) == "<6>vitrine: loaded /srv/pack (ieng-sary 1.1.0): 19 events [pack]");
    CHECK(kiosk::format_log_line({LogLevel::Error, "display", "x"}, true) == "<3>vitrine: x [display]");
    CHECK(kiosk::format_log_line({LogLevel::Warning, "config", "x"}, true) == "<4>vitrine: x [config]");
    CHECK(kiosk::format_log_line({LogLevel::Debug, "input", "x"}, true) == "<7>vitrine: x [input]");
    CHECK(kiosk::format_log_line({LogLevel::Info, "", "no subsystem"}, false) == "vitrine: no subsystem");
}

TEST_CASE("the log writes whole lines on stderr, with the prefix when JOURNAL_STREAM names stderr", "[log]") {
    {
        const ScopedEnv plain("JOURNAL_STREAM", nullptr);
        CHECK(stderr_of([] { kiosk::log_warning(kiosk::log_from::kDisplay, "the display refused to switch off"); }) ==
              "vitrine: the display refused to switch off [display]\n");
    }
    {
        // A stream other than stderr (a service's child whose stderr is a pipe): no prefix.
        const ScopedEnv elsewhere("JOURNAL_STREAM", "8:123456");
        CHECK(stderr_of([] { kiosk::log_error(kiosk::log_from::kPack, "could not be loaded"); }) ==
              "vitrine: could not be loaded [pack]\n");
    }
    // Named by its device and inode, as systemd names the journal's stream.
    CHECK(stderr_of([] {
              struct stat st;
              REQUIRE(fstat(2, &st) == 0);
              const std::string id = std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
              const ScopedEnv journal("JOURNAL_STREAM", id.c_str());
              kiosk::log_error(kiosk::log_from::kPack, "could not be loaded");
          }) == "<3>vitrine: could not be loaded [pack]\n");
}

TEST_CASE("debug lines are written only with VITRINE_LOG=debug", "[log]") {
    const CapturedLog log;
    {
        const ScopedEnv off("VITRINE_LOG", nullptr);
        kiosk::log_debug(kiosk::log_from::kInput, "hidden");
    }
    {
        const ScopedEnv other("VITRINE_LOG", "info");
        kiosk::log_debug(kiosk::log_from::kInput, "hidden too");
    }
    {
        const ScopedEnv on("VITRINE_LOG", "debug");
        kiosk::log_debug(kiosk::log_from::kInput, "shown");
    }
    kiosk::log_info(kiosk::log_from::kApp, "info always");
    REQUIRE(log.lines.size() == 2);
    CHECK(log.lines[0].message == "shown");
    CHECK(log.lines[1].message == "info always");
}

TEST_CASE("a sink receives each line's level, subsystem and message instead of stderr", "[log]") {
    std::string written;
    {
        const CapturedLog log;
        written = stderr_of([] {
            kiosk::log_error(kiosk::log_from::kStats, "cannot write the statistics");
            kiosk::log_info(kiosk::log_from::kConfig, "the settings named above keep their defaults");
        });
        REQUIRE(log.lines.size() == 2);
        CHECK(log.lines[0].level == LogLevel::Error);
        CHECK(std::string(log.lines[0].subsystem) == "stats");
        CHECK(log.lines[0].message == "cannot write the statistics");
        CHECK(log.lines[1].level == LogLevel::Info);
        CHECK(std::string(log.lines[1].subsystem) == "config");
    }
    CHECK(written.empty());
    // Removed, the sink hears nothing more: stderr again.
    const ScopedEnv plain("JOURNAL_STREAM", nullptr);
    CHECK(stderr_of([] { kiosk::log_info(kiosk::log_from::kApp, "staff exit"); }) == "vitrine: staff exit [app]\n");
}

TEST_CASE("control bytes in a message are written as visible escapes, on one line", "[log]") {
    const LogLine hostile{LogLevel::Warning, kiosk::log_from::kPack, "USB stick: \x1b[2Jcleared\nvitrine: forged\x7f"};
    CHECK(kiosk::format_log_line(hostile, false) ==
          "vitrine: USB stick: \\x1b[2Jcleared\\nvitrine: forged\\x7f [pack]");
    const ScopedEnv plain("JOURNAL_STREAM", nullptr);
    CHECK(stderr_of([] { kiosk::log_info(kiosk::log_from::kPack, "a\rb\tc"); }) == "vitrine: a\\rb\\tc [pack]\n");
}

TEST_CASE("a diagnostic is logged at its severity's level", "[log]") {
    const CapturedLog log;
    kiosk::Diagnostic error{kiosk::Diagnostic::Severity::Error, "pack.toml", 3, 5, "unknown key 'captoin'"};
    kiosk::Diagnostic warning{kiosk::Diagnostic::Severity::Warning, "vitrine.toml", 0, 0, "no opening hours"};
    kiosk::log_diagnostic(kiosk::log_from::kPack, error);
    kiosk::log_diagnostic(kiosk::log_from::kConfig, warning);
    REQUIRE(log.lines.size() == 2);
    CHECK(log.lines[0].level == LogLevel::Error);
    CHECK(log.lines[0].message == "pack.toml:3:5: error: unknown key 'captoin'");
    CHECK(log.lines[1].level == LogLevel::Warning);
    CHECK(std::string(log.lines[1].subsystem) == "config");
    CHECK(log.lines[1].message == "vitrine.toml: warning: no opening hours");
}
