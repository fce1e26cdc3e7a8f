// Signed pack files: keys, build, verify and unpack. See pack_file.h for the format.
#include "pack_file.h"

#include "media_pipeline.h"
#include "pack_loader.h"

#include <archive.h>
#include <archive_entry.h>
#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace platform {
namespace {

constexpr const char* kManifestHeader = "vitrine-manifest 1\n";
constexpr const char* kSignatureHeader = "vitrine-signature 1";
constexpr const char* kSecretKeyHeader = "vitrine-secret-key 1";
constexpr const char* kPublicKeyHeader = "vitrine-public-key 1";
constexpr size_t kMaxManifestBytes = 8 * 1024 * 1024;  // 10 000 lines of up to 1 KiB paths fit
constexpr size_t kMaxSignatureBytes = 4096;
constexpr size_t kMaxKeyFileBytes = 4096;
constexpr size_t kChunk = 64 * 1024;
// libarchive pads a tar to whole 10 KiB records; more than this after the end of
// the archive is not padding.
constexpr uint64_t kMaxTrailingBytes = 1024 * 1024;

// The gzip header build writes: deflate, no flags, no timestamp, no extra flags, Unix.
constexpr uint8_t kGzipHeader[10] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};

std::string errno_text() { return std::strerror(errno); }

std::string to_hex(const uint8_t* data, size_t size) {
    static const char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 15];
    }
    return out;
}

// Lowercase hex only, exactly `size` bytes.
bool from_hex(const std::string& hex, uint8_t* out, size_t size) {
    if (hex.size() != size * 2) return false;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    for (size_t i = 0; i < size; ++i) {
        const int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
        if (hi < 0 || lo < 0) return false;
        out[i] = uint8_t(hi << 4 | lo);
    }
    return true;
}

bool is_hex64(const std::string& s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string key_id_of(const uint8_t* public_key) {
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, public_key, crypto_sign_PUBLICKEYBYTES);
    return to_hex(digest, 8);
}

// CRC-32 (gzip's), eight bytes at a time: it runs over every inflated byte.
uint32_t crc32_update(uint32_t crc, const uint8_t* data, size_t size) {
    // Plain arrays, not std::array: this loop must be fast in Debug builds too.
    struct Tables {
        uint32_t t[8][256];
        Tables() {
            for (uint32_t i = 0; i < 256; ++i) {
                uint32_t c = i;
                for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                t[0][i] = c;
            }
            for (uint32_t i = 0; i < 256; ++i)
                for (int k = 1; k < 8; ++k) t[k][i] = t[0][t[k - 1][i] & 0xff] ^ (t[k - 1][i] >> 8);
        }
    };
    static const Tables tables;
    const auto& t = tables.t;
    crc = ~crc;
    while (size >= 8) {
        const uint32_t lo = crc ^ (uint32_t(data[0]) | uint32_t(data[1]) << 8 | uint32_t(data[2]) << 16 |
                                   uint32_t(data[3]) << 24);
        crc = t[7][lo & 0xff] ^ t[6][(lo >> 8) & 0xff] ^ t[5][(lo >> 16) & 0xff] ^ t[4][lo >> 24] ^ t[3][data[4]] ^
              t[2][data[5]] ^ t[1][data[6]] ^ t[0][data[7]];
        data += 8;
        size -= 8;
    }
    while (size-- > 0) crc = t[0][(crc ^ *data++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

class Fd {
public:
    explicit Fd(int fd = -1) : fd_(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { reset(); }
    int get() const { return fd_; }
    bool ok() const { return fd_ >= 0; }
    void reset(int fd = -1) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = fd;
    }
    // Closes and reports close()'s error, which matters after writing.
    bool close() {
        const int fd = fd_;
        fd_ = -1;
        return fd < 0 || ::close(fd) == 0;
    }

private:
    int fd_;
};

bool write_all(int fd, const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        size -= size_t(n);
    }
    return true;
}

// Reads a whole (small) file; false with `error` set when it is missing, not a
// regular file, larger than `max_bytes` or unreadable.
bool read_small_file(const std::string& path, size_t max_bytes, std::string& out, std::string& error) {
    Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd.ok()) {
        error = path + ": cannot open: " + errno_text();
        return false;
    }
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
        error = path + ": not a regular file";
        return false;
    }
    if (uint64_t(st.st_size) > max_bytes) {
        error = path + ": too large (" + std::to_string(st.st_size) + " bytes)";
        return false;
    }
    out.assign(size_t(st.st_size), '\0');
    size_t got = 0;
    while (got < out.size()) {
        const ssize_t n = ::read(fd.get(), &out[got], out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = path + ": cannot read: " + (n < 0 ? errno_text() : "file shrank while reading");
            return false;
        }
        got += size_t(n);
    }
    return true;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
        start = end + 1;
    }
    return lines;
}

// A key file: its header line, then "key-id HEX" and "ed25519 HEX" (blank lines
// and "#" comments allowed). Fills `id` and `hex`.
bool parse_key_file(const std::string& text, const char* header, std::string& id, std::string& hex,
                    std::string& error) {
    std::vector<std::string> lines;
    for (std::string& line : split_lines(text))
        if (!line.empty() && line[0] != '#') lines.push_back(line);
    if (lines.empty() || lines[0] != header) {
        error = std::string("not a vitrine key file of this kind (its first line should be '") + header + "')";
        return false;
    }
    for (size_t i = 1; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        const size_t space = line.find(' ');
        const std::string name = line.substr(0, space), value = space == std::string::npos ? "" : line.substr(space + 1);
        if (name == "key-id" && id.empty()) id = value;
        else if (name == "ed25519" && hex.empty()) hex = value;
        else {
            error = "unexpected line '" + line.substr(0, 40) + "'";
            return false;
        }
    }
    if (id.empty() || hex.empty()) {
        error = "it needs a 'key-id' and an 'ed25519' line";
        return false;
    }
    return true;
}

