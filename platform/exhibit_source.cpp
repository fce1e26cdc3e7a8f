#include "exhibit_source.h"

#include "base/file_read.h"
#include "base/printable.h"
#include "pack_install.h"

#include <algorithm>
#include <sys/stat.h>

namespace platform {

ExhibitSource::ExhibitSource(std::string fixed_dir, std::string state_dir, std::string bundled_dir,
                             std::string usb_status_path)
        : fixed_dir_(std::move(fixed_dir)),
          state_dir_(std::move(state_dir)),
          bundled_dir_(std::move(bundled_dir)),
          usb_status_path_(std::move(usb_status_path)) {
    dir_ = resolve();
    // A report left from before the kiosk started is old news.
    report_changed();
}

std::string ExhibitSource::resolve() const {
    if (!fixed_dir_.empty()) return fixed_dir_;
    const std::string installed = current_pack_dir(state_dir_);
    return installed.empty() ? bundled_dir_ : installed;
}

bool ExhibitSource::check_for_new_pack() {
    if (!follows_installs()) return false;
    const std::string now = resolve();
    if (now == dir_) return false;
    dir_ = now;
    return true;
}

std::vector<ExhibitSource::Folder> ExhibitSource::folders_to_watch() const {
    std::vector<Folder> folders;
    if (follows_installs()) {
        // An install renames the state folder's `current` link into place; the
        // packs folder may be created after the kiosk starts.
        folders.push_back({state_dir_, {"current", "packs"}});
        folders.push_back({state_dir_ + "/packs", {}, true});
    }
    const size_t slash = usb_status_path_.rfind('/');
    const std::string usb_dir =
        slash == std::string::npos ? "." : usb_status_path_.substr(0, std::max<size_t>(slash, 1));
    folders.push_back({usb_dir, {usb_status_path_.substr(slash + 1)}});
    return folders;
}

namespace {

// The report is two short lines; a file far larger was not written by the job.
constexpr uint64_t kMaxUsbReportBytes = 4096;
// What staff read on the screen: one stick's message, not a page.
constexpr size_t kMaxUsbMessageBytes = 400;

}  // namespace

// The report's time and size without following a link or opening anything: a
// FIFO or a device left at the path must not hold up the kiosk's loop.
bool ExhibitSource::report_changed() {
    struct stat st {};
    if (lstat(usb_status_path_.c_str(), &st) != 0) return false;
    const UsbStamp stamp{st.st_mtim.tv_sec, st.st_mtim.tv_nsec, st.st_ino, st.st_size};
    if (stamp == usb_report_seen_) return false;
    usb_report_seen_ = stamp;
    return true;
}

std::optional<UsbReport> ExhibitSource::check_usb_report() {
    if (!report_changed()) return std::nullopt;
    // The update job handles sticks anyone can plug in: its report is read as
    // untrusted text, a regular file only, bounded, and escaped before it is shown.
    const kiosk::FileRead file = kiosk::read_regular_file(usb_status_path_, kMaxUsbReportBytes);
    if (file.missing) return std::nullopt;  // removed since it was seen
    if (!file.ok())
        return UsbReport{true, "USB stick: the update's report could not be read (" +
                                   kiosk::printable(usb_status_path_, 200) + " " + file.error + ")"};
    const std::string text = file.text();
    const size_t end = text.find('\n');
    const std::string outcome = text.substr(0, end);
    std::string message;
    if (end != std::string::npos) message = text.substr(end + 1, text.find('\n', end + 1) - end - 1);
    message = kiosk::printable(message, kMaxUsbMessageBytes);
    if (outcome == "ok") return UsbReport{false, "USB stick: " + message};
    if (outcome == "refused") return UsbReport{true, "USB stick: " + message + ". The exhibit is unchanged."};
    if (outcome == "none" || outcome.empty() || outcome == "nothing")
        return UsbReport{false, "USB stick: " + (message.empty() ? std::string("nothing to do") : message)};
    // Neither outcome the job writes: never shown as a success.
    return UsbReport{true, "USB stick: the update's report is not understood (" + kiosk::printable(outcome, 40) +
                               "). The exhibit is unchanged."};
}

}  // namespace platform
