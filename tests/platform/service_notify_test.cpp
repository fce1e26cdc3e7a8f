#include "service_notify.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

// A stand-in for systemd's notify socket.
struct NotifySocket {
    int fd = -1;
    std::string path;
    explicit NotifySocket(const std::string& p) : path(p) {
        std::filesystem::remove(path);
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        timeval wait{1, 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    }
    ~NotifySocket() { close(fd); }
    std::string receive() {
        char buffer[256];
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, size_t(n)) : "";
    }
};

}  // namespace

TEST_CASE("the kiosk tells systemd it is ready and pings the watchdog at a third of its interval", "[service]") {
    std::filesystem::create_directories(VITRINE_TEST_OUTPUT);
    NotifySocket systemd(std::string(VITRINE_TEST_OUTPUT) + "/notify.sock");
    setenv("NOTIFY_SOCKET", systemd.path.c_str(), 1);
    setenv("WATCHDOG_USEC", "30000000", 1);
    platform::ServiceNotifier notifier;
    unsetenv("NOTIFY_SOCKET");
    unsetenv("WATCHDOG_USEC");
    REQUIRE(notifier.enabled());
    CHECK(notifier.ping_interval_ms() == 10000);

    notifier.ready("ieng-sary 1.0.0");
    CHECK(systemd.receive() == "READY=1\nSTATUS=ieng-sary 1.0.0");
    notifier.alive(1000);
    CHECK(systemd.receive() == "WATCHDOG=1");
    notifier.alive(5000);   // too soon: nothing
    notifier.alive(11000);  // a third of 30 s later
    CHECK(systemd.receive() == "WATCHDOG=1");
}

TEST_CASE("without systemd the notifier stays silent", "[service]") {
    unsetenv("NOTIFY_SOCKET");
    platform::ServiceNotifier notifier;
    CHECK_FALSE(notifier.enabled());
    CHECK(notifier.ping_interval_ms() == 0);
    notifier.ready("x");  // harmless
}
