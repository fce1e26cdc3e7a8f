#include "output_file.h"

#include "base/file_read.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sys/stat.h>

namespace fs = std::filesystem;

namespace platform {
namespace {

struct Identity {
    dev_t dev;
    ino_t ino;
    bool operator==(const Identity& o) const { return dev == o.dev && ino == o.ino; }
};

enum class Holds { No, Itself, Inside };

// Whether `path` is the target, or, when it is a folder, holds it somewhere below.
Holds is_or_holds(const std::string& path, const Identity& target) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return Holds::No;
    if (Identity{st.st_dev, st.st_ino} == target) return Holds::Itself;
    if (!S_ISDIR(st.st_mode)) return Holds::No;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        struct stat inner {};
        if (::stat(it->path().c_str(), &inner) == 0 && Identity{inner.st_dev, inner.st_ino} == target)
            return Holds::Inside;
    }
    return Holds::No;
}

bool holds_a_key(const std::string& path) {
    const kiosk::FileRead head = kiosk::read_regular_file(path, 4096, kiosk::FinalLink::Follow);
    if (!head.ok()) return false;
    const std::string text = head.text();
    for (const char* header : {"vitrine-secret-key 1", "vitrine-public-key 1"})
        if (text.rfind(header, 0) == 0) return true;
    return false;
}

}  // namespace

std::string check_output_path(const std::string& out, const std::vector<std::string>& inputs, bool force) {
    struct stat link {};
    if (::lstat(out.c_str(), &link) != 0) {
        if (errno == ENOENT) return "";
        return "cannot check " + out + ": " + std::strerror(errno);
    }
    struct stat st {};
    const bool resolves = ::stat(out.c_str(), &st) == 0;
    for (const std::string& input : inputs) {
        Holds holds = is_or_holds(input, Identity{link.st_dev, link.st_ino});
        if (holds == Holds::No && resolves) holds = is_or_holds(input, Identity{st.st_dev, st.st_ino});
        if (holds == Holds::Itself)
            return out + " is " + input + ", which this command reads; not writing over it, even with --force";
        if (holds == Holds::Inside)
            return out + " is a file in " + input +
                   ", which this command reads; not writing over it, even with --force";
    }
    if (resolves && S_ISDIR(st.st_mode)) return out + " is a folder; give a file name";
    if (resolves && !S_ISREG(st.st_mode))
        return out + " is a " + kiosk::file_type_name(st.st_mode) + "; only a regular file is written";
    if (resolves && holds_a_key(out))
        return out + " holds a vitrine signing key; not writing over a key, even with --force (choose another output)";
    if (!force) return out + " already exists; add --force to replace it";
    return "";
}

}  // namespace platform