struct SecretKey {
    std::array<uint8_t, crypto_sign_SECRETKEYBYTES> bytes{};
    std::string id;
    ~SecretKey() { sodium_memzero(bytes.data(), bytes.size()); }
};

bool load_secret_key(const std::string& path, SecretKey& key, std::string& error) {
    std::string text;
    if (!read_small_file(path, kMaxKeyFileBytes, text, error)) return false;
    std::string id, hex;
    const bool parsed = parse_key_file(text, kSecretKeyHeader, id, hex, error);
    sodium_memzero(&text[0], text.size());
    if (!parsed) {
        error = path + ": " + error;
        return false;
    }
    const bool decoded = from_hex(hex, key.bytes.data(), key.bytes.size());
    sodium_memzero(&hex[0], hex.size());
    if (!decoded) {
        error = path + ": the key is damaged (expected " + std::to_string(key.bytes.size() * 2) + " hex digits)";
        return false;
    }
    uint8_t pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, key.bytes.data());
    key.id = key_id_of(pk);
    if (key.id != id) {
        error = path + ": the key is damaged (its key-id " + id + " does not match the key, " + key.id + ")";
        return false;
    }
    return true;
}

// Creates `path` with `mode`, failing if it exists; writes and syncs `text`.
bool create_exclusive(const std::string& path, mode_t mode, const std::string& text, std::string& error) {
    Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
    if (!fd.ok()) {
        error = path + ": cannot create: " + errno_text();
        return false;
    }
    if (::fchmod(fd.get(), mode) != 0 || !write_all(fd.get(), text.data(), text.size()) || ::fsync(fd.get()) != 0 ||
        !fd.close()) {
        error = path + ": cannot write: " + errno_text();
        ::unlink(path.c_str());
        return false;
    }
    return true;
}

std::string parent_dir(const std::string& path) {
    const fs::path parent = fs::path(path).parent_path();
    return parent.empty() ? "." : parent.string();
}

void fsync_dir(const std::string& dir) {
    Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.ok()) ::fsync(fd.get());
}

