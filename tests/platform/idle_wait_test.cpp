// An idle kiosk sleeps: with no timer due its wait does not wake at all and it
// draws nothing, and the service manager's SIGTERM ends that sleep whichever
// thread the signal lands on (platform/stop_signal.h, platform/event_wait.h). A
// USB report or an install renamed into a watched folder wakes it, and nothing
// else in that folder does (platform/folder_watch.h).
// Nothing here asserts how fast: only whether a wait woke, and why.
#include "event_wait.h"
#include "folder_watch.h"
#include "stop_signal.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

// The stop signal's handlers for one test, and the defaults again after it.
struct StopSignals {
    StopSignals() {
        platform::take_stop_signals();
        platform::forget_stop_signal();
    }
    ~StopSignals() {
        std::signal(SIGTERM, SIG_DFL);
        std::signal(SIGINT, SIG_DFL);
        platform::forget_stop_signal();
    }
};

struct Outcome {
    bool woke_before = true;  // before the trigger
    bool got_event = true;
    uint64_t wakeups = 0;
};

// Waits with no timeout on this thread while another leaves it alone for a
// stretch (doing QUIET at its start, which must not end the wait), then does
// TRIGGER, which should. Should it not, UNBLOCK ends the wait after 30 s and the
// outcome says so.
template <typename Quiet, typename Trigger, typename Unblock>
Outcome sleep_until(platform::EventWait& waiter, Quiet quiet, Trigger trigger, Unblock unblock) {
    std::atomic<bool> returned{false};
    Outcome o;
    std::thread other([&] {
        quiet();
        std::this_thread::sleep_for(std::chrono::milliseconds(300 * VITRINE_TEST_TIME_SCALE));
        o.woke_before = returned.load();
        trigger();
        const auto sent = Clock::now();
        while (!returned && Clock::now() - sent < std::chrono::seconds(30))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (!returned) unblock();
    });
    SDL_Event e;
    o.got_event = waiter.wait(platform::EventWait::kForever, e);
    returned = true;
    other.join();
    o.wakeups = waiter.wakeups();
    return o;
}

// SIGTERM raised on the other thread, so the signal lands there, not on the
// sleeping one.
template <typename Unblock>
Outcome sleep_then_terminate(platform::EventWait& waiter, Unblock unblock) {
    return sleep_until(
        waiter, [] {}, [] { std::raise(SIGTERM); }, unblock);
}

// A file of no interest written and removed in the watched folder, then the
// report renamed into it, as the USB job does.
template <typename Unblock>
Outcome sleep_until_renamed(platform::EventWait& waiter, const std::string& dir, Unblock unblock) {
    return sleep_until(
        waiter,
        [&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300 * VITRINE_TEST_TIME_SCALE));
            test_files::write_bytes(dir + "/stats.db-journal", "not the report");
            std::filesystem::remove(dir + "/stats.db-journal");
            test_files::write_bytes(dir + "/usb-status.new", "ok\nupdated\n");
        },
        [&] { std::filesystem::rename(dir + "/usb-status.new", dir + "/usb-status"); }, unblock);
}

}  // namespace

TEST_CASE("a report renamed into a watched folder ends a wait; other files there do not", "[idle]") {
    StopSignals signals;
    unsetenv("VITRINE_IDLE_WAIT");
    REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
    const std::string dir = test_files::fresh_dir("idle-wait", "watched");
    platform::FolderWatch folders;
    folders.want(dir, {"usb-status"});
    REQUIRE(folders.complete());
    const platform::EventWait::Wake wake{folders.fd(), [&] { return folders.drain(); }};
    SECTION("the devices strategy") {
        int device[2];
        REQUIRE(pipe(device) == 0);
        {
            platform::EventWait waiter;
            waiter.init_devices({device[0]}, platform::stop_signal_fd(), wake);
            const Outcome o = sleep_until_renamed(waiter, dir, [&] { CHECK(write(device[1], "x", 1) == 1); });
            CHECK_FALSE(o.woke_before);
            CHECK(o.wakeups == 1);
            CHECK(waiter.take_wake());  // what tells the loop to look
            CHECK_FALSE(waiter.take_wake());
        }
        close(device[1]);
    }
    SECTION("SDL's own wait") {
        platform::EventWait waiter;
        waiter.init("x11", platform::stop_signal_fd(), wake);
        REQUIRE(waiter.strategy() == platform::EventWait::Strategy::SdlWait);
        const Outcome o = sleep_until_renamed(waiter, dir, [] {
            SDL_Event e{};
            e.type = SDL_USEREVENT;
            SDL_PushEvent(&e);
        });
        CHECK_FALSE(o.woke_before);
        CHECK(o.got_event);  // the watcher thread's
        CHECK(o.wakeups == 1);
        CHECK(waiter.take_wake());
        CHECK_FALSE(waiter.take_wake());
    }
    SDL_Quit();
}

