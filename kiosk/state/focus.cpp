#include "state/focus.h"

#include "layout/content_note_measure.h"
#include "layout/quote_measure.h"

#include <algorithm>

namespace kiosk {

namespace {

using Press = FocusItem::Press;

void add(std::vector<FocusItem>& items, FocusId id, const Rect& rect, Press press, int index = 0) {
    if (rect.w <= 0 || rect.h <= 0) return;  // not on this screen (no quotes to switch, one language)
    items.push_back({id, index, rect, press});
}

void explore_items(std::vector<FocusItem>& items, const ExhibitState& s, const Ui& ui) {
    const ExploreLayout& l = ui.layouts.explore;
    add(items, FocusId::Title, l.title_room, Press::Speak);
    if (const Photograph* photo = explore_photo(s, ui))
        add(items, FocusId::Photo, photo_frame_for(l, photo).frame, Press::Tap);
    if (!ui.pack.events.empty()) add(items, FocusId::Card, l.card, Press::Speak);
    add(items, FocusId::Prev, l.button[int(Button::Prev)], Press::Tap);
    add(items, FocusId::Next, l.button[int(Button::Next)], Press::Tap);
    add(items, FocusId::Voices, l.button[int(Button::Voices)], Press::Tap);
    add(items, FocusId::About, l.button[int(Button::About)], Press::Tap);
    add(items, FocusId::Settings, l.button[int(Button::Settings)], Press::Tap);
}

void top_bar_items(std::vector<FocusItem>& items, const TopBar& bar) {
    add(items, FocusId::Back, bar.back, Press::Tap);
    add(items, FocusId::BarSettings, bar.settings, Press::Tap);
}

void voices_items(std::vector<FocusItem>& items, const ExhibitState& s, const Ui& ui) {
    const VoicesLayout& l = ui.layouts.voices;
    if (!ui.pack.quotes.empty()) {
        add(items, FocusId::Quote, l.quote_box, Press::Speak);
        const Quote& q = ui.pack.quotes[size_t(std::clamp(s.quote, 0, int(ui.pack.quotes.size()) - 1))];
        add(items, FocusId::OriginalToggle, original_toggle(ui, q, l.original_row, s.quote_original), Press::Tap);
    }
    add(items, FocusId::QuotePrev, l.prev, Press::Tap);
    add(items, FocusId::QuoteNext, l.next, Press::Tap);
    top_bar_items(items, l.bar);
}

void settings_items(std::vector<FocusItem>& items, const Ui& ui) {
    const SettingsLayout& l = ui.layouts.settings;
    for (int i = 0; i < int(TextSize::Count); ++i) add(items, FocusId::TextSizeButton, l.text_sizes[i], Press::Tap, i);
    add(items, FocusId::HighContrast, l.high_contrast, Press::Tap);
    add(items, FocusId::SpeechSwitch, l.speech, Press::Tap);
    for (size_t i = 0; i < l.languages.size(); ++i) add(items, FocusId::Language, l.languages[i], Press::Tap, int(i));
    add(items, FocusId::SettingsDone, l.close, Press::Tap);
}

}  // namespace

FocusContext focus_context(const ExhibitState& s, const Ui& ui) {
    FocusContext c;
    c.screen = s.screen;
    c.settings_open = s.settings_open;
    c.pin_open = s.pin_open;
    c.content_note_open = s.content_note_open;
    c.countdown = countdown_visible(s, ui.pack);
    c.event = s.selected_event;
    c.quote = s.quote;
    c.photo = s.photo.index;
    c.language = s.visitor.language;
    c.quote_original = s.quote_original;
    c.speech = s.visitor.speech;
    return c;
}

std::vector<FocusItem> focus_items(const ExhibitState& s, const Ui& ui) {
    std::vector<FocusItem> items;
    if (s.screen_off || s.screen == Screen::Attract) return items;
    if (s.pin_open) {
        for (int i = 0; i < 12; ++i) add(items, FocusId::PinKey, ui.layouts.pin.keys[i], Press::Tap, i);
        return items;
    }
    if (countdown_visible(s, ui.pack)) {
        add(items, FocusId::Countdown, ui.layouts.countdown, Press::Speak);
        return items;
    }
    if (s.settings_open) {
        settings_items(items, ui);
        return items;
    }
    if (s.screen == Screen::Explore && s.content_note_open) {
        add(items, FocusId::ContentNote, content_note_card(ui).panel, Press::Tap);
        return items;
    }
    switch (s.screen) {
        case Screen::Explore: explore_items(items, s, ui); break;
        case Screen::Photo:
            add(items, FocusId::PhotoImage, ui.layouts.photo.image_area, Press::DoubleTap);
            top_bar_items(items, ui.layouts.photo.bar);
            break;
        case Screen::Voices: voices_items(items, s, ui); break;
        case Screen::About:
            add(items, FocusId::AboutText, ui.layouts.about.column, Press::Speak);
            top_bar_items(items, ui.layouts.about.bar);
            break;
        case Screen::Attract: break;
    }
    return items;
}

int primary_focus(const std::vector<FocusItem>& items, const FocusContext& before, const FocusContext& now) {
    auto find = [&](FocusId id) {
        for (size_t i = 0; i < items.size(); ++i)
            if (items[i].id == id) return int(i);
        return -1;
    };
    int at = -1;
    if (now.screen == Screen::Explore && !now.settings_open && !now.content_note_open && !now.countdown &&
        !now.pin_open) {
        // A new event, from the arrows or left and right: its card. Coming back
        // to Explore or starting: the exhibit's title, as a sighted visitor reads.
        const bool same_view = before.screen == Screen::Explore && !before.settings_open && !before.content_note_open &&
                               !before.countdown && !before.pin_open;
        if (same_view && before.event != now.event) at = find(FocusId::Card);
    }
    if (at < 0 && now.screen == Screen::Voices) at = find(FocusId::Quote);
    if (at < 0 && now.settings_open && before.settings_open && before.language != now.language)
        for (size_t i = 0; i < items.size(); ++i)
            if (items[i].id == FocusId::Language && items[i].index == now.language) at = int(i);
    return std::max(at, 0);
}

Gesture press_gesture(const FocusItem& item, int64_t now_ms) {
    Gesture g;
    g.kind = item.press == Press::DoubleTap ? Gesture::Kind::DoubleTap : Gesture::Kind::Tap;
    g.x = g.start_x = item.rect.x + item.rect.w / 2;
    g.y = g.start_y = item.rect.y + item.rect.h / 2;
    g.time_ms = now_ms;
    return g;
}

}  // namespace kiosk