// Hashes an open file from its position to its end, counting its bytes; stops
// early once it is over the entry limit (the caller reports the size).
bool hash_fd(int fd, crypto_hash_sha256_state& state, uint64_t& size) {
    std::vector<uint8_t> buf(kChunk);
    size = 0;
    for (;;) {
        const ssize_t n = ::read(fd, buf.data(), buf.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        if (n == 0) return true;
        crypto_hash_sha256_update(&state, buf.data(), size_t(n));
        size += uint64_t(n);
        if (size > kMaxPackEntryBytes) return true;  // the caller reports the size
    }
}

std::string digest_hex(crypto_hash_sha256_state& state) {
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return to_hex(digest, sizeof digest);
}

std::string mib(uint64_t bytes) { return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB"; }

// ---------------------------------------------------------------------------
// Reading: the file goes through two libarchive readers. The outer one ("raw"
// format, gzip filter) inflates the stream; the inner one reads tar from the
// inflated bytes through a callback, which computes the CRC-32 of everything
// inflated, so it can be checked against the gzip trailer at the end (libarchive
// does not check it). Every byte of the file is covered: the header is compared
// with what build writes, the deflate data and trailer by the CRC and length.

class PackReader {
public:
    PackReader() : buf_(kChunk) {}
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;
    ~PackReader() {
        if (tar_) archive_read_free(tar_);
        if (raw_) archive_read_free(raw_);
    }

    // False with `error` (a reason, without the file name) when the file is not
    // a gzip stream of the kind build writes.
    bool open(const std::string& path, std::string& error) {
        fd_.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
        if (!fd_.ok()) {
            error = "cannot open: " + errno_text();
            return false;
        }
        struct stat st {};
        if (::fstat(fd_.get(), &st) != 0 || !S_ISREG(st.st_mode)) {
            error = "not a regular file";
            return false;
        }
        uint8_t header[sizeof kGzipHeader];
        if (st.st_size < off_t(sizeof header + 8) || ::pread(fd_.get(), header, sizeof header, 0) != ssize_t(sizeof header) ||
            ::pread(fd_.get(), trailer_, 8, st.st_size - 8) != 8) {
            error = "not a pack file (too short to be a gzip'd archive)";
            return false;
        }
        if (header[0] != 0x1f || header[1] != 0x8b) {
            error = "not a pack file (not gzip-compressed)";
            return false;
        }
        if (std::memcmp(header, kGzipHeader, sizeof header) != 0) {
            error = "damaged or not made by vitrine-pack build (unexpected gzip header)";
            return false;
        }
        raw_ = archive_read_new();
        tar_ = archive_read_new();
        if (!raw_ || !tar_) {
            error = "out of memory";
            return false;
        }
        archive_read_support_filter_gzip(raw_);
        archive_read_support_format_raw(raw_);
        archive_entry* entry = nullptr;
        if (archive_read_open_fd(raw_, fd_.get(), kChunk) != ARCHIVE_OK ||
            archive_read_next_header(raw_, &entry) != ARCHIVE_OK || archive_filter_code(raw_, 0) != ARCHIVE_FILTER_GZIP) {
            error = std::string("damaged: ") + text_of(raw_);
            return false;
        }
        archive_read_support_format_tar(tar_);
        if (archive_read_open(tar_, this, nullptr, &PackReader::inflated, nullptr) != ARCHIVE_OK) {
            error = "damaged: " + error_text();
            return false;
        }
        return true;
    }

    // ARCHIVE_OK with `entry`, ARCHIVE_EOF, or an error (see error_text()).
    int next(archive_entry*& entry) {
        const int r = archive_read_next_header(tar_, &entry);
        if (r == ARCHIVE_OK && archive_format(tar_) != 0 &&
            (archive_format(tar_) & ARCHIVE_FORMAT_BASE_MASK) != ARCHIVE_FORMAT_TAR)
            return ARCHIVE_FATAL;
        return r;
    }

    // Reads the current entry's data; <0 on error, 0 at its end.
    la_ssize_t read(void* data, size_t size) { return archive_read_data(tar_, data, size); }

    std::string error_text() const { return !raw_error_.empty() ? raw_error_ : text_of(tar_); }

    // After the tar's end: inflates what is left (the tar's zero padding) and checks
    // the CRC and length against the gzip trailer. "" when they match.
    std::string finish() {
        uint64_t trailing = 0;
        for (;;) {
            const la_ssize_t n = archive_read_data(raw_, buf_.data(), buf_.size());
            if (n < 0) return std::string("damaged: ") + text_of(raw_);
            if (n == 0) break;
            crc_ = crc32_update(crc_, buf_.data(), size_t(n));
            inflated_ += uint64_t(n);
            trailing += uint64_t(n);
            if (trailing > kMaxTrailingBytes) return "unexpected data after the end of the archive";
        }
        uint32_t crc = 0, isize = 0;
        for (int i = 3; i >= 0; --i) {
            crc = crc << 8 | trailer_[i];
            isize = isize << 8 | trailer_[4 + i];
        }
        if (crc != crc_ || isize != uint32_t(inflated_))
            return "damaged (its compressed data fails the gzip CRC check)";
        return "";
    }

private:
    static const char* text_of(archive* a) {
        const char* e = archive_error_string(a);
        return e ? e : "unreadable archive";
    }

    static la_ssize_t inflated(archive*, void* self_ptr, const void** data) {
        auto* self = static_cast<PackReader*>(self_ptr);
        const la_ssize_t n = archive_read_data(self->raw_, self->buf_.data(), self->buf_.size());
        if (n < 0) {
            self->raw_error_ = text_of(self->raw_);
            return ARCHIVE_FATAL;
        }
        self->crc_ = crc32_update(self->crc_, self->buf_.data(), size_t(n));
        self->inflated_ += uint64_t(n);
        *data = self->buf_.data();
        return n;
    }

    Fd fd_;
    archive* raw_ = nullptr;
    archive* tar_ = nullptr;
    std::vector<uint8_t> buf_;
    uint8_t trailer_[8] = {};
    uint32_t crc_ = 0;
    uint64_t inflated_ = 0;
    std::string raw_error_;
};

// Where unpack_pack_file's files go; verify_pack_file has none.
class Sink {
public:
    virtual ~Sink() = default;
    virtual bool begin(const ManifestEntry& entry, std::string& error) = 0;
    virtual bool write(const void* data, size_t size, std::string& error) = 0;
    virtual bool end(std::string& error) = 0;  // the file's size and hash are right
    virtual bool finish(const std::string& manifest, const std::string& signature, std::string& error) = 0;
};

std::string describe_type(archive_entry* entry) {
    if (archive_entry_hardlink(entry)) return "a hard link";
    switch (archive_entry_filetype(entry)) {
        case AE_IFLNK: return "a symbolic link";
        case AE_IFDIR: return "a folder entry";
        case AE_IFCHR: return "a character device";
        case AE_IFBLK: return "a block device";
        case AE_IFIFO: return "a FIFO";
        case AE_IFSOCK: return "a socket";
        default: return "not a regular file";
    }
}

// Reads the current entry fully into `out` (at most `max` bytes, checked against
// the header's size first).
bool read_entry(PackReader& reader, archive_entry* entry, size_t max, std::string& out, std::string& error) {
    const la_int64_t size = archive_entry_size(entry);
    if (size < 0 || uint64_t(size) > max) {
        error = "is too large (" + std::to_string(size) + " bytes)";
        return false;
    }
    out.assign(size_t(size), '\0');
    size_t got = 0;
    for (;;) {
        char extra;
        const la_ssize_t n = got < out.size() ? reader.read(&out[got], out.size() - got) : reader.read(&extra, 1);
        if (n < 0) {
            error = "cannot be read: " + reader.error_text();
            return false;
        }
        if (n == 0) break;
        if (got + size_t(n) > out.size()) {
            error = "is longer than its header says";
            return false;
        }
        got += size_t(n);
    }
    if (got != out.size()) {
        error = "is truncated";
        return false;
    }
    return true;
}

bool parse_signature(const std::string& text, std::string& id, std::array<uint8_t, crypto_sign_BYTES>& sig,
                     std::string& error) {
    const std::vector<std::string> lines = split_lines(text);
    if (text.empty() || text.back() != '\n' || lines.size() != 3 || lines[0] != kSignatureHeader ||
        lines[1].rfind("key-id ", 0) != 0 || lines[2].rfind("ed25519 ", 0) != 0) {
        error = "its SIGNATURE is malformed";
        return false;
    }
    id = lines[1].substr(7);
    if (!from_hex(lines[2].substr(8), sig.data(), sig.size())) {
        error = "its SIGNATURE is malformed (expected " + std::to_string(sig.size() * 2) + " hex digits)";
        return false;
    }
    return true;
}

// Verifies `file` and, with a sink, hands it each file's bytes as they are read.
VerifyResult scan(const std::string& file, const PublicKey& key, Sink* sink) {
    VerifyResult result;
    auto refuse = [&](const std::string& why) {
        result = VerifyResult{};
        result.message = file + ": refused: " + why;
        return result;
    };
    if (!sodium_ready()) return refuse("libsodium cannot be initialised");

    PackReader reader;
    std::string error;
    if (!reader.open(file, error)) return refuse(error);

    size_t entries = 0;
    archive_entry* entry = nullptr;
    auto next = [&](int& r) {
        r = reader.next(entry);
        if (r == ARCHIVE_OK && ++entries > kMaxPackEntries)
            error = "it has more than " + std::to_string(kMaxPackEntries) + " entries";
        else if (r != ARCHIVE_OK && r != ARCHIVE_EOF)
            error = "it is damaged or not a pack file (" + reader.error_text() + ")";
        else
            error.clear();
        return error.empty();
    };
    auto name_of = [&]() {
        const char* name = archive_entry_pathname(entry);
        return std::string(name ? name : "");
    };

    // 1. MANIFEST and SIGNATURE, the first two entries; nothing is trusted until
    //    the signature checks out.
    int r = 0;
    if (!next(r)) return refuse(error);
    if (r == ARCHIVE_EOF) return refuse("it is empty (no MANIFEST)");
    if (name_of() != "MANIFEST") return refuse("it has no MANIFEST (its first entry is '" + name_of() + "')");
    if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry))
        return refuse("its MANIFEST is " + describe_type(entry));
    std::string manifest;
    if (!read_entry(reader, entry, kMaxManifestBytes, manifest, error)) return refuse("its MANIFEST " + error);

    if (!next(r)) return refuse(error);
    if (r == ARCHIVE_EOF || name_of() != "SIGNATURE")
        return refuse("it has no signature (no SIGNATURE entry after its MANIFEST)");
    if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry))
        return refuse("its SIGNATURE is " + describe_type(entry));
    std::string signature;
    if (!read_entry(reader, entry, kMaxSignatureBytes, signature, error)) return refuse("its SIGNATURE " + error);
    std::string signer;
    std::array<uint8_t, crypto_sign_BYTES> sig{};
    if (!parse_signature(signature, signer, sig, error)) return refuse(error);
    if (signer != key.id)
        return refuse("it is not signed by the key in " + key.source + " (it names key " + signer.substr(0, 16) +
                      "; " + key.source + " holds key " + key.id + ")");
    if (crypto_sign_verify_detached(sig.data(), reinterpret_cast<const uint8_t*>(manifest.data()), manifest.size(),
                                    key.bytes.data()) != 0)
        return refuse("it is not signed by the key in " + key.source +
                      " (its signature does not match its MANIFEST: tampered or damaged)");

    // 2. The manifest is authentic from here on.
    std::vector<ManifestEntry> files;
    if (!parse_manifest(manifest, files, error)) return refuse("its MANIFEST is malformed: " + error);
    std::map<std::string, const ManifestEntry*> expected;
    for (const ManifestEntry& f : files) expected.emplace(f.path, &f);
    std::set<std::string> seen;
    std::vector<uint8_t> buf(kChunk);

    // 3. Every other entry: a regular file under pack/, in the manifest, once,
    //    with the size and hash the manifest gives.
    for (;;) {
        if (!next(r)) return refuse(error);
        if (r == ARCHIVE_EOF) break;
        const char* raw_name = archive_entry_pathname(entry);
        if (!raw_name) return refuse("it has an entry whose name cannot be read");
        const std::string name = raw_name;
        if (name == "MANIFEST" || name == "SIGNATURE") return refuse("it has a second " + name);
        if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry))
            return refuse(name + " is " + describe_type(entry) + "; a pack file holds only regular files");
        const std::string path_problem = check_archive_path(name);
        if (!path_problem.empty()) return refuse(path_problem);
        if (archive_entry_sparse_count(entry) > 0) return refuse(name + " is a sparse file");
        if (!seen.insert(name).second) return refuse(name + " appears twice");
        if (!archive_entry_size_is_set(entry) || archive_entry_size(entry) < 0)
            return refuse(name + " has no size");
        const uint64_t size = uint64_t(archive_entry_size(entry));
        if (size > kMaxPackEntryBytes)
            return refuse(name + " is " + mib(size) + "; a file in a pack may be at most " + mib(kMaxPackEntryBytes));
        const auto it = expected.find(name);
        if (it == expected.end()) return refuse(name + " is not in the manifest (added after signing?)");
        const ManifestEntry& want = *it->second;
        if (size != want.size)
            return refuse(name + " is " + std::to_string(size) + " bytes but the manifest says " +
                          std::to_string(want.size) + " (tampered or damaged)");

        if (sink && !sink->begin(want, error)) return refuse(error);
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        uint64_t got = 0;
        for (;;) {
            const la_ssize_t n = reader.read(buf.data(), buf.size());
            if (n < 0) return refuse(name + " cannot be read: it is damaged (" + reader.error_text() + ")");
            if (n == 0) break;
            got += uint64_t(n);
            if (got > size) return refuse(name + " is longer than its header says");
            crypto_hash_sha256_update(&state, buf.data(), size_t(n));
            if (sink && !sink->write(buf.data(), size_t(n), error)) return refuse(error);
        }
        if (got != size) return refuse(name + " is truncated");
        if (digest_hex(state) != want.sha256)
            return refuse(name + " does not match its hash in the manifest (tampered or damaged)");
        if (sink && !sink->end(error)) return refuse(error);
    }
    for (const ManifestEntry& f : files)
        if (!seen.count(f.path)) return refuse(f.path + " is in the manifest but not in the file (removed or renamed?)");

    // 4. Nothing after the archive but padding, and the gzip CRC of everything.
    error = reader.finish();
    if (!error.empty()) return refuse("it is " + error);
    if (sink && !sink->finish(manifest, signature, error)) return refuse(error);

    result.ok = true;
    result.key_id = key.id;
    result.manifest = std::move(manifest);
    result.signature = std::move(signature);
    result.files = std::move(files);
    for (const ManifestEntry& f : result.files) result.total_bytes += f.size;
    result.message = file + ": valid: signed by key " + key.id + " (" + key.source + "), " +
                     std::to_string(result.files.size()) + (result.files.size() == 1 ? " file, " : " files, ") +
                     std::to_string(result.total_bytes) + " bytes";
    return result;
}

