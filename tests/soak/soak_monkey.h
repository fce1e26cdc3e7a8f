// The soak test's random visitor (a "monkey"): it schedules raw touch events in
// virtual time, the way the hostile input test does but in whole gestures and
// with a day's rhythm: sessions of taps, drags, flings, pinches, palms, lost
// finger-ups and bursts of events during screen transitions, separated by idle
// gaps, some short, some long enough for the idle countdown, the attract loop and
// the reset for the next visitor.
#pragma once

#include "input/input.h"
#include "layout/screen_layouts.h"
#include "state/exhibit_state.h"

#include <cstdint>
#include <queue>
#include <random>
#include <vector>

namespace soak {

struct MonkeyCounts {
    uint64_t events = 0, taps = 0, double_taps = 0, long_presses = 0, drags = 0, flings = 0, pinches = 0, palms = 0,
             lost_ups = 0, two_visitors = 0, transition_bursts = 0, staff_corners = 0;
    uint64_t short_gaps = 0, countdown_gaps = 0, long_gaps = 0;
};

class Monkey {
public:
    // `idle_ms`: the pack's idle timeout; a long gap outlasts it, the countdown,
    // a stuck finger's timeout and an untouched PIN pad's.
    Monkey(uint32_t seed, int width, int height, int64_t idle_ms);

    // Called once per frame before the kiosk handles input: plans what the visitor
    // does next when it is time to. `layouts` and `state` are the kiosk's now.
    void plan(int64_t now_ms, const kiosk::ScreenLayouts& layouts, const kiosk::ExhibitState& state);
    // The events due by `now_ms`, in time order.
    void take_due(int64_t now_ms, std::vector<kiosk::InputEvent>& out);

    // After a long gap the monkey wakes the kiosk with one plain tap and then keeps
    // still for kSettleMs; these say when, so the caller can check the reset.
    static constexpr int64_t kSettleMs = 1000;
    bool wake_pending() const { return wake_at_ms_ >= 0; }
    int64_t wake_at_ms() const { return wake_at_ms_; }
    void wake_checked() { wake_at_ms_ = -1; }

    // Closing time: the visitor finishes what is under way and plans nothing more
    // until reopened(); idle() once nothing is left to happen.
    void hold() { held_ = true; }
    bool idle() const { return held_ && queue_.empty() && !wake_pending(); }
    // The kiosk was closed and opens again at `open_ms`: the next visitor comes
    // once the attract loop is back, and wakes it.
    void reopened(int64_t open_ms);

    const MonkeyCounts& counts() const { return counts_; }

private:
    struct Timed {
        kiosk::InputEvent e;
        uint64_t seq;
        bool operator>(const Timed& o) const {
            return e.time_ms != o.e.time_ms ? e.time_ms > o.e.time_ms : seq > o.seq;
        }
    };

    void push(kiosk::InputEvent::Type type, int finger, float x, float y, int64_t t);
    int64_t gesture(int64_t t0, const kiosk::ScreenLayouts& layouts, const kiosk::ExhibitState& state);
    int64_t tap(int64_t t0, float x, float y, int finger);
    int64_t drag(int64_t t0, float x0, float y0, float dx, float dy, int64_t ms, bool fling, bool lift, int finger);
    int64_t pinch(int64_t t0, float cx, float cy);
    int64_t palm(int64_t t0);
    void somewhere(const kiosk::ScreenLayouts& layouts, const kiosk::ExhibitState& state, float& x, float& y);
    float rx() { return std::uniform_real_distribution<float>(0, float(width_ - 1))(rng_); }
    float ry() { return std::uniform_real_distribution<float>(0, float(height_ - 1))(rng_); }
    int64_t range(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    int next_finger() { return next_finger_ = (next_finger_ + 1) % 1000; }

    std::mt19937 rng_;
    int width_, height_;
    int64_t idle_ms_;
    std::priority_queue<Timed, std::vector<Timed>, std::greater<Timed>> queue_;
    uint64_t seq_ = 0;
    int next_finger_ = 0;
    int64_t next_action_ms_ = 500;
    int64_t session_end_ms_ = 0;
    bool wake_next_ = false;   // the next action is the wake tap after a long gap
    bool held_ = false;        // closing time: nothing new is planned
    int64_t wake_at_ms_ = -1;  // when that tap went down, until checked
    MonkeyCounts counts_;
};

}  // namespace soak