TEST_CASE("a folder that cannot be watched yet keeps the periodic look until it can", "[idle]") {
    const std::string dir = test_files::fresh_dir("idle-wait", "later");
    platform::FolderWatch folders;
    folders.want(dir, {"current", "packs"});
    folders.want(dir + "/packs", {}, true);  // its appearing is a change in DIR
    CHECK(folders.complete());
    folders.want(dir + "/run", {"usb-status"});  // nothing would tell when it appears
    CHECK_FALSE(folders.complete());
    std::filesystem::create_directory(dir + "/packs");
    std::filesystem::create_directory(dir + "/run");
    CHECK(folders.drain());  // "packs" appeared; "run" is no name wanted, but "packs" is
    CHECK(folders.refresh());
    test_files::write_bytes(dir + "/packs/pack-1", "");
    CHECK(folders.drain());
    CHECK_FALSE(folders.drain());  // nothing since
    // A watched folder that goes is looked for again.
    std::filesystem::remove(dir + "/run");
    CHECK(folders.drain());
    CHECK_FALSE(folders.complete());
}

TEST_CASE("a wait on the input devices sleeps until SIGTERM ends it", "[idle]") {
    StopSignals signals;
    REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
    int device[2];
    REQUIRE(pipe(device) == 0);  // stands in for /dev/input/event0
    {
        platform::EventWait waiter;
        waiter.init_devices({device[0]}, platform::stop_signal_fd());
        const Outcome o = sleep_then_terminate(waiter, [&] { CHECK(write(device[1], "x", 1) == 1); });
        CHECK_FALSE(o.woke_before);
        CHECK(platform::stop_requested());
        CHECK(o.wakeups == 1);  // the one the signal caused
        // The pipe stays readable: a wait after a stop does not sleep again.
        SDL_Event e;
        CHECK_FALSE(waiter.wait(platform::EventWait::kForever, e));
        CHECK(waiter.wakeups() == 2);
    }
    close(device[1]);
    SDL_Quit();
}

TEST_CASE("SDL's own wait sleeps until SIGTERM ends it", "[idle]") {
    StopSignals signals;
    unsetenv("VITRINE_IDLE_WAIT");
    REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
    {
        platform::EventWait waiter;
        waiter.init("x11", platform::stop_signal_fd());  // a driver whose SDL wait truly sleeps
        REQUIRE(waiter.strategy() == platform::EventWait::Strategy::SdlWait);
        const Outcome o = sleep_then_terminate(waiter, [] {
            SDL_Event e{};
            e.type = SDL_USEREVENT;
            SDL_PushEvent(&e);
        });
        CHECK_FALSE(o.woke_before);
        CHECK(platform::stop_requested());
        CHECK(o.wakeups == 1);
    }
    SDL_Quit();
}

namespace {

// A number from a --stats line, after "NAME=".
uint64_t stats_field(const std::string& text, size_t line, const std::string& name) {
    const size_t at = text.find(" " + name + "=", line);
    return at == std::string::npos ? ~uint64_t(0) : std::strtoull(text.c_str() + at + name.size() + 2, nullptr, 10);
}

}  // namespace

// A real kiosk under the offscreen driver, with a state folder and a USB report
// folder of its own, both watched, and the bundled exhibit (installs followed):
// nothing is due for 90 s, the idle countdown.
struct IdleKiosk {
    std::string dir, log;
    pid_t pid = -1;

