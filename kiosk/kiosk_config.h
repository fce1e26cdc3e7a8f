// The kiosk's own configuration (not the exhibit's): the panel, the staff PIN,
// where the pack is. Read from a TOML file, /etc/vitrine/vitrine.toml on a board.
//
//   [display]
//   panel_inches = 10.1      # the panel's diagonal: touch targets are 15 mm on it
//   rotation = 90            # the panel is mounted turned: 0, 90, 180 or 270
//   [staff]
//   pin = "2468"             # opens the exit; no pin: the hidden exit stays shut
//   [pack]
//   dir = "/srv/exhibit"    # a fixed pack; without it, the one installed in the state folder
//   public_key = "/etc/vitrine/pack-signing.pub"  # signed pack files are checked against it
//   [state]
//   dir = "/var/lib/vitrine"  # installed packs and visitor statistics
#pragma once

#include "diagnostic.h"
#include "opening_hours.h"

#include <string>
#include <vector>

namespace kiosk {

struct KioskConfig {
    float panel_inches = 0;   // 0: guess from the resolution
    int rotation = 0;         // 0, 90, 180, 270: the panel is mounted turned clockwise by this
    std::string staff_pin;    // digits; empty disables the staff exit
    std::string pack_dir;     // empty: the installed pack, else the bundled exhibit
    std::string public_key = "/etc/vitrine/pack-signing.pub";  // installs (USB, fleet) verify against it
    std::string state_dir = "/var/lib/vitrine";  // installed packs (current, previous), stats.db
    OpeningHours hours;       // [hours] open = "09:00", close = "18:00", days = ["mon", ...]
};

struct KioskConfigResult {
    KioskConfig config;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return !has_errors(diagnostics); }
};

KioskConfigResult load_kiosk_config(const std::string& path);

}  // namespace kiosk