// Writes each file under dest_dir as it is read; syncs files and folders.
class UnpackSink : public Sink {
public:
    UnpackSink(std::string dest, const std::function<void(const std::string&)>& after)
        : dest_(std::move(dest)), after_(after) {}

    bool begin(const ManifestEntry& entry, std::string& error) override {
        const std::string rel = entry.path.substr(5);  // after "pack/"
        // Parent folders, each created once; the manifest keeps files and folders apart.
        for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1)) {
            const std::string dir = rel.substr(0, slash);
            if (dirs_.count(dir)) continue;
            if (::mkdir((dest_ + "/" + dir).c_str(), 0755) != 0) {
                error = "cannot create " + dest_ + "/" + dir + ": " + errno_text();
                return false;
            }
            dirs_.insert(dir);
        }
        current_ = entry.path;
        out_.reset(::open((dest_ + "/" + rel).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644));
        if (!out_.ok()) {
            error = "cannot create " + dest_ + "/" + rel + ": " + errno_text();
            return false;
        }
        return true;
    }
    bool write(const void* data, size_t size, std::string& error) override {
        if (write_all(out_.get(), data, size)) return true;
        error = "cannot write " + dest_ + "/" + current_.substr(5) + ": " + errno_text();
        return false;
    }
    bool end(std::string& error) override {
        if (::fsync(out_.get()) != 0 || !out_.close()) {
            error = "cannot write " + dest_ + "/" + current_.substr(5) + ": " + errno_text();
            return false;
        }
        if (after_) after_(current_);
        return true;
    }
    bool finish(const std::string& manifest, const std::string& signature, std::string& error) override {
        const std::string meta = dest_ + "/" + kUnpackedMetaDir;
        if (::mkdir(meta.c_str(), 0755) != 0) {
            error = "cannot create " + meta + ": " + errno_text();
            return false;
        }
        if (!create_exclusive(meta + "/MANIFEST", 0644, manifest, error) ||
            !create_exclusive(meta + "/SIGNATURE", 0644, signature, error))
            return false;
        // Deepest folders first, the pack's own folder last.
        std::vector<std::string> dirs(dirs_.begin(), dirs_.end());
        std::sort(dirs.begin(), dirs.end(), [](const std::string& a, const std::string& b) {
            return std::count(a.begin(), a.end(), '/') > std::count(b.begin(), b.end(), '/');
        });
        dirs.push_back(kUnpackedMetaDir);
        for (const std::string& dir : dirs) {
            if (!sync_dir(dest_ + "/" + dir, error)) return false;
        }
        return sync_dir(dest_, error);
    }

