#include "input/kinetic_scroll.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// Fling deceleration: velocity falls by e every 325 ms, so a flick glides
// velocity * 0.325 s in all (the figure iOS-style scrolling has made familiar).
constexpr double kFlingTau = 0.325;
// Critically damped spring rate back to the edge: visually settled within about
// 300 ms, and a critically damped spring cannot oscillate.
constexpr double kSpringOmega = 20;
// Below half a pixel of motion left, the content is at rest where it is heading.
constexpr double kRestPx = 0.5;
// Resistance beyond the edge: the content moves at 0.55 of the finger's pace at
// first, and approaches the overscroll limit without reaching it.
constexpr double kBandStiffness = 0.55;

double rubber_band(double beyond, double limit) {
    return limit * kBandStiffness * beyond / (kBandStiffness * beyond + limit);
}

double seconds_since(double t0_ms, double t_ms) { return std::max(0.0, (t_ms - t0_ms) / 1000); }

double ease_out_cubic(double u) { return 1 - (1 - u) * (1 - u) * (1 - u); }

}  // namespace

void KineticScroll::set_range(float min_offset, float max_offset) {
    max_offset = std::max(min_offset, max_offset);
    // Screens set their range every frame; only a change needs new plans.
    if (min_offset == min_ && max_offset == max_) return;
    min_ = min_offset;
    max_ = max_offset;
    // A motion planned against the old edges is planned again from where it is now.
    switch (phase_) {
        case Phase::Held: break;
        case Phase::Ease: animate_to(float(target_), now_ms_, int64_t(std::ceil(t_end_)) - now_ms_); break;
        default: launch(velocity_at(double(now_ms_)), now_ms_); break;
    }
}

float KineticScroll::offset() const {
    if (p_ < min_) return float(min_ - rubber_band(min_ - p_, limit_));
    if (p_ > max_) return float(max_ + rubber_band(p_ - max_, limit_));
    return float(p_);
}

void KineticScroll::set_overscroll_limit(float px) { limit_ = std::max(0.f, px); }

bool KineticScroll::moving() const {
    return phase_ == Phase::Fling || phase_ == Phase::Spring || phase_ == Phase::Ease;
}

void KineticScroll::drag_by(float delta, int64_t now_ms) {
    step(now_ms);
    phase_ = Phase::Held;
    p_ += delta;
}

void KineticScroll::release(float velocity_px_s, int64_t now_ms) {
    if (phase_ != Phase::Held) return;
    launch(velocity_px_s, now_ms);
}

void KineticScroll::stop() { launch(0, now_ms_); }

void KineticScroll::jump_to(float offset) { rest_at(std::clamp(offset, min_, max_)); }

void KineticScroll::animate_to(float offset, int64_t now_ms, int64_t duration_ms) {
    step(now_ms);
    target_ = std::clamp(offset, min_, max_);
    if (duration_ms <= 0) {
        rest_at(target_);
        return;
    }
    phase_ = Phase::Ease;
    t0_ = double(now_ms);
    p0_ = p_;
    t_end_ = t0_ + double(duration_ms);
}

bool KineticScroll::step(int64_t now_ms) {
    while (moving() && double(now_ms) >= t_end_) finish_phase();
    if (moving()) p_ = position_at(double(now_ms));
    now_ms_ = now_ms;
    return moving();
}

// Starts moving from p_ with `velocity`: a spring back if beyond the range,
// otherwise a glide (which rests at once when there is no velocity).
void KineticScroll::launch(double velocity, int64_t now_ms) {
    if (p_ < min_)
        start_spring(min_, p_, velocity, double(now_ms));
    else if (p_ > max_)
        start_spring(max_, p_, velocity, double(now_ms));
    else
        start_fling(p_, velocity, double(now_ms));
    step(now_ms);
}

// p(s) = p0 + v0·τ·(1 − e^(−s/τ)): heads for p0 + v0·τ, unless an edge is in the way.
void KineticScroll::start_fling(double p, double v, double t_ms) {
    phase_ = Phase::Fling;
    t0_ = t_ms;
    p0_ = p_ = p;
    v0_ = v;
    target_ = p + v * kFlingTau;
    edge_ = v > 0 ? max_ : min_;
    const double glide = std::abs(v) * kFlingTau;
    const double to_edge = std::abs(edge_ - p);
    hands_over_ = glide > to_edge;
    if (hands_over_)
        t_end_ = t_ms - 1000 * kFlingTau * std::log(1 - to_edge / glide);
    else
        t_end_ = glide > kRestPx ? t_ms + 1000 * kFlingTau * std::log(glide / kRestPx) : t_ms;
}

