#include "exhibit_source.h"

#include "pack_install.h"

#include <fstream>
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
    struct stat st {};
    if (stat(usb_status_path_.c_str(), &st) == 0) usb_report_seen_ = st.st_mtime;
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

std::optional<UsbReport> ExhibitSource::check_usb_report() {
    struct stat st {};
    if (stat(usb_status_path_.c_str(), &st) != 0 || st.st_mtime == usb_report_seen_) return std::nullopt;
    usb_report_seen_ = st.st_mtime;
    std::ifstream in(usb_status_path_);
    std::string outcome, message;
    std::getline(in, outcome);
    std::getline(in, message);
    if (outcome == "ok") return UsbReport{false, "USB stick: " + message};
    if (outcome == "refused") return UsbReport{true, "USB stick: " + message + ". The exhibit is unchanged."};
    return UsbReport{false, "USB stick: " + (message.empty() ? std::string("nothing to do") : message)};
}

}  // namespace platform
