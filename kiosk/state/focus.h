// The keypad's focus: every screen's items in reading order (what up and down
// step through), where each is (the ring goes around it) and what Enter does on
// it. Built from the visitor's state and the layouts each time it is needed, so
// it always matches the screen as drawn.
#pragma once

#include "input/gestures.h"
#include "layout/ui_context.h"
#include "state/exhibit_state.h"

#include <vector>

namespace kiosk {

enum class FocusId {
    // Explore
    Title,
    Photo,
    Card,
    Prev,
    Next,
    Voices,
    About,
    Settings,
    // Voices
    Quote,
    OriginalToggle,
    QuotePrev,
    QuoteNext,
    // About
    AboutText,
    // The photograph viewer
    PhotoImage,
    // The full screens' top bar
    Back,
    BarSettings,
    // The visitor settings panel
    TextSizeButton,  // index: which size (TextSize)
    HighContrast,
    SpeechSwitch,
    Language,  // index: which
    SettingsDone,
    // Overlays
    ContentNote,
    Countdown,
    PinKey,  // index: 0–11 as PinLayout::keys
};

struct FocusItem {
    FocusId id = FocusId::Title;
    int index = 0;  // Language, PinKey
    Rect rect;      // the ring's; a button's press lands in its middle
    // What Enter does besides speaking it: a tap in the middle of `rect` (a
    // button), a double tap (the photograph viewer's zoom), or nothing (a text).
    enum class Press { Speak, Tap, DoubleTap } press = Press::Speak;
};

// What the visitor is looking at, for noticing when it changes.
FocusContext focus_context(const ExhibitState& s, const Ui& ui);
// The items of the screen or overlay in front, in reading order; never empty
// while the exhibit shows (the attract loop and a dark screen have none).
std::vector<FocusItem> focus_items(const ExhibitState& s, const Ui& ui);
// Which item the focus goes to when the view changes from `before` to `now`:
// what the new view is about (the card for a new event, the quote, the
// photograph, the panel's first row).
int primary_focus(const std::vector<FocusItem>& items, const FocusContext& before, const FocusContext& now);
// A press on `item` as a gesture at `now_ms`.
Gesture press_gesture(const FocusItem& item, int64_t now_ms);

}  // namespace kiosk
