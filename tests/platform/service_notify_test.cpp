#include "service_notify.h"

#include "notify_socket.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

TEST_CASE("the kiosk tells systemd it is ready and pings the watchdog at a third of its interval", "[service]") {
    std::filesystem::create_directories(VITRINE_TEST_OUTPUT);
    NotifySocket systemd(1000);
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
