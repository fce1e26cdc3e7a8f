// The kiosk on a real display: fullscreen (KMSDRM on a board, or a desktop) or in
// a window.
#pragma once

#include "config/command_line.h"
#include "config/kiosk_config.h"
#include "exhibit_source.h"
#include "pack/pack_loader.h"

#include <chrono>

namespace platform {

// The staff closed the kiosk with the hidden gesture and the PIN: the service
// does not restart it (RestartPreventExitStatus in vitrine.service).
constexpr int kExitStaff = 64;

// Returns the process exit code. `started` is when the program started, for
// --stats' time to the first frame.
int run_window(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, ExhibitSource& source,
               kiosk::PackLoadResult pack, const std::string& font_dir, std::chrono::steady_clock::time_point started);

}  // namespace platform
