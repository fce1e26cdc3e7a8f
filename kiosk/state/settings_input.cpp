// The visitor settings panel's touch handling: larger text, high contrast, the
// language, and closing the panel.
#include "state/screen_input.h"

namespace kiosk {

bool settings_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    if (g.kind != Gesture::Kind::Tap) return false;
    const SettingsLayout& l = ui.layouts.settings;
    if (l.large_text.contains(g.x, g.y)) {
        s.visitor.large_text = !s.visitor.large_text;
    } else if (l.high_contrast.contains(g.x, g.y)) {
        s.visitor.high_contrast = !s.visitor.high_contrast;
    } else if (l.close.contains(g.x, g.y) || !l.panel.contains(g.x, g.y)) {
        s.settings_open = false;
    } else {
        for (size_t i = 0; i < l.languages.size(); ++i)
            if (l.languages[i].contains(g.x, g.y)) s.visitor.language = int(i);
    }
    return true;
}

}  // namespace kiosk
