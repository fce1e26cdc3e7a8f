// The curator's tools touch only what is theirs: build never writes over what it
// reads or over a key, install removes only folders it made and replaces the
// current exhibit only with a newer version of it unless allowed, and every file
// read is opened first and checked through its descriptor (a FIFO never hangs).
#include "config/kiosk_config.h"
#include "import_timelinejs.h"
#include "pack_build.h"
#include "pack_file.h"
#include "pack_install.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using test_files::kMinimal;
using test_files::link_of;
using test_files::names_in;
using test_files::read_bytes;
using test_files::write_bytes;

struct Fixture {
    std::string dir, secret, pub;
    platform::PublicKey key;

    explicit Fixture(const std::string& name) : dir(test_files::fresh_dir("pack_tool_safety", name)) {
        const platform::KeygenResult made = platform::generate_key_pair(dir + "/museum");
        REQUIRE(made.ok);
        secret = made.secret_path;
        pub = made.public_path;
        std::string error;
        REQUIRE(platform::load_public_key(pub, key, &error));
    }

    // The bundled exhibit as exhibit `id`, version `version`, signed as it is
    // (its photographs are already fit to ship).
    std::string pack(const std::string& id, const std::string& version) {
        const std::string src = dir + "/src-" + id + "-" + version;
        if (!fs::exists(src)) {
            fs::copy(test_files::kBundled, src, fs::copy_options::recursive);
            std::string toml = read_bytes(src + "/pack.toml");
            for (const auto& [from, to] :
                 {std::pair<std::string, std::string>{"version = \"" + test_files::bundled_version() + "\"",
                                                      "version = \"" + version + "\""},
                  std::pair<std::string, std::string>{"id = \"ieng-sary\"", "id = \"" + id + "\""}}) {
                const size_t at = toml.find(from);
                REQUIRE(at != std::string::npos);
                toml.replace(at, from.size(), to);
            }
            write_bytes(src + "/pack.toml", toml);
        }
        const std::string out = dir + "/" + id + "-" + version + ".vpk";
        platform::BuildOptions options;
        options.force = true;
        options.skip_validation = true;  // install checks it
        const platform::BuildResult built = platform::build_pack_file(src, secret, out, options);
        INFO(built.message);
        REQUIRE(built.ok);
        return out;
    }
};

platform::InstallResult install(const std::string& file, const std::string& root, const platform::PublicKey& key,
                                const platform::InstallOptions& options = {}) {
    platform::InstallResult r = platform::install_pack_file(file, root, key, options);
    INFO(r.message);
    return r;
}

ino_t inode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_ino;
}

}  // namespace

TEST_CASE("build writes over an existing file only with --force, and never over its inputs or a key", "[pack_tool]") {
    Fixture f("build-outputs");
    const std::string src = f.dir + "/src";
    fs::copy(kMinimal, src, fs::copy_options::recursive);
    platform::BuildOptions force;
    force.force = true;
    force.skip_validation = true;  // what is refused here is the output, not the pack
    platform::BuildOptions plain;
    plain.skip_validation = true;
    const std::string key_before = read_bytes(f.secret), toml_before = read_bytes(src + "/pack.toml");

    auto refused = [&](const std::string& out, const platform::BuildOptions& options, const std::string& expected) {
        const platform::BuildResult r = platform::build_pack_file(src, f.secret, out, options);
        INFO(r.message);
        CHECK_FALSE(r.ok);
        CHECK(r.message.find(expected) != std::string::npos);
    };
    // The key it reads, under its name, a symlink or a hard link.
    refused(f.secret, force, "which this command reads; not writing over it, even with --force");
    REQUIRE(::symlink(f.secret.c_str(), (f.dir + "/alias.key").c_str()) == 0);
    refused(f.dir + "/alias.key", force, "which this command reads");
    REQUIRE(::link(f.secret.c_str(), (f.dir + "/hard.vpk").c_str()) == 0);
    refused(f.dir + "/hard.vpk", force, "which this command reads");
    // Any file in the pack it reads.
    refused(src + "/pack.toml", force, "is a file in " + src + ", which this command reads");
    refused(src + "/media/photo.png", force, "is a file in " + src);
    REQUIRE(::link((src + "/pack.toml").c_str(), (f.dir + "/toml-link.vpk").c_str()) == 0);
    refused(f.dir + "/toml-link.vpk", force, "is a file in " + src);
    // Another key.
    refused(f.pub, force, "holds a vitrine signing key; not writing over a key, even with --force");
    const platform::KeygenResult other = platform::generate_key_pair(f.dir + "/other");
    REQUIRE(other.ok);
    refused(other.secret_path, force, "holds a vitrine signing key");
    // Not a file.
    refused(f.dir, force, "is a folder");
    refused("/dev/full", force, "is a character device; only a regular file is written");
    CHECK(read_bytes(f.secret) == key_before);
    CHECK(read_bytes(src + "/pack.toml") == toml_before);

    // Any other existing file: only with force, and then through a new file.
    const std::string out = f.dir + "/exhibit.vpk";
    REQUIRE(platform::build_pack_file(src, f.secret, out, plain).ok);
    const ino_t first = inode_of(out);
    refused(out, plain, out + " already exists; add --force to replace it");
    const platform::BuildResult again = platform::build_pack_file(src, f.secret, out, force);
    INFO(again.message);
    CHECK(again.ok);
    CHECK(inode_of(out) != first);  // renamed into place, never written in place
    CHECK(platform::verify_pack_file(out, f.key).ok);
    // Nothing is left beside it.
    for (const std::string& name : names_in(f.dir)) {
        CHECK(name.find(".tmp-") == std::string::npos);
        CHECK(name.find(".stage-") == std::string::npos);
    }
}