// x(s) = (x0 + b·s)·e^(−ωs) with b = v0 + ω·x0, x measured from the edge: the
// critically damped spring. It crosses the edge at most once, when thrown
// inwards hard enough, and then glides on inside the range.
void KineticScroll::start_spring(double edge, double p, double v, double t_ms) {
    phase_ = Phase::Spring;
    t0_ = t_ms;
    p0_ = p_ = p;
    v0_ = v;
    edge_ = edge;
    const double x0 = p - edge, b = v + kSpringOmega * x0;
    hands_over_ = x0 != 0 && x0 * b < 0;
    if (hands_over_) {
        t_end_ = t_ms + 1000 * (-x0 / b);
        return;
    }
    // Past its one turning point |x| only falls: rest where it drops below kRestPx.
    const auto away = [&](double s) { return std::abs((x0 + b * s) * std::exp(-kSpringOmega * s)); };
    double lo = b != 0 ? std::max(0.0, 1 / kSpringOmega - x0 / b) : 0;
    if (away(lo) > kRestPx) {
        double hi = lo + 1 / kSpringOmega;
        while (away(hi) > kRestPx) hi += 1 / kSpringOmega;
        for (int i = 0; i < 50; ++i) {
            const double mid = (lo + hi) / 2;
            if (away(mid) > kRestPx)
                lo = mid;
            else
                hi = mid;
        }
        lo = hi;
    }
    t_end_ = t_ms + 1000 * lo;
}

void KineticScroll::finish_phase() {
    const double t = t_end_;
    switch (phase_) {
        case Phase::Fling:
            if (hands_over_)
                start_spring(edge_, edge_, velocity_at(t), t);
            else
                rest_at(target_);
            break;
        case Phase::Spring:
            if (hands_over_)
                start_fling(edge_, velocity_at(t), t);
            else
                rest_at(edge_);
            break;
        case Phase::Ease: rest_at(target_); break;
        case Phase::Rest:
        case Phase::Held: break;
    }
}

void KineticScroll::rest_at(double p) {
    phase_ = Phase::Rest;
    p_ = p;
}

double KineticScroll::position_at(double t_ms) const {
    const double s = seconds_since(t0_, t_ms);
    switch (phase_) {
        case Phase::Fling: return p0_ + v0_ * kFlingTau * (1 - std::exp(-s / kFlingTau));
        case Phase::Spring: {
            const double x0 = p0_ - edge_, b = v0_ + kSpringOmega * x0;
            return edge_ + (x0 + b * s) * std::exp(-kSpringOmega * s);
        }
        case Phase::Ease: return p0_ + (target_ - p0_) * ease_out_cubic(std::min(1.0, s * 1000 / (t_end_ - t0_)));
        case Phase::Rest:
        case Phase::Held: break;
    }
    return p_;
}

// Only a glide and a spring hand their velocity on to the next phase.
double KineticScroll::velocity_at(double t_ms) const {
    const double s = seconds_since(t0_, t_ms);
    switch (phase_) {
        case Phase::Fling: return v0_ * std::exp(-s / kFlingTau);
        case Phase::Spring: {
            const double x0 = p0_ - edge_, b = v0_ + kSpringOmega * x0;
            return (b - kSpringOmega * (x0 + b * s)) * std::exp(-kSpringOmega * s);
        }
        case Phase::Ease:
        case Phase::Rest:
        case Phase::Held: break;
    }
    return 0;
}

bool KineticScroll::operator==(const KineticScroll& o) const {
    return min_ == o.min_ && max_ == o.max_ && limit_ == o.limit_ && p_ == o.p_ && now_ms_ == o.now_ms_ &&
           phase_ == o.phase_ && t0_ == o.t0_ && p0_ == o.p0_ && v0_ == o.v0_ && t_end_ == o.t_end_ &&
           edge_ == o.edge_ && target_ == o.target_ && hands_over_ == o.hands_over_;
}

}  // namespace kiosk
