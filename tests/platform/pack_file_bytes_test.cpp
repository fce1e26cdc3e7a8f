// Every byte of a pack file is covered by the signature: nothing may be added or
// changed outside the signed files, in the gzip framing or in the tar stream,
// even when the gzip CRC is recomputed so that only the structure check sees it.
#include "pack_build.h"
#include "pack_file.h"
#include "test_files.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

namespace {

using test_files::kMinimal;
using test_files::read_bytes;
using test_files::write_bytes;

struct Keys {
    std::string secret;
    platform::PublicKey key;
};

Keys make_keys(const std::string& dir) {
    const platform::KeygenResult made = platform::generate_key_pair(dir + "/museum");
    INFO(made.message);
    REQUIRE(made.ok);
    Keys keys{made.secret_path, {}};
    std::string error;
    REQUIRE(platform::load_public_key(made.public_path, keys.key, &error));
    return keys;
}

// The tar stream inside a gzip file (first member only).
std::string inflate_member(const std::string& gz) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 16 + MAX_WBITS) == Z_OK);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = uInt(gz.size());
    std::string out;
    char buf[65536];
    int r = Z_OK;
    while (r == Z_OK) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        r = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    }
    inflateEnd(&z);
    REQUIRE(r == Z_STREAM_END);
    return out;
}

