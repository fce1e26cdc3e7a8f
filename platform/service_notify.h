// Tells systemd the kiosk is ready and still alive (Type=notify, WatchdogSec),
// over the datagram socket systemd names in NOTIFY_SOCKET. Without systemd it
// does nothing.
#pragma once

#include <cstdint>
#include <string>

namespace platform {

class ServiceNotifier {
public:
    ServiceNotifier();  // reads NOTIFY_SOCKET and WATCHDOG_USEC
    bool enabled() const { return !socket_path_.empty(); }

    void send(const std::string& message) const;
    void ready(const std::string& status) const { send("READY=1\nSTATUS=" + status); }
    // Sends WATCHDOG=1 when a third of the watchdog interval has passed.
    void alive(int64_t now_ms);
    // How long the main loop may sleep between two alive() calls; 0: no limit.
    int64_t ping_interval_ms() const { return watchdog_ms_ / 3; }

private:
    std::string socket_path_;
    int64_t watchdog_ms_ = 0;
    int64_t last_ping_ms_ = -1;
};

}  // namespace platform