TEST_CASE("keygen never writes over an existing file", "[pack_tool]") {
    Fixture f("keygen");
    write_bytes(f.dir + "/notes.pub", "a curator's notes");
    const platform::KeygenResult r = platform::generate_key_pair(f.dir + "/notes");
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("already exists") != std::string::npos);
    CHECK(read_bytes(f.dir + "/notes.pub") == "a curator's notes");
    CHECK_FALSE(fs::exists(f.dir + "/notes.key"));
}

TEST_CASE("the tools name a FIFO, a folder or a device they are given instead of hanging", "[pack_tool]") {
    Fixture f("fifos");
    const std::string fifo = f.dir + "/pipe.json";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    std::vector<std::string> report;
    CHECK(pack_tool::import_timelinejs(fifo, f.dir + "/imported", report) != 0);
    REQUIRE_FALSE(report.empty());
    CHECK(report.back() == fifo + ": error: is a FIFO, not a regular file");
    CHECK_FALSE(fs::exists(f.dir + "/imported"));
    // The kiosk's configuration, read by install --config.
    const kiosk::KioskConfigResult config = kiosk::load_kiosk_config(fifo);
    CHECK_FALSE(config.ok());
    CHECK(config.diagnostics.front().message.find("is a FIFO, not a regular file") != std::string::npos);
    // A public key that is a device.
    platform::PublicKey key;
    std::string error;
    CHECK_FALSE(platform::load_public_key("/dev/zero", key, &error));
    CHECK(error == "/dev/zero is a character device, not a regular file");
    CHECK_FALSE(platform::load_public_key(f.dir + "/missing.pub", key, &error));
    CHECK(error == "cannot read " + f.dir + "/missing.pub: no such file or directory");
    if (::geteuid() != 0) {
        write_bytes(f.dir + "/locked.pub", "vitrine-public-key 1\n");
        ::chmod((f.dir + "/locked.pub").c_str(), 0);
        CHECK_FALSE(platform::load_public_key(f.dir + "/locked.pub", key, &error));
        CHECK(error == "cannot read " + f.dir + "/locked.pub: permission denied");
    }
}

TEST_CASE("versions compare as Debian's do", "[pack_install]") {
    using platform::compare_versions;
    CHECK(compare_versions("1.0", "1.0") == 0);
    CHECK(compare_versions("1.01", "1.1") == 0);
    CHECK(compare_versions("1.9", "1.10") < 0);
    CHECK(compare_versions("1.10", "1.9") > 0);
    CHECK(compare_versions("2", "10") < 0);
    CHECK(compare_versions("1.0~rc1", "1.0") < 0);
    CHECK(compare_versions("1.0~rc1", "1.0~rc2") < 0);
    CHECK(compare_versions("1.0", "1.0.1") < 0);
    CHECK(compare_versions("1.0", "1.0a") < 0);
    CHECK(compare_versions("1.0a", "1.0+b") < 0);
    CHECK(compare_versions("2024.1_x", "2024.1_y") < 0);
    CHECK(compare_versions("99999999999999999999999999999999", "100000000000000000000000000000000") < 0);
    CHECK(compare_versions("1.2.3-4", "1.2.3-10") < 0);
}

TEST_CASE("install refuses an older version or another exhibit unless allowed; the same version installs again",
          "[pack_install]") {
    Fixture f("downgrade");
    const std::string root = f.dir + "/root";
    const std::string v2 = f.pack("test-person", "2.0"), v10 = f.pack("test-person", "10.0");
    const std::string other = f.pack("another-person", "99.0");
    REQUIRE(install(v10, root, f.key).ok);
    const std::string current = link_of(root + "/current");

    platform::InstallResult r = install(v2, root, f.key);
    CHECK_FALSE(r.ok);
    CHECK(r.message == v2 + ": refused: it is version 2.0 of test-person, older than the current 10.0; add "
                            "--allow-downgrade (or set [pack] allow_downgrade = true in the kiosk's configuration) to "
                            "install it anyway, or use rollback");
    r = install(other, root, f.key);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("it holds the exhibit 'another-person', but this kiosk shows 'test-person'") !=
          std::string::npos);
    CHECK(link_of(root + "/current") == current);
    CHECK(names_in(root + "/packs").size() == 2);  // the marker and the current pack: nothing left behind

    r = install(v10, root, f.key);  // a reinstall
    CHECK(r.ok);
    platform::InstallOptions allow;
    allow.allow_downgrade = true;
    r = install(v2, root, f.key, allow);
    CHECK(r.ok);
    CHECK(r.version == "2.0");
    allow = {};
    allow.allow_other_exhibit = true;
    r = install(other, root, f.key, allow);
    CHECK(r.ok);
    CHECK(r.exhibit_id == "another-person");
    // Rollback goes back whatever the versions.
    CHECK(platform::rollback_pack(root).ok);

    // The kiosk's configuration can allow both.
    write_bytes(f.dir + "/kiosk.toml", "[pack]\nallow_downgrade = true\nallow_other_exhibit = false\n");
    const kiosk::KioskConfigResult config = kiosk::load_kiosk_config(f.dir + "/kiosk.toml");
    INFO(config.config.staff_note);
    CHECK(config.ok());
    CHECK(config.config.allow_downgrade);
    CHECK_FALSE(config.config.allow_other_exhibit);
    write_bytes(f.dir + "/bad.toml", "[pack]\nallow_downgrade = \"yes\"\n");
    CHECK_FALSE(kiosk::load_kiosk_config(f.dir + "/bad.toml").ok());
}

