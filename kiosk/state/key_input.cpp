// The tactile keypad: up and down move the focus through the screen's items in
// reading order, left and right go to the next event, quote or photograph, Enter
// presses the focused button (the same tap a finger gives, so every function
// of the touch screen is reachable) or reads a text again, pausing it when it is
// being read; Back stops the speech, or goes back; Help says where the visitor
// is; the volume keys change the volume. The first key of a visit turns speech
// on with a one-sentence guide. After any change of view, follow_focus moves
// the focus to what the view is about and, with speech on, says it.
#include "state/focus.h"
#include "state/screen_input.h"
#include "state/spoken_text.h"

#include <algorithm>

namespace kiosk {

namespace {

// What the visitor was listening to keeps them counted as present until it
// would have ended, even when something else (the countdown) replaces it.
void remember_heard(ExhibitState& s, int64_t now) {
    if (s.access.speech_holds_idle)
        s.access.heard_until_ms = std::max(s.access.heard_until_ms, std::min(now, speech_end_ms(s.access.speech, now)));
}

void say_parts(ExhibitState& s, const Ui& ui, std::vector<SpeechPart> parts, int64_t now, bool holds_idle = true) {
    remember_heard(s, now);
    say(s.access.speech, s.speech_serial, ui.lang, std::move(parts), now);
    s.access.speech_holds_idle = holds_idle;
}

void say_item(ExhibitState& s, const Ui& ui, const std::vector<FocusItem>& items, int64_t now) {
    if (items.empty()) return;
    const FocusItem& item = items[size_t(std::clamp(s.access.focus, 0, int(items.size()) - 1))];
    say_parts(s, ui, item_speech(item, s, ui), now, item.id != FocusId::Countdown);
}

// A swipe across the middle of `area`: the next (left) or previous (right) quote or photograph.
Gesture swipe_across(const Rect& area, int step, int64_t now) {
    Gesture g;
    g.kind = Gesture::Kind::Swipe;
    g.direction = step > 0 ? Gesture::Direction::Left : Gesture::Direction::Right;
    g.x = g.start_x = area.x + area.w / 2;
    g.y = g.start_y = area.y + area.h / 2;
    g.time_ms = now;
    return g;
}

// Left and right: the next or previous event, quote or photograph.
void step_sideways(ExhibitState& s, int step, const Ui& ui, int64_t now) {
    if (s.settings_open || s.pin_open || s.content_note_open) return;
    switch (s.screen) {
        case Screen::Explore:
            select_event(s, s.selected_event + step, ui, now);
            s.open_cluster = -1;
            break;
        case Screen::Voices: dispatch_gesture(s, swipe_across(ui.layouts.voices.quote_box, step, now), ui); break;
        case Screen::Photo: {
            // Zoomed in, the photograph goes back to whole first, as a finger's swipe needs.
            PhotoView& v = s.photo;
            if (v.zoom > 1.001f || v.zoom_anim_start >= 0) {
                const int index = v.index;
                v = PhotoView{};
                v.index = index;
            }
            dispatch_gesture(s, swipe_across(ui.layouts.photo.image_area, step, now), ui);
            break;
        }
        case Screen::About:
        case Screen::Attract: break;
    }
}

// Back: the overlay in front closes, a full screen returns to Explore.
void go_back(ExhibitState& s, const Ui& ui, int64_t now) {
    if (s.pin_open) {
        s.pin_open = false;
        s.pin_entered.clear();
    } else if (s.settings_open) {
        s.settings_open = false;
    } else if (s.content_note_open) {
        s.content_note_open = false;
    } else if (s.open_cluster >= 0) {
        s.open_cluster = -1;
    } else if (s.screen == Screen::Photo) {
        close_photo_viewer(s, ui, now);
    } else if (s.screen != Screen::Explore) {
        go_to_screen(s, Screen::Explore, now);
    }
}

}  // namespace

bool key_input(ExhibitState& s, const InputEvent& e, const Ui& ui) {
    const int64_t now = e.time_ms;
    std::vector<FocusItem> items = focus_items(s, ui);
    if (!s.access.focus_shown) {
        // The first key of a visit: a visitor who may not see the screen. Speech
        // comes on with a one-sentence guide, then what has the focus.
        s.access.focus_shown = true;
        s.visitor.speech = true;
        s.access.context = focus_context(s, ui);
        s.access.focus = primary_focus(items, s.access.context, s.access.context);
        std::vector<SpeechPart> parts = guide_speech(ui);
        if (!items.empty()) {
            const std::vector<SpeechPart> item = item_speech(items[size_t(s.access.focus)], s, ui);
            parts.insert(parts.end(), item.begin(), item.end());
        }
        say_parts(s, ui, std::move(parts), now);
        return true;
    }
    const int count = int(items.size());
    int& focus = s.access.focus;
    focus = count ? std::clamp(focus, 0, count - 1) : 0;
    switch (e.key) {
        case Key::Up:
        case Key::Down:
            if (count == 0) return false;
            focus = (focus + (e.key == Key::Down ? 1 : count - 1)) % count;
            if (s.visitor.speech) say_item(s, ui, items, now);
            return true;
        case Key::Left:
        case Key::Right: {
            const FocusContext before = focus_context(s, ui);
            step_sideways(s, e.key == Key::Right ? 1 : -1, ui, now);
            // At the first or last one nothing changes: say where the visitor is.
            if (focus_context(s, ui) == before && s.visitor.speech) say_parts(s, ui, help_speech(s, ui), now);
            return true;
        }
        case Key::Enter: {
            if (count == 0) return false;
            const FocusItem item = items[size_t(focus)];
            if (item.press == FocusItem::Press::Speak) {
                // Enter on what is being read pauses it, and again goes on; on
                // anything else (or once read) it reads the item from the start.
                Speech& sp = s.access.speech;
                if (s.visitor.speech && speaking(sp, now) && s.access.speech_holds_idle) {
                    set_speech_paused(sp, sp.paused_ms < 0, now);
                    return true;
                }
                if (item.id == FocusId::Countdown) return true;
                say_item(s, ui, items, now);
                return true;
            }
            const FocusContext before = focus_context(s, ui);
            dispatch_gesture(s, press_gesture(item, now), ui);
            // A switch, the zoom, a PIN digit: the view stays, the item says its new state.
            if (focus_context(s, ui) == before && s.visitor.speech) say_item(s, ui, focus_items(s, ui), now);
            return true;
        }
        case Key::Back:
            if (speaking(s.access.speech, now) && s.access.speech_holds_idle) {
                hush(s.access.speech, s.speech_serial);
                return true;
            }
            go_back(s, ui, now);
            return true;
        case Key::Help: say_parts(s, ui, help_speech(s, ui), now); return true;
        case Key::VolumeUp:
        case Key::VolumeDown: {
            const int step = e.key == Key::VolumeUp ? 1 : -1;
            const int before = volume_percent(s, ui.config);
            s.access.volume_steps += step;
            if (volume_percent(s, ui.config) == before) s.access.volume_steps -= step;  // at 0 or 100 already
            say_parts(s, ui, volume_speech(volume_percent(s, ui.config), ui), now);
            return true;
        }
        case Key::None:
        case Key::Count: break;
    }
    return false;
}

void follow_focus(ExhibitState& s, const Ui& ui, int64_t now) {
    const FocusContext now_context = focus_context(s, ui);
    const FocusContext before = s.access.context;
    if (now_context == before) return;
    s.access.context = now_context;
    if (before.speech && !now_context.speech) {
        hush(s.access.speech, s.speech_serial);  // the visitor turned speech off
        return;
    }
    const std::vector<FocusItem> items = focus_items(s, ui);
    FocusContext only_speech = before;
    only_speech.speech = now_context.speech;
    if (only_speech != now_context) s.access.focus = primary_focus(items, before, now_context);
    if (!s.visitor.speech) return;
    if (!before.speech) {
        // Turned on from the settings panel: the guide, then the switch's new state.
        std::vector<SpeechPart> parts = guide_speech(ui);
        if (!items.empty()) {
            const std::vector<SpeechPart> item = item_speech(items[size_t(s.access.focus)], s, ui);
            parts.insert(parts.end(), item.begin(), item.end());
        }
        say_parts(s, ui, std::move(parts), now);
        return;
    }
    if (now_context.screen == Screen::Attract) return;
    say_item(s, ui, items, now);
}

}  // namespace kiosk
