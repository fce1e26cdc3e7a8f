#include "input/gestures.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kiosk {

namespace {

// Further apart than one hand can spread: a second visitor, not a pinch.
constexpr float kOtherVisitorMm = 120;
// Release velocity looks only at the end of the stroke: what the finger did
// before that is not what the visitor meant by letting go.
constexpr int64_t kVelocityWindowMs = 100;
// Two samples a millisecond apart (or a clock hiccup) can claim any speed; no
// real flick is faster than this.
constexpr float kMaxFlingMmPerS = 2000;
// Room for a palm on the glass, so the list does not grow in use (a bigger
// palm grows it once; it never shrinks).
constexpr size_t kReservedTouches = 16;

template <class T>
T or_default(T value, T fallback) {
    return value > 0 ? value : fallback;
}

float distance(float ax, float ay, float bx, float by) { return std::hypot(ax - bx, ay - by); }

}  // namespace

GestureRecognizer::GestureRecognizer(GestureConfig c) {
    const float px_per_mm = or_default(c.px_per_mm, 4.f);
    slop_px_ = or_default(c.tap_slop_mm, 3.f) * px_per_mm;
    far_px_ = kOtherVisitorMm * px_per_mm;
    swipe_px_s_ = or_default(c.swipe_min_mm_per_s, 60.f) * px_per_mm;
    max_fling_px_s_ = kMaxFlingMmPerS * px_per_mm;
    tap_max_ms_ = or_default<int64_t>(c.tap_max_ms, 700);
    double_tap_ms_ = or_default<int64_t>(c.double_tap_ms, 300);
    long_press_ms_ = or_default<int64_t>(c.long_press_ms, 650);
    stuck_touch_ms_ = or_default<int64_t>(c.stuck_touch_ms, 8000);
    max_fingers_ = or_default(c.max_fingers, 2);
    touches_.reserve(kReservedTouches);
}

const std::vector<GestureRecognizer::Touch>& GestureRecognizer::touches() const { return touches_; }

bool GestureRecognizer::busy() const { return mode_ == Mode::Dragging || mode_ == Mode::Pinching; }

void GestureRecognizer::reset() {
    touches_.clear();
    mode_ = Mode::Idle;
    last_tap_.reset();
    sample_count_ = 0;
}

const GestureRecognizer::Touch* GestureRecognizer::find(int finger) const {
    for (const Touch& t : touches_)
        if (t.finger == finger) return &t;
    return nullptr;
}

GestureRecognizer::Touch* GestureRecognizer::find(int finger) {
    return const_cast<Touch*>(std::as_const(*this).find(finger));
}

bool GestureRecognizer::single_finger() const {
    return mode_ == Mode::Pressing || mode_ == Mode::LongPressed || mode_ == Mode::Dragging;
}

// Whether the finger takes part in the current gesture; every other finger
// (another visitor's, a third one) is only tracked, never interpreted.
bool GestureRecognizer::owns(int finger) const {
    if (single_finger() || mode_ == Mode::AfterPinch) return finger == primary_;
    if (mode_ == Mode::Pinching) return finger == primary_ || finger == secondary_;
    return false;
}

Gesture GestureRecognizer::make(Gesture::Kind kind, float x, float y, int64_t ms) const {
    Gesture g;
    g.kind = kind;
    g.x = x;
    g.y = y;
    g.start_x = start_x_;
    g.start_y = start_y_;
    g.time_ms = ms;
    return g;
}

void GestureRecognizer::feed(const InputEvent& e, std::vector<Gesture>& out) {
    // A long press or a stuck finger that came due before this event happened first.
    tick(e.time_ms, out);
    switch (e.type) {
        case InputEvent::Type::Down: on_down(e, out); break;
        case InputEvent::Type::Move:
            if (Touch* t = find(e.finger)) on_move(*t, e, out);
            break;
        case InputEvent::Type::Up:
            // The up's position counts as a last move: a finger may leave the slop
            // or end a drag somewhere without a move event in between.
            if (Touch* t = find(e.finger)) {
                on_move(*t, e, out);
                remove(e.finger, e.time_ms, true, out);
            }
            break;
        case InputEvent::Type::Key: break;  // keys are no gesture (state/key_input.cpp)
    }
}

