// Signed pack files: keys, a deterministic build, and verification that refuses
// every damaged or tampered file with a message naming what is wrong.
#include "pack_file.h"

#include "curator/media_pipeline.h"
#include "pack/image_header.h"
#include "pack/pack_loader.h"
#include "pack_build.h"
#include "pack_install.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sodium.h>
#include <sstream>
#include <stb_image_write.h>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace {

using test_files::kBundled;
using test_files::kMinimal;

std::string fresh_dir(const std::string& name) { return test_files::fresh_dir("pack_file", name); }

using test_files::read_bytes;
using test_files::write_bytes;

struct Keys {
    std::string secret, pub;
    platform::PublicKey key;
};

Keys make_keys(const std::string& dir, const std::string& name) {
    const platform::KeygenResult made = platform::generate_key_pair(dir + "/" + name);
    INFO(made.message);
    REQUIRE(made.ok);
    Keys keys{made.secret_path, made.public_path, {}};
    std::string error;
    INFO(error);
    REQUIRE(platform::load_public_key(keys.pub, keys.key, &error));
    return keys;
}

std::string build(const std::string& pack, const Keys& keys, const std::string& out) {
    platform::BuildOptions options;
    options.force = true;  // some tests build into the same file again
    const platform::BuildResult built = platform::build_pack_file(pack, keys.secret, out, options);
    INFO(built.message);
    REQUIRE(built.ok);
    return out;
}

// An archive's entries, read with libarchive in any format, for rewriting.
struct Entry {
    std::string name;
    std::string data;
    unsigned type = AE_IFREG;
    std::string link;            // symlink target
    std::string hardlink;        // hard link target
    int64_t declared_size = -1;  // when >= 0, the header's size (data is written up to it)
    time_t mtime = 0;
    int64_t uid = 0;
};

std::vector<Entry> read_entries(const std::string& path) {
    std::vector<Entry> entries;
    archive* a = archive_read_new();
    archive_read_support_filter_all(a);
    archive_read_support_format_all(a);
    REQUIRE(archive_read_open_filename(a, path.c_str(), 65536) == ARCHIVE_OK);
    archive_entry* e = nullptr;
    while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
        Entry entry;
        entry.name = archive_entry_pathname(e);
        entry.type = archive_entry_filetype(e);
        entry.mtime = archive_entry_mtime(e);
        entry.uid = archive_entry_uid(e);
        char buf[65536];
        la_ssize_t n;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0) entry.data.append(buf, size_t(n));
        entries.push_back(std::move(entry));
    }
    archive_read_free(a);
    return entries;
}

// Writes entries as a gzip'd pax tar, as build does: the gzip CRC is right, so
// what verify refuses is the content.
void write_entries(const std::string& path, const std::vector<Entry>& entries, bool gzip = true) {
    archive* a = archive_write_new();
    if (gzip) {
        archive_write_add_filter_gzip(a);
        archive_write_set_options(a, "gzip:!timestamp");
    }
    archive_write_set_format_pax_restricted(a);
    REQUIRE(archive_write_open_filename(a, path.c_str()) == ARCHIVE_OK);
    for (const Entry& entry : entries) {
        archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, entry.name.c_str());
        archive_entry_set_filetype(e, entry.type);
        archive_entry_set_perm(e, 0644);
        if (!entry.link.empty()) archive_entry_set_symlink(e, entry.link.c_str());
        if (!entry.hardlink.empty()) archive_entry_set_hardlink(e, entry.hardlink.c_str());
        const int64_t size = entry.declared_size >= 0 ? entry.declared_size : int64_t(entry.data.size());
        archive_entry_set_size(e, entry.type == AE_IFREG ? size : 0);
        bool ok = archive_write_header(a, e) == ARCHIVE_OK;
        if (entry.type == AE_IFREG && entry.hardlink.empty()) {
            int64_t left = size;
            static const std::string zeros(1 << 20, '\0');
            const std::string& source = entry.declared_size >= 0 ? zeros : entry.data;
            while (left > 0) {
                const size_t n = size_t(std::min<int64_t>(left, int64_t(source.size())));
                ok = ok && archive_write_data(a, source.data(), n) == la_ssize_t(n);
                left -= int64_t(n);
            }
        }
        archive_entry_free(e);
        if (!ok) FAIL("cannot write " << entry.name << ": " << archive_error_string(a));
    }
    REQUIRE(archive_write_close(a) == ARCHIVE_OK);
    archive_write_free(a);
}

