// Headless runs: one screenshot, or a touch script replayed in virtual time.
#pragma once

#include "config/command_line.h"
#include "config/kiosk_config.h"
#include "pack/pack_loader.h"

namespace platform {

// Returns the process exit code.
int run_headless(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, kiosk::PackLoadResult pack,
                 const std::string& font_dir);

}  // namespace platform
