// Signed pack files: keys, build, verify and unpack. See pack_file.h for the format.
#include "pack_file.h"

#include "base/file_read.h"
#include "output_file.h"
#include "pack/pack_loader.h"

#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

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
// The gzip header build writes: deflate, no flags, no timestamp, no extra flags, Unix.
constexpr uint8_t kGzipHeader[10] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};

// strerror's words, lower-cased the way messages read ("permission denied").
std::string errno_text() {
    std::string text = std::strerror(errno);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = char(text[0] - 'A' + 'a');
    return text;
}

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
    return s.size() == 64 &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string key_id_of(const uint8_t* public_key) {
    uint8_t digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, public_key, crypto_sign_PUBLICKEYBYTES);
    return to_hex(digest, 8);
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

// "cannot read PATH: permission denied", "PATH is a FIFO, not a regular file".
std::string read_problem(const std::string& path, const kiosk::FileRead& read) {
    if (read.error.rfind("is ", 0) == 0) return path + " " + read.error;
    return "cannot read " + path + ": " + read.error;
}

}  // namespace

// Reads a whole (small) file, opened first and checked through its descriptor
// (kiosk::read_regular_file): false with `error` set when it is missing, not a
// regular file, larger than `max_bytes` or unreadable. The bytes read are wiped
// from the intermediate buffer, since a secret key goes through here.
bool read_small_file(const std::string& path, size_t max_bytes, std::string& out, std::string* error_out,
                     kiosk::FinalLink final_link) {
    std::string unused;
    std::string& error = error_out ? *error_out : unused;
    kiosk::FileRead read = kiosk::read_regular_file(path, max_bytes, final_link);
    if (!read.ok()) {
        error = read_problem(path, read);
        return false;
    }
    out.assign(read.bytes.begin(), read.bytes.end());
    if (!read.bytes.empty()) sodium_memzero(read.bytes.data(), read.bytes.size());
    return true;
}

namespace {

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
        const std::string name = line.substr(0, space),
                          value = space == std::string::npos ? "" : line.substr(space + 1);
        if (name == "key-id" && id.empty())
            id = value;
        else if (name == "ed25519" && hex.empty())
            hex = value;
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
    if (!read_small_file(path, kMaxKeyFileBytes, text, &error, kiosk::FinalLink::Follow)) return false;
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

}  // namespace

// Creates `path` with `mode`, failing if it exists; writes and syncs `text`.
bool create_exclusive(const std::string& path, mode_t mode, const std::string& text, std::string* error_out) {
    std::string unused;
    std::string& error = error_out ? *error_out : unused;
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

namespace {

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
// The tar entries build writes: a regular file, mode 0644, owner 0, mtime 0. The
// verifier regenerates each header from the name and size it read, so both sides
// must describe an entry the same way.
void describe_entry(archive_entry* e, const std::string& name, uint64_t size) {
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, la_int64_t(size));
    archive_entry_set_mtime(e, 0, 0);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
}

// The exact header bytes build writes for an entry (pax_restricted: a ustar
// header, preceded by a pax header when the name needs one).
std::string canonical_header(const std::string& name, uint64_t size) {
    struct Capture {
        std::string bytes;
        bool done = false;
        static la_ssize_t write(archive*, void* self, const void* data, size_t n) {
            auto* capture = static_cast<Capture*>(self);
            if (capture->done) return ARCHIVE_FATAL;  // the entry's data and the end: not wanted
            capture->bytes.append(static_cast<const char*>(data), n);
            return la_ssize_t(n);
        }
    } capture;
    std::unique_ptr<archive, int (*)(archive*)> a(archive_write_new(), archive_write_free);
    std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
    if (!a || !e) return "";
    describe_entry(e.get(), name, size);
    // Unblocked, so the header reaches the callback as soon as it is written.
    if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
        archive_write_set_bytes_per_block(a.get(), 0) != ARCHIVE_OK ||
        archive_write_open(a.get(), &capture, nullptr, &Capture::write, nullptr) != ARCHIVE_OK ||
        archive_write_header(a.get(), e.get()) != ARCHIVE_OK)
        capture.bytes.clear();
    // Closing would write the entry's data as zeros: the first write fails instead.
    capture.done = true;
    archive_write_close(a.get());
    return capture.bytes;
}