void GestureRecognizer::tick(int64_t now_ms, std::vector<Gesture>& out) {
    if (mode_ == Mode::Pressing) {
        const Touch& t = *find(primary_);
        if (now_ms - t.down_ms >= long_press_ms_) {
            out.push_back(make(Gesture::Kind::LongPress, t.down_x, t.down_y, t.down_ms + long_press_ms_));
            mode_ = Mode::LongPressed;
        }
    }
    for (size_t i = 0; i < touches_.size();) {
        const Touch& t = touches_[i];
        if (now_ms - t.last_ms >= stuck_touch_ms_)
            remove(t.finger, t.last_ms + stuck_touch_ms_, false, out);
        else
            ++i;
    }
}

std::optional<int64_t> GestureRecognizer::next_deadline() const {
    std::optional<int64_t> due;
    const auto consider = [&due](int64_t ms) { due = due ? std::min(*due, ms) : ms; };
    if (mode_ == Mode::Pressing) consider(find(primary_)->down_ms + long_press_ms_);
    for (const Touch& t : touches_) consider(t.last_ms + stuck_touch_ms_);
    return due;
}

void GestureRecognizer::on_down(const InputEvent& e, std::vector<Gesture>& out) {
    // A second down for a finger that is down means its up was lost.
    if (find(e.finger)) remove(e.finger, e.time_ms, false, out);
    touches_.push_back({e.finger, e.x, e.y, e.x, e.y, e.time_ms, e.time_ms, false});
    const Touch& t = touches_.back();
    if (mode_ == Mode::Palm) return;
    if (int(touches_.size()) > max_fingers_) {
        enter_palm(t, e.time_ms, out);
        return;
    }
    switch (mode_) {
        case Mode::Idle: begin_press(t); break;
        case Mode::Pressing:
        case Mode::LongPressed:
        case Mode::Dragging:
        case Mode::AfterPinch: {
            const Touch& first = *find(primary_);
            if (distance(first.x, first.y, t.x, t.y) <= far_px_) begin_pinch(first, t, e.time_ms, out);
            break;
        }
        case Mode::Pinching:  // a third finger (max_fingers > 2) has no part in a pinch
        case Mode::Palm: break;
    }
}

void GestureRecognizer::on_move(Touch& t, const InputEvent& e, std::vector<Gesture>& out) {
    const float old_x = t.x, old_y = t.y;
    t.x = e.x;
    t.y = e.y;
    t.last_ms = e.time_ms;
    t.moved = t.moved || distance(t.x, t.y, t.down_x, t.down_y) > slop_px_;
    if (!owns(t.finger)) return;
    if (mode_ == Mode::Pinching) {
        continue_pinch(old_x, old_y, t, e.time_ms, out);
        return;
    }
    if (!single_finger()) return;
    record_sample(t);
    if (mode_ != Mode::Dragging) {
        if (t.moved) {
            mode_ = Mode::Dragging;
            Gesture g = make(Gesture::Kind::DragStart, t.x, t.y, e.time_ms);
            g.dx = t.x - t.down_x;
            g.dy = t.y - t.down_y;
            out.push_back(g);
        }
    } else if (t.x != old_x || t.y != old_y) {
        Gesture g = make(Gesture::Kind::Drag, t.x, t.y, e.time_ms);
        g.dx = t.x - old_x;
        g.dy = t.y - old_y;
        out.push_back(g);
    }
}

// A finger leaves: lifted, or dropped because its up was lost.
void GestureRecognizer::remove(int finger, int64_t ms, bool lifted, std::vector<Gesture>& out) {
    const Touch* gone = find(finger);
    const Touch t = *gone;
    touches_.erase(touches_.begin() + (gone - touches_.data()));
    if (mode_ == Mode::Palm) {
        if (touches_.empty()) mode_ = Mode::Idle;
        return;
    }
    if (!owns(finger)) return;
    switch (mode_) {
        case Mode::Pressing:
            if (lifted) tap(t, ms, out);
            break;
        case Mode::Dragging:
            if (lifted)
                end_drag(t, ms, out);
            else
                out.push_back(make(Gesture::Kind::Cancel, t.x, t.y, ms));
            break;
        case Mode::Pinching: {
            const Touch& other = *find(finger == primary_ ? secondary_ : primary_);
            if (lifted)
                out.push_back(make(Gesture::Kind::PinchEnd, (t.x + other.x) / 2, (t.y + other.y) / 2, ms));
            else
                out.push_back(make(Gesture::Kind::Cancel, t.x, t.y, ms));
            primary_ = other.finger;
            mode_ = Mode::AfterPinch;
            return;
        }
        default: break;
    }
    mode_ = Mode::Idle;
}

