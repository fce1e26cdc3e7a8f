#include "event_wait.h"

#include "base/log.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <unistd.h>

namespace platform {

EventWait::~EventWait() {
    for (int fd : input_fds_) close(fd);
}

void EventWait::init(const char* driver) {
    const std::string name = driver ? driver : "";
    // VITRINE_IDLE_WAIT forces a strategy, to measure one against another.
    const char* forced_env = std::getenv("VITRINE_IDLE_WAIT");
    std::string forced = forced_env ? forced_env : "";
    if (!forced.empty() && forced != "sdl" && forced != "devices" && forced != "slowpoll") {
        kiosk::log_warning(kiosk::log_from::kInput,
                           "VITRINE_IDLE_WAIT=" + forced + ": expected sdl, devices or slowpoll; ignored");
        forced.clear();
    }
    const bool sdl_truly_waits = name == "x11" || name == "wayland" || name == "windows" || name == "cocoa";
    if (forced == "sdl" || (forced.empty() && sdl_truly_waits)) {
        strategy_ = Strategy::SdlWait;
        return;
    }
    if (forced == "slowpoll") {
        strategy_ = Strategy::SlowPoll;
        return;
    }
    if (DIR* dir = opendir("/dev/input")) {
        while (const dirent* entry = readdir(dir)) {
            if (std::strncmp(entry->d_name, "event", 5) != 0) continue;
            const int fd =
                open(("/dev/input/" + std::string(entry->d_name)).c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
            if (fd >= 0) input_fds_.push_back(fd);
        }
        closedir(dir);
    }
    strategy_ = input_fds_.empty() ? Strategy::SlowPoll : Strategy::InputDevices;
    if (forced == "devices" && input_fds_.empty())
        kiosk::log_warning(kiosk::log_from::kInput,
                           "VITRINE_IDLE_WAIT=devices: no readable /dev/input/event*; polling instead");
}

const char* EventWait::strategy_name() const {
    switch (strategy_) {
        case Strategy::SdlWait: return "SDL_WaitEventTimeout";
        case Strategy::InputDevices: return "poll() on /dev/input";
        case Strategy::SlowPoll: return "polling every 50 ms";
    }
    return "";
}

const char* EventWait::strategy_key() const {
    switch (strategy_) {
        case Strategy::SdlWait: return "sdl";
        case Strategy::InputDevices: return "devices";
        case Strategy::SlowPoll: return "slowpoll";
    }
    return "";
}

bool EventWait::wait(int timeout_ms, SDL_Event& event) {
    if (SDL_PollEvent(&event)) return true;
    if (timeout_ms <= 0) return false;
    switch (strategy_) {
        case Strategy::SdlWait: {
            const bool got = SDL_WaitEventTimeout(&event, timeout_ms) != 0;
            ++wakeups_;
            return got;
        }
        case Strategy::InputDevices: {
            std::vector<pollfd> fds;
            for (int fd : input_fds_) fds.push_back({fd, POLLIN, 0});
            if (poll(fds.data(), fds.size(), timeout_ms) > 0) {
                // Drain our own copy of the events; SDL reads its own.
                char buffer[4096];
                for (const pollfd& p : fds)
                    while (p.revents & POLLIN && read(p.fd, buffer, sizeof buffer) > 0) {}
            }
            ++wakeups_;
            return SDL_PollEvent(&event) != 0;
        }
        case Strategy::SlowPoll:
            SDL_Delay(Uint32(std::min(timeout_ms, kSlowPollMs)));
            ++wakeups_;
            return SDL_PollEvent(&event) != 0;
    }
    return false;
}

}  // namespace platform
