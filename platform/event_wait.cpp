#include "event_wait.h"

#include "base/log.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <string>
#include <unistd.h>

namespace platform {

EventWait::~EventWait() {
    if (stop_watcher_.joinable()) {
        const char byte = 1;
        if (write(watcher_quit_[1], &byte, 1) < 0) {}
        stop_watcher_.join();
    }
    for (int fd : watcher_quit_)
        if (fd >= 0) close(fd);
    for (int fd : input_fds_) close(fd);
}

void EventWait::init_devices(std::vector<int> fds, int stop_fd, Wake wake) {
    input_fds_ = std::move(fds);
    stop_fd_ = stop_fd;
    wake_ = std::move(wake);
    strategy_ = Strategy::InputDevices;
}

void EventWait::drain_wake() {
    if (wake_.fd >= 0 && wake_.drain()) woke_ = true;
}

// SDL_WaitEventTimeout cannot watch a descriptor of ours, but an event pushed from
// another thread ends it. The thread lives until a stop or the destructor.
void EventWait::watch_fds_for_sdl() {
    if ((stop_fd_ < 0 && wake_.fd < 0) || pipe2(watcher_quit_, O_CLOEXEC) != 0) return;
    const Uint32 event_type = SDL_RegisterEvents(1);
    stop_watcher_ = std::thread([this, quit = watcher_quit_[0], event_type] {
        // poll() skips a negative descriptor.
        pollfd fds[3] = {{quit, POLLIN, 0}, {stop_fd_, POLLIN, 0}, {wake_.fd, POLLIN, 0}};
        for (;;) {
            if (poll(fds, 3, -1) < 0) {
                if (errno == EINTR) continue;
                return;
            }
            if (fds[0].revents) return;
            const bool stop = fds[1].revents & POLLIN;
            const bool woke = fds[2].revents && wake_.drain();
            if (woke) woke_ = true;  // before the event: the loop sees it once the wait ends
            if ((stop || woke) && event_type != Uint32(-1)) {
                SDL_Event e{};
                e.type = event_type;
                SDL_PushEvent(&e);
            }
            if (stop) return;  // the stop pipe stays readable: polling it again would spin
        }
    });
}

void EventWait::init(const char* driver, int stop_fd, Wake wake) {
    stop_fd_ = stop_fd;
    wake_ = std::move(wake);
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
        watch_fds_for_sdl();
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

// Sleeps until input, a stop, a wake that matters or the timeout. A change the wake's drain finds beside the point (a file of no
// interest in a watched folder) sends it back to sleep for the time left.
void EventWait::poll_devices(int timeout_ms) {
    std::vector<pollfd> fds;
    for (int fd : input_fds_) fds.push_back({fd, POLLIN, 0});
    // The stop pipe is left unread: every wait after a stop returns at once.
    fds.push_back({stop_fd_, POLLIN, 0});
    fds.push_back({wake_.fd, POLLIN, 0});  // poll() skips a negative descriptor
    const Uint64 until = SDL_GetTicks64() + Uint64(std::max(timeout_ms, 0));
    for (;;) {
        const int left = timeout_ms < 0 ? -1 : int(std::max<int64_t>(int64_t(until - SDL_GetTicks64()), 0));
        const int ready = poll(fds.data(), fds.size(), left);
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) return;  // the timeout; or an error, not to spin on
        // Drain our own copy of the events; SDL reads its own.
        char buffer[4096];
        bool input = fds[fds.size() - 2].revents != 0;
        for (size_t i = 0; i < input_fds_.size(); ++i) {
            input |= fds[i].revents != 0;
            while (fds[i].revents & POLLIN && read(fds[i].fd, buffer, sizeof buffer) > 0) {}
        }
        const bool woke = fds.back().revents && wake_.drain();
        if (woke) woke_ = true;
        if (input || woke || left == 0) return;
    }
}

bool EventWait::wait(int timeout_ms, SDL_Event& event) {
    if (SDL_PollEvent(&event)) return true;
    if (timeout_ms == 0) return false;
    const bool forever = timeout_ms < 0;
    switch (strategy_) {
        case Strategy::SdlWait: {
            const bool got = (forever ? SDL_WaitEvent(&event) : SDL_WaitEventTimeout(&event, timeout_ms)) != 0;
            ++wakeups_;
            return got;
        }
        case Strategy::InputDevices: {
            poll_devices(forever ? -1 : timeout_ms);
            ++wakeups_;
            return SDL_PollEvent(&event) != 0;
        }
        case Strategy::SlowPoll:
            SDL_Delay(Uint32(forever ? kSlowPollMs : std::min(timeout_ms, kSlowPollMs)));
            drain_wake();
            ++wakeups_;
            return SDL_PollEvent(&event) != 0;
    }
    return false;
}

}  // namespace platform
