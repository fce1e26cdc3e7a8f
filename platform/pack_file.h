// Signed pack files (.vpk): one gzip'd tar archive a curator builds from a pack
// folder on a laptop and a kiosk verifies before it installs anything from it.
//
// Layout of the archive (in this order, regular files only, mode 0644, uid/gid 0,
// mtime 0, no directory entries):
//
//   MANIFEST              "vitrine-manifest 1\n", then one line per pack file,
//                         sorted by path (byte order):
//                         "<sha-256 hex> <size in bytes> pack/<path>\n"
//   SIGNATURE             "vitrine-signature 1\nkey-id <16 hex>\ned25519 <128 hex>\n":
//                         an Ed25519 detached signature of the exact MANIFEST bytes
//   pack/pack.toml        the pack's files: pack.toml and the media it references,
//   pack/media/...        nothing else, sorted by path
//
// The gzip stream is written without a timestamp, so the same pack and key give
// the same bytes. Verification trusts nothing before the signature and every
// hash check out, and never writes while verifying. Every byte of the file is
// covered: the gzip header must be the one build writes; the file is one gzip
// member (inflated with zlib, so its end is known exactly) followed by nothing,
// its CRC-32 and length are checked; and the inflated tar stream must equal what
// build writes for the same files (tar headers regenerated from each entry's name
// and size, zero padding, the end-of-archive blocks, at most zero padding to a
// 10 KiB record). So no byte can be added or changed outside the signed files.
// The one exception is harmless: a change in a redundant part of the deflate
// stream (a Huffman code length no symbol uses) can leave the file inflating to
// exactly the same bytes; it then verifies, and delivers exactly what was signed.
//
// The file is opened without following a final symbolic link and without
// waiting on a FIFO, then checked (fstat) and read through that descriptor.
//
// Keys are short text files: NAME.key (secret, mode 0600) and NAME.pub:
//
//   vitrine-secret-key 1            vitrine-public-key 1
//   key-id <16 hex>                 key-id <16 hex>
//   ed25519 <128 hex>               ed25519 <64 hex>
//
// The key id is the first 8 bytes of the SHA-256 of the public key, in hex.
#pragma once

#include "base/diagnostic.h"
#include "base/file_read.h"

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace platform {

// Limits a pack file must respect; anything beyond them is refused.
constexpr uint64_t kMaxPackEntryBytes = 64ull * 1024 * 1024;
constexpr size_t kMaxPackEntries = 10000;  // MANIFEST and SIGNATURE included
constexpr size_t kMaxPackPathBytes = 1024;

// Calls sodium_init() the first time; false when libsodium cannot work here.
bool sodium_ready();

std::string sha256_hex(const void* data, size_t size);

struct PublicKey {
    std::array<uint8_t, 32> bytes{};
    std::string id;      // 16 hex digits
    std::string source;  // the file it was read from, for messages
};

// Reads NAME.pub; on failure returns false with `error` set ("KEY.pub: ...").
bool load_public_key(const std::string& path, PublicKey& key, std::string* error);

struct KeygenResult {
    bool ok = false;
    std::string message;
    std::string key_id;
    std::string secret_path, public_path;
};
// Writes OUT.key (0600) and OUT.pub. Refuses to overwrite either.
KeygenResult generate_key_pair(const std::string& out);

struct ManifestEntry {
    std::string path;  // in the archive: "pack/media/x.png"
    uint64_t size = 0;
    std::string sha256;  // 64 lowercase hex digits
};

struct BuildOptions {
    // Tests use this to sign a pack the loader refuses, as a newer vitrine-pack
    // might. vitrine-pack build always validates.
    bool skip_validation = false;
    // Replace an existing `out_file` (never the pack's own files or the key it
    // reads, and never a key: see output_file.h).
    bool force = false;
};

struct BuildResult {
    bool ok = false;
    std::string message;                         // one line: what was written, or why not
    std::vector<kiosk::Diagnostic> diagnostics;  // the pack's problems when it is not valid
    std::vector<ManifestEntry> files;
    std::string key_id;
};
// Signs the pack in `pack_dir` as it is: pack.toml and the files it references,
// validated first unless options.skip_validation, into `out_file` (through a
// temporary file renamed into place, so a failed build leaves no half-written
// file). vitrine-pack build (pack_tool/pack_build.h) sends the photographs
// through the media pipeline first and signs that.
BuildResult sign_pack_folder(const std::string& pack_dir, const std::string& secret_key_path,
                             const std::string& out_file, const BuildOptions& options = {});
// Why the secret key at `path` cannot sign (empty when it can).
std::string secret_key_problem(const std::string& path);

struct VerifyResult {
    bool ok = false;
    std::string message;    // "FILE: valid ..." or "FILE: refused: why"
    std::string manifest;   // the exact signed bytes, when ok
    std::string signature;  // the SIGNATURE entry, when ok
    std::vector<ManifestEntry> files;
    std::string key_id;
    uint64_t total_bytes = 0;
};
// Verifies `file` against `key`. Writes nothing.
VerifyResult verify_pack_file(const std::string& file, const PublicKey& key);

// Verifies `file` again while writing its pack files under `dest_dir` (an existing,
// empty folder): pack/x goes to dest_dir/x, every file and folder fsync'ed, and the
// MANIFEST and SIGNATURE are kept as dest_dir/.vitrine/MANIFEST and SIGNATURE.
// A file is written before its hash is known, so on failure `dest_dir` holds
// partial content: the caller must delete it. `after_each_file` (optional) is
// called after each file is written and synced.
VerifyResult unpack_pack_file(const std::string& file, const PublicKey& key, const std::string& dest_dir,
                              const std::function<void(const std::string& path)>& after_each_file = {});

// Where unpack_pack_file keeps the signed manifest inside an unpacked pack.
constexpr const char* kUnpackedMetaDir = ".vitrine";

// Checks an unpacked pack folder against its .vitrine/MANIFEST: every file there
// with its size and hash, nothing else (no extra files, no symlinks). Returns the
// problems, none when it is whole.
std::vector<std::string> check_unpacked_pack(const std::string& folder);

// The manifest's text for `files` (sorted by the caller) and its parser, which
// refuses anything not in the exact form above. Exposed for tests.
std::string format_manifest(const std::vector<ManifestEntry>& files);
bool parse_manifest(const std::string& text, std::vector<ManifestEntry>& files, std::string* error);

// "" when `path` is acceptable as an archive path of a pack file ("pack/..."),
// else why not.
std::string check_archive_path(const std::string& path);

// Reads a whole (small) file, opened first and checked through its descriptor
// (kiosk::read_regular_file): false with `error` set when it is missing, not a
// regular file, larger than `max_bytes` or unreadable.
bool read_small_file(const std::string& path, size_t max_bytes, std::string& out, std::string* error,
                     kiosk::FinalLink final_link = kiosk::FinalLink::Refuse);
// Creates `path` with `mode`, failing if it exists; writes and syncs `text`.
bool create_exclusive(const std::string& path, mode_t mode, const std::string& text, std::string* error);

}  // namespace platform
