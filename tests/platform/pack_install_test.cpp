// Installing signed pack files: current and previous, rollback, status, cleaning
// up, and refused files that change nothing.
#include "pack_install.h"

#include "pack/pack_loader.h"
#include "pack_build.h"
#include "pack_tool.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using test_files::kBundled;
using test_files::kMinimal;

std::string fresh_dir(const std::string& name) { return test_files::fresh_dir("pack_install", name); }

using test_files::read_bytes;
using test_files::write_bytes;

// Keys and signed pack files made once per test case.
struct Fixture {
    std::string dir, secret, pub;
    platform::PublicKey key;

    explicit Fixture(const std::string& name) : dir(fresh_dir(name)) {
        const platform::KeygenResult made = platform::generate_key_pair(dir + "/museum");
        REQUIRE(made.ok);
        secret = made.secret_path;
        pub = made.public_path;
        std::string error;
        REQUIRE(platform::load_public_key(pub, key, &error));
    }

    // The minimal pack with its version changed, as a signed file.
    std::string minimal(const std::string& version) {
        const std::string src = dir + "/src-" + version;
        if (!fs::exists(src)) {
            fs::copy(kMinimal, src, fs::copy_options::recursive);
            std::string toml = read_bytes(src + "/pack.toml");
            const size_t at = toml.find("version = \"0.1.0\"");
            REQUIRE(at != std::string::npos);
            toml.replace(at, 17, "version = \"" + version + "\"");
            write_bytes(src + "/pack.toml", toml);
        }
        return build(src, dir + "/minimal-" + version + ".vpk");
    }

    std::string build(const std::string& pack, const std::string& out, bool validate = true) {
        platform::BuildOptions options;
        options.skip_validation = !validate;
        const platform::BuildResult built = platform::build_pack_file(pack, secret, out, options);
        INFO(built.message);
        REQUIRE(built.ok);
        return out;
    }
};

// An install that may replace the current pack with any exhibit, any version.
platform::InstallResult install(const std::string& file, const std::string& root, const platform::PublicKey& key) {
    platform::InstallOptions options;
    options.allow_downgrade = options.allow_other_exhibit = true;
    platform::InstallResult r = platform::install_pack_file(file, root, key, options);
    INFO(r.message);
    return r;
}

using test_files::link_of;
using test_files::names_in;

// The pack folders in ROOT/packs, which must carry install's marker.
std::vector<std::string> pack_folders(const std::string& root) {
    std::vector<std::string> names = names_in(root + "/packs");
    const auto marker = std::find(names.begin(), names.end(), ".vitrine-packs");
    CHECK(marker != names.end());
    if (marker != names.end()) names.erase(marker);
    return names;
}

// Everything under ROOT: paths, types, link targets, sizes, content and, with
// `times`, modification times (a folder's changes when anything is added or
// removed in it, even briefly).
std::string listing(const std::string& root, bool times) {
    std::vector<std::string> lines;
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(root, ec))) return "(no " + root + ")";
    auto describe = [&](const fs::path& p) {
        struct stat st {};
        ::lstat(p.c_str(), &st);
        std::string line = fs::relative(p, root).string() + " mode=" + std::to_string(st.st_mode);
        if (S_ISLNK(st.st_mode)) line += " -> " + link_of(p.string());
        if (S_ISREG(st.st_mode)) line += " " + platform::sha256_hex(read_bytes(p.string()).data(), size_t(st.st_size));
        if (times) line += " mtime=" + std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
        return line;
    };
    lines.push_back(describe(root));
    for (const auto& e : fs::recursive_directory_iterator(root)) lines.push_back(describe(e.path()));
    std::sort(lines.begin(), lines.end());
    std::string text;
    for (const std::string& l : lines) text += l + "\n";
    return text;
}

bool is_pack_folder_name(const std::string& name, const std::string& id, const std::string& version) {
    return std::regex_match(
        name, std::regex(id + "-" + std::regex_replace(version, std::regex("\\."), "\\.") + "-[0-9a-f]{12}"));
}

}  // namespace

