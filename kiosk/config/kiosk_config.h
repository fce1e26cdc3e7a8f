// The kiosk's own configuration (not the exhibit's): the panel, the staff PIN,
// where the pack is. Read from a TOML file, /etc/vitrine/vitrine.toml on a board.
//
//   [display]
//   panel_inches = 10.1      # the panel's diagonal: touch targets are 15 mm on it
//   rotation = 90            # the panel is mounted turned: 0, 90, 180 or 270
//   panel_bottom_mm = 700    # the panel's lower edge above the floor: a tall portrait
//                            # panel then keeps its controls 380–1 220 mm high
//   [staff]
//   pin = "2468"             # opens the exit; no pin: the hidden exit stays shut
//   [pack]
//   dir = "/srv/exhibit"    # a fixed pack; without it, the one installed in the state folder
//   public_key = "/etc/vitrine/pack-signing.pub"  # signed pack files are checked against it
//   allow_downgrade = false      # vitrine-pack install --config: an older version may replace the current
//   allow_other_exhibit = false  # ... and so may another exhibit (another id)
//   [state]
//   dir = "/var/lib/vitrine"  # installed packs and visitor statistics
//   [audio]
//   device = "USB Audio Device"  # the sound output as SDL names it; none: the system's default
//   volume = 70                  # the level speech starts at, 0 to 100
#pragma once

#include "base/diagnostic.h"
#include "config/opening_hours.h"

#include <string>
#include <vector>

namespace kiosk {

struct KioskConfig {
    float panel_inches = 0;  // 0: guess from the resolution
    int rotation = 0;        // 0, 90, 180, 270: the panel is mounted turned clockwise by this
    // The height of the panel's lower edge (as the exhibit shows, upright) above
    // the floor, in millimetres; below 0: not given (controls go where the
    // layouts put them for the panel's shape).
    float panel_bottom_mm = -1;
    std::string staff_pin;                                     // digits; empty disables the staff exit
    std::string pack_dir;                                      // empty: the installed pack, else the bundled exhibit
    std::string public_key = "/etc/vitrine/pack-signing.pub";  // installs (USB, fleet) verify against it
    bool allow_downgrade = false;                // installs may replace the current pack with an older version of it
    bool allow_other_exhibit = false;            // ... or with another exhibit
    std::string state_dir = "/var/lib/vitrine";  // installed packs (current, previous), stats.db
    // The USB update job's report, which the kiosk shows staff once per new report.
    std::string usb_report = "/run/vitrine/usb-status";
    // The language each visit starts in (vitrine --language); empty: the pack's default.
    std::string language;
    OpeningHours hours;        // [hours] open = "09:00", close = "18:00", days = ["mon", ...]
    std::string audio_device;  // SDL's name of the sound output; empty: the default one
    int volume = 70;           // 0 to 100: the level speech and recordings start at
    // Empty when every setting written is in effect; else one line for staff on
    // the screen (the first problem; the journal has them all).
    std::string staff_note;
};

struct KioskConfigResult {
    KioskConfig config;
    std::vector<Diagnostic> diagnostics;
    // The file was read and is TOML; when false every setting is its default.
    bool parsed = false;
    bool ok() const { return !has_errors(diagnostics); }
};

// Never blocks and never fails outright: a file that cannot be read (a folder, a
// FIFO, a device, no permission), is not TOML, or holds a value out of range is
// reported in the diagnostics, and what could not be read keeps its default so
// the exhibit still shows.
KioskConfigResult load_kiosk_config(const std::string& path);

// Where the photographs' scaled copies are kept (platform/photo_cache.h): the
// state folder's photo-cache.
std::string photo_cache_dir(const KioskConfig& config);

}  // namespace kiosk