private:
    static bool sync_dir(const std::string& dir, std::string& error) {
        Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (fd.ok() && ::fsync(fd.get()) == 0) return true;
        error = "cannot sync " + dir + ": " + errno_text();
        return false;
    }

    std::string dest_;
    const std::function<void(const std::string&)>& after_;
    std::set<std::string> dirs_;
    std::string current_;
    Fd out_;
};

// Writes the archive to `fd`; "" on success, else why not.
std::string write_archive(int fd, const std::string& pack_dir, const std::string& manifest,
                          const std::string& signature, const std::vector<ManifestEntry>& files) {
    std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
    if (!a) return "out of memory";
    auto failed = [&](const char* what) {
        const char* e = archive_error_string(a.get());
        return std::string(what) + ": " + (e ? e : "unknown error");
    };
    if (archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK || archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
        archive_write_set_options(a.get(), "gzip:!timestamp,gzip:compression-level=6") != ARCHIVE_OK ||
        archive_write_open_fd(a.get(), fd) != ARCHIVE_OK)
        return failed("cannot start the archive");

    auto header = [&](const std::string& name, uint64_t size) {
        std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
        archive_entry_set_pathname(e.get(), name.c_str());
        archive_entry_set_filetype(e.get(), AE_IFREG);
        archive_entry_set_perm(e.get(), 0644);
        archive_entry_set_size(e.get(), la_int64_t(size));
        archive_entry_set_mtime(e.get(), 0, 0);
        archive_entry_set_uid(e.get(), 0);
        archive_entry_set_gid(e.get(), 0);
        return archive_write_header(a.get(), e.get()) == ARCHIVE_OK;
    };
    auto data = [&](const void* p, size_t n) {
        const char* c = static_cast<const char*>(p);
        while (n > 0) {
            const la_ssize_t w = archive_write_data(a.get(), c, n);
            if (w <= 0) return false;
            c += w;
            n -= size_t(w);
        }
        return true;
    };

    if (!header("MANIFEST", manifest.size()) || !data(manifest.data(), manifest.size()))
        return failed("cannot write MANIFEST");
    if (!header("SIGNATURE", signature.size()) || !data(signature.data(), signature.size()))
        return failed("cannot write SIGNATURE");
    std::vector<uint8_t> buf(kChunk);
    for (const ManifestEntry& f : files) {
        const std::string source = pack_dir + "/" + f.path.substr(5);
        Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
        if (!in.ok()) return source + ": cannot open: " + errno_text();
        if (!header(f.path, f.size)) return failed(("cannot write " + f.path).c_str());
        // Read again while writing: a file that changed since it was hashed would
        // make a pack file that verifies as tampered.
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        uint64_t got = 0;
        for (;;) {
            const ssize_t n = ::read(in.get(), buf.data(), buf.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) return source + ": cannot read: " + errno_text();
            if (n == 0) break;
            if (got + uint64_t(n) > f.size) return source + " changed while the pack file was being built";
            got += uint64_t(n);
            crypto_hash_sha256_update(&state, buf.data(), size_t(n));
            if (!data(buf.data(), size_t(n))) return failed(("cannot write " + f.path).c_str());
        }
        if (got != f.size || digest_hex(state) != f.sha256)
            return source + " changed while the pack file was being built";
    }
    if (archive_write_close(a.get()) != ARCHIVE_OK) return failed("cannot finish the archive");
    return "";
}

}  // namespace