TEST_CASE("install makes a pack current, a second install keeps the first as previous, rollback swaps them",
          "[pack_install]") {
    Fixture f("lifecycle");
    const std::string root = f.dir + "/root";
    const std::string a = f.minimal("0.1.0"), b = f.minimal("0.2.0");
    const std::string c = f.build(kBundled, f.dir + "/ieng-sary.vpk");

    // Nothing yet.
    CHECK(platform::current_pack_dir(root).empty());
    platform::InstallStatus status = platform::install_status(root);
    CHECK_FALSE(status.ok());
    CHECK_FALSE(platform::rollback_pack(root).ok);

    // First install.
    std::vector<platform::InstallPhase> phases;
    platform::InstallOptions options;
    options.on_phase = [&](platform::InstallPhase p) { phases.push_back(p); };
    platform::InstallResult r = platform::install_pack_file(a, root, f.key, options);
    INFO(r.message);
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK(r.exhibit_id == "test-person");
    CHECK(r.version == "0.1.0");
    CHECK(is_pack_folder_name(r.folder, "test-person", "0.1.0"));
    CHECK(r.message == "installed test-person 0.1.0 (" + r.folder + ") as current");
    using P = platform::InstallPhase;
    CHECK(phases == std::vector<P>{P::Verifying, P::Unpacking, P::Checking, P::Publishing, P::SwitchingPrevious,
                                   P::SwitchingCurrent, P::Cleaning, P::Done});
    const std::string folder_a = r.folder;
    CHECK(link_of(root + "/current") == "packs/" + folder_a);  // relative
    CHECK_FALSE(fs::exists(fs::symlink_status(root + "/previous")));
    CHECK(platform::current_pack_dir(root) == root + "/packs/" + folder_a);
    CHECK(names_in(root) == std::vector<std::string>{"current", "packs"});
    CHECK(pack_folders(root) == std::vector<std::string>{folder_a});
    CHECK(names_in(root + "/packs/" + folder_a) == std::vector<std::string>{".vitrine", "media", "pack.toml"});
    CHECK(names_in(root + "/packs/" + folder_a + "/.vitrine") ==
          std::vector<std::string>{"INSTALLED", "MANIFEST", "SIGNATURE"});
    CHECK(read_bytes(root + "/packs/" + folder_a + "/pack.toml") == read_bytes(f.dir + "/src-0.1.0/pack.toml"));
    CHECK((fs::status(root + "/packs/" + folder_a).permissions() & fs::perms::others_read) != fs::perms::none);
    CHECK(platform::check_unpacked_pack(platform::current_pack_dir(root)).empty());
    CHECK(kiosk::load_pack(platform::current_pack_dir(root)).ok());

    status = platform::install_status(root);
    CHECK(status.ok());
    CHECK(status.current.exhibit_id == "test-person");
    CHECK(status.current.version == "0.1.0");
    CHECK(status.current.title == "Test Person");
    CHECK(status.current.folder == root + "/packs/" + folder_a);
    CHECK_FALSE(status.previous.present);
    CHECK(status.notes.empty());

    const platform::InstallResult no_previous = platform::rollback_pack(root);
    CHECK_FALSE(no_previous.ok);
    CHECK(no_previous.message.find("no previous pack") != std::string::npos);

    // The same file again: nothing changes.
    r = install(a, root, f.key);
    REQUIRE(r.ok);
    CHECK_FALSE(r.changed);
    CHECK(r.message.find("already installed and current") != std::string::npos);
    CHECK(pack_folders(root) == std::vector<std::string>{folder_a});

    // A second pack: the first becomes previous.
    r = install(b, root, f.key);
    REQUIRE(r.ok);
    const std::string folder_b = r.folder;
    CHECK(is_pack_folder_name(folder_b, "test-person", "0.2.0"));
    CHECK(link_of(root + "/current") == "packs/" + folder_b);
    CHECK(link_of(root + "/previous") == "packs/" + folder_a);
    status = platform::install_status(root);
    CHECK(status.ok());
    CHECK(status.current.version == "0.2.0");
    CHECK(status.previous.valid);
    CHECK(status.previous.version == "0.1.0");

    // Rollback, and rollback again.
    r = platform::rollback_pack(root);
    INFO(r.message);
    REQUIRE(r.ok);
    CHECK(r.version == "0.1.0");
    CHECK(link_of(root + "/current") == "packs/" + folder_a);
    CHECK(link_of(root + "/previous") == "packs/" + folder_b);
    CHECK(kiosk::load_pack(platform::current_pack_dir(root)).pack.exhibit.version == "0.1.0");
    REQUIRE(platform::rollback_pack(root).ok);
    CHECK(link_of(root + "/current") == "packs/" + folder_b);
    CHECK(link_of(root + "/previous") == "packs/" + folder_a);

    // Another exhibit is refused unless allowed, and changes nothing.
    const std::string before = listing(root, false);
    r = platform::install_pack_file(c, root, f.key);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("it holds the exhibit 'ieng-sary', but this kiosk shows 'test-person'; add "
                         "--allow-other-exhibit") != std::string::npos);
    CHECK(listing(root, false) == before);

    // A third pack: the oldest goes.
    r = install(c, root, f.key);
    REQUIRE(r.ok);
    const std::string folder_c = r.folder;
    CHECK(is_pack_folder_name(folder_c, "ieng-sary", test_files::bundled_version()));
    CHECK(link_of(root + "/previous") == "packs/" + folder_b);
    std::vector<std::string> expected = {folder_b, folder_c};
    std::sort(expected.begin(), expected.end());
    CHECK(pack_folders(root) == expected);
    status = platform::install_status(root);
    CHECK(status.ok());
    CHECK(status.current.title == "Ieng Sary");

    // Installing the previous pack's file again makes it current.
    r = install(b, root, f.key);
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK(link_of(root + "/current") == "packs/" + folder_b);
    CHECK(link_of(root + "/previous") == "packs/" + folder_c);
    CHECK(pack_folders(root) == expected);
    CHECK(platform::install_status(root).ok());
}

