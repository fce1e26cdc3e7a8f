// The whole frame: the current screen, the fade between screens, and the overlays
// (visitor settings, the idle countdown, the staff PIN pad) on top.
#include "screens.h"
#include "widgets.h"

namespace kiosk {

namespace {

void draw_screen(const DrawContext& c, Screen screen) {
    switch (screen) {
        case Screen::Explore: draw_explore(c); break;
        case Screen::Photo: draw_photo_viewer(c); break;
        case Screen::Voices: draw_voices(c); break;
        case Screen::About: draw_about(c); break;
        case Screen::Attract: draw_attract(c); break;
    }
}

}  // namespace

void draw_exhibit(const DrawContext& c) {
    const Rect all = {0, 0, float(c.ui.layouts.display.width), float(c.ui.layouts.display.height)};
    const ExhibitState& s = c.state;
    const bool motion = !reduced_motion(c.ui.pack);
    const int64_t into = c.now_ms - s.transition.start_ms;
    if (motion && s.transition.start_ms >= 0 && into < kTransitionMs) {
        // Out through the background and in again: calm, and never two screens'
        // text on top of each other.
        const float t = float(into) / float(kTransitionMs);
        if (t < 0.5f) {
            draw_screen(c, s.transition.from);
            draw_veil(c.dl, c.palette, all, t * 2);
        } else {
            draw_screen(c, s.screen);
            draw_veil(c.dl, c.palette, all, (1 - t) * 2);
        }
    } else {
        draw_screen(c, s.screen);
    }
    if (s.settings_open) draw_settings_panel(c);
    if (countdown_visible(s, c.ui.pack)) draw_countdown(c);
    if (s.pin_open) draw_pin_pad(c);
}

std::string interface_text(const Pack& pack) {
    return "VoicesAboutAaBackDisputedSource: Touch to exploreContent noteCreditsLicenceSourcesExhibit version “ClearOK" +
           settings_text(pack) + countdown_text();
}

}  // namespace kiosk
