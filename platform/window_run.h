// The kiosk on a real display: fullscreen (KMSDRM on a board, or a desktop) or in
// a window.
#pragma once

#include "command_line.h"
#include "kiosk_config.h"
#include "pack_loader.h"

namespace platform {

// Returns the process exit code.
int run_window(const kiosk::KioskOptions& options, const kiosk::KioskConfig& config, kiosk::PackLoadResult pack,
               const std::string& font_dir);

}  // namespace platform
