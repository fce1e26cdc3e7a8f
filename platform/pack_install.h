// Installing signed pack files on a kiosk, atomically, with one step of rollback.
//
// Under ROOT (default /var/lib/vitrine):
//
//   packs/<exhibit-id>-<version>-<hash>/   unpacked packs: the pack's files, plus
//                                          .vitrine/MANIFEST and .vitrine/SIGNATURE
//                                          (<hash>: the first 12 hex digits of the
//                                          SHA-256 of the signed MANIFEST)
//   packs/.incoming-XXXXXX/                an install in progress (or interrupted)
//   current  -> packs/<folder>             the pack the kiosk shows
//   previous -> packs/<folder>             the one before it
//
// Install removes only what it made: packs/.vitrine-packs marks the packs folder
// as its own, and .vitrine/INSTALLED each pack folder (written before the folder
// is renamed into place). A packs folder without the marker is adopted only when
// it is empty or holds the packs `current` and `previous` name (a root from a
// version that did not mark its folders); any other, or a symlink, is refused.
// An older version of the current exhibit, or another exhibit, is refused unless
// InstallOptions allow it.
//
// Both links are relative, so ROOT may be mounted anywhere. An install verifies
// the file (writing nothing), unpacks it into packs/.incoming-XXXXXX (every file
// and folder fsync'ed), checks it with kiosk::load_pack, renames it to its final
// name, then points `previous` at the old current and `current` at the new pack,
// each by rename()ing a new symlink over the old one, and finally removes every
// folder in packs/ that install made and neither link names. Killed at any instant, `current` names
// a whole, valid pack: the old one or the new one. Installs and rollbacks take an
// flock() on ROOT, so two at once cannot interleave; the kernel drops it when a
// process dies.
#pragma once

#include "pack_file.h"

#include <functional>
#include <string>
#include <vector>

namespace platform {

constexpr const char* kDefaultInstallRoot = "/var/lib/vitrine";

// The steps of an install, in order; each may be reported to a progress callback.
enum class InstallPhase {
    Verifying,
    Unpacking,
    Checking,
    Publishing,
    SwitchingPrevious,
    SwitchingCurrent,
    Cleaning,
    Done
};
const char* install_phase_name(InstallPhase phase);

struct InstallOptions {
    // Called as each phase starts, on the installing thread.
    std::function<void(InstallPhase)> on_phase;
    // Replace the current pack with an older version of it (compare_versions), or
    // with another exhibit (another exhibit id). Refused otherwise.
    bool allow_downgrade = false;
    bool allow_other_exhibit = false;
};

// Orders two exhibit versions (1-32 of a-z A-Z 0-9 . - + ~ _) the way Debian
// orders package versions: runs of digits compare by value ("1.10" after "1.9",
// "01" equals "1"), other characters by byte with letters first, and '~' before
// anything, even the end ("1.0~rc1" before "1.0"). <0, 0 or >0.
int compare_versions(const std::string& a, const std::string& b);

struct InstallResult {
    bool ok = false;
    bool changed = false;  // false when refused, or when the pack was already current and whole
    std::string message;   // one line for staff
    std::string folder;    // the pack's folder name under ROOT/packs
    std::string exhibit_id, version;
    std::vector<std::string> warnings;  // problems that did not stop it (a leftover that could not be removed)
};

// Installs the signed pack `file` under `root` if it verifies against `key`, its
// pack loads without errors, and it is a newer or the same version of the current
// exhibit (or options allow otherwise). A refused file changes nothing under `root`.
//
// For tests only: the environment variable VITRINE_INSTALL_STEP_DELAY_US makes it
// sleep that long between phases and after each unpacked file.
InstallResult install_pack_file(const std::string& file, const std::string& root, const PublicKey& key,
                                const InstallOptions& options = {});

// Swaps `current` and `previous` in one atomic rename (RENAME_EXCHANGE), after
// checking the previous pack is whole and valid. An error when there is none.
InstallResult rollback_pack(const std::string& root);

struct InstalledPack {
    bool present = false;  // the symlink exists
    std::string link;      // what it says ("packs/<folder>")
    std::string folder;    // ROOT/packs/<folder>, "" when the link is unusable
    std::string exhibit_id, version, title;
    bool valid = false;  // whole (matches its manifest) and loads without errors
    std::vector<std::string> problems;
};

struct InstallStatus {
    std::string root;
    InstalledPack current, previous;
    std::vector<std::string> notes;  // about ROOT as a whole: leftovers of an interrupted install
    bool ok() const { return current.valid; }
};

// Reads `root` and checks both packs (hashes and kiosk::load_pack). Writes nothing.
InstallStatus install_status(const std::string& root);

// The folder `root`/current points at ("ROOT/packs/<folder>"), resolved once, or ""
// when there is no usable current pack. The kiosk should load this path, not
// ROOT/current itself: an install may switch `current` while it loads.
std::string current_pack_dir(const std::string& root);

}  // namespace platform
