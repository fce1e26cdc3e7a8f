// Where the kiosk's exhibit comes from, and whether it has changed: a fixed pack
// folder (--pack or the configuration), else the pack installed in the state
// folder (by vitrine-pack install or a USB stick), else the bundled exhibit.
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace platform {

struct UsbReport {
    bool problem = false;
    std::string message;
};

class ExhibitSource {
public:
    ExhibitSource(std::string fixed_dir, std::string state_dir, std::string bundled_dir,
                  std::string usb_status_path = "/run/vitrine/usb-status");

    // The pack folder to load now.
    const std::string& dir() const { return dir_; }
    // Whether installs can replace the exhibit while the kiosk runs.
    bool follows_installs() const { return fixed_dir_.empty(); }
    // True once when a different pack has been installed since dir() was chosen;
    // dir() then names it.
    bool check_for_new_pack();
    // What the USB update last reported, once per new report. The report is read
    // as a regular file of a few KiB (never a link, a FIFO or a device) and its
    // text is escaped and cut before it reaches the screen.
    std::optional<UsbReport> check_usb_report();

    // The folders whose changes the two checks above look for, and the names in
    // each that matter (none: any), so the kiosk can be woken by them rather
    // than ask every few seconds (platform/folder_watch.h).
    struct Folder {
        std::string dir;
        std::vector<std::string> names;
        bool noticed = false;  // its appearing is a change in another folder listed
    };
    std::vector<Folder> folders_to_watch() const;

private:
    // A new report is a new file (the job renames it into place) or new bytes:
    // its time to the nanosecond, its inode and its size tell.
    struct UsbStamp {
        std::time_t seconds = 0;
        long nanoseconds = 0;
        unsigned long inode = 0;
        long long size = -1;
        bool operator==(const UsbStamp& o) const {
            return seconds == o.seconds && nanoseconds == o.nanoseconds && inode == o.inode && size == o.size;
        }
    };
    std::string resolve() const;
    bool report_changed();

    std::string fixed_dir_, state_dir_, bundled_dir_, usb_status_path_;
    std::string dir_;
    UsbStamp usb_report_seen_;
};

}  // namespace platform