void GestureRecognizer::begin_press(const Touch& t) {
    mode_ = Mode::Pressing;
    primary_ = t.finger;
    start_x_ = t.down_x;
    start_y_ = t.down_y;
    sample_count_ = 0;
    record_sample(t);
    // Each press consumes the waiting tap: it either pairs with it or, whatever
    // it turns out to be, leaves nothing for a later tap to pair with.
    const bool pairs = last_tap_ && t.down_ms - last_tap_->ms <= double_tap_ms_ &&
                       distance(t.down_x, t.down_y, last_tap_->x, last_tap_->y) <= 2 * slop_px_;
    first_of_pair_ = pairs ? last_tap_ : std::nullopt;
    last_tap_.reset();
}

void GestureRecognizer::begin_pinch(const Touch& first, const Touch& second, int64_t ms, std::vector<Gesture>& out) {
    // The drag hands over to the pinch where it stands: no fling from the first finger.
    if (mode_ == Mode::Dragging) out.push_back(make(Gesture::Kind::DragEnd, first.x, first.y, ms));
    mode_ = Mode::Pinching;
    primary_ = first.finger;
    secondary_ = second.finger;
    start_x_ = first.down_x;
    start_y_ = first.down_y;
    out.push_back(make(Gesture::Kind::PinchStart, (first.x + second.x) / 2, (first.y + second.y) / 2, ms));
}

void GestureRecognizer::continue_pinch(float old_x, float old_y, const Touch& moved, int64_t ms,
                                       std::vector<Gesture>& out) const {
    if (moved.x == old_x && moved.y == old_y) return;
    const Touch& other = *find(moved.finger == primary_ ? secondary_ : primary_);
    const float old_cx = (old_x + other.x) / 2, old_cy = (old_y + other.y) / 2;
    Gesture g = make(Gesture::Kind::Pinch, (moved.x + other.x) / 2, (moved.y + other.y) / 2, ms);
    g.dx = g.x - old_cx;
    g.dy = g.y - old_cy;
    // Fingers on the same spot would divide by zero; flooring both distances
    // at a pixel keeps the product of the steps equal to the overall ratio.
    const float before = std::max(distance(old_x, old_y, other.x, other.y), 1.f);
    g.scale = std::max(distance(moved.x, moved.y, other.x, other.y), 1.f) / before;
    out.push_back(g);
}

void GestureRecognizer::enter_palm(const Touch& t, int64_t ms, std::vector<Gesture>& out) {
    if (mode_ == Mode::Idle) {
        start_x_ = t.down_x;
        start_y_ = t.down_y;
    }
    out.push_back(make(Gesture::Kind::Cancel, t.x, t.y, ms));
    mode_ = Mode::Palm;
}

void GestureRecognizer::tap(const Touch& t, int64_t ms, std::vector<Gesture>& out) {
    if (ms - t.down_ms > tap_max_ms_) return;
    Gesture g = make(Gesture::Kind::Tap, t.down_x, t.down_y, ms);
    out.push_back(g);
    if (first_of_pair_) {
        g.kind = Gesture::Kind::DoubleTap;
        g.start_x = first_of_pair_->x;
        g.start_y = first_of_pair_->y;
        out.push_back(g);
    } else {
        last_tap_ = TapMark{t.down_x, t.down_y, ms};
    }
}

void GestureRecognizer::end_drag(const Touch& t, int64_t ms, std::vector<Gesture>& out) const {
    Gesture g = make(Gesture::Kind::DragEnd, t.x, t.y, ms);
    release_velocity(ms, g);
    out.push_back(g);
    const float ax = std::abs(g.vx), ay = std::abs(g.vy);
    const float major = std::max(ax, ay), minor = std::min(ax, ay);
    if (major <= swipe_px_s_ || major <= 2 * minor) return;
    g.kind = Gesture::Kind::Swipe;
    if (ax > ay)
        g.direction = g.vx > 0 ? Gesture::Direction::Right : Gesture::Direction::Left;
    else
        g.direction = g.vy > 0 ? Gesture::Direction::Down : Gesture::Direction::Up;
    out.push_back(g);
}

