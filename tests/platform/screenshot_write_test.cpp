// Screenshots (vitrine --screenshot, a replay's shot lines, vitrine-pack preview)
// are written whole or not at all, and every failure is reported.
#include "offscreen.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <stb_image.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

const std::vector<uint8_t> kPixels(64 * 48 * 4, 0x80);

bool write(const std::string& path, std::string* error) {
    return platform::write_png(path, 64, 48, kPixels.data(), error);
}

// Every channel differs from its neighbours, alpha too: hard to compress, and a
// row shifted or filtered wrong shows.
std::vector<uint8_t> noise_pixels() {
    std::vector<uint8_t> noise(kPixels.size());
    for (size_t i = 0; i < noise.size(); ++i) noise[i] = uint8_t(i * 7919 % 251);
    return noise;
}

// No file is left half-written beside the target.
size_t entries(const fs::path& dir) {
    return size_t(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("a screenshot is written whole and replaces the old one", "[screenshot]") {
    const fs::path dir = test_files::fresh_dir("screenshot", "good");
    const std::string path = (dir / "shot.png").string();
    std::string error;
    REQUIRE(write(path, &error));
    CHECK(error.empty());
    const std::string first = test_files::read_bytes(path);
    CHECK(first.substr(1, 3) == "PNG");
    std::vector<uint8_t> other(kPixels.size(), 0x10);
    REQUIRE(platform::write_png(path, 64, 48, other.data(), &error));
    CHECK(test_files::read_bytes(path) != first);
    CHECK(entries(dir) == 1);
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0644);
}

TEST_CASE("a screenshot decodes to the pixels it was given, opaque", "[screenshot]") {
    const fs::path dir = test_files::fresh_dir("screenshot", "pixels");
    const std::string path = (dir / "shot.png").string();
    const std::vector<uint8_t> noise = noise_pixels();
    std::string error;
    REQUIRE(platform::write_png(path, 64, 48, noise.data(), &error));
    const std::string bytes = test_files::read_bytes(path);
    int w = 0, h = 0, channels = 0;
    unsigned char* decoded = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                                   int(bytes.size()), &w, &h, &channels, 4);
    REQUIRE(decoded);
    CHECK(w == 64);
    CHECK(h == 48);
    CHECK(channels == 3);  // a screenshot carries no alpha
    size_t wrong = 0;
    for (size_t i = 0; i < noise.size(); ++i)
        if (decoded[i] != ((i % 4 == 3) ? 0xff : noise[i])) ++wrong;
    stbi_image_free(decoded);
    CHECK(wrong == 0);
}

TEST_CASE("a screenshot that cannot be written says why", "[screenshot]") {
    std::string error;
    // A device is never replaced (the rename would swap out /dev/full itself).
    CHECK_FALSE(write("/dev/full", &error));
    CHECK_THAT(error, Catch::StartsWith("/dev/full: is a character device"));
    CHECK_FALSE(write("/dev/null", &error));

    const fs::path dir = test_files::fresh_dir("screenshot", "bad");
    CHECK_FALSE(write((dir / "no-such-folder" / "shot.png").string(), &error));
    CHECK_THAT(error, Catch::Contains("cannot write in") && Catch::Contains("no such file or directory"));

    fs::create_directories(dir / "a-folder.png");
    CHECK_FALSE(write((dir / "a-folder.png").string(), &error));
    CHECK_THAT(error, Catch::Contains("is a folder"));

    CHECK_FALSE(write((dir / "esc\x1b[2J.png" / "x.png").string(), &error));
    CHECK(error.find('\x1b') == std::string::npos);
    CHECK_THAT(error, Catch::Contains("esc\\x1b[2J.png"));
}

TEST_CASE("a write cut short (a full disk, a file size limit) leaves nothing and fails", "[screenshot]") {
    const fs::path dir = test_files::fresh_dir("screenshot", "limit");
    // RLIMIT_FSIZE makes write() fail part-way, as a full disk does.
    struct rlimit before {};
    REQUIRE(getrlimit(RLIMIT_FSIZE, &before) == 0);
    const auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit tight = before;
    tight.rlim_cur = 100;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &tight) == 0);
    std::string error;
    const std::vector<uint8_t> noise = noise_pixels();
    const bool written = platform::write_png((dir / "shot.png").string(), 64, 48, noise.data(), &error);
    setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, old_handler);
    CHECK_FALSE(written);
    CHECK_THAT(error, Catch::Contains("cannot write the PNG: file too large"));
    CHECK(entries(dir) == 0);
}

TEST_CASE("a screenshot into a folder that cannot be written fails", "[screenshot]") {
    if (geteuid() == 0) {
        // root writes anywhere; /proc is a folder nobody may create files in.
        std::string error;
        CHECK_FALSE(write("/proc/vitrine-shot.png", &error));
        CHECK_THAT(error, Catch::Contains("cannot write in /proc"));
        return;
    }
    const fs::path dir = test_files::fresh_dir("screenshot", "read-only");
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    std::string error;
    CHECK_FALSE(write((dir / "shot.png").string(), &error));
    fs::permissions(dir, fs::perms::owner_all);
    CHECK_THAT(error, Catch::Contains("permission denied"));
}