TEST_CASE("a refused pack file changes nothing under ROOT", "[pack_install]") {
    Fixture f("refused");
    const std::string root = f.dir + "/root";
    const std::string a = f.minimal("0.1.0"), b = f.minimal("0.2.0");
    REQUIRE(install(a, root, f.key).ok);
    REQUIRE(install(b, root, f.key).ok);
    const std::string before = listing(root, true);

    const platform::KeygenResult other = platform::generate_key_pair(f.dir + "/other");
    REQUIRE(other.ok);
    platform::PublicKey other_key;
    std::string error;
    REQUIRE(platform::load_public_key(other.public_path, other_key, &error));

    const std::string c = f.minimal("0.3.0");
    std::string tampered = read_bytes(c);
    tampered[tampered.size() - 6] ^= 0x20;  // in the gzip trailer: always caught (a flip inside
                                            // the deflate stream is too, but for rare harmless ones)
    write_bytes(f.dir + "/tampered.vpk", tampered);
    write_bytes(f.dir + "/empty.vpk", "");

    struct Case {
        std::string file;
        const platform::PublicKey* key;
        std::string expected;
    };
    for (const Case& refused : {Case{c, &other_key, "is not signed by the key in"},
                                Case{f.dir + "/tampered.vpk", &f.key, "fails the gzip CRC check"},
                                Case{f.dir + "/empty.vpk", &f.key, "refused"},
                                Case{f.dir + "/missing.vpk", &f.key, "cannot be read: no such file or directory"}}) {
        const platform::InstallResult r = platform::install_pack_file(refused.file, root, *refused.key);
        INFO(r.message);
        CHECK_FALSE(r.ok);
        CHECK_FALSE(r.changed);
        CHECK(r.message.find(refused.expected) != std::string::npos);
        CHECK(listing(root, true) == before);
    }

    // Into a ROOT that does not exist yet: it is not created.
    const std::string fresh = f.dir + "/fresh-root";
    CHECK_FALSE(platform::install_pack_file(c, fresh, other_key).ok);
    CHECK_FALSE(fs::exists(fresh));

    // Signed, whole, but not a pack the kiosk can load (as from a newer
    // vitrine-pack): unpacked, checked, removed. Folder times change; nothing else.
    const std::string invalid = f.build(VITRINE_TEST_PACKS "/broken-unknown-key", f.dir + "/invalid.vpk", false);
    REQUIRE(platform::verify_pack_file(invalid, f.key).ok);
    const std::string before_untimed = listing(root, false);
    platform::InstallResult r = platform::install_pack_file(invalid, root, f.key);
    INFO(r.message);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("its pack does not load") != std::string::npos);
    CHECK(r.message.find("captoin") != std::string::npos);
    CHECK(listing(root, false) == before_untimed);
    r = platform::install_pack_file(invalid, fresh, f.key);
    CHECK_FALSE(r.ok);
    CHECK_FALSE(fs::exists(fresh));

    CHECK(platform::install_status(root).ok());
}