bool sodium_ready() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::string sha256_hex(const void* data, size_t size) {
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, static_cast<const uint8_t*>(data), size);
    return to_hex(digest, sizeof digest);
}

bool load_public_key(const std::string& path, PublicKey& key, std::string& error) {
    if (!sodium_ready()) {
        error = "libsodium cannot be initialised";
        return false;
    }
    std::string text;
    if (!read_small_file(path, kMaxKeyFileBytes, text, error)) return false;
    std::string id, hex;
    if (!parse_key_file(text, kPublicKeyHeader, id, hex, error)) {
        error = path + ": " + error;
        return false;
    }
    if (!from_hex(hex, key.bytes.data(), key.bytes.size())) {
        error = path + ": the key is damaged (expected " + std::to_string(key.bytes.size() * 2) + " hex digits)";
        return false;
    }
    key.id = key_id_of(key.bytes.data());
    if (key.id != id) {
        error = path + ": the key is damaged (its key-id " + id + " does not match the key, " + key.id + ")";
        return false;
    }
    key.source = path;
    return true;
}

KeygenResult generate_key_pair(const std::string& out) {
    KeygenResult result;
    result.secret_path = out + ".key";
    result.public_path = out + ".pub";
    if (!sodium_ready()) {
        result.message = "libsodium cannot be initialised";
        return result;
    }
    for (const std::string& path : {result.secret_path, result.public_path}) {
        struct stat st {};
        if (::lstat(path.c_str(), &st) == 0) {
            result.message = path + " already exists; not overwriting a key (choose another --out)";
            return result;
        }
    }
    SecretKey sk;
    uint8_t pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_keypair(pk, sk.bytes.data());
    result.key_id = key_id_of(pk);
    std::string secret_text = std::string(kSecretKeyHeader) +
                              "\n# Vitrine pack signing key: secret. Keep it off kiosks and out of version control.\n"
                              "key-id " + result.key_id + "\ned25519 " + to_hex(sk.bytes.data(), sk.bytes.size()) + "\n";
    const std::string public_text = std::string(kPublicKeyHeader) +
                                    "\n# Vitrine pack verification key: public. Kiosks trust packs signed by its secret key.\n"
                                    "key-id " + result.key_id + "\ned25519 " + to_hex(pk, sizeof pk) + "\n";
    std::string error;
    const bool secret_ok = create_exclusive(result.secret_path, 0600, secret_text, error);
    sodium_memzero(&secret_text[0], secret_text.size());
    if (!secret_ok) {
        result.message = error;
        return result;
    }
    if (!create_exclusive(result.public_path, 0644, public_text, error)) {
        ::unlink(result.secret_path.c_str());
        result.message = error;
        return result;
    }
    fsync_dir(parent_dir(result.secret_path));
    result.ok = true;
    result.message = "wrote " + result.secret_path + " (secret: keep it safe, never on a kiosk) and " +
                     result.public_path + " (for kiosks), key id " + result.key_id;
    return result;
}

std::string check_archive_path(const std::string& path) {
    const std::string quoted = "'" + path + "'";
    if (path.empty()) return "an entry has an empty name";
    if (path.size() > kMaxPackPathBytes) return "an entry's name is longer than " + std::to_string(kMaxPackPathBytes) + " bytes";
    for (unsigned char c : path)
        if (c < 0x20 || c >= 0x7f)
            return "entry " + quoted + " has a character other than printable ASCII in its name";
    if (path[0] == '/') return "entry " + quoted + " has an absolute path";
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        const size_t slash = path.find('/', start);
        parts.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    for (const std::string& part : parts) {
        if (part == "..") return "entry " + quoted + " uses '..'";
        if (part.empty() || part == ".") return "entry " + quoted + " is not a plain path (empty or '.' part)";
    }
    if (parts.size() < 2 || parts[0] != "pack") return "entry " + quoted + " is outside pack/";
    if (parts[1] == kUnpackedMetaDir) return "entry " + quoted + " uses the reserved name " + kUnpackedMetaDir;
    return "";
}

std::string format_manifest(const std::vector<ManifestEntry>& files) {
    std::string text = kManifestHeader;
    for (const ManifestEntry& f : files) text += f.sha256 + " " + std::to_string(f.size) + " " + f.path + "\n";
    return text;
}