// Rewrites `in` into `out` after `change` edits its entries.
std::string rewrite(const std::string& in, const std::string& out,
                    const std::function<void(std::vector<Entry>&)>& change) {
    std::vector<Entry> entries = read_entries(in);
    change(entries);
    write_entries(out, entries);
    return out;
}

Entry entry(const std::string& name, const std::string& data = "") {
    Entry e;
    e.name = name;
    e.data = data;
    return e;
}

Entry* find(std::vector<Entry>& entries, const std::string& name) {
    for (Entry& e : entries)
        if (e.name == name) return &e;
    return nullptr;
}

// The whole inflated stream of a gzip file, whatever it holds.
std::string inflate_all(const std::string& path) {
    archive* a = archive_read_new();
    archive_read_support_filter_gzip(a);
    archive_read_support_format_raw(a);
    std::string out;
    archive_entry* e = nullptr;
    if (archive_read_open_filename(a, path.c_str(), 65536) == ARCHIVE_OK &&
        archive_read_next_header(a, &e) == ARCHIVE_OK) {
        char buf[65536];
        la_ssize_t n;
        while ((n = archive_read_data(a, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
        if (n < 0) out += "(error)";
    }
    archive_read_free(a);
    return out;
}

// Refused, with `expected` in the message, which names the file.
void require_refused(const std::string& file, const platform::PublicKey& key, const std::string& expected) {
    const platform::VerifyResult v = platform::verify_pack_file(file, key);
    INFO(v.message);
    REQUIRE_FALSE(v.ok);
    CHECK(v.message.rfind(file + ": refused: ", 0) == 0);
    CHECK(v.message.find(expected) != std::string::npos);
}

}  // namespace

TEST_CASE("keygen writes a secret key only its owner can read and a public key, and never overwrites", "[pack_file]") {
    const std::string dir = fresh_dir("keygen");
    const platform::KeygenResult made = platform::generate_key_pair(dir + "/museum");
    INFO(made.message);
    REQUIRE(made.ok);
    CHECK(made.secret_path == dir + "/museum.key");
    CHECK(made.public_path == dir + "/museum.pub");
    CHECK(made.key_id.size() == 16);
    struct stat st {};
    REQUIRE(::stat(made.secret_path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    const std::string secret = read_bytes(made.secret_path), pub = read_bytes(made.public_path);
    CHECK(secret.rfind("vitrine-secret-key 1\n", 0) == 0);
    CHECK(pub.rfind("vitrine-public-key 1\n", 0) == 0);
    CHECK(pub.find("key-id " + made.key_id + "\n") != std::string::npos);
    CHECK(secret.find("key-id " + made.key_id + "\n") != std::string::npos);

    platform::PublicKey key;
    std::string error;
    REQUIRE(platform::load_public_key(made.public_path, key, &error));
    CHECK(key.id == made.key_id);
    CHECK(key.source == made.public_path);

    // Never overwrites: the old key stays as it was.
    const platform::KeygenResult again = platform::generate_key_pair(dir + "/museum");
    CHECK_FALSE(again.ok);
    CHECK(again.message.find("already exists") != std::string::npos);
    CHECK(read_bytes(made.secret_path) == secret);

    // A public key file that is damaged, or a secret key given as a public one.
    std::string damaged = pub;
    damaged[damaged.size() - 5] = damaged[damaged.size() - 5] == 'a' ? 'b' : 'a';
    write_bytes(dir + "/damaged.pub", damaged);
    CHECK_FALSE(platform::load_public_key(dir + "/damaged.pub", key, &error));
    CHECK(error.find("damaged") != std::string::npos);
    CHECK_FALSE(platform::load_public_key(made.secret_path, key, &error));
    CHECK(error.find("vitrine-public-key 1") != std::string::npos);
    CHECK_FALSE(platform::load_public_key(dir + "/missing.pub", key, &error));
}

TEST_CASE("build writes one deterministic signed archive holding only the pack's referenced files", "[pack_file]") {
    const std::string dir = fresh_dir("build");
    const Keys keys = make_keys(dir, "museum");

    for (const std::string& pack : {kBundled, kMinimal}) {
        const std::string out = dir + "/" + fs::path(pack).filename().string() + ".vpk";
        const platform::BuildResult built = platform::build_pack_file(pack, keys.secret, out);
        INFO(built.message);
        REQUIRE(built.ok);
        CHECK(built.key_id == keys.key.id);

        const platform::VerifyResult v = platform::verify_pack_file(out, keys.key);
        INFO(v.message);
        REQUIRE(v.ok);
        CHECK(v.message.rfind(out + ": valid: signed by key " + keys.key.id, 0) == 0);
        CHECK(v.files.size() == built.files.size());
        CHECK(v.manifest == platform::format_manifest(built.files));

        // Layout: MANIFEST, SIGNATURE, then pack/ files sorted, all plain files,
        // mtime 0, owner 0.
        const std::vector<Entry> entries = read_entries(out);
        REQUIRE(entries.size() == built.files.size() + 2);
        CHECK(entries[0].name == "MANIFEST");
        CHECK(entries[1].name == "SIGNATURE");
        CHECK(entries[0].data == v.manifest);
        CHECK(entries[1].data.rfind("vitrine-signature 1\nkey-id " + keys.key.id + "\ned25519 ", 0) == 0);
        for (size_t i = 0; i < built.files.size(); ++i) {
            const Entry& e = entries[i + 2];
            CHECK(e.name == built.files[i].path);
            CHECK(e.type == AE_IFREG);
            CHECK(e.mtime == 0);
            CHECK(e.uid == 0);
            CHECK(e.data.size() == built.files[i].size);
            CHECK(platform::sha256_hex(e.data.data(), e.data.size()) == built.files[i].sha256);
            if (i > 0) CHECK(built.files[i - 1].path < built.files[i].path);
        }

        // The same pack and key give the same bytes (Ed25519 is deterministic).
        const std::string again = dir + "/again.vpk";
        build(pack, keys, again);
        CHECK(read_bytes(again) == read_bytes(out));
    }

    // The minimal pack: pack.toml and its two photographs, nothing else.
    const platform::BuildResult minimal = platform::build_pack_file(kMinimal, keys.secret, dir + "/m.vpk");
    std::vector<std::string> paths;
    for (const auto& f : minimal.files) paths.push_back(f.path);
    CHECK(paths == std::vector<std::string>{"pack/media/photo.png", "pack/media/portrait.jpg", "pack/pack.toml"});
    const std::string manifest = platform::format_manifest(minimal.files);
    CHECK(manifest.rfind("vitrine-manifest 1\n", 0) == 0);
    // Photographs ship through the media pipeline: the manifest lists what ships.
    const std::string photo = read_bytes(std::string(kMinimal) + "/media/photo.png");
    const auto shipped = kiosk::prepare_for_shipping(std::vector<uint8_t>(photo.begin(), photo.end()));
    REQUIRE(shipped.error.empty());
    CHECK(manifest.find(" " + std::to_string(shipped.bytes.size()) + " pack/media/photo.png\n") != std::string::npos);
}

TEST_CASE("a pack file carries the recordings and their captions as they are, and installs with them", "[pack_file]") {
    const std::string dir = fresh_dir("recordings");
    const Keys keys = make_keys(dir, "museum");
    const std::string pack = VITRINE_TEST_PACKS "/exhibit-recordings";
    const std::string out = build(pack, keys, dir + "/recordings.vpk");
    std::vector<std::string> names;
    for (const Entry& e : read_entries(out)) {
        names.push_back(e.name);
        if (e.name.find("pack/audio/") == 0) CHECK(e.data == read_bytes(pack + "/" + e.name.substr(5)));
    }
    CHECK(names == std::vector<std::string>{"MANIFEST", "SIGNATURE", "pack/audio/en/born-headline.ogg",
                                            "pack/audio/en/born-headline.vtt", "pack/audio/km/born-headline.ogg",
                                            "pack/audio/km/born-headline.vtt", "pack/media/photo.png",
                                            "pack/pack.toml"});

    platform::InstallOptions options;
    options.allow_other_exhibit = true;
    const platform::InstallResult installed = platform::install_pack_file(out, dir + "/root", keys.key, options);
    INFO(installed.message);
    REQUIRE(installed.ok);
    const kiosk::PackLoadResult loaded = kiosk::load_pack(dir + "/root/packs/" + installed.folder);
    CHECK(loaded.diagnostics.empty());
    CHECK(loaded.pack.recordings.size() == 2);
    CHECK(loaded.pack.find_recording("events", "born", "headline", "km"));
}

TEST_CASE("build leaves out stray files and refuses a pack that is not valid, writing nothing", "[pack_file]") {
    const std::string dir = fresh_dir("stray");
    const Keys keys = make_keys(dir, "museum");
    const std::string pack = dir + "/pack";
    fs::copy(kMinimal, pack, fs::copy_options::recursive);
    write_bytes(pack + "/.DS_Store", "junk");
    write_bytes(pack + "/media/unused.png", read_bytes(pack + "/media/photo.png"));
    write_bytes(pack + "/notes.txt", "curator's notes");
    fs::create_symlink("/etc/passwd", pack + "/media/link");
    const std::string out = build(pack, keys, dir + "/stray.vpk");
    std::vector<std::string> names;
    for (const Entry& e : read_entries(out)) names.push_back(e.name);
    CHECK(names == std::vector<std::string>{"MANIFEST", "SIGNATURE", "pack/media/photo.png", "pack/media/portrait.jpg",
                                            "pack/pack.toml"});

    const platform::BuildResult broken =
        platform::build_pack_file(VITRINE_TEST_PACKS "/broken-syntax", keys.secret, dir + "/broken.vpk");
    CHECK_FALSE(broken.ok);
    CHECK_FALSE(broken.diagnostics.empty());
    CHECK(broken.message.find("not valid") != std::string::npos);
    CHECK_FALSE(fs::exists(dir + "/broken.vpk"));

    const platform::BuildResult no_key = platform::build_pack_file(kMinimal, dir + "/none.key", dir + "/nokey.vpk");
    CHECK_FALSE(no_key.ok);
    CHECK_FALSE(fs::exists(dir + "/nokey.vpk"));
    // A public key is not a secret key.
    CHECK_FALSE(platform::build_pack_file(kMinimal, keys.pub, dir + "/pub.vpk").ok);

    // Leaves no temporary files beside the output.
    for (const auto& entry : fs::directory_iterator(dir))
        CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
}

TEST_CASE("a flipped byte anywhere in a pack file is refused, unless the file still inflates to the same bytes",
          "[pack_file]") {
    // Decided: content is covered by the manifest hashes and the signature; the
    // gzip header must be exactly what build writes; tar headers, padding and the
    // deflate stream are covered by the gzip CRC-32 and length, which verify
    // checks itself (libarchive does not). What no check of the content can see
    // is the deflate stream's own redundancy: now and then a flipped byte in it
    // changes a Huffman table entry no symbol uses, and the file inflates to the
    // very same tar stream, byte for byte. Such a file is accepted, and what it
    // delivers is exactly what was signed. So: every flip is refused, or the
    // damaged file inflates to the original's bytes exactly; never anything else.
    // A fixed key makes the archives, and so the outcome, the same on every run.
    const std::string dir = fresh_dir("flips");
    uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], seed[crypto_sign_SEEDBYTES];
    // With this seed, two flips in the minimal pack's file (today's zlib) inflate to
    // the same bytes, so both outcomes are exercised; with most keys there are 0-2.
    for (size_t i = 0; i < sizeof seed; ++i) seed[i] = uint8_t(i * 7 + 14);
    REQUIRE(platform::sodium_ready());
    crypto_sign_seed_keypair(pk, sk, seed);
    auto hex = [](const uint8_t* p, size_t n) {
        std::string out;
        char b[3];
        for (size_t i = 0; i < n; ++i) {
            std::snprintf(b, sizeof b, "%02x", p[i]);
            out += b;
        }
        return out;
    };
    const std::string id = platform::sha256_hex(pk, sizeof pk).substr(0, 16);
    Keys keys;
    keys.secret = dir + "/fixed.key";
    keys.pub = dir + "/fixed.pub";
    write_bytes(keys.secret, "vitrine-secret-key 1\nkey-id " + id + "\ned25519 " + hex(sk, sizeof sk) + "\n");
    write_bytes(keys.pub, "vitrine-public-key 1\nkey-id " + id + "\ned25519 " + hex(pk, sizeof pk) + "\n");
    std::string error;
    REQUIRE(platform::load_public_key(keys.pub, keys.key, &error));
    const std::string damaged = dir + "/damaged.vpk";

    struct Case {
        std::string pack;
        size_t step;
    };
    for (const Case& c : {Case{kMinimal, 1}, Case{kBundled, 997}}) {
        const std::string original_path = build(c.pack, keys, dir + "/original.vpk");
        const std::string original = read_bytes(original_path);
        const std::string original_tar = inflate_all(original_path);
        const platform::VerifyResult original_verified = platform::verify_pack_file(original_path, keys.key);
        REQUIRE(original_verified.ok);
        std::vector<size_t> positions;
        for (size_t i = 0; i < original.size(); i += c.step) positions.push_back(i);
        for (size_t i = 0; i < 64 && i < original.size(); ++i) {
            positions.push_back(i);                        // the gzip header and the first tar header
            positions.push_back(original.size() - 1 - i);  // the end of the deflate stream and the trailer
        }
        std::sort(positions.begin(), positions.end());
        positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
        std::map<std::string, int> reasons;
        std::vector<size_t> same_bytes;
        for (size_t pos : positions) {
            std::string bytes = original;
            bytes[pos] = char(bytes[pos] ^ 0xff);
            write_bytes(damaged, bytes);
            const platform::VerifyResult v = platform::verify_pack_file(damaged, keys.key);
            INFO(c.pack << ": byte " << pos << " of " << original.size() << ": " << v.message);
            if (v.ok) {
                // Only inside the deflate stream, and only when it inflates to the same bytes.
                CHECK(pos >= 10);
                CHECK(pos < original.size() - 8);
                REQUIRE(inflate_all(damaged) == original_tar);
                CHECK(v.manifest == original_verified.manifest);
                CHECK(v.signature == original_verified.signature);
                same_bytes.push_back(pos);
                continue;
            }
            REQUIRE(v.message.rfind(damaged + ": refused: ", 0) == 0);
            const std::string why = v.message.substr(damaged.size() + 11);
            ++reasons[why.substr(0, why.find_first_of("(:"))];
        }
        const size_t refused = positions.size() - same_bytes.size();
        CHECK(refused >= positions.size() * 99 / 100);
        std::string summary;
        for (const auto& r : reasons) summary += "\n  " + std::to_string(r.second) + " x " + r.first;
        std::string harmless;
        for (size_t pos : same_bytes) harmless += " " + std::to_string(pos);
        WARN(fs::path(c.pack).filename().string()
             << " (" << original.size() << " bytes): " << refused << " of " << positions.size()
             << " flipped bytes refused; " << same_bytes.size()
             << " inflate to the identical tar stream and verify (bytes" << harmless << ")" << summary);
    }
}

TEST_CASE("verify refuses a wrong key, a missing signature, and files added, removed, renamed or changed",
          "[pack_file]") {
    const std::string dir = fresh_dir("refusals");
    const Keys keys = make_keys(dir, "museum");
    const Keys other = make_keys(dir, "other");
    const std::string good = build(kMinimal, keys, dir + "/good.vpk");
    REQUIRE(platform::verify_pack_file(good, keys.key).ok);

    SECTION("another key") { require_refused(good, other.key, "is not signed by the key in " + other.pub); }
    SECTION("signed by another key, naming ours") {
        // Someone re-signs with their key but claims our key id: the signature fails.
        const std::string forged = build(kMinimal, other, dir + "/forged.vpk");
        const std::string claimed = rewrite(forged, dir + "/claimed.vpk", [&](std::vector<Entry>& e) {
            std::string& sig = find(e, "SIGNATURE")->data;
            sig.replace(sig.find("key-id ") + 7, 16, keys.key.id);
        });
        require_refused(claimed, keys.key, "is not signed by the key in " + keys.pub);
    }
    SECTION("no SIGNATURE") {
        const std::string f =
            rewrite(good, dir + "/unsigned.vpk", [](std::vector<Entry>& e) { e.erase(e.begin() + 1); });
        require_refused(f, keys.key, "has no signature");
    }
    SECTION("no MANIFEST") {
        const std::string f = rewrite(good, dir + "/nomanifest.vpk", [](std::vector<Entry>& e) { e.erase(e.begin()); });
        require_refused(f, keys.key, "has no MANIFEST");
    }
    SECTION("an empty archive") {
        write_entries(dir + "/empty.vpk", {});
        require_refused(dir + "/empty.vpk", keys.key, "no MANIFEST");
    }
    SECTION("a changed manifest line") {
        const std::string f = rewrite(good, dir + "/manifest.vpk", [](std::vector<Entry>& e) {
            std::string& m = e[0].data;
            m[m.find(" 81 ") + 2] = '2';  // photo.png's size 81 -> 82
        });
        require_refused(f, keys.key, "is not signed by the key in " + keys.pub);
    }
    SECTION("a renamed file") {
        const std::string f = rewrite(good, dir + "/renamed.vpk", [](std::vector<Entry>& e) {
            find(e, "pack/media/photo.png")->name = "pack/media/photo2.png";
        });
        require_refused(f, keys.key, "pack/media/photo2.png is not in the manifest");
    }
    SECTION("an extra file") {
        const std::string f = rewrite(good, dir + "/extra.vpk", [](std::vector<Entry>& e) {
            e.push_back(entry("pack/media/extra.png", "not in the manifest"));
        });
        require_refused(f, keys.key, "pack/media/extra.png is not in the manifest");
    }
    SECTION("a missing file") {
        const std::string f = rewrite(good, dir + "/missing.vpk", [](std::vector<Entry>& e) {
            e.erase(e.begin() + 3);  // pack/media/portrait.jpg
        });
        require_refused(f, keys.key, "pack/media/portrait.jpg is in the manifest but not in the file");
    }
    SECTION("changed content, same size") {
        const std::string f = rewrite(good, dir + "/content.vpk", [](std::vector<Entry>& e) {
            std::string& toml = find(e, "pack/pack.toml")->data;
            toml[toml.find("Went to school")] = 'w';
        });
        require_refused(f, keys.key, "pack/pack.toml does not match its hash in the manifest (tampered or damaged)");
    }
    SECTION("changed content and size") {
        const std::string f = rewrite(good, dir + "/size.vpk", [](std::vector<Entry>& e) {
            find(e, "pack/pack.toml")->data += "\n# appended\n";
        });
        require_refused(f, keys.key, "pack/pack.toml is ");
        require_refused(f, keys.key, "but the manifest says");
    }
    SECTION("a file twice") {
        const std::string f = rewrite(good, dir + "/twice.vpk", [](std::vector<Entry>& e) { e.push_back(e[2]); });
        require_refused(f, keys.key, "pack/media/photo.png appears twice");
    }
    SECTION("entries with ../, absolute paths, or outside pack/") {
        for (const char* name : {"pack/../evil", "../evil", "pack/media/../../evil"}) {
            const std::string f =
                rewrite(good, dir + "/dotdot.vpk", [&](std::vector<Entry>& e) { e.push_back(entry(name, "x")); });
            require_refused(f, keys.key, "uses '..'");
        }
        const std::string abs =
            rewrite(good, dir + "/abs.vpk", [](std::vector<Entry>& e) { e.push_back(entry("/etc/cron.d/evil", "x")); });
        const platform::VerifyResult v = platform::verify_pack_file(abs, keys.key);
        INFO(v.message);
        CHECK_FALSE(v.ok);
        // libarchive may strip the leading '/': either way it is refused by name.
        CHECK((v.message.find("absolute path") != std::string::npos ||
               v.message.find("is outside pack/") != std::string::npos));
        const std::string outside =
            rewrite(good, dir + "/outside.vpk", [](std::vector<Entry>& e) { e.push_back(entry("README", "x")); });
        require_refused(outside, keys.key, "entry 'README' is outside pack/");
        const std::string dot = rewrite(good, dir + "/dot.vpk",
                                        [](std::vector<Entry>& e) { e.push_back(entry("pack/./media/x.png", "x")); });
        require_refused(dot, keys.key, "is not a plain path");
        const std::string reserved = rewrite(good, dir + "/reserved.vpk", [](std::vector<Entry>& e) {
            e.push_back(entry("pack/.vitrine/MANIFEST", "x"));
        });
        require_refused(reserved, keys.key, "reserved name");
    }
    SECTION("symlinks, hard links, folders and devices") {
        Entry symlink = entry("pack/media/link.png");
        symlink.type = AE_IFLNK;
        symlink.link = "/etc/passwd";
        require_refused(rewrite(good, dir + "/symlink.vpk", [&](std::vector<Entry>& e) { e.push_back(symlink); }),
                        keys.key, "pack/media/link.png is a symbolic link");
        Entry hardlink = entry("pack/media/hard.png");
        hardlink.hardlink = "pack/media/photo.png";
        require_refused(rewrite(good, dir + "/hardlink.vpk", [&](std::vector<Entry>& e) { e.push_back(hardlink); }),
                        keys.key, "pack/media/hard.png is a hard link");
        Entry folder = entry("pack/media");
        folder.type = AE_IFDIR;
        require_refused(rewrite(good, dir + "/folder.vpk", [&](std::vector<Entry>& e) { e.push_back(folder); }),
                        keys.key, "pack/media/ is a folder entry");
        Entry device = entry("pack/media/dev");
        device.type = AE_IFCHR;
        require_refused(rewrite(good, dir + "/device.vpk", [&](std::vector<Entry>& e) { e.push_back(device); }),
                        keys.key, "pack/media/dev is a character device");
        Entry fifo = entry("pack/media/fifo");
        fifo.type = AE_IFIFO;
        require_refused(rewrite(good, dir + "/fifo.vpk", [&](std::vector<Entry>& e) { e.push_back(fifo); }), keys.key,
                        "pack/media/fifo is a FIFO");
    }
    SECTION("an entry over 64 MiB") {
        Entry big = entry("pack/media/big.png");
        big.declared_size = int64_t(platform::kMaxPackEntryBytes) + 1;
        const std::string f = rewrite(good, dir + "/big.vpk", [&](std::vector<Entry>& e) { e.push_back(big); });
        require_refused(f, keys.key, "pack/media/big.png is 65 MiB; a file in a pack may be at most 64 MiB");
    }
    SECTION("more than 10 000 entries") {
        // A signed manifest lists at most 9 998 files (10 000 entries with MANIFEST
        // and SIGNATURE), so an archive with more entries always has one that is
        // not in the manifest or appears twice; verify stops at the first.
        const std::string f = rewrite(good, dir + "/many.vpk", [](std::vector<Entry>& e) {
            for (int i = 0; i < 10000; ++i) e.push_back(entry("pack/many/f" + std::to_string(i), ""));
        });
        require_refused(f, keys.key, "pack/many/f0 is not in the manifest");
        std::string manifest = "vitrine-manifest 1\n";
        for (int i = 0; i < 9999; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "pack/f%05d", i);
            manifest += std::string(64, 'a') + " 0 " + name + "\n";
        }
        manifest += std::string(64, 'a') + " 0 pack/pack.toml\n";
        std::vector<platform::ManifestEntry> files;
        std::string error;
        CHECK_FALSE(platform::parse_manifest(manifest, files, &error));
        CHECK(error == "more than 9998 files");
    }
    SECTION("not gzip'd, not an archive, empty, trailing data") {
        write_entries(dir + "/plain.tar", read_entries(good), false);
        require_refused(dir + "/plain.tar", keys.key, "not gzip-compressed");
        write_bytes(dir + "/text.vpk", "just some text, long enough to be read\n");
        require_refused(dir + "/text.vpk", keys.key, "not gzip-compressed");
        write_bytes(dir + "/zero.vpk", "");
        require_refused(dir + "/zero.vpk", keys.key, "too short");
        require_refused(dir + "/no-such-file.vpk", keys.key, "cannot be read: no such file or directory");
        write_bytes(dir + "/trailing.vpk", read_bytes(good) + "trailing bytes");
        require_refused(dir + "/trailing.vpk", keys.key, "14 bytes of data after the end of its gzip stream");
        write_bytes(dir + "/twice.vpk", read_bytes(good) + read_bytes(good));
        require_refused(dir + "/twice.vpk", keys.key, "a second gzip member");
        const std::string bytes = read_bytes(good);
        write_bytes(dir + "/truncated.vpk", bytes.substr(0, bytes.size() / 2));
        require_refused(dir + "/truncated.vpk", keys.key, "refused");
    }
}

TEST_CASE("verify writes nothing", "[pack_file]") {
    const std::string dir = fresh_dir("readonly");
    const Keys keys = make_keys(dir, "museum");
    const std::string file = build(kMinimal, keys, dir + "/m.vpk");
    auto listing = [&] {
        std::vector<std::string> names;
        for (const auto& e : fs::recursive_directory_iterator(dir)) names.push_back(e.path().string());
        std::sort(names.begin(), names.end());
        return names;
    };
    const auto before = listing();
    const auto cwd_before = fs::current_path();
    REQUIRE(platform::verify_pack_file(file, keys.key).ok);
    ::chmod(file.c_str(), 0444);
    REQUIRE(platform::verify_pack_file(file, keys.key).ok);  // a read-only file verifies
    CHECK(listing() == before);
    CHECK(fs::current_path() == cwd_before);
}

TEST_CASE("manifest lines and archive paths are parsed strictly", "[pack_file]") {
    using platform::check_archive_path;
    CHECK(check_archive_path("pack/pack.toml").empty());
    CHECK(check_archive_path("pack/media/a b.png").empty());
    CHECK_FALSE(check_archive_path("pack").empty());
    CHECK_FALSE(check_archive_path("pack/").empty());
    CHECK_FALSE(check_archive_path("pack//x").empty());
    CHECK_FALSE(check_archive_path("pack/a\nb").empty());
    CHECK_FALSE(check_archive_path("pack/caf\xc3\xa9.png").empty());
    CHECK_FALSE(check_archive_path(std::string("pack/") + std::string(2000, 'a')).empty());

    const std::string h(64, 'a');
    std::vector<platform::ManifestEntry> files;
    std::string error;
    const std::string header = "vitrine-manifest 1\n";
    CHECK(platform::parse_manifest(header + h + " 12 pack/pack.toml\n", files, &error));
    REQUIRE(files.size() == 1);
    CHECK(files[0].size == 12);
    CHECK_FALSE(platform::parse_manifest(header + h + " 12 pack/pack.toml", files, &error));      // no final newline
    CHECK_FALSE(platform::parse_manifest(header + h + " 012 pack/pack.toml\n", files, &error));   // leading zero
    CHECK_FALSE(platform::parse_manifest(header + h + " 12 pack/media/x.png\n", files, &error));  // no pack.toml
    CHECK(error == "it has no pack/pack.toml");
    CHECK_FALSE(platform::parse_manifest(header + h + " 1 pack/pack.toml\n" + h + " 1 pack/media/x\n", files, &error));
    CHECK(error.find("not sorted") != std::string::npos);
    CHECK_FALSE(platform::parse_manifest(header + h + " 1 pack/a\n" + h + " 1 pack/a/b\n" + h + " 1 pack/pack.toml\n",
                                         files, &error));
    CHECK(error.find("both a file and a folder") != std::string::npos);
    CHECK_FALSE(platform::parse_manifest(header + std::string(64, 'A') + " 1 pack/pack.toml\n", files, &error));
    CHECK_FALSE(platform::parse_manifest("vitrine-manifest 2\n" + h + " 1 pack/pack.toml\n", files, &error));
}

TEST_CASE("what ships is upright, no larger than a display needs, and carries no metadata", "[pack_file]") {
    const std::string dir = fresh_dir("shipping");
    const Keys keys = make_keys(dir, "museum");
    const std::string pack = dir + "/pack";
    fs::copy(kMinimal, pack, fs::copy_options::recursive);
    // A 5000×2000 JPEG with an Exif segment naming a GPS position, in place of photo.png.
    std::vector<uint8_t> px(size_t(5000) * 2000 * 3, 120);
    std::vector<uint8_t> jpeg;
    stbi_write_jpg_to_func(
        [](void* ctx, void* data, int size) {
            auto* v = static_cast<std::vector<uint8_t>*>(ctx);
            v->insert(v->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
        },
        &jpeg, 5000, 2000, 3, px.data(), 80);
    const std::string payload = std::string("Exif\0\0", 6) + "GPS 48.85N 2.35E";
    const std::string exif = std::string("\xFF\xE1", 2) + char(0) + char(payload.size() + 2) + payload;
    jpeg.insert(jpeg.begin() + 2, exif.begin(), exif.end());
    write_bytes(pack + "/media/photo.png", std::string(jpeg.begin(), jpeg.end()));
    REQUIRE(kiosk::load_pack(pack).ok());

    const platform::BuildResult built = platform::build_pack_file(pack, keys.secret, dir + "/p.vpk");
    REQUIRE(built.ok);
    CHECK_THAT(built.message, Catch::Contains("1 scaled down to 3840 px"));
    const std::string out = dir + "/installed";
    fs::create_directories(out);
    const platform::VerifyResult unpacked = platform::unpack_pack_file(dir + "/p.vpk", keys.key, out);
    INFO(unpacked.message);
    REQUIRE(unpacked.ok);
    const std::string shipped = read_bytes(out + "/media/photo.png");
    CHECK(shipped.find("GPS") == std::string::npos);
    CHECK(shipped.find("Exif") == std::string::npos);
    const auto header = kiosk::read_image_header(reinterpret_cast<const uint8_t*>(shipped.data()), shipped.size());
    CHECK(header.width == 3840);
    CHECK(header.height == 1536);
}
