#include "base/file_read.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

// A fresh folder under /tmp for one test, removed at the end.
struct Scratch {
    std::string dir;
    Scratch() {
        char name[] = "/tmp/vitrine-file-read.XXXXXX";
        dir = ::mkdtemp(name);
    }
    ~Scratch() { std::system(("rm -rf '" + dir + "'").c_str()); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(dir + "/" + name, std::ios::binary) << text;
        return dir + "/" + name;
    }
};

}  // namespace

TEST_CASE("read_regular_file reads a regular file whole") {
    Scratch scratch;
    const auto read = kiosk::read_regular_file(scratch.write("pack.toml", "schema = 1\n"), 1024);
    REQUIRE(read.ok());
    CHECK(read.text() == "schema = 1\n");
}

TEST_CASE("read_regular_file refuses what is not a regular file, without blocking") {
    Scratch scratch;
    const std::string fifo = scratch.dir + "/x.vpk";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto from_fifo = kiosk::read_regular_file(fifo, 1024);  // would block forever without O_NONBLOCK
    CHECK(from_fifo.error == "is a FIFO, not a regular file");

    CHECK(kiosk::read_regular_file(scratch.dir, 1024).error == "is a folder, not a regular file");
    CHECK(kiosk::read_regular_file("/dev/zero", 1024).error == "is a character device, not a regular file");

    const auto missing = kiosk::read_regular_file(scratch.dir + "/nothing", 1024);
    CHECK(missing.missing);
    CHECK(missing.error == "no such file or directory");
}

TEST_CASE("read_regular_file refuses a final symbolic link unless told to follow it") {
    Scratch scratch;
    const std::string target = scratch.write("real.toml", "a = 1\n");
    const std::string link = scratch.dir + "/link.toml";
    REQUIRE(::symlink(target.c_str(), link.c_str()) == 0);
    CHECK(kiosk::read_regular_file(link, 1024).error == "is a symbolic link; only regular files are read");
    const auto followed = kiosk::read_regular_file(link, 1024, kiosk::FinalLink::Follow);
    REQUIRE(followed.ok());
    CHECK(followed.text() == "a = 1\n");
}

TEST_CASE("read_regular_file reports size and permission problems as such") {
    Scratch scratch;
    const std::string big = scratch.write("big.jpg", std::string(3 * 1024 * 1024 + 1, 'x'));
    CHECK(kiosk::read_regular_file(big, 2 * 1024 * 1024).error == "is 4 MiB; at most 2 MiB is read");
    if (::geteuid() != 0) {  // root reads whatever the mode says
        const std::string locked = scratch.write("locked.toml", "a = 1\n");
        REQUIRE(::chmod(locked.c_str(), 0) == 0);
        CHECK(kiosk::read_regular_file(locked, 1024).error == "permission denied");
    }
}