bool parse_manifest(const std::string& text, std::vector<ManifestEntry>& files, std::string& error) {
    files.clear();
    const std::string header = kManifestHeader;
    if (text.compare(0, header.size(), header) != 0) {
        error = "it does not start with '" + header.substr(0, header.size() - 1) + "'";
        return false;
    }
    if (text.back() != '\n') {
        error = "its last line does not end";
        return false;
    }
    std::set<std::string> paths;
    size_t line_no = 1;
    for (size_t start = header.size(); start < text.size();) {
        ++line_no;
        const size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        const std::string where = "line " + std::to_string(line_no) + ": ";
        const size_t s1 = line.find(' '), s2 = s1 == std::string::npos ? s1 : line.find(' ', s1 + 1);
        if (s2 == std::string::npos) {
            error = where + "expected 'SHA256 SIZE PATH'";
            return false;
        }
        ManifestEntry f;
        f.sha256 = line.substr(0, s1);
        const std::string size = line.substr(s1 + 1, s2 - s1 - 1);
        f.path = line.substr(s2 + 1);
        if (!is_hex64(f.sha256)) {
            error = where + "the hash is not 64 lowercase hex digits";
            return false;
        }
        if (size.empty() || size.size() > 12 || !std::all_of(size.begin(), size.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            (size.size() > 1 && size[0] == '0')) {
            error = where + "the size is not a number";
            return false;
        }
        f.size = std::stoull(size);
        if (f.size > kMaxPackEntryBytes) {
            error = where + f.path + " is larger than " + mib(kMaxPackEntryBytes);
            return false;
        }
        const std::string problem = check_archive_path(f.path);
        if (!problem.empty()) {
            error = where + problem;
            return false;
        }
        if (!files.empty() && !(files.back().path < f.path)) {
            error = where + "paths are not sorted, or one appears twice";
            return false;
        }
        paths.insert(f.path);
        files.push_back(std::move(f));
        if (files.size() > kMaxPackEntries - 2) {
            error = "more than " + std::to_string(kMaxPackEntries - 2) + " files";
            return false;
        }
    }
    // A path may not be both a file and a folder.
    for (const ManifestEntry& f : files) {
        for (size_t slash = f.path.find('/', 5); slash != std::string::npos; slash = f.path.find('/', slash + 1)) {
            if (paths.count(f.path.substr(0, slash))) {
                error = f.path.substr(0, slash) + " is both a file and a folder";
                return false;
            }
        }
    }
    if (!paths.count("pack/pack.toml")) {
        error = "it has no pack/pack.toml";
        return false;
    }
    return true;
}

namespace {

BuildResult build_from_folder(const std::string& pack_dir, const std::string& secret_key_path,
                              const std::string& out_file, const BuildOptions& options) {
    BuildResult result;
    auto fail = [&](const std::string& why) {
        result.ok = false;
        result.message = why;
        return result;
    };
    if (!sodium_ready()) return fail("libsodium cannot be initialised");
    SecretKey key;
    std::string error;
    if (!load_secret_key(secret_key_path, key, error)) return fail(error);

    kiosk::PackLoadResult loaded = kiosk::load_pack(pack_dir);
    if (!loaded.ok() && !options.skip_validation) {
        result.diagnostics = std::move(loaded.diagnostics);
        size_t errors = 0;
        for (const kiosk::Diagnostic& d : result.diagnostics)
            if (d.severity == kiosk::Diagnostic::Severity::Error) ++errors;
        return fail(pack_dir + ": the pack is not valid (" + std::to_string(errors) +
                    (errors == 1 ? " error" : " errors") + "); no pack file written");
    }

    // pack.toml and the files it references: nothing else (no stray .DS_Store).
    std::set<std::string> relative = {"pack.toml"};
    for (const kiosk::Photograph& photo : loaded.pack.photographs)
        if (!photo.file.empty()) relative.insert(fs::path(photo.file).lexically_normal().generic_string());
    for (const std::string& rel : relative) {
        ManifestEntry f;
        f.path = "pack/" + rel;
        const std::string problem = check_archive_path(f.path);
        if (!problem.empty())
            return fail(pack_dir + "/" + rel + ": cannot go into a pack file: " + problem +
                        (problem.find("ASCII") != std::string::npos ? " (rename it: letters, digits, . _ - and spaces)" : ""));
        const std::string source = pack_dir + "/" + rel;
        Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC));
        struct stat st {};
        if (!in.ok() || ::fstat(in.get(), &st) != 0) return fail(source + ": cannot open: " + errno_text());
        if (!S_ISREG(st.st_mode)) return fail(source + ": not a regular file");
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        if (!hash_fd(in.get(), state, f.size)) return fail(source + ": cannot read: " + errno_text());
        if (f.size > kMaxPackEntryBytes)
            return fail(source + ": is larger than " + mib(kMaxPackEntryBytes) + ", the most a pack file may hold");
        f.sha256 = digest_hex(state);
        result.files.push_back(std::move(f));
    }
    std::sort(result.files.begin(), result.files.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });

    const std::string manifest = format_manifest(result.files);
    std::vector<ManifestEntry> reparsed;
    if (!parse_manifest(manifest, reparsed, error)) return fail(pack_dir + ": cannot make a manifest: " + error);
    if (manifest.size() > kMaxManifestBytes) return fail(pack_dir + ": too many files, or names too long, for a manifest");
    uint8_t sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const uint8_t*>(manifest.data()), manifest.size(),
                         key.bytes.data());
    const std::string signature =
        std::string(kSignatureHeader) + "\nkey-id " + key.id + "\ned25519 " + to_hex(sig, sizeof sig) + "\n";

    // Into a temporary file beside the output, renamed over it when complete.
    std::string temp = out_file + ".tmp-XXXXXX";
    Fd out(::mkstemp(&temp[0]));
    if (!out.ok()) return fail(out_file + ": cannot create: " + errno_text());
    error = write_archive(out.get(), pack_dir, manifest, signature, result.files);
    if (error.empty() && (::fchmod(out.get(), 0644) != 0 || ::fsync(out.get()) != 0 || !out.close()))
        error = out_file + ": cannot write: " + errno_text();
    if (error.empty() && ::rename(temp.c_str(), out_file.c_str()) != 0)
        error = out_file + ": cannot write: " + errno_text();
    if (!error.empty()) {
        ::unlink(temp.c_str());
        return fail(error);
    }
    fsync_dir(parent_dir(out_file));

    uint64_t total = 0;
    for (const ManifestEntry& f : result.files) total += f.size;
    result.ok = true;
    result.key_id = key.id;
    result.message = out_file + ": " + loaded.pack.exhibit.id + " " + loaded.pack.exhibit.version + ", " +
                     std::to_string(result.files.size()) + " files, " + std::to_string(total) +
                     " bytes, signed with key " + key.id;
    return result;
}