constexpr size_t kTarBlock = 512;
constexpr size_t kTarRecord = 10240;  // tar's standard blocking (build, compressing, does not pad to it)

// ---------------------------------------------------------------------------
// Reading. The file must be one gzip member and nothing else: the header build
// writes, a deflate stream (inflated here with zlib, so its end is known
// exactly), the CRC-32 and length of what it inflated, then the end of the file.
// A libarchive tar reader reads the inflated bytes through a callback. Every
// byte is then covered: the gzip header by comparison, the deflate stream by
// what it inflates to, the trailer by the CRC and length, and the inflated tar
// stream by a hash compared with the stream build would write for the same
// entries (each header regenerated from the name and size read, the data as
// read, zero padding, the end-of-archive blocks and the record padding). So no
// byte can be added or changed outside the signed files' contents, which the
// manifest's hashes cover.

class PackReader {
public:
    PackReader() : buf_(kChunk), in_(kChunk) {
        crypto_generichash_init(&actual_, nullptr, 0, crypto_generichash_BYTES);
        crypto_generichash_init(&expected_, nullptr, 0, crypto_generichash_BYTES);
    }
    PackReader(const PackReader&) = delete;
    PackReader& operator=(const PackReader&) = delete;
    ~PackReader() {
        if (tar_) archive_read_free(tar_);
        if (inflating_) inflateEnd(&z_);
    }

