#include "base/file_read.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk {

namespace {

std::string size_in_words(uint64_t bytes) {
    constexpr uint64_t kKiB = 1024, kMiB = 1024 * 1024;
    if (bytes >= kMiB) return std::to_string((bytes + kMiB - 1) / kMiB) + " MiB";
    if (bytes >= kKiB) return std::to_string((bytes + kKiB - 1) / kKiB) + " KiB";
    return std::to_string(bytes) + " bytes";
}

// strerror's words, lower-cased the way the tools' messages read.
std::string reason(int error_number) {
    std::string text = std::strerror(error_number);
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = char(text[0] - 'A' + 'a');
    return text;
}

struct Descriptor {
    int fd = -1;
    ~Descriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

const char* file_type_name(unsigned mode) {
    switch (mode & S_IFMT) {
        case S_IFREG: return "regular file";
        case S_IFDIR: return "folder";
        case S_IFIFO: return "FIFO";
        case S_IFCHR: return "character device";
        case S_IFBLK: return "block device";
        case S_IFSOCK: return "socket";
        case S_IFLNK: return "symbolic link";
        default: return "special file";
    }
}

FileRead read_regular_file_start(const std::string& path, uint64_t max_bytes, size_t head_bytes, FinalLink final_link) {
    FileRead result;
    int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
    if (final_link == FinalLink::Refuse) flags |= O_NOFOLLOW;
    Descriptor file;
    file.fd = ::open(path.c_str(), flags);
    if (file.fd < 0) {
        const int error_number = errno;
        if (error_number == ELOOP && final_link == FinalLink::Refuse) {
            result.error = "is a symbolic link; only regular files are read";
        } else {
            result.missing = error_number == ENOENT;
            result.error = reason(error_number);
        }
        return result;
    }
    struct stat info {};
    if (::fstat(file.fd, &info) != 0) {
        result.error = reason(errno);
        return result;
    }
    if (!S_ISREG(info.st_mode)) {
        result.error = std::string("is a ") + file_type_name(info.st_mode) + ", not a regular file";
        return result;
    }
    const uint64_t size = uint64_t(info.st_size);
    result.size = size;
    if (size > max_bytes) {
        result.error = "is " + size_in_words(size) + "; at most " + size_in_words(max_bytes) + " is read";
        return result;
    }
    // A file of /proc or /sys says it holds 0 bytes and holds more: read it as
    // far as it goes, up to one byte past the limit to tell it is too large.
    const bool unsized = size == 0;
    const uint64_t wanted = unsized ? std::min<uint64_t>(max_bytes, uint64_t(SIZE_MAX) - 1) + 1 : size;
    // Reads no more than the size checked above, even if the file grows meanwhile;
    // a file that shrinks is read as far as it goes.
    result.bytes.resize(size_t(std::min<uint64_t>({wanted, head_bytes, unsized ? 64 * 1024 : wanted})));
    size_t done = 0;
    while (done < result.bytes.size()) {
        const ssize_t got = ::read(file.fd, result.bytes.data() + done, result.bytes.size() - done);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            result.error = reason(errno);
            result.bytes.clear();
            return result;
        }
        if (got == 0) break;
        done += size_t(got);
        // Grows as an unsized file turns out to hold more, up to what is wanted.
        if (unsized && done == result.bytes.size())
            result.bytes.resize(size_t(std::min<uint64_t>({wanted, head_bytes, uint64_t(done) * 2})));
    }
    result.bytes.resize(done);
    if (unsized && done > max_bytes) {
        result.bytes.clear();
        result.error =
            "holds more than " + size_in_words(max_bytes) + "; at most " + size_in_words(max_bytes) + " is read";
        return result;
    }
    result.size = done;
    return result;
}

FileRead read_regular_file(const std::string& path, uint64_t max_bytes, FinalLink final_link) {
    return read_regular_file_start(path, max_bytes, SIZE_MAX, final_link);
}

}  // namespace kiosk
