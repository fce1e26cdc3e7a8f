// Turns raw touch points (and the mouse, which arrives as finger 0) into the
// gestures the exhibit reacts to: taps, double taps, long presses, drags with a
// release velocity, swipes and two-finger pinches.
//
// A public kiosk gets hostile input: palms, two visitors at once, finger-ups the
// driver never delivers. Every gesture that starts therefore ends (DragEnd,
// PinchEnd) or is cancelled (Cancel), and no finger can stay down for ever.
#pragma once

#include "input/input.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk {

struct Gesture {
    enum class Kind { Tap, DoubleTap, LongPress, DragStart, Drag, DragEnd, Swipe, PinchStart, Pinch, PinchEnd, Cancel };
    enum class Direction { None, Left, Right, Up, Down };
    Kind kind = Kind::Tap;
    float x = 0,
          y = 0;  // Tap/DoubleTap/LongPress: where; Drag*: current finger position; Pinch*: centre of the two fingers
    float start_x = 0, start_y = 0;  // where the gesture began (first finger down), for hit-testing drags and pinches
    float dx = 0,
          dy = 0;  // Drag: movement since the previous Drag/DragStart; Pinch: centre movement since the previous Pinch
    float vx = 0,
          vy = 0;     // DragEnd and Swipe: release velocity, px per second (0 when the finger stopped before lifting)
    float scale = 1;  // Pinch: finger-distance ratio since the previous Pinch/PinchStart (multiplicative)
    Direction direction = Direction::None;  // Swipe
    int64_t time_ms = 0;
};

struct GestureConfig {           // zero means default, sokol-style
    float px_per_mm = 0;         // default 4 (px per mm of the panel)
    float tap_slop_mm = 0;       // default 3: a touch that moves less is still a tap
    int64_t tap_max_ms = 0;      // default 700
    int64_t double_tap_ms = 0;   // default 300: second tap within this, within 2*tap_slop of the first
    int64_t long_press_ms = 0;   // default 650: held still this long -> LongPress (once), and the later up is not a tap
    int64_t stuck_touch_ms = 0;  // default 8000: a finger with no event for this long is dropped (lost finger-up)
    float swipe_min_mm_per_s = 0;  // default 60: DragEnd faster than this, mostly along one axis, also yields a Swipe
    int max_fingers =
        0;  // default 2: more fingers down at once is a palm -> Cancel, ignore all until every finger is up
};

class GestureRecognizer {
public:
    explicit GestureRecognizer(GestureConfig config = {});
    // Feeds one event and appends what it completes or continues to `out`.
    void feed(const InputEvent& event, std::vector<Gesture>& out);
    // Advances time with no input: long presses, stuck touches. Call before feed and when idle.
    void tick(int64_t now_ms, std::vector<Gesture>& out);
    // When tick() next has something to do (a long press or a stuck touch may come due), or nullopt when nothing is pending.
    std::optional<int64_t> next_deadline() const;
    void reset();  // forget every finger (e.g. when the exhibit resets)
    struct Touch {
        int finger;
        float x, y;
        float down_x, down_y;
        int64_t down_ms;
        int64_t last_ms;
        bool moved;
    };
    const std::vector<Touch>& touches() const;  // fingers currently down (for hidden staff gestures)
    bool busy() const;                          // a drag or pinch is in progress
    // The same settings, fingers and gesture in progress (for comparing visits).
    bool operator==(const GestureRecognizer& o) const;

private:
    enum class Mode {
        Idle,         // no finger owns a gesture (fingers of another visitor may be down)
        Pressing,     // one finger, still within the slop: a tap, long press or drag to be
        LongPressed,  // LongPress sent: the up is no tap, but the finger may still drag
        Dragging,
        Pinching,
        AfterPinch,  // one pinch finger lifted: the other is inert until it lifts too
        Palm,        // too many fingers: all ignored until every one is up
    };
    struct Sample {
        float x, y;
        int64_t ms;
    };
    struct TapMark {
        float x, y;
        int64_t ms;
    };

    const Touch* find(int finger) const;
    Touch* find(int finger);
    bool single_finger() const;
    bool owns(int finger) const;
    Gesture make(Gesture::Kind kind, float x, float y, int64_t ms) const;

    void on_down(const InputEvent& e, std::vector<Gesture>& out);
    void on_move(Touch& t, const InputEvent& e, std::vector<Gesture>& out);
    void remove(int finger, int64_t ms, bool lifted, std::vector<Gesture>& out);
    void begin_press(const Touch& t);
    void begin_pinch(const Touch& first, const Touch& second, int64_t ms, std::vector<Gesture>& out);
    void continue_pinch(float old_x, float old_y, const Touch& moved, int64_t ms, std::vector<Gesture>& out) const;
    void enter_palm(const Touch& t, int64_t ms, std::vector<Gesture>& out);
    void tap(const Touch& t, int64_t ms, std::vector<Gesture>& out);
    void end_drag(const Touch& t, int64_t ms, std::vector<Gesture>& out) const;
    void record_sample(const Touch& t);
    void release_velocity(int64_t up_ms, Gesture& g) const;

    float slop_px_, far_px_, swipe_px_s_, max_fling_px_s_;
    int64_t tap_max_ms_, double_tap_ms_, long_press_ms_, stuck_touch_ms_;
    int max_fingers_;

    std::vector<Touch> touches_;
    Mode mode_ = Mode::Idle;
    int primary_ = 0;    // the finger that owns the gesture, unless Idle or Palm
    int secondary_ = 0;  // the second pinch finger, while Pinching
    float start_x_ = 0, start_y_ = 0;
    std::optional<TapMark> last_tap_;       // an unpaired tap a second one may pair with
    std::optional<TapMark> first_of_pair_;  // the tap the current press pairs with if it is a tap too
    std::array<Sample, 32> samples_{};      // the primary's recent positions, a ring
    size_t sample_count_ = 0;
};

}  // namespace kiosk
