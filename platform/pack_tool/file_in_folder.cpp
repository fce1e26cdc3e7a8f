#include "file_in_folder.h"

#include "base/file_read.h"
#include "base/printable.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pack_tool {
namespace {

// Closes a descriptor when it leaves scope.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() {
        if (fd >= 0) close(fd);
    }
};

std::string quoted(const std::string& text) { return kiosk::printable(text); }

bool fail(std::string* error, const std::string& message) {
    if (error) *error = message;
    return false;
}

// Is what sits at NAME in the folder (not following a link) something other
// than a regular file? Says what, in words; empty when absent or regular.
std::string not_regular(int dir, const std::string& name) {
    struct stat st {};
    if (fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return "";
    if (S_ISREG(st.st_mode)) return "";
    return std::string("a ") + kiosk::file_type_name(st.st_mode) + ", not a regular file";
}

bool write_all(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (n == 0) errno = EIO;
            return false;
        }
        done += size_t(n);
    }
    return true;
}

}  // namespace

bool write_file_in_folder(const std::string& dir_path, const std::string& name, const std::string& bytes,
                          std::string* error) {
    if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
        name.find('\0') != std::string::npos)
        return fail(error, "'" + quoted(name) + "' is not a plain file name");
    // The folder itself: opened without following a final link, then checked
    // through that descriptor, so it cannot be swapped after the check.
    const Fd dir(open(dir_path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir.fd < 0) {
        const int err = errno;
        struct stat st {};
        if ((err == ELOOP || err == ENOTDIR) && lstat(dir_path.c_str(), &st) == 0)
            return fail(error, quoted(dir_path) + " is a " + kiosk::file_type_name(st.st_mode) + ", not a folder");
        return fail(error, "cannot open the folder " + quoted(dir_path) + ": " + std::strerror(err));
    }
    struct stat here {
    }, parent{};
    const Fd up(openat(dir.fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fstat(dir.fd, &here) != 0 || up.fd < 0 || fstat(up.fd, &parent) != 0)
        return fail(error, "cannot check the folder " + quoted(dir_path) + ": " + std::strerror(errno));
    if (here.st_dev != parent.st_dev)
        return fail(error, quoted(dir_path) + " is another filesystem mounted there, not a folder on the stick");

    const std::string tmp = name + ".tmp";
    for (const std::string& n : {tmp, name}) {
        const std::string what = not_regular(dir.fd, n);
        if (!what.empty()) return fail(error, quoted(n) + " in " + quoted(dir_path) + " is " + what);
    }
    // A regular NAME.tmp is what a stick pulled out mid-write leaves behind;
    // removing it removes that entry only, whatever it is by now.
    if (unlinkat(dir.fd, tmp.c_str(), 0) != 0 && errno != ENOENT)
        return fail(error, "cannot remove the old " + quoted(tmp) + ": " + std::strerror(errno));
    const Fd out(openat(dir.fd, tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644));
    if (out.fd < 0) return fail(error, "cannot create " + quoted(tmp) + ": " + std::strerror(errno));
    if (!write_all(out.fd, bytes) || fsync(out.fd) != 0) {
        const int err = errno;
        unlinkat(dir.fd, tmp.c_str(), 0);
        return fail(error, "cannot write " + quoted(name) + ": " + std::strerror(err));
    }
    // Checked again just before the rename: rename replaces a link at NAME, never
    // its target, but anything odd there still means the stick is not as expected.
    const std::string what = not_regular(dir.fd, name);
    if (!what.empty()) {
        unlinkat(dir.fd, tmp.c_str(), 0);
        return fail(error, quoted(name) + " in " + quoted(dir_path) + " is " + what);
    }
    if (renameat(dir.fd, tmp.c_str(), dir.fd, name.c_str()) != 0) {
        const int err = errno;
        unlinkat(dir.fd, tmp.c_str(), 0);
        return fail(error, "cannot rename " + quoted(tmp) + " to " + quoted(name) + ": " + std::strerror(err));
    }
    if (fsync(dir.fd) != 0 && errno != EINVAL)
        return fail(error, "cannot write " + quoted(name) + ": " + std::strerror(errno));
    return true;
}

}  // namespace pack_tool