TEST_CASE("the next install removes what an interrupted one left; status reports it meanwhile", "[pack_install]") {
    Fixture f("leftovers");
    const std::string root = f.dir + "/root";
    REQUIRE(install(f.minimal("0.1.0"), root, f.key).ok);
    fs::create_directories(root + "/packs/.incoming-AbC123/media");
    write_bytes(root + "/packs/.incoming-AbC123/media/half.png", "half");
    // An older pack of install's own (marked), and a folder someone put there.
    fs::create_directories(root + "/packs/test-person-0.0.9-000000000000/.vitrine");
    write_bytes(root + "/packs/test-person-0.0.9-000000000000/.vitrine/INSTALLED", "made by vitrine-pack install\n");
    fs::create_directories(root + "/packs/test-person-0.0.8-000000000000");
    fs::create_symlink("packs/nowhere", root + "/current.new");

    const platform::InstallStatus status = platform::install_status(root);
    CHECK(status.ok());
    REQUIRE(status.notes.size() == 4);
    std::string notes;
    for (const std::string& n : status.notes) notes += n + "\n";
    CHECK(notes.find(".incoming-AbC123 is left from an interrupted install") != std::string::npos);
    CHECK(notes.find("test-person-0.0.9-000000000000 is neither current nor previous") != std::string::npos);
    CHECK(notes.find("current.new is left from an interrupted switch") != std::string::npos);
    CHECK(notes.find("test-person-0.0.8-000000000000 was not made by vitrine-pack install; installs leave it alone") !=
          std::string::npos);

    const platform::InstallResult r = install(f.minimal("0.2.0"), root, f.key);
    REQUIRE(r.ok);
    CHECK(names_in(root) == std::vector<std::string>{"current", "packs", "previous"});
    CHECK(pack_folders(root).size() == 3);  // current, previous and the one install did not make
    CHECK(fs::is_directory(root + "/packs/test-person-0.0.8-000000000000"));
    CHECK(platform::install_status(root).notes.size() == 1);
}

TEST_CASE("status shows a damaged pack; rollback refuses a damaged previous; reinstalling repairs", "[pack_install]") {
    Fixture f("damage");
    const std::string root = f.dir + "/root";
    const std::string a = f.minimal("0.1.0"), b = f.minimal("0.2.0");
    REQUIRE(install(a, root, f.key).ok);
    REQUIRE(install(b, root, f.key).ok);
    const std::string current = platform::current_pack_dir(root);
    const std::string previous = root + "/" + link_of(root + "/previous");

    // Bit rot in the current pack's photograph: status says so, by name.
    std::string photo = read_bytes(current + "/media/photo.png");
    photo[40] ^= 1;
    write_bytes(current + "/media/photo.png", photo);
    platform::InstallStatus status = platform::install_status(root);
    CHECK_FALSE(status.ok());
    REQUIRE_FALSE(status.current.problems.empty());
    CHECK(status.current.problems[0] ==
          current + "/media/photo.png does not match its hash in the manifest (damaged on disk?)");

    // Reinstalling the same file replaces the damaged copy in one exchange.
    platform::InstallResult r = install(b, root, f.key);
    REQUIRE(r.ok);
    CHECK(r.changed);
    CHECK(r.message.find("repaired") == 0);
    CHECK(platform::current_pack_dir(root) == current);
    CHECK(platform::install_status(root).ok());
    CHECK(pack_folders(root).size() == 2);

    // A damaged previous pack: rollback refuses and changes nothing.
    write_bytes(previous + "/stray.txt", "not in the manifest");
    const std::string before = listing(root, true);
    r = platform::rollback_pack(root);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("stray.txt is not in the pack's manifest") != std::string::npos);
    CHECK(listing(root, true) == before);

    // previous removed by hand: rollback says so.
    fs::remove_all(previous);
    r = platform::rollback_pack(root);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("does not exist") != std::string::npos);
    status = platform::install_status(root);
    CHECK(status.ok());
    CHECK_FALSE(status.previous.valid);
}

