// An idle kiosk sleeps: with no timer due its wait does not wake at all and it
// draws nothing, and the service manager's SIGTERM ends that sleep whichever
// thread the signal lands on (platform/stop_signal.h, platform/event_wait.h).
// Nothing here asserts how fast: only whether a wait woke, and why.
#include "event_wait.h"
#include "stop_signal.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
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
    bool woke_before_signal = true;
    bool got_event = true;
    bool stopped = false;
    uint64_t wakeups = 0;
};

// Waits with no timeout on this thread while another leaves it alone for a
// stretch, then raises SIGTERM on itself (so the signal lands on that thread, not
// on the sleeping one). Should the stop not end the wait, UNBLOCK does after 30 s
// and the outcome says so.
template <typename Unblock>
Outcome sleep_then_terminate(platform::EventWait& waiter, Unblock unblock) {
    std::atomic<bool> returned{false};
    Outcome o;
    std::thread other([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300 * VITRINE_TEST_TIME_SCALE));
        o.woke_before_signal = returned.load();
        std::raise(SIGTERM);
        const auto sent = Clock::now();
        while (!returned && Clock::now() - sent < std::chrono::seconds(30))
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (!returned) unblock();
    });
    SDL_Event e;
    o.got_event = waiter.wait(platform::EventWait::kForever, e);
    returned = true;
    other.join();
    o.stopped = platform::stop_requested();
    o.wakeups = waiter.wakeups();
    return o;
}

}  // namespace

TEST_CASE("a wait on the input devices sleeps until SIGTERM ends it", "[idle]") {
    StopSignals signals;
    REQUIRE(SDL_Init(SDL_INIT_EVENTS) == 0);
    int device[2];
    REQUIRE(pipe(device) == 0);  // stands in for /dev/input/event0
    {
        platform::EventWait waiter;
        waiter.init_devices({device[0]}, platform::stop_signal_fd());
        const Outcome o = sleep_then_terminate(waiter, [&] { CHECK(write(device[1], "x", 1) == 1); });
        CHECK_FALSE(o.woke_before_signal);
        CHECK(o.stopped);
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
        CHECK_FALSE(o.woke_before_signal);
        CHECK(o.stopped);
        CHECK(o.wakeups == 1);
    }
    SDL_Quit();
}

TEST_CASE("an idle kiosk draws nothing after its first frame, and SIGTERM ends its sleep", "[idle]") {
    const std::string dir = test_files::fresh_dir("idle-wait", "kiosk");
    const std::string config = dir + "/vitrine.toml";
    const std::string log = dir + "/stderr.txt";
    test_files::write_bytes(config, "[pack]\ndir = \"" + test_files::kBundled + "\"\n[state]\ndir = \"" + dir + "\"\n");
    std::vector<std::string> args;
    for (const char* part : {VITRINE_KIOSK_COMMAND}) args.emplace_back(part);
    for (const char* a : {"--windowed", "800x480", "--stats", "--config"}) args.emplace_back(a);
    args.push_back(config);
    const pid_t pid = fork();
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
    REQUIRE(pid > 0);
    const auto started = Clock::now();
    while (test_files::read_bytes(log).find("first_frame_ms=") == std::string::npos &&
           Clock::now() - started < std::chrono::seconds(60 * VITRINE_TEST_TIME_SCALE))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    // Left alone: the bundled exhibit's countdown is 90 s away.
    std::this_thread::sleep_for(std::chrono::milliseconds(1500 * VITRINE_TEST_TIME_SCALE));
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    const std::string text = test_files::read_bytes(log);
    INFO(text);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    const size_t stats = text.find("vitrine-stats: frames=");
    REQUIRE(stats != std::string::npos);
    CHECK(std::strtoull(text.c_str() + stats + 22, nullptr, 10) == 1);
}
