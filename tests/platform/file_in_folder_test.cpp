#include "file_in_folder.h"

#include "test_files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

struct Stick {
    std::string dir, stats, outside;
    explicit Stick(const std::string& name) {
        dir = test_files::fresh_dir("file_in_folder", name);
        stats = dir + "/vitrine-stats";
        outside = dir + "/outside";
        fs::create_directories(outside);
        test_files::write_bytes(outside + "/shadow", "secret\n");
    }
    std::string write(const std::string& name = "host.csv") const {
        std::string error;
        CHECK_FALSE(pack_tool::write_file_in_folder(stats, name, "day,metric\n", &error));
        return error;
    }
    bool outside_untouched() const {
        return test_files::read_bytes(outside + "/shadow") == "secret\n" &&
               std::distance(fs::directory_iterator(outside), fs::directory_iterator()) == 1;
    }
};

}  // namespace

TEST_CASE("a file written into a real folder replaces the old one and leaves no .tmp", "[usb]") {
    Stick stick("plain");
    fs::create_directories(stick.stats);
    test_files::write_bytes(stick.stats + "/host.csv", "yesterday's copy");
    test_files::write_bytes(stick.stats + "/host.csv.tmp", "half a file from a pulled stick");
    std::string error;
    REQUIRE(pack_tool::write_file_in_folder(stick.stats, "host.csv", "day,metric\n", &error));
    CHECK(error.empty());
    CHECK(test_files::read_bytes(stick.stats + "/host.csv") == "day,metric\n");
    CHECK_FALSE(fs::exists(stick.stats + "/host.csv.tmp"));
}

TEST_CASE("a folder that is a link, a file or missing is refused", "[usb]") {
    Stick stick("folder");
    fs::create_directory_symlink(stick.outside, stick.stats);
    CHECK(stick.write() == stick.stats + " is a symbolic link, not a folder");
    CHECK(stick.outside_untouched());

    fs::remove(stick.stats);
    test_files::write_bytes(stick.stats, "x");
    CHECK(stick.write() == stick.stats + " is a regular file, not a folder");

    fs::remove(stick.stats);
    CHECK(stick.write().find("cannot open the folder") == 0);
}

TEST_CASE("a link, FIFO or folder at the file's name or its .tmp name is refused, never followed", "[usb]") {
    Stick stick("names");
    fs::create_directories(stick.stats);
    fs::create_symlink(stick.outside + "/shadow", stick.stats + "/host.csv");
    CHECK(stick.write() == "host.csv in " + stick.stats + " is a symbolic link, not a regular file");
    CHECK(fs::is_symlink(stick.stats + "/host.csv"));
    fs::remove(stick.stats + "/host.csv");

    fs::create_symlink(stick.outside + "/new", stick.stats + "/host.csv.tmp");
    CHECK(stick.write() == "host.csv.tmp in " + stick.stats + " is a symbolic link, not a regular file");
    fs::remove(stick.stats + "/host.csv.tmp");

    REQUIRE(mkfifo((stick.stats + "/host.csv.tmp").c_str(), 0644) == 0);
    CHECK(stick.write() == "host.csv.tmp in " + stick.stats + " is a FIFO, not a regular file");
    fs::remove(stick.stats + "/host.csv.tmp");

    fs::create_directories(stick.stats + "/host.csv");
    CHECK(stick.write() == "host.csv in " + stick.stats + " is a folder, not a regular file");
    CHECK(stick.outside_untouched());
}

TEST_CASE("only a plain file name is accepted, and it is quoted harmlessly", "[usb]") {
    Stick stick("bad-names");
    fs::create_directories(stick.stats);
    CHECK(stick.write("../outside/shadow") == "'../outside/shadow' is not a plain file name");
    CHECK(stick.write("..") == "'..' is not a plain file name");
    CHECK(stick.write("") == "'' is not a plain file name");
    CHECK(stick.outside_untouched());
    // A control character in a refused name is escaped in the message.
    fs::create_symlink(stick.outside + "/shadow", stick.stats + "/a\x1b[2Jb");
    CHECK(stick.write("a\x1b[2Jb").find("a\\x1b[2Jb in ") == 0);
}
