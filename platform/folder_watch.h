// Folders whose changes wake the kiosk's loop instead of a look every few
// seconds: the state folder (its `current` link, renamed into place by an
// install), its packs folder, and the folder of the USB update's report
// (Linux inotify). A folder that does not exist yet, or that inotify cannot
// watch, is tried again whenever the loop looks; until then the loop keeps its
// periodic look for it (complete() says whether it may stop).
//
// Threads: drain() runs on one thread only, the one the wait chose to notice the
// descriptor (platform/event_wait.h); want() and refresh() run on the loop's.
#pragma once

#include <mutex>
#include <string>
#include <vector>

namespace platform {

class FolderWatch {
public:
    FolderWatch();
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;
    ~FolderWatch();

    // Watches DIR for entries named in NAMES (any entry when empty) appearing,
    // going, being renamed or written, from now on or once it exists. NOTICED:
    // another folder watched here tells when DIR appears, so its absence needs
    // no periodic look.
    void want(const std::string& dir, std::vector<std::string> names, bool noticed = false);
    // Watches the folders wanted that are not watched yet; whether all are.
    bool refresh();
    bool complete() const;
    // Readable when a change is pending; -1 without inotify.
    int fd() const { return fd_; }
    // Reads every pending change; true when one concerns a name wanted, or a
    // watched folder went away (refresh() then looks for it again).
    bool drain();

private:
    struct Folder {
        std::string dir;
        std::vector<std::string> names;
        bool noticed = false;
        int wd = -1;
        bool absent = false;  // not there at the last try
        bool told = false;    // its debug line is written once
    };
    bool concerns(int wd, unsigned mask, const char* name);
    bool complete_locked() const;

    mutable std::mutex mutex_;
    std::vector<Folder> folders_;
    int fd_ = -1;
};

}  // namespace platform