    // False with `error` (a reason, without the file name) when the file cannot
    // be read or is not a gzip stream of the kind build writes.
    bool open(const std::string& path, std::string& error) {
        // Opened first, then checked: no final symlink, no waiting on a FIFO.
        fd_.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY));
        if (!fd_.ok()) {
            error = errno == ELOOP ? "it is a symbolic link; only a regular file is read"
                                   : "cannot be read: " + errno_text();
            return false;
        }
        struct stat st {};
        if (::fstat(fd_.get(), &st) != 0) {
            error = "cannot be read: " + errno_text();
            return false;
        }
        if (!S_ISREG(st.st_mode)) {
            error = std::string("it is a ") + kiosk::file_type_name(st.st_mode) + ", not a regular file";
            return false;
        }
        size_ = uint64_t(st.st_size);
        uint8_t header[sizeof kGzipHeader];
        if (size_ < sizeof header + 8 || !read_exact(header, sizeof header, error)) {
            if (error.empty()) error = "not a pack file (too short to be a gzip'd archive)";
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
        if (inflateInit2(&z_, -MAX_WBITS) != Z_OK) {  // raw deflate: the gzip framing is checked here
            error = "out of memory";
            return false;
        }
        inflating_ = true;
        tar_ = archive_read_new();
        if (!tar_) {
            error = "out of memory";
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
        if (r != ARCHIVE_OK && r != ARCHIVE_EOF) return r;
        pad_expected();
        if (r == ARCHIVE_OK) {
            const char* name = archive_entry_pathname(entry);
            const la_int64_t size = archive_entry_size(entry);
            entry_size_ = size > 0 ? uint64_t(size) : 0;
            expect(canonical_header(name ? name : "", entry_size_));
        }
        return r;
    }

    // Reads the current entry's data; <0 on error, 0 at its end.
    la_ssize_t read(void* data, size_t size) {
        const la_ssize_t n = archive_read_data(tar_, data, size);
        if (n > 0) crypto_generichash_update(&expected_, static_cast<const uint8_t*>(data), size_t(n));
        return n;
    }

    std::string error_text() const { return !raw_error_.empty() ? raw_error_ : text_of(tar_); }

    // After the tar's end: inflates the rest (the tar's zero padding), then checks
    // the gzip trailer, that nothing follows it, and that the inflated stream is
    // exactly what build writes. "" when all is well.
    std::string finish() {
        expect(std::string(2 * kTarBlock, '\0'));  // the end-of-archive blocks
        // Build ends the stream there; a tar padded with zeros to a whole record
        // (the standard blocking) is the only other ending accepted.
        const uint64_t end = expected_size_, record_end = (end + kTarRecord - 1) / kTarRecord * kTarRecord;
        while (!stream_ended_) {
            if (inflate_some() < 0) return "it is damaged (" + raw_error_ + ")";
            if (inflated_ > record_end)
                return "it has data after the end of its archive, beyond the padding a tar may have";
        }
        if (!tail_error_.empty()) return tail_error_;
        if (inflated_ != end && inflated_ != record_end)
            return inflated_ > end ? "it has data after the end of its archive, beyond the padding a tar may have"
                                   : "it is truncated (its archive ends before its end-of-archive blocks)";
        static const std::string zeros(kTarRecord, '\0');
        expected_size_ = inflated_;
        while (expected_hashed_ < expected_size_) {
            const size_t n = size_t(std::min<uint64_t>(zeros.size(), expected_size_ - expected_hashed_));
            crypto_generichash_update(&expected_, reinterpret_cast<const uint8_t*>(zeros.data()), n);
            expected_hashed_ += n;
        }
        uint8_t actual[crypto_generichash_BYTES], expected[crypto_generichash_BYTES];
        crypto_generichash_final(&actual_, actual, sizeof actual);
        crypto_generichash_final(&expected_, expected, sizeof expected);
        if (sodium_memcmp(actual, expected, sizeof actual) != 0)
            return "it holds bytes outside its signed files (a tar header or padding differs from what "
                   "vitrine-pack build writes)";
        return "";
    }

private:
    static const char* text_of(archive* a) {
        const char* e = archive_error_string(a);
        return e ? e : "unreadable archive";
    }

    bool read_exact(uint8_t* out, size_t size, std::string& error) {
        size_t got = 0;
        while (got < size) {
            const ssize_t n = ::read(fd_.get(), out + got, size - got);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) {
                error = "cannot be read: " + errno_text();
                return false;
            }
            if (n == 0) return false;
            got += size_t(n);
        }
        return true;
    }

    void expect(const std::string& bytes) {
        crypto_generichash_update(&expected_, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
        expected_size_ += bytes.size();
        expected_hashed_ += bytes.size();
    }
    // The zeros after the current entry's data, up to a whole tar block.
    void pad_expected() {
        const uint64_t padded = (entry_size_ + kTarBlock - 1) / kTarBlock * kTarBlock;
        expected_size_ += entry_size_;  // the data, hashed as read()
        expected_hashed_ += entry_size_;
        if (padded > entry_size_) expect(std::string(size_t(padded - entry_size_), '\0'));
        entry_size_ = 0;
    }

    // Inflates up to one chunk into buf_; its size, 0 once the deflate stream has
    // ended, or -1 with raw_error_ set.
    la_ssize_t inflate_some() {
        if (stream_ended_) return 0;
        z_.next_out = buf_.data();
        z_.avail_out = uInt(buf_.size());
        while (z_.avail_out > 0 && !stream_ended_) {
            if (z_.avail_in == 0) {
                const ssize_t n = ::read(fd_.get(), in_.data(), in_.size());
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) {
                    raw_error_ = "cannot be read: " + errno_text();
                    return -1;
                }
                if (n == 0) {
                    raw_error_ = "its compressed data ends early: truncated";
                    return -1;
                }
                z_.next_in = in_.data();
                z_.avail_in = uInt(n);
            }
            const int r = ::inflate(&z_, Z_NO_FLUSH);
            if (r == Z_STREAM_END) {
                stream_ended_ = true;
            } else if (r != Z_OK) {
                raw_error_ = std::string("its compressed data cannot be inflated: ") + (z_.msg ? z_.msg : "invalid");
                return -1;
            }
            if (z_.avail_out < buf_.size()) break;  // something to hand on
        }
        const size_t n = buf_.size() - z_.avail_out;
        crc_ = uint32_t(::crc32(crc_, buf_.data(), uInt(n)));
        inflated_ += n;
        crypto_generichash_update(&actual_, buf_.data(), n);
        if (stream_ended_) check_tail();
        return la_ssize_t(n);
    }

    // At the end of the deflate stream: exactly the 8-byte gzip trailer must follow,
    // then the end of the file. Problems go to tail_error_, reported by finish().
    void check_tail() {
        const uint64_t end = sizeof kGzipHeader + z_.total_in + 8;
        std::string rest(reinterpret_cast<const char*>(z_.next_in), z_.avail_in);
        while (rest.size() < 9) {
            char more[64];
            const ssize_t n = ::read(fd_.get(), more, sizeof more);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            rest.append(more, size_t(n));
        }
        if (rest.size() < 8) {
            tail_error_ = "it is truncated (its gzip trailer is incomplete)";
            return;
        }
        if (rest.size() > 8) {
            const uint64_t extra = size_ > end ? size_ - end : rest.size() - 8;
            const bool member = rest.size() >= 10 && uint8_t(rest[8]) == 0x1f && uint8_t(rest[9]) == 0x8b;
            tail_error_ = "it has " + std::to_string(extra) +
                          (member ? " bytes after the end of its gzip stream: a second gzip member, which vitrine-pack "
                                    "build never writes"
                                  : " bytes of data after the end of its gzip stream");
            return;
        }
        uint32_t crc = 0, isize = 0;
        for (int i = 3; i >= 0; --i) {
            crc = crc << 8 | uint8_t(rest[size_t(i)]);
            isize = isize << 8 | uint8_t(rest[size_t(4 + i)]);
        }
        if (crc != crc_ || isize != uint32_t(inflated_))
            tail_error_ = "it is damaged (its compressed data fails the gzip CRC check)";
    }

    static la_ssize_t inflated(archive*, void* self_ptr, const void** data) {
        auto* self = static_cast<PackReader*>(self_ptr);
        const la_ssize_t n = self->inflate_some();
        if (n < 0) return ARCHIVE_FATAL;
        *data = self->buf_.data();
        return n;
    }

    Fd fd_;
    uint64_t size_ = 0;
    z_stream z_{};
    bool inflating_ = false, stream_ended_ = false;
    archive* tar_ = nullptr;
    std::vector<uint8_t> buf_, in_;
    uint32_t crc_ = 0;
    uint64_t inflated_ = 0;
    crypto_generichash_state actual_{}, expected_{};
    uint64_t expected_size_ = 0;    // the stream build writes, so far
    uint64_t expected_hashed_ = 0;  // how much of it went into expected_ (data arrives through read())
    uint64_t entry_size_ = 0;
    std::string raw_error_, tail_error_;
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
        return refuse("it is not signed by the key in " + key.source + " (it names key " + signer.substr(0, 16) + "; " +
                      key.source + " holds key " + key.id + ")");
    if (crypto_sign_verify_detached(sig.data(), reinterpret_cast<const uint8_t*>(manifest.data()), manifest.size(),
                                    key.bytes.data()) != 0)
        return refuse("it is not signed by the key in " + key.source +
                      " (its signature does not match its MANIFEST: tampered or damaged)");

    // 2. The manifest is authentic from here on.
    std::vector<ManifestEntry> files;
    if (!parse_manifest(manifest, files, &error)) return refuse("its MANIFEST is malformed: " + error);
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
        if (!archive_entry_size_is_set(entry) || archive_entry_size(entry) < 0) return refuse(name + " has no size");
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
        if (!seen.count(f.path))
            return refuse(f.path + " is in the manifest but not in the file (removed or renamed?)");

    // 4. Nothing after the archive but padding, and the gzip CRC of everything.
    error = reader.finish();
    if (!error.empty()) return refuse(error);
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
        if (!create_exclusive(meta + "/MANIFEST", 0644, manifest, &error) ||
            !create_exclusive(meta + "/SIGNATURE", 0644, signature, &error))
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
    if (archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK ||
        archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK ||
        archive_write_set_options(a.get(), "gzip:!timestamp,gzip:compression-level=6") != ARCHIVE_OK ||
        archive_write_open_fd(a.get(), fd) != ARCHIVE_OK)
        return failed("cannot start the archive");

    auto header = [&](const std::string& name, uint64_t size) {
        std::unique_ptr<archive_entry, void (*)(archive_entry*)> e(archive_entry_new(), archive_entry_free);
        describe_entry(e.get(), name, size);
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
        Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
        struct stat st {};
        if (!in.ok() || ::fstat(in.get(), &st) != 0) return "cannot read " + source + ": " + errno_text();
        if (!S_ISREG(st.st_mode)) return source + " is a " + kiosk::file_type_name(st.st_mode) + ", not a regular file";
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

bool load_public_key(const std::string& path, PublicKey& key, std::string* error_out) {
    std::string unused;
    std::string& error = error_out ? *error_out : unused;
    if (!sodium_ready()) {
        error = "libsodium cannot be initialised";
        return false;
    }
    std::string text;
    if (!read_small_file(path, kMaxKeyFileBytes, text, &error, kiosk::FinalLink::Follow)) return false;
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
                              "key-id " +
                              result.key_id + "\ned25519 " + to_hex(sk.bytes.data(), sk.bytes.size()) + "\n";
    const std::string public_text =
        std::string(kPublicKeyHeader) +
        "\n# Vitrine pack verification key: public. Kiosks trust packs signed by its secret key.\n"
        "key-id " +
        result.key_id + "\ned25519 " + to_hex(pk, sizeof pk) + "\n";
    std::string error;
    const bool secret_ok = create_exclusive(result.secret_path, 0600, secret_text, &error);
    sodium_memzero(&secret_text[0], secret_text.size());
    if (!secret_ok) {
        result.message = error;
        return result;
    }
    if (!create_exclusive(result.public_path, 0644, public_text, &error)) {
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
    if (path.size() > kMaxPackPathBytes)
        return "an entry's name is longer than " + std::to_string(kMaxPackPathBytes) + " bytes";
    for (unsigned char c : path)
        if (c < 0x20 || c >= 0x7f) return "entry " + quoted + " has a character other than printable ASCII in its name";
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

std::string secret_key_problem(const std::string& path) {
    if (!sodium_ready()) return "libsodium cannot be initialised";
    SecretKey key;
    std::string error;
    return load_secret_key(path, key, error) ? "" : error;
}

std::string format_manifest(const std::vector<ManifestEntry>& files) {
    std::string text = kManifestHeader;
    for (const ManifestEntry& f : files) text += f.sha256 + " " + std::to_string(f.size) + " " + f.path + "\n";
    return text;
}

bool parse_manifest(const std::string& text, std::vector<ManifestEntry>& files, std::string* error_out) {
    std::string unused;
    std::string& error = error_out ? *error_out : unused;
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
        if (size.empty() || size.size() > 12 ||
            !std::all_of(size.begin(), size.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
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

BuildResult sign_pack_folder(const std::string& pack_dir, const std::string& secret_key_path,
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
    for (const std::string& file : kiosk::pack_media_files(loaded.pack))
        relative.insert(fs::path(file).lexically_normal().generic_string());
    for (const std::string& rel : relative) {
        ManifestEntry f;
        f.path = "pack/" + rel;
        const std::string problem = check_archive_path(f.path);
        if (!problem.empty())
            return fail(
                pack_dir + "/" + rel + ": cannot go into a pack file: " + problem +
                (problem.find("ASCII") != std::string::npos ? " (rename it: letters, digits, . _ - and spaces)" : ""));
        const std::string source = pack_dir + "/" + rel;
        // Opened without blocking (a FIFO would wait for a writer), then checked.
        Fd in(::open(source.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
        struct stat st {};
        if (!in.ok() || ::fstat(in.get(), &st) != 0) return fail("cannot read " + source + ": " + errno_text());
        if (!S_ISREG(st.st_mode))
            return fail(source + " is a " + kiosk::file_type_name(st.st_mode) + ", not a regular file");
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
    if (!parse_manifest(manifest, reparsed, &error)) return fail(pack_dir + ": cannot make a manifest: " + error);
    if (manifest.size() > kMaxManifestBytes)
        return fail(pack_dir + ": too many files, or names too long, for a manifest");
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

VerifyResult verify_pack_file(const std::string& file, const PublicKey& key) { return scan(file, key, nullptr); }

VerifyResult unpack_pack_file(const std::string& file, const PublicKey& key, const std::string& dest_dir,
                              const std::function<void(const std::string& path)>& after_each_file) {
    UnpackSink sink(dest_dir, after_each_file);
    return scan(file, key, &sink);
}

std::vector<std::string> check_unpacked_pack(const std::string& folder) {
    std::vector<std::string> problems;
    std::string manifest, error;
    if (!read_small_file(folder + "/" + kUnpackedMetaDir + "/MANIFEST", kMaxManifestBytes, manifest, &error)) {
        problems.push_back(error);
        return problems;
    }
    std::vector<ManifestEntry> files;
    if (!parse_manifest(manifest, files, &error)) {
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
        Fd in(::open(shown.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY));
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