void GestureRecognizer::record_sample(const Touch& t) {
    samples_[sample_count_ % samples_.size()] = {t.x, t.y, t.last_ms};
    ++sample_count_;
}

// Least-squares slope of position over time through the samples of the last
// kVelocityWindowMs. A finger that rested before lifting leaves only samples at
// one place (or one sample) in the window, which gives 0.
void GestureRecognizer::release_velocity(int64_t up_ms, Gesture& g) const {
    const size_t n = std::min(sample_count_, samples_.size());
    const auto in_window = [up_ms](const Sample& s) { return s.ms <= up_ms && up_ms - s.ms <= kVelocityWindowMs; };
    double count = 0, mean_t = 0, mean_x = 0, mean_y = 0;
    for (size_t i = 0; i < n; ++i) {
        const Sample& s = samples_[i];
        if (!in_window(s)) continue;
        count += 1;
        mean_t += double(s.ms - up_ms);
        mean_x += s.x;
        mean_y += s.y;
    }
    if (count < 2) return;
    mean_t /= count;
    mean_x /= count;
    mean_y /= count;
    double var_t = 0, cov_x = 0, cov_y = 0;
    for (size_t i = 0; i < n; ++i) {
        const Sample& s = samples_[i];
        if (!in_window(s)) continue;
        const double dt = double(s.ms - up_ms) - mean_t;
        var_t += dt * dt;
        cov_x += dt * (s.x - mean_x);
        cov_y += dt * (s.y - mean_y);
    }
    if (var_t <= 0) return;  // every sample at the same instant: no speed to speak of
    double vx = cov_x / var_t * 1000, vy = cov_y / var_t * 1000;
    const double speed = std::hypot(vx, vy);
    if (speed > max_fling_px_s_) {
        vx *= max_fling_px_s_ / speed;
        vy *= max_fling_px_s_ / speed;
    }
    g.vx = float(vx);
    g.vy = float(vy);
}

namespace {

bool same_touch(const GestureRecognizer::Touch& a, const GestureRecognizer::Touch& b) {
    return a.finger == b.finger && a.x == b.x && a.y == b.y && a.down_x == b.down_x && a.down_y == b.down_y &&
           a.down_ms == b.down_ms && a.last_ms == b.last_ms && a.moved == b.moved;
}

template <typename Mark>
bool same_mark(const Mark& a, const Mark& b) {
    return a.x == b.x && a.y == b.y && a.ms == b.ms;
}

template <typename Mark>
bool same_mark(const std::optional<Mark>& a, const std::optional<Mark>& b) {
    return a.has_value() == b.has_value() && (!a || same_mark(*a, *b));
}

}  // namespace

bool GestureRecognizer::operator==(const GestureRecognizer& o) const {
    const bool settings = slop_px_ == o.slop_px_ && far_px_ == o.far_px_ && swipe_px_s_ == o.swipe_px_s_ &&
                          max_fling_px_s_ == o.max_fling_px_s_ && tap_max_ms_ == o.tap_max_ms_ &&
                          double_tap_ms_ == o.double_tap_ms_ && long_press_ms_ == o.long_press_ms_ &&
                          stuck_touch_ms_ == o.stuck_touch_ms_ && max_fingers_ == o.max_fingers_;
    const bool fingers = std::equal(touches_.begin(), touches_.end(), o.touches_.begin(), o.touches_.end(), same_touch);
    const bool marks = same_mark(last_tap_, o.last_tap_) && same_mark(first_of_pair_, o.first_of_pair_) &&
                       sample_count_ == o.sample_count_ &&
                       std::equal(samples_.begin(), samples_.end(), o.samples_.begin(),
                                  [](const Sample& a, const Sample& b) { return same_mark(a, b); });
    return settings && fingers && marks && mode_ == o.mode_ && primary_ == o.primary_ && secondary_ == o.secondary_ &&
           start_x_ == o.start_x_ && start_y_ == o.start_y_;
}

}  // namespace kiosk
