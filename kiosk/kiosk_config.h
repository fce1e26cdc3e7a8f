// The kiosk's own configuration (not the exhibit's): the panel, the staff PIN,
// where the pack is. Read from a TOML file, /etc/vitrine/vitrine.toml on a board.
//
//   [display]
//   panel_inches = 10.1      # the panel's diagonal: touch targets are 15 mm on it
//   [staff]
//   pin = "2468"             # opens the exit; no pin: the hidden exit stays shut
//   [pack]
//   dir = "/var/lib/vitrine/packs/current"
#pragma once

#include "diagnostic.h"

#include <string>
#include <vector>

namespace kiosk {

struct KioskConfig {
    float panel_inches = 0;   // 0: guess from the resolution
    std::string staff_pin;    // digits; empty disables the staff exit
    std::string pack_dir;     // empty: the bundled exhibit
};

struct KioskConfigResult {
    KioskConfig config;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return !has_errors(diagnostics); }
};

KioskConfigResult load_kiosk_config(const std::string& path);

}  // namespace kiosk
