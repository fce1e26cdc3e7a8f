// The visitor settings panel's touch handling: the text size, high contrast,
// speech, the language, and closing the panel.
#include "state/screen_input.h"

namespace kiosk {

bool settings_gesture(ExhibitState& s, const Gesture& g, const Ui& ui) {
    if (g.kind != Gesture::Kind::Tap) return false;
    const SettingsLayout& l = ui.layouts.settings;
    if (l.text_size.contains(g.x, g.y)) {
        // The row's label is no button: only a size's own button changes it.
        for (int i = 0; i < int(TextSize::Count); ++i)
            if (l.text_sizes[i].contains(g.x, g.y)) s.visitor.text_size = TextSize(i);
    } else if (l.high_contrast.contains(g.x, g.y)) {
        s.visitor.high_contrast = !s.visitor.high_contrast;
    } else if (l.speech.contains(g.x, g.y)) {
        s.visitor.speech = !s.visitor.speech;
    } else if (l.close.contains(g.x, g.y) || !l.panel.contains(g.x, g.y)) {
        s.settings_open = false;
    } else {
        for (size_t i = 0; i < l.languages.size(); ++i)
            if (l.languages[i].contains(g.x, g.y)) s.visitor.language = int(i);
    }
    return true;
}

}  // namespace kiosk
