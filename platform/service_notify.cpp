#include "service_notify.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace platform {

ServiceNotifier::ServiceNotifier() {
    if (const char* path = std::getenv("NOTIFY_SOCKET")) socket_path_ = path;
    if (const char* usec = std::getenv("WATCHDOG_USEC")) watchdog_ms_ = std::atoll(usec) / 1000;
    // The watchdog is meant for this process only, not for a child or a parent
    // that passed the environment on.
    if (const char* pid = std::getenv("WATCHDOG_PID"); pid && std::atoll(pid) != getpid()) watchdog_ms_ = 0;
}

void ServiceNotifier::send(const std::string& message) const {
    if (socket_path_.empty() || socket_path_.size() >= sizeof(sockaddr_un::sun_path)) return;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, socket_path_.data(), socket_path_.size());
    if (address.sun_path[0] == '@') address.sun_path[0] = '\0';  // an abstract socket
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    sendto(fd, message.data(), message.size(), MSG_NOSIGNAL, reinterpret_cast<const sockaddr*>(&address),
           socklen_t(offsetof(sockaddr_un, sun_path) + socket_path_.size()));
    close(fd);
}

void ServiceNotifier::alive(int64_t now_ms) {
    if (watchdog_ms_ <= 0 || (last_ping_ms_ >= 0 && now_ms - last_ping_ms_ < ping_interval_ms())) return;
    last_ping_ms_ = now_ms;
    send("WATCHDOG=1");
}

}  // namespace platform
