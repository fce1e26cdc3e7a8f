// Everything the screens' input handling and drawing read besides the visitor's
// state: the exhibit, its layouts and fonts for this display, the configuration
// and the visitor's language.
#pragma once

#include "config/kiosk_config.h"
#include "layout/screen_layouts.h"
#include "pack/pack.h"
#include "text/fonts.h"

#include <string>

namespace kiosk {

struct Ui {
    const Pack& pack;
    const ScreenLayouts& layouts;
    const Fonts& fonts;
    const KioskConfig& config;
    std::string lang;  // the visitor's language
};

}  // namespace kiosk