    explicit IdleKiosk(const std::string& name)
            : dir(test_files::fresh_dir("idle-wait", name)), log(dir + "/stderr.txt") {
        const std::string config = dir + "/vitrine.toml";
        std::filesystem::create_directory(dir + "/run");
        test_files::write_bytes(config,
                                "[state]\ndir = \"" + dir + "\"\nusb_report = \"" + dir + "/run/usb-status\"\n");
        std::vector<std::string> args;
        for (const char* part : {VITRINE_KIOSK_COMMAND}) args.emplace_back(part);
        for (const char* a : {"--windowed", "800x480", "--stats", "--config"}) args.emplace_back(a);
        args.push_back(config);
        pid = fork();
        if (pid == 0) {
            setenv("SDL_VIDEODRIVER", "offscreen", 1);
            setenv("SDL_RENDER_DRIVER", "software", 1);
            setenv("VITRINE_IDLE_WAIT", "sdl", 1);  // counts the loop's own waits, whatever the driver does inside
            for (const char* v : {"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"}) unsetenv(v);
            const char* asan = std::getenv("ASAN_OPTIONS");  // as in supervision_test.cpp: SDL's EGL leaks
            setenv("ASAN_OPTIONS", (std::string(asan ? asan : "") + ":detect_leaks=0").c_str(), 1);
            if (!freopen(log.c_str(), "w", stderr)) _exit(126);
            std::vector<char*> argv;
            for (std::string& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execvp(argv[0], argv.data());
            _exit(127);
        }
    }
    // Whether its stderr says TEXT within SECONDS.
    bool says(const std::string& text, int seconds) const {
        const auto started = Clock::now();
        while (test_files::read_bytes(log).find(text) == std::string::npos) {
            if (Clock::now() - started > std::chrono::seconds(seconds * VITRINE_TEST_TIME_SCALE)) return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return true;
    }
    // SIGTERM; its exit status.
    int stop() {
        kill(pid, SIGTERM);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
        return status;
    }
    ~IdleKiosk() {
        if (pid > 0) stop();
    }
};

TEST_CASE("an idle kiosk neither wakes nor draws after its first frame, and SIGTERM ends its sleep", "[idle]") {
    IdleKiosk kiosk("kiosk");
    REQUIRE(kiosk.pid > 0);
    CHECK(kiosk.says("first_frame_ms=", 60));
    // Left alone, longer than two of the 2 s looks for installs there used to be.
    std::this_thread::sleep_for(std::chrono::milliseconds(4500 * VITRINE_TEST_TIME_SCALE));
    const int status = kiosk.stop();
    const std::string text = test_files::read_bytes(kiosk.log);
    INFO(text);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const size_t first = text.find("vitrine-stats: first_frame_ms=");
    const size_t stats = text.find("vitrine-stats: frames=");
    REQUIRE(first != std::string::npos);
    REQUIRE(stats != std::string::npos);
    CHECK(std::strtoull(text.c_str() + stats + 22, nullptr, 10) == 1);
    // The waits' wakeups from the first frame to the exit: SIGTERM's alone.
    CHECK(stats_field(text, stats, "wakeups") - stats_field(text, first, "wakeups") == 1);
}

// The folder watch wakes the sleeping loop (the test above shows that no
// periodic look is left to find the report).
TEST_CASE("a sleeping kiosk shows a USB report renamed into place", "[idle]") {
    IdleKiosk kiosk("usb-report");
    REQUIRE(kiosk.pid > 0);
    REQUIRE(kiosk.says("first_frame_ms=", 60));
    test_files::write_bytes(kiosk.dir + "/run/usb-status.new", "ok\nthe exhibit is updated\n");
    std::filesystem::rename(kiosk.dir + "/run/usb-status.new", kiosk.dir + "/run/usb-status");
    CHECK(kiosk.says("USB stick: the exhibit is updated", 30));
    const int status = kiosk.stop();
    INFO(test_files::read_bytes(kiosk.log));
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
