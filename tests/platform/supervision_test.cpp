// The service's supervision, end to end: this test plays systemd for a real kiosk
// process (Type=notify, WatchdogSec, Restart=always). It owns the notify socket,
// expects READY and the shown exhibit, counts the watchdog pings of a kiosk that
// is idle and draws nothing, and, once the kiosk's main loop stops turning
// (VITRINE_TEST_HANG_AFTER_MS), does what systemd does when the pings stop:
// SIGABRT, then SIGKILL, then a restart, which must come up ready again.
#include "notify_socket.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// WatchdogSec=1.5 for the test (30 on a board); under qemu-user everything takes
// several times longer, and so does every interval here.
constexpr int64_t kWatchdogUsec = 1500000 * VITRINE_TEST_TIME_SCALE;

// Starts the kiosk as the service does: fullscreen, the system's configuration,
// no display server (SDL's offscreen driver stands in for KMSDRM).
pid_t start_kiosk(const std::string& notify_socket, const std::string& config, int hang_after_ms) {
    std::vector<std::string> args;
    for (const char* part : {VITRINE_KIOSK_COMMAND}) args.emplace_back(part);
    for (const std::string& a : {std::string("--config"), config}) args.push_back(a);
    const pid_t pid = fork();
    if (pid != 0) return pid;
    setenv("NOTIFY_SOCKET", notify_socket.c_str(), 1);
    setenv("WATCHDOG_USEC", std::to_string(kWatchdogUsec).c_str(), 1);
    setenv("WATCHDOG_PID", std::to_string(getpid()).c_str(), 1);
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    setenv("SDL_RENDER_DRIVER", "software", 1);  // the loop is under test, not a software OpenGL
    if (hang_after_ms >= 0)
        setenv("VITRINE_TEST_HANG_AFTER_MS", std::to_string(hang_after_ms).c_str(), 1);
    else
        unsetenv("VITRINE_TEST_HANG_AFTER_MS");
    // SDL's video start-up leaks inside the EGL libraries it loads and unloads again
    // (LeakSanitizer cannot even name them); the kiosk's own memory is checked
    // under LeakSanitizer by the render tests, which drive the same KioskView.
    const char* asan = std::getenv("ASAN_OPTIONS");
    setenv("ASAN_OPTIONS", (std::string(asan ? asan : "") + ":detect_leaks=0").c_str(), 1);
    const rlimit no_core{0, 0};  // the watchdog's SIGABRT must not leave core files about
    setrlimit(RLIMIT_CORE, &no_core);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
}

// Waits for READY=1 and returns its STATUS text; "" if none came in time.
std::string wait_ready(NotifySocket& systemd, double timeout_s) {
    const auto start = Clock::now();
    while (seconds_since(start) < timeout_s) {
        const std::string m = systemd.receive();
        if (m.rfind("READY=1", 0) == 0) {
            const size_t status = m.find("STATUS=");
            return status == std::string::npos ? "(no status)" : m.substr(status + 7);
        }
    }
    return "";
}

// How the process ended: "exit N" or "signal N".
std::string wait_end(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status))
                             : "signal " + std::to_string(WTERMSIG(status));
}

}  // namespace

TEST_CASE("a kiosk whose main loop stops turning is killed by the watchdog and restarted", "[service]") {
    const std::string dir = test_files::fresh_dir("supervision", "kiosk");
    const std::string config = dir + "/vitrine.toml";
    // Its USB report's folder is watched too: no 2 s look keeps the loop turning,
    // the watchdog's ping alone must.
    test_files::write_bytes(config, "[pack]\ndir = \"" + test_files::kBundled + "\"\n[state]\ndir = \"" + dir +
                                        "\"\nusb_report = \"" + dir + "/usb-status\"\n");
    NotifySocket systemd(100);
    const double watchdog_s = double(kWatchdogUsec) / 1e6;
    const int hang_after_ms = 4000 * VITRINE_TEST_TIME_SCALE;

    // 1. Started: ready, showing the exhibit, then pinging while idle.
    pid_t kiosk = start_kiosk(systemd.path, config, hang_after_ms);
    const auto started = Clock::now();
    REQUIRE(wait_ready(systemd, 60) == "ieng-sary " + test_files::bundled_version());
    const auto ready = Clock::now();

    // 2. Watch the pings as systemd does; when none came for WatchdogSec, abort it.
    int pings = 0;
    double longest_gap = 0;
    auto last_ping = Clock::now();
    while (seconds_since(last_ping) < watchdog_s) {
        const std::string m = systemd.receive();
        if (m == "WATCHDOG=1") {
            longest_gap = std::max(longest_gap, seconds_since(last_ping));
            ++pings;
            last_ping = Clock::now();
        }
        REQUIRE(seconds_since(started) < 120 * VITRINE_TEST_TIME_SCALE);
    }
    const double alive_s = std::chrono::duration<double>(last_ping - ready).count();
    INFO("pings " << pings << " over " << alive_s << " s, longest gap " << longest_gap << " s");
    // An idle kiosk draws nothing, yet its loop pinged at about a third of the
    // interval until the moment it hung, and only then did the pings stop.
    CHECK(pings >= 4);
    CHECK(longest_gap < watchdog_s * 2 / 3 + 0.25 * VITRINE_TEST_TIME_SCALE);
    CHECK(alive_s >= hang_after_ms / 1000.0 - watchdog_s * 2 / 3);
    kill(kiosk, SIGABRT);  // systemd's WatchdogSignal
    const auto aborted = Clock::now();
    while (waitpid(kiosk, nullptr, WNOHANG) == 0) {
        if (seconds_since(aborted) > 5) kill(kiosk, SIGKILL);  // TimeoutAbortSec
        usleep(20000);
    }

    // 3. Restart=always: the next one comes up ready and keeps pinging.
    kiosk = start_kiosk(systemd.path, config, -1);
    REQUIRE(wait_ready(systemd, 60) == "ieng-sary " + test_files::bundled_version());
    int later_pings = 0;
    const auto restarted = Clock::now();
    while (seconds_since(restarted) < 2 * watchdog_s)
        if (systemd.receive() == "WATCHDOG=1") ++later_pings;
    CHECK(later_pings >= 3);

    // 4. systemctl stop: SIGTERM, STOPPING=1, a clean exit.
    kill(kiosk, SIGTERM);
    std::string last;
    for (int i = 0; i < 50 && last != "STOPPING=1"; ++i) last = systemd.receive();
    CHECK(last == "STOPPING=1");
    CHECK(wait_end(kiosk) == "exit 0");
}
