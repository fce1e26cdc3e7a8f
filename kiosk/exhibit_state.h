// What the visitor is looking at, and how input changes it. Plain data and plain
// functions of input and state, so every session can be replayed in a test.
#pragma once

#include "explore_layout.h"
#include "input.h"
#include "pack.h"
#include "tap_detector.h"

namespace kiosk {

enum class Screen { Explore };

struct ExhibitState {
    Screen screen = Screen::Explore;
    int selected_event = 0;   // index into Pack::events
    TapDetector taps;
};

ExhibitState initial_state(const Pack& pack, const ExploreLayout& layout);

// What a point on Explore would touch.
struct ExploreHit {
    enum class Kind { Nothing, Marker, Button };
    Kind kind = Kind::Nothing;
    int marker = -1;           // event index, for Kind::Marker
    Button button = Button::Count;
};

ExploreHit hit_test_explore(const ExploreLayout& layout, float x, float y);

// Applies one input event. Returns true when what is on screen changed.
bool update(ExhibitState& state, const InputEvent& event, const Pack& pack, const ExploreLayout& layout);

}  // namespace kiosk