TEST_CASE("install removes only folders it made, and refuses a packs folder that is not its own", "[pack_install]") {
    Fixture f("ownership");
    const std::string a = f.pack("test-person", "1.0"), b = f.pack("test-person", "2.0"),
                      c = f.pack("test-person", "3.0");

    SECTION("a curator's folder of packs given as the root is left alone") {
        const std::string root = f.dir + "/curator";
        fs::create_directories(root + "/packs/my-exhibit/media");
        write_bytes(root + "/packs/my-exhibit/pack.toml", "work of weeks");
        const platform::InstallResult r = install(a, root, f.key);
        CHECK_FALSE(r.ok);
        CHECK(r.message.find(root + "/packs was not made by vitrine-pack install") != std::string::npos);
        CHECK(read_bytes(root + "/packs/my-exhibit/pack.toml") == "work of weeks");
        CHECK(names_in(root) == std::vector<std::string>{"packs"});
        CHECK(names_in(root + "/packs") == std::vector<std::string>{"my-exhibit"});
    }
    SECTION("a packs symlink is refused, whatever it points at") {
        const std::string root = f.dir + "/linked", elsewhere = f.dir + "/elsewhere";
        fs::create_directories(root);
        fs::create_directories(elsewhere + "/keep-me");
        fs::create_directory_symlink(elsewhere, root + "/packs");
        const platform::InstallResult r = install(a, root, f.key);
        CHECK_FALSE(r.ok);
        CHECK(r.message.find(root + "/packs is a symbolic link") != std::string::npos);
        CHECK(names_in(elsewhere) == std::vector<std::string>{"keep-me"});
    }
    SECTION("folders put into install's own packs folder stay") {
        const std::string root = f.dir + "/mixed";
        REQUIRE(install(a, root, f.key).ok);
        fs::create_directories(root + "/packs/notes");
        write_bytes(root + "/packs/notes/today.txt", "mine");
        fs::create_directory_symlink(f.dir, root + "/packs/a-link");
        REQUIRE(install(b, root, f.key).ok);
        REQUIRE(install(c, root, f.key).ok);  // a's folder goes, the others stay
        const std::vector<std::string> names = names_in(root + "/packs");
        CHECK(names.size() == 5);  // marker, notes, a-link, b and c
        CHECK(read_bytes(root + "/packs/notes/today.txt") == "mine");
        CHECK(fs::is_symlink(root + "/packs/a-link"));
        const platform::InstallStatus status = platform::install_status(root);
        std::string notes;
        for (const std::string& n : status.notes) notes += n + "\n";
        CHECK(notes.find("packs/notes was not made by vitrine-pack install; installs leave it alone") !=
              std::string::npos);
    }
    SECTION("a root installed before folders were marked keeps working and is cleaned") {
        const std::string root = f.dir + "/legacy";
        REQUIRE(install(a, root, f.key).ok);
        REQUIRE(install(b, root, f.key).ok);
        const std::string old_previous = link_of(root + "/previous").substr(6),
                          old_current = link_of(root + "/current").substr(6);
        // What an earlier version left: no markers at all, and an interrupted install.
        fs::remove(root + "/packs/.vitrine-packs");
        fs::remove(root + "/packs/" + old_previous + "/.vitrine/INSTALLED");
        fs::remove(root + "/packs/" + old_current + "/.vitrine/INSTALLED");
        fs::create_directories(root + "/packs/.incoming-OLD123/media");
        REQUIRE(install(c, root, f.key).ok);
        CHECK(link_of(root + "/previous") == "packs/" + old_current);
        std::vector<std::string> names = names_in(root + "/packs");
        CHECK(std::find(names.begin(), names.end(), old_previous) == names.end());  // adopted, then removed
        CHECK(std::find(names.begin(), names.end(), ".incoming-OLD123") == names.end());
        CHECK(names.size() == 3);
        CHECK(fs::exists(root + "/packs/" + old_current + "/.vitrine/INSTALLED"));
        CHECK(platform::rollback_pack(root).ok);
        CHECK(platform::install_status(root).ok());
    }
}
