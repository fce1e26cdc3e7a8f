// Everything the screens' input handling and drawing read besides the visitor's
// state: the exhibit, its layouts and fonts for this display, the configuration
// and the visitor's language.
#pragma once

#include "config/kiosk_config.h"
#include "layout/screen_layouts.h"
#include "pack/pack.h"
#include "text/fonts.h"

#include <initializer_list>
#include <string>

namespace kiosk {

struct Ui {
    const Pack& pack;
    const ScreenLayouts& layouts;
    const Fonts& fonts;
    const KioskConfig& config;
    std::string lang;  // the visitor's language

    // A pack text in the visitor's language, else the pack's default language.
    const std::string& text(const LocalText& t) const { return pack.text(t, lang); }
    // Digits as the visitor's language writes them in this pack (Khmer digits).
    std::string digits(const std::string& s) const { return pack.digits(s, lang); }
    // True when one of an item's `texts` shows in a translation no one has
    // reviewed yet: the screen says so in small type.
    bool unreviewed(const ItemTranslations& item, std::initializer_list<const LocalText*> texts) const {
        for (const LocalText* t : texts)
            if (pack.unreviewed_translation(*t, item, lang, pack.default_language())) return true;
        return false;
    }
};

}  // namespace kiosk