// What ships is what the kiosks need: every photograph goes through the media
// pipeline (upright, at most 3840 pixels, re-encoded without metadata) into a
// staging folder beside the output, and the pack file is built from there.
struct ShippingStage {
    std::string dir;
    int downscaled = 0, reoriented = 0;
    ~ShippingStage() {
        std::error_code ec;
        if (!dir.empty()) fs::remove_all(dir, ec);
    }
};

std::string stage_for_shipping(const std::string& pack_dir, const kiosk::Pack& pack, const std::string& out_file,
                               ShippingStage& stage) {
    std::string templ = out_file + ".stage-XXXXXX";
    if (!::mkdtemp(&templ[0])) return out_file + ": cannot create a staging folder: " + errno_text();
    stage.dir = templ;
    std::error_code ec;
    fs::copy_file(pack_dir + "/pack.toml", stage.dir + "/pack.toml", ec);
    if (ec) return pack_dir + "/pack.toml: cannot be copied: " + ec.message();
    for (const kiosk::Photograph& photo : pack.photographs) {
        const std::string source = pack_dir + "/" + photo.file;
        std::string bytes, error;
        if (!read_small_file(source, kMaxPackEntryBytes, bytes, error)) return error;
        const kiosk::ShippedImage shipped = kiosk::prepare_for_shipping(std::vector<uint8_t>(bytes.begin(), bytes.end()));
        if (!shipped.error.empty()) return source + ": " + shipped.error;
        const fs::path target = fs::path(stage.dir) / photo.file;
        fs::create_directories(target.parent_path(), ec);
        std::ofstream out(target, std::ios::binary);
        out.write(reinterpret_cast<const char*>(shipped.bytes.data()), std::streamsize(shipped.bytes.size()));
        if (!out) return target.string() + ": cannot be written";
        stage.downscaled += shipped.downscaled;
        stage.reoriented += shipped.reoriented;
    }
    return "";
}

}  // namespace

BuildResult build_pack_file(const std::string& pack_dir, const std::string& secret_key_path,
                            const std::string& out_file, const BuildOptions& options) {
    if (options.skip_validation) return build_from_folder(pack_dir, secret_key_path, out_file, options);
    const kiosk::PackLoadResult loaded = kiosk::load_pack(pack_dir);
    if (!loaded.ok()) return build_from_folder(pack_dir, secret_key_path, out_file, options);  // reports the errors
    ShippingStage stage;
    const std::string problem = stage_for_shipping(pack_dir, loaded.pack, out_file, stage);
    if (!problem.empty()) {
        BuildResult failed;
        failed.message = problem + "; no pack file written";
        return failed;
    }
    BuildResult result = build_from_folder(stage.dir, secret_key_path, out_file, options);
    if (result.ok) {
        result.message += "; photographs re-encoded without metadata";
        if (stage.downscaled) result.message += ", " + std::to_string(stage.downscaled) + " scaled down to 3840 px";
        if (stage.reoriented) result.message += ", " + std::to_string(stage.reoriented) + " turned upright";
    }
    return result;
}

VerifyResult verify_pack_file(const std::string& file, const PublicKey& key) { return scan(file, key, nullptr); }

VerifyResult unpack_pack_file(const std::string& file, const PublicKey& key, const std::string& dest_dir,
                              const std::function<void(const std::string& path)>& after_each_file) {
    UnpackSink sink(dest_dir, after_each_file);
    return scan(file, key, &sink);
}

std::vector<std::string> check_unpacked_pack(const std::string& folder) {
    std::vector<std::string> problems;
    std::string manifest, error;
    if (!read_small_file(folder + "/" + kUnpackedMetaDir + "/MANIFEST", kMaxManifestBytes, manifest, error)) {
        problems.push_back(error);
        return problems;
    }
    std::vector<ManifestEntry> files;
    if (!parse_manifest(manifest, files, error)) {
        problems.push_back(folder + "/" + kUnpackedMetaDir + "/MANIFEST is malformed: " + error);
        return problems;
    }
    std::map<std::string, const ManifestEntry*> expected;
    for (const ManifestEntry& f : files) expected.emplace(f.path.substr(5), &f);
    std::set<std::string> found;

    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec), end;
    if (ec) {
        problems.push_back(folder + ": cannot be read: " + ec.message());
        return problems;
    }
    for (; it != end; it.increment(ec)) {
        if (ec) {
            problems.push_back(folder + ": cannot be read: " + ec.message());
            break;
        }
        const std::string rel = it->path().lexically_relative(folder).generic_string();
        if (rel == kUnpackedMetaDir) {
            it.disable_recursion_pending();
            continue;
        }
        const fs::file_status st = it->symlink_status(ec);
        if (fs::is_directory(st)) continue;
        const std::string shown = folder + "/" + rel;
        if (!fs::is_regular_file(st)) {
            problems.push_back(shown + " is not a regular file");
            continue;
        }
        const auto want = expected.find(rel);
        if (want == expected.end()) {
            problems.push_back(shown + " is not in the pack's manifest");
            continue;
        }
        found.insert(rel);
        Fd in(::open(shown.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        uint64_t size = 0;
        if (!in.ok() || !hash_fd(in.get(), state, size)) {
            problems.push_back(shown + " cannot be read");
            continue;
        }
        if (size != want->second->size || digest_hex(state) != want->second->sha256)
            problems.push_back(shown + " does not match its hash in the manifest (damaged on disk?)");
    }
    for (const ManifestEntry& f : files)
        if (!found.count(f.path.substr(5))) problems.push_back(folder + "/" + f.path.substr(5) + " is missing");
    return problems;
}

}  // namespace platform
