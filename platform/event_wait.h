// Sleeping until something happens, without waking the board for nothing.
//
// SDL 2.26's SDL_WaitEventTimeout truly sleeps under X11 and Wayland, but under
// KMSDRM (a Pi without a desktop) and the off-screen drivers it polls every
// millisecond: a thousand wakeups a second for an exhibit nobody touches. There
// the kiosk waits on the input devices itself (poll() on its own handles to
// /dev/input/event*, whose queues are separate from SDL's) and only then asks
// SDL for the events; where it cannot open them it polls at most 20 times a
// second.
//
// Nothing else wakes a wait but two descriptors: a stop signal
// (platform/stop_signal.h) ends it at once, and a "wake" descriptor (the folders
// the kiosk watches, platform/folder_watch.h) ends it when its drain says a
// change matters; take_wake() then tells the loop. So with no timer due the
// kiosk sleeps without a single wakeup. The devices strategy has both in its poll
// set; for SDL's own wait a thread sleeps on them, drains the wake descriptor and
// pushes an event that ends the wait. The slow poll drains it after each sleep.
// Only that one place drains it: the thread never races the loop for it.
//
// For measuring, the environment variable VITRINE_IDLE_WAIT=sdl|devices|slowpoll
// forces a strategy whatever the driver.
#pragma once

#include <SDL.h>
#include <atomic>
#include <cstdint>
#include <functional>
#include <thread>
#include <vector>

namespace platform {

// A descriptor that wakes a wait when readable and DRAIN (which reads it empty)
// answers true; -1: none.
struct WakeFd {
    int fd = -1;
    std::function<bool()> drain;
};

class EventWait {
public:
    using Wake = WakeFd;

    EventWait() = default;
    EventWait(const EventWait&) = delete;
    EventWait& operator=(const EventWait&) = delete;
    ~EventWait();

    // Chooses the strategy for the running video driver (or VITRINE_IDLE_WAIT's);
    // STOP_FD, readable once the program is to stop, ends any wait (-1: none).
    void init(const char* video_driver, int stop_fd, Wake wake = {});
    // The devices strategy on these handles, which it closes (tests hand it a pipe).
    void init_devices(std::vector<int> fds, int stop_fd, Wake wake = {});
    // Waits up to `timeout_ms` (0: just look; kForever: until an event or a stop)
    // for an event; true with `event` filled.
    bool wait(int timeout_ms, SDL_Event& event);
    static constexpr int kForever = -1;

    enum class Strategy { SdlWait, InputDevices, SlowPoll };
    Strategy strategy() const { return strategy_; }
    const char* strategy_name() const;
    const char* strategy_key() const;              // "sdl", "devices" or "slowpoll", as VITRINE_IDLE_WAIT spells them
    uint64_t wakeups() const { return wakeups_; }  // times a wait slept and woke again
    // Whether the wake descriptor fired since the last call.
    bool take_wake() { return woke_.exchange(false); }

    static constexpr int kSlowPollMs = 50;  // at most 20 wakeups a second

private:
    void watch_fds_for_sdl();
    void poll_devices(int timeout_ms);
    void drain_wake();

    Strategy strategy_ = Strategy::SdlWait;
    std::vector<int> input_fds_;
    int stop_fd_ = -1;
    Wake wake_;
    std::atomic<bool> woke_{false};
    // SdlWait: the thread that turns a stop signal or a wake into an SDL event,
    // and the pipe that ends it.
    std::thread stop_watcher_;
    int watcher_quit_[2] = {-1, -1};
    uint64_t wakeups_ = 0;
};

}  // namespace platform
