#include "folder_watch.h"

#include "base/log.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <unistd.h>

namespace platform {

namespace {

// What an install, the USB job or an administrator does to an entry: written
// whole (not each write()), created, removed, renamed in or out, relinked.
constexpr uint32_t kChanges = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                              IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR;

}  // namespace

FolderWatch::FolderWatch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0)
        kiosk::log_debug(kiosk::log_from::kPack, std::string("inotify: ") + std::strerror(errno) +
                                                     "; looking for installs and USB reports every 2 s");
}

FolderWatch::~FolderWatch() {
    if (fd_ >= 0) close(fd_);
}

void FolderWatch::want(const std::string& dir, std::vector<std::string> names, bool noticed) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        folders_.push_back({dir, std::move(names), noticed});
    }
    refresh();
}

bool FolderWatch::refresh() {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (Folder& f : folders_) {
        if (f.wd >= 0 || fd_ < 0) continue;
        f.wd = inotify_add_watch(fd_, f.dir.c_str(), kChanges);
        f.absent = f.wd < 0 && errno == ENOENT;
        if (f.wd >= 0 || (f.absent && f.noticed)) continue;
        if (!f.told)
            kiosk::log_debug(kiosk::log_from::kPack,
                             "cannot watch " + f.dir + " (" + std::strerror(errno) + "); looking at it every 2 s");
        f.told = true;
    }
    return complete_locked();
}

bool FolderWatch::complete() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return complete_locked();
}

bool FolderWatch::complete_locked() const {
    return fd_ >= 0 && std::all_of(folders_.begin(), folders_.end(),
                                   [](const Folder& f) { return f.wd >= 0 || (f.absent && f.noticed); });
}

bool FolderWatch::concerns(int wd, unsigned mask, const char* name) {
    if (mask & IN_Q_OVERFLOW) return true;  // changes were lost: look at everything
    const std::lock_guard<std::mutex> lock(mutex_);
    for (Folder& f : folders_) {
        if (f.wd != wd) continue;
        if (mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
            // The folder itself went or moved: the watch no longer means it.
            if (!(mask & IN_IGNORED)) inotify_rm_watch(fd_, wd);
            f.wd = -1;
            return true;
        }
        return f.names.empty() || std::find(f.names.begin(), f.names.end(), name) != f.names.end();
    }
    return false;
}

bool FolderWatch::drain() {
    if (fd_ < 0) return false;
    alignas(inotify_event) char buffer[4096];
    bool changed = false;
    for (;;) {
        const ssize_t n = read(fd_, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return changed;
        for (ssize_t at = 0; at < n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
            changed |= concerns(e->wd, e->mask, e->len ? e->name : "");
            at += ssize_t(sizeof(inotify_event) + e->len);
        }
    }
}

}  // namespace platform