TEST_CASE("one install at a time: a second one waiting on the lock is refused and changes nothing", "[pack_install]") {
    Fixture f("lock");
    const std::string root = f.dir + "/root";
    REQUIRE(install(f.minimal("0.1.0"), root, f.key).ok);
    const std::string before = listing(root, true);
    const int fd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(fd >= 0);
    REQUIRE(::flock(fd, LOCK_EX) == 0);
    const std::string b = f.minimal("0.2.0");
    platform::InstallResult r = platform::install_pack_file(b, root, f.key);
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("another install or rollback is in progress") != std::string::npos);
    CHECK(listing(root, true) == before);
    CHECK_FALSE(platform::rollback_pack(root).ok);
    ::close(fd);
    r = install(b, root, f.key);
    CHECK(r.ok);
}

TEST_CASE("current_pack_dir follows only links into ROOT/packs", "[pack_install]") {
    Fixture f("links");
    const std::string root = f.dir + "/root";
    REQUIRE(install(f.minimal("0.1.0"), root, f.key).ok);
    const std::string good = platform::current_pack_dir(root);
    REQUIRE_FALSE(good.empty());
    for (const std::string& target :
         {std::string("/etc"), std::string("packs/../packs"), std::string("packs/"), std::string("packs/.incoming-x"),
          std::string("packs/a/b"), std::string("packs/gone")}) {
        fs::remove(root + "/current");
        fs::create_symlink(target, root + "/current");
        CHECK(platform::current_pack_dir(root).empty());
        CHECK_FALSE(platform::install_status(root).ok());
    }
    fs::remove(root + "/current");
    fs::create_directory(root + "/current");  // not a symlink
    CHECK(platform::current_pack_dir(root).empty());
    CHECK_FALSE(platform::install_status(root).ok());
}

TEST_CASE("vitrine-pack keygen, build, verify, install, rollback and status: exit 0 done, 1 refused, 2 usage",
          "[pack_install]") {
    auto run = [](const char* name, const std::vector<std::string>& args) {
        const pack_tool::Subcommand* command = pack_tool::find_subcommand(name);
        REQUIRE(command);
        return command->run(args);
    };
    if (!pack_tool::find_subcommand("install")) {
        WARN("the subcommands are not linked into this test program; skipped");
        return;
    }
    Fixture f("commands");
    const std::string root = f.dir + "/root", out = f.dir + "/m.vpk";
    CHECK(run("keygen", {}) == pack_tool::kExitUsage);
    CHECK(run("keygen", {"--out", f.dir + "/cli"}) == pack_tool::kExitOk);
    CHECK(run("keygen", {"--out", f.dir + "/cli"}) == pack_tool::kExitInvalid);  // never overwrites

    CHECK(run("build", {kMinimal, "--key", f.dir + "/cli.key"}) == pack_tool::kExitUsage);
    CHECK(run("build", {kMinimal, "--key", f.dir + "/cli.key", "--out", out}) == pack_tool::kExitOk);
    CHECK(run("build", {VITRINE_TEST_PACKS "/broken-syntax", "--key", f.dir + "/cli.key", "--out", f.dir + "/b.vpk"}) ==
          pack_tool::kExitInvalid);

    CHECK(run("verify", {out}) == pack_tool::kExitUsage);
    CHECK(run("verify", {out, "--pubkey", f.dir + "/cli.pub"}) == pack_tool::kExitOk);
    CHECK(run("verify", {out, "--pubkey", f.pub}) == pack_tool::kExitInvalid);  // another key
    CHECK(run("verify", {out, "--pubkey", f.dir + "/none.pub"}) == pack_tool::kExitInvalid);

    CHECK(run("status", {"--root", root}) == pack_tool::kExitInvalid);  // nothing installed
    CHECK(run("install", {out, "--root", root}) == pack_tool::kExitUsage);
    CHECK(run("install", {out, "--root", root, "--pubkey", f.pub}) == pack_tool::kExitInvalid);
    CHECK_FALSE(fs::exists(root));
    CHECK(run("install", {out, "--root", root, "--pubkey", f.dir + "/cli.pub"}) == pack_tool::kExitOk);
    CHECK(run("status", {"--root", root}) == pack_tool::kExitOk);
    CHECK(run("rollback", {"--root", root}) == pack_tool::kExitInvalid);  // no previous
    CHECK(run("rollback", {"--root", root, "extra"}) == pack_tool::kExitUsage);
    CHECK(run("status", {"--root", root, "--csv"}) == pack_tool::kExitUsage);
}