// `tar` as one gzip member with the header build writes and a correct CRC-32 and
// length: every check of the gzip framing passes.
std::string gzip_member(const std::string& tar) {
    static const unsigned char header[10] = {0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03};
    std::string out(reinterpret_cast<const char*>(header), sizeof header);
    z_stream z{};
    REQUIRE(deflateInit2(&z, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string deflated(deflateBound(&z, uLong(tar.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(tar.data()));
    z.avail_in = uInt(tar.size());
    z.next_out = reinterpret_cast<Bytef*>(&deflated[0]);
    z.avail_out = uInt(deflated.size());
    REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    deflated.resize(z.total_out);
    deflateEnd(&z);
    out += deflated;
    const uint32_t crc = uint32_t(crc32(0, reinterpret_cast<const Bytef*>(tar.data()), uInt(tar.size())));
    const uint32_t size = uint32_t(tar.size());
    for (int i = 0; i < 4; ++i) out += char((crc >> (8 * i)) & 0xff);
    for (int i = 0; i < 4; ++i) out += char((size >> (8 * i)) & 0xff);
    return out;
}

std::string random_bytes(size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::string out(n, '\0');
    for (char& c : out) c = char(rng() & 0xff);
    return out;
}

// A tar header's checksum, recomputed after an edit, so only the comparison with
// what build writes can see the change.
void fix_tar_checksum(std::string& tar, size_t header_at) {
    std::memset(&tar[header_at + 148], ' ', 8);
    unsigned sum = 0;
    for (size_t i = 0; i < 512; ++i) sum += uint8_t(tar[header_at + i]);
    char field[8];
    std::snprintf(field, sizeof field, "%06o", sum);
    std::memcpy(&tar[header_at + 148], field, 7);
    tar[header_at + 155] = ' ';
}

void require_refused(const std::string& file, const platform::PublicKey& key, const std::string& expected) {
    const platform::VerifyResult v = platform::verify_pack_file(file, key);
    INFO(v.message);
    REQUIRE_FALSE(v.ok);
    CHECK(v.message.rfind(file + ": refused: ", 0) == 0);
    CHECK(v.message.find(expected) != std::string::npos);
}

}  // namespace

TEST_CASE("bytes appended to a signed pack file, in any layer, are refused", "[pack_file]") {
    const std::string dir = test_files::fresh_dir("pack_file_bytes", "appended");
    const Keys keys = make_keys(dir);
    const std::string good = dir + "/good.vpk";
    platform::BuildOptions unchecked;
    unchecked.skip_validation = true;  // the bytes matter here, not the pack
    const platform::BuildResult built = platform::build_pack_file(kMinimal, keys.secret, good, unchecked);
    INFO(built.message);
    REQUIRE(built.ok);
    REQUIRE(platform::verify_pack_file(good, keys.key).ok);
    const std::string bytes = read_bytes(good);
    const std::string tar = inflate_member(bytes);
    // Re-framing the same tar stream is harmless: it verifies (the deflate stream is
    // free to differ; what it inflates to is not).
    write_bytes(dir + "/reframed.vpk", gzip_member(tar));
    REQUIRE(platform::verify_pack_file(dir + "/reframed.vpk", keys.key).ok);
    // Build ends the tar at its end-of-archive blocks; zeros up to a whole 10 KiB
    // record, tar's standard padding, are accepted too, and nothing more.
    const size_t record_end = (tar.size() + 10239) / 10240 * 10240;
    REQUIRE(record_end > tar.size());
    const std::string padded = tar + std::string(record_end - tar.size(), '\0');
    write_bytes(dir + "/padded.vpk", gzip_member(padded));
    REQUIRE(platform::verify_pack_file(dir + "/padded.vpk", keys.key).ok);

    const std::string junk = random_bytes(700 * 1024, 7);
    SECTION("after the gzip stream") {
        write_bytes(dir + "/after-gzip.vpk", bytes + junk);
        require_refused(dir + "/after-gzip.vpk", keys.key, "716800 bytes of data after the end of its gzip stream");
        write_bytes(dir + "/one-byte.vpk", bytes + std::string(1, '\0'));
        require_refused(dir + "/one-byte.vpk", keys.key, "1 bytes of data after the end of its gzip stream");
    }
    SECTION("as a second gzip member, empty or not") {
        write_bytes(dir + "/member.vpk", bytes + gzip_member(junk));
        require_refused(dir + "/member.vpk", keys.key, "a second gzip member");
        write_bytes(dir + "/empty-member.vpk", bytes + gzip_member(""));
        require_refused(dir + "/empty-member.vpk", keys.key, "a second gzip member");
        // An empty member first, then the real one: the file's last trailer is right.
        write_bytes(dir + "/empty-first.vpk", gzip_member("") + bytes);
        require_refused(dir + "/empty-first.vpk", keys.key, "refused");
    }
    SECTION("after the tar's end, inside the gzip stream, with the CRC recomputed") {
        write_bytes(dir + "/after-tar.vpk", gzip_member(tar + junk));
        require_refused(dir + "/after-tar.vpk", keys.key, "data after the end of its archive, beyond the padding");
        // Zeros too: more records than build writes.
        write_bytes(dir + "/zero-records.vpk", gzip_member(padded + std::string(10240, '\0')));
        require_refused(dir + "/zero-records.vpk", keys.key, "data after the end of its archive, beyond the padding");
        write_bytes(dir + "/one-more.vpk", gzip_member(padded + std::string(1, '\0')));
        require_refused(dir + "/one-more.vpk", keys.key, "data after the end of its archive, beyond the padding");
    }
    SECTION("in the tar's padding, with the CRC recomputed") {
        // The end-of-archive blocks, and the record padding after them.
        std::string changed = tar;
        changed[changed.size() - 1] = 'x';
        write_bytes(dir + "/end-blocks.vpk", gzip_member(changed));
        require_refused(dir + "/end-blocks.vpk", keys.key, "holds bytes outside its signed files");
        changed = padded;
        changed[changed.size() - 1] = 'x';
        write_bytes(dir + "/record-padding.vpk", gzip_member(changed));
        require_refused(dir + "/record-padding.vpk", keys.key, "holds bytes outside its signed files");
        // Without its end-of-archive blocks (libarchive takes that as a clean end).
        write_bytes(dir + "/short.vpk", gzip_member(tar.substr(0, tar.size() - 1024)));
        require_refused(dir + "/short.vpk", keys.key, "truncated (its archive ends before its end-of-archive blocks)");
        // The padding after the MANIFEST's data (its header is at 0, its data at 512).
        const size_t manifest_size = std::stoul(tar.substr(124, 11), nullptr, 8);
        REQUIRE(manifest_size % 512 != 0);
        std::string entry_padding = tar;
        entry_padding[512 + manifest_size] = 'x';
        write_bytes(dir + "/entry-padding.vpk", gzip_member(entry_padding));
        require_refused(dir + "/entry-padding.vpk", keys.key, "holds bytes outside its signed files");
    }
    SECTION("in a tar header field nothing reads, with its checksum and the CRC recomputed") {
        std::string changed = tar;
        std::memcpy(&changed[265], "curator", 7);  // the owner's user name
        fix_tar_checksum(changed, 0);
        write_bytes(dir + "/uname.vpk", gzip_member(changed));
        require_refused(dir + "/uname.vpk", keys.key, "holds bytes outside its signed files");
        changed = tar;
        std::memcpy(&changed[136], "14000000000", 11);  // mtime
        fix_tar_checksum(changed, 0);
        write_bytes(dir + "/mtime.vpk", gzip_member(changed));
        require_refused(dir + "/mtime.vpk", keys.key, "holds bytes outside its signed files");
    }
}

TEST_CASE("a pack file, a key or a secret key that is a FIFO is refused at once, by name", "[pack_file]") {
    const std::string dir = test_files::fresh_dir("pack_file_bytes", "fifo");
    const Keys keys = make_keys(dir);
    const std::string fifo = dir + "/pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0644) == 0);
    platform::BuildOptions unchecked;
    unchecked.skip_validation = true;
    // Each would block forever in open() if it waited for a writer.
    const platform::VerifyResult v = platform::verify_pack_file(fifo, keys.key);
    CHECK_FALSE(v.ok);
    CHECK(v.message == fifo + ": refused: it is a FIFO, not a regular file");
    platform::PublicKey key;
    std::string error;
    CHECK_FALSE(platform::load_public_key(fifo, key, &error));
    CHECK(error == fifo + " is a FIFO, not a regular file");
    const platform::BuildResult built = platform::build_pack_file(kMinimal, fifo, dir + "/out.vpk", unchecked);
    CHECK_FALSE(built.ok);
    CHECK(built.message.find(fifo + " is a FIFO, not a regular file") != std::string::npos);
    // A folder and a symlinked pack file, too.
    CHECK(platform::verify_pack_file(dir, keys.key).message == dir + ": refused: it is a folder, not a regular file");
    const platform::BuildResult good = platform::build_pack_file(kMinimal, keys.secret, dir + "/good.vpk", unchecked);
    REQUIRE(good.ok);
    REQUIRE(::symlink("good.vpk", (dir + "/link.vpk").c_str()) == 0);
    CHECK(platform::verify_pack_file(dir + "/link.vpk", keys.key).message.find("it is a symbolic link") !=
          std::string::npos);
}

TEST_CASE("a file whose path needs a pax header still verifies: its headers are regenerated exactly", "[pack_file]") {
    const std::string dir = test_files::fresh_dir("pack_file_bytes", "long-path");
    const Keys keys = make_keys(dir);
    const std::string pack = dir + "/pack";
    std::filesystem::copy(kMinimal, pack, std::filesystem::copy_options::recursive);
    // 4 x 100 characters: too long for a ustar name and prefix.
    const std::string long_name = std::string(100, 'a') + "/" + std::string(100, 'b') + "/" + std::string(100, 'c') +
                                  "/" + std::string(100, 'd') + ".png";
    std::filesystem::create_directories(std::filesystem::path(pack + "/media/" + long_name).parent_path());
    std::filesystem::rename(pack + "/media/photo.png", pack + "/media/" + long_name);
    std::string toml = read_bytes(pack + "/pack.toml");
    const size_t at = toml.find("media/photo.png");
    REQUIRE(at != std::string::npos);
    toml.replace(at, 15, "media/" + long_name);
    write_bytes(pack + "/pack.toml", toml);
    platform::BuildOptions unchecked;
    unchecked.skip_validation = true;
    const platform::BuildResult built = platform::build_pack_file(pack, keys.secret, dir + "/long.vpk", unchecked);
    INFO(built.message);
    REQUIRE(built.ok);
    REQUIRE(inflate_member(read_bytes(dir + "/long.vpk")).find("PaxHeader") != std::string::npos);
    const platform::VerifyResult v = platform::verify_pack_file(dir + "/long.vpk", keys.key);
    INFO(v.message);
    CHECK(v.ok);
}
