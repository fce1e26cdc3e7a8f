// One axis of touch scrolling: the content follows the finger, glides on after a
// flick and slows down exponentially, and gives softly at the ends of its range
// (a rubber band) instead of stopping dead.
//
// Motion is a closed-form function of time from the moment it starts, not
// integrated frame by frame: stepping every millisecond or twice a second gives
// the same positions, so a recorded session replays identically at any frame rate.
//
// Offsets grow the way drag_by's delta and release's velocity point; a caller
// scrolling content under the finger passes the negated finger movement.
#pragma once

#include <cstdint>

namespace kiosk {

class KineticScroll {
public:
    void set_range(float min_offset, float max_offset);  // content offset range; min <= max
    float offset() const;
    // The finger moves the content by `delta`; beyond the range with resistance,
    // never further out than the overscroll limit. Stops any motion.
    void drag_by(float delta, int64_t now_ms);
    // The finger that dragged lifts: fling, or spring back when beyond the range.
    // Ignored unless the content is held by drag_by, so releasing every scroller
    // when a gesture is cancelled leaves the others' motion alone.
    void release(float velocity_px_s, int64_t now_ms);
    void stop();                                                         // a finger caught the content
    void jump_to(float offset);                                          // immediately, clamped
    void animate_to(float offset, int64_t now_ms, int64_t duration_ms);  // eased (ease-out cubic), clamped target
    bool step(int64_t now_ms);  // advance to now; returns true while still moving (needs another frame)
    bool moving() const;
    void set_overscroll_limit(float px);
    // The same content offset, range and motion (for comparing visits).
    bool operator==(const KineticScroll& o) const;

private:
    enum class Phase { Rest, Held, Fling, Spring, Ease };

    void launch(double velocity, int64_t now_ms);
    void start_fling(double p, double v, double t_ms);
    void start_spring(double edge, double p, double v, double t_ms);
    void finish_phase();
    void rest_at(double p);
    double position_at(double t_ms) const;
    double velocity_at(double t_ms) const;

    float min_ = 0, max_ = 0;
    float limit_ = 120;
    // The position before the rubber band: physics runs on it, offset() shows it
    // banded, so no motion can ever show beyond the limit.
    double p_ = 0;
    int64_t now_ms_ = 0;  // the time p_ belongs to

    Phase phase_ = Phase::Rest;
    // The running phase starts at t0_ (fractional ms: phases hand over at
    // computed instants, not at frames) from p0_ with velocity v0_ (px/s).
    double t0_ = 0, p0_ = 0, v0_ = 0;
    double t_end_ = 0;         // when it hands over to the next phase or rests
    double edge_ = 0;          // Fling: the edge it runs into; Spring: the edge it returns to
    double target_ = 0;        // Fling: where it would glide to; Ease: where it ends
    bool hands_over_ = false;  // Fling: hits the edge and springs; Spring: crosses the edge and glides on
};

}  // namespace kiosk
