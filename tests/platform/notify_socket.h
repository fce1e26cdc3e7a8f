// systemd's end of NOTIFY_SOCKET, for the tests of the service protocol.
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// The socket lives in a private folder of its own under /tmp, not under the build
// folder: a socket's path must fit sun_path's 108 bytes, and a checkout can be
// as deep as it likes.
struct NotifySocket {
    int fd = -1;
    std::string dir, path;
    // receive() gives up after `wait_ms` without a message.
    explicit NotifySocket(int wait_ms) {
        char folder[] = "/tmp/vitrine-notify.XXXXXX";
        REQUIRE(mkdtemp(folder) != nullptr);
        dir = folder;
        path = dir + "/notify.sock";
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        REQUIRE(path.size() < sizeof address.sun_path);
        std::strncpy(address.sun_path, path.c_str(), sizeof address.sun_path - 1);
        REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        timeval wait{wait_ms / 1000, (wait_ms % 1000) * 1000};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;
    ~NotifySocket() {
        close(fd);
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }

    std::string receive() {  // "" when none came in time
        char buffer[512];
        const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
        return n > 0 ? std::string(buffer, size_t(n)) : "";
    }
};
