#include "soak_monkey.h"

#include <algorithm>
#include <cmath>

namespace soak {

using Type = kiosk::InputEvent::Type;

Monkey::Monkey(uint32_t seed, int width, int height, int64_t idle_ms)
        : rng_(seed), width_(width), height_(height), idle_ms_(idle_ms) {
    session_end_ms_ = range(20000, 180000);
}

void Monkey::push(Type type, int finger, float x, float y, int64_t t) {
    kiosk::InputEvent e;
    e.type = type;
    e.finger = finger;
    e.x = std::clamp(x, 0.f, float(width_ - 1));
    e.y = std::clamp(y, 0.f, float(height_ - 1));
    e.time_ms = t;
    queue_.push({e, seq_++});
}

void Monkey::take_due(int64_t now_ms, std::vector<kiosk::InputEvent>& out) {
    while (!queue_.empty() && queue_.top().e.time_ms <= now_ms) {
        out.push_back(queue_.top().e);
        queue_.pop();
        ++counts_.events;
    }
}

// Mostly a touch target of the screen that is up (buttons, arrows, markers, keys),
// so the visitor gets around; sometimes anywhere.
void Monkey::somewhere(const kiosk::ScreenLayouts& layouts, const kiosk::ExhibitState& state, float& x, float& y) {
    const kiosk::Rect* r = nullptr;
    std::vector<kiosk::Rect> targets;
    if (chance(0.6)) {
        if (state.pin_open && chance(0.8)) {
            r = &layouts.pin.keys[range(0, 11)];
        } else if (state.settings_open && chance(0.7)) {
            const kiosk::Rect* s[] = {&layouts.settings.text_sizes[0], &layouts.settings.text_sizes[1],
                                      &layouts.settings.text_sizes[2], &layouts.settings.high_contrast,
                                      &layouts.settings.speech,        &layouts.settings.close};
            r = s[range(0, 5)];
        } else {
            switch (state.screen) {
                case kiosk::Screen::Explore: {
                    const auto& l = layouts.explore;
                    const int pick = int(range(0, 9));
                    if (pick < 5)
                        r = &l.button_hit[pick];
                    else if (pick == 5)
                        r = &l.photo_frame;
                    else if (pick == 6)
                        r = &l.card;
                    else
                        r = &l.strip_touch;
                    break;
                }
                case kiosk::Screen::Voices: {
                    const kiosk::Rect* v[] = {&layouts.voices.prev, &layouts.voices.next, &layouts.voices.quote_box};
                    r = v[range(0, 2)];
                    break;
                }
                case kiosk::Screen::Photo: r = &layouts.photo.image_area; break;
                case kiosk::Screen::About: r = &layouts.about.column; break;
                case kiosk::Screen::Attract: break;
            }
            if (r == nullptr || chance(0.3)) {
                targets = kiosk::touch_targets(layouts);
                if (!targets.empty()) r = &targets[size_t(range(0, int64_t(targets.size()) - 1))];
            }
        }
    }
    if (r && r->w > 0 && r->h > 0) {
        x = r->x + std::uniform_real_distribution<float>(0.1f, 0.9f)(rng_) * r->w;
        y = r->y + std::uniform_real_distribution<float>(0.1f, 0.9f)(rng_) * r->h;
    } else {
        x = rx();
        y = ry();
    }
}

int64_t Monkey::tap(int64_t t0, float x, float y, int finger) {
    push(Type::Down, finger, x, y, t0);
    const int64_t up = t0 + range(30, 160);
    push(Type::Up, finger, x + float(range(-2, 2)), y + float(range(-2, 2)), up);
    return up;
}

// A one-finger drag in ~16 ms steps; a fling ends moving fast, a plain drag holds
// still before lifting. Without `lift` its finger-up is lost.
int64_t Monkey::drag(int64_t t0, float x0, float y0, float dx, float dy, int64_t ms, bool fling, bool lift,
                     int finger) {
    push(Type::Down, finger, x0, y0, t0);
    const int steps = std::max(2, int(ms / 16));
    int64_t t = t0;
    for (int i = 1; i <= steps; ++i) {
        t += range(8, 24);
        float f = float(i) / float(steps);
        if (!fling) f = 1 - (1 - f) * (1 - f);  // slowing down
        push(Type::Move, finger, x0 + dx * f, y0 + dy * f, t);
    }
    if (!lift) return t;
    t += fling ? range(1, 10) : range(120, 400);
    push(Type::Up, finger, x0 + dx, y0 + dy, t);
    return t;
}

int64_t Monkey::pinch(int64_t t0, float cx, float cy) {
    const int a = next_finger(), b = next_finger();
    float r = float(range(20, 150));
    const float angle = std::uniform_real_distribution<float>(0, 3.14159f)(rng_);
    const float ux = std::cos(angle), uy = std::sin(angle);
    push(Type::Down, a, cx - ux * r, cy - uy * r, t0);
    int64_t t = t0 + range(0, 80);
    push(Type::Down, b, cx + ux * r, cy + uy * r, t);
    const float grow = std::uniform_real_distribution<float>(0.4f, 3.0f)(rng_);
    const int steps = int(range(4, 40));
    const float pan_x = float(range(-200, 200)), pan_y = float(range(-200, 200));
    for (int i = 1; i <= steps; ++i) {
        t += range(8, 24);
        const float f = float(i) / float(steps);
        const float ri = r * (1 + (grow - 1) * f);
        const float px = cx + pan_x * f, py = cy + pan_y * f;
        push(Type::Move, i % 2 ? a : b, i % 2 ? px - ux * ri : px + ux * ri, i % 2 ? py - uy * ri : py + uy * ri, t);
    }
    r *= grow;
    const bool lose = chance(0.05);
    t += range(5, 200);
    push(Type::Up, a, cx + pan_x - ux * r, cy + pan_y - uy * r, t);
    if (!lose)
        push(Type::Up, b, cx + pan_x + ux * r, cy + pan_y + uy * r, t + range(0, 150));
    else
        ++counts_.lost_ups;
    return t + 150;
}

// A palm or a hand: three to eight fingers down, moving a little, some ups lost.
int64_t Monkey::palm(int64_t t0) {
    const int n = int(range(3, 8));
    const float cx = rx(), cy = ry();
    struct P {
        int f;
        float x, y;
    };
    std::vector<P> fingers;
    int64_t t = t0;
    for (int i = 0; i < n; ++i) {
        fingers.push_back({next_finger(), cx + float(range(-120, 120)), cy + float(range(-120, 120))});
        push(Type::Down, fingers.back().f, fingers.back().x, fingers.back().y, t);
        t += range(0, 40);
    }
    const int moves = int(range(0, 30));
    for (int i = 0; i < moves; ++i) {
        P& p = fingers[size_t(range(0, n - 1))];
        p.x += float(range(-15, 15));
        p.y += float(range(-15, 15));
        t += range(5, 30);
        push(Type::Move, p.f, p.x, p.y, t);
    }
    for (const P& p : fingers) {
        t += range(0, 60);
        if (chance(0.15)) {
            ++counts_.lost_ups;
            continue;
        }
        push(Type::Up, p.f, p.x, p.y, t);
    }
    return t;
}

// One visitor action starting at t0; returns when it ends.
int64_t Monkey::gesture(int64_t t0, const kiosk::ScreenLayouts& layouts, const kiosk::ExhibitState& state) {
    float x = 0, y = 0;
    somewhere(layouts, state, x, y);
    const int pick = int(range(0, 99));
    if (pick < 32) {
        ++counts_.taps;
        return tap(t0, x, y, next_finger());
    }
    if (pick < 37) {
        ++counts_.double_taps;
        const int64_t t = tap(t0, x, y, next_finger());
        return tap(t + range(40, 200), x + float(range(-6, 6)), y + float(range(-6, 6)), next_finger());
    }
    if (pick < 40) {
        ++counts_.long_presses;
        const int f = next_finger();
        push(Type::Down, f, x, y, t0);
        const int64_t up = t0 + range(700, 2500);
        push(Type::Up, f, x, y, up);
        return up;
    }
    if (pick < 53) {
        ++counts_.drags;
        const bool horizontal = chance(0.5);
        const float d = float(range(-600, 600));
        return drag(t0, x, y, horizontal ? d : float(range(-30, 30)), horizontal ? float(range(-30, 30)) : d,
                    range(100, 1500), false, true, next_finger());
    }
    if (pick < 64) {
        ++counts_.flings;
        const bool horizontal = chance(0.6);
        const float d = float(range(150, 900)) * (chance(0.5) ? 1 : -1);
        return drag(t0, x, y, horizontal ? d : float(range(-20, 20)), horizontal ? float(range(-20, 20)) : d,
                    range(40, 250), true, true, next_finger());
    }
    if (pick < 73) {
        ++counts_.pinches;
        return pinch(t0, x, y);
    }
    if (pick < 78) {
        ++counts_.palms;
        return palm(t0);
    }
    if (pick < 83) {
        // A finger-up the driver never delivers: after a tap's down, or mid-drag.
        ++counts_.lost_ups;
        const int f = next_finger();
        if (chance(0.5)) {
            push(Type::Down, f, x, y, t0);
            return t0 + range(10, 100);
        }
        return drag(t0, x, y, float(range(-300, 300)), float(range(-300, 300)), range(50, 600), chance(0.5), false, f);
    }
    if (pick < 88) {
        // Two visitors: a drag here and taps far away at the same time.
        ++counts_.two_visitors;
        const int64_t end = drag(t0, x, y, float(range(-400, 400)), float(range(-50, 50)), range(300, 1200),
                                 chance(0.5), true, next_finger());
        int64_t t = t0 + range(0, 200);
        const int taps = int(range(1, 4));
        for (int i = 0; i < taps; ++i) t = tap(t + range(20, 200), rx(), ry(), next_finger());
        return std::max(end, t);
    }
    if (pick < 97) {
        // A tap that changes screens (or opens settings), then a burst of events
        // from several fingers while the transition runs.
        ++counts_.transition_bursts;
        const kiosk::Rect* r = nullptr;
        if (state.screen == kiosk::Screen::Explore) {
            const kiosk::Rect* choices[] = {&layouts.explore.button_hit[int(kiosk::Button::Voices)],
                                            &layouts.explore.button_hit[int(kiosk::Button::About)],
                                            &layouts.explore.button_hit[int(kiosk::Button::Settings)],
                                            &layouts.explore.photo_frame};
            r = choices[range(0, 3)];
        } else {
            const kiosk::TopBar& bar = state.screen == kiosk::Screen::Photo    ? layouts.photo.bar
                                       : state.screen == kiosk::Screen::Voices ? layouts.voices.bar
                                                                               : layouts.about.bar;
            r = chance(0.8) ? &bar.back : &bar.settings;
        }
        if (r->w > 0 && r->h > 0) {
            x = r->x + r->w / 2;
            y = r->y + r->h / 2;
        }
        int64_t t = tap(t0, x, y, next_finger());
        const int burst = int(range(3, 25));
        int open[4] = {-1, -1, -1, -1};
        float fx[4] = {}, fy[4] = {};
        for (int i = 0; i < burst; ++i) {
            t += range(0, 20);
            const int slot = int(range(0, 3));
            if (open[slot] < 0) {
                open[slot] = next_finger();
                somewhere(layouts, state, fx[slot], fy[slot]);
                push(Type::Down, open[slot], fx[slot], fy[slot], t);
            } else if (chance(0.6)) {
                fx[slot] += float(range(-40, 40));
                fy[slot] += float(range(-40, 40));
                push(Type::Move, open[slot], fx[slot], fy[slot], t);
            } else {
                push(Type::Up, open[slot], fx[slot], fy[slot], t);
                open[slot] = -1;
            }
        }
        for (int slot = 0; slot < 4; ++slot)
            if (open[slot] >= 0) {
                if (chance(0.2)) {
                    ++counts_.lost_ups;
                    continue;
                }
                t += range(0, 30);
                push(Type::Up, open[slot], fx[slot], fy[slot], t);
            }
        return t;
    }
    // Two fingers in opposite corners, sometimes long enough for the staff PIN pad
    // (whose PIN the monkey never enters: it taps random keys).
    ++counts_.staff_corners;
    const int a = next_finger(), b = next_finger();
    const bool diag = chance(0.5);
    push(Type::Down, a, 5, diag ? 5 : float(height_ - 6), t0);
    push(Type::Down, b, float(width_ - 6), diag ? float(height_ - 6) : 5, t0 + range(0, 300));
    const int64_t up = t0 + range(500, 4500);
    push(Type::Up, a, 5, diag ? 5 : float(height_ - 6), up);
    push(Type::Up, b, float(width_ - 6), diag ? float(height_ - 6) : 5, up + range(0, 100));
    return up + 100;
}

void Monkey::plan(int64_t now_ms, const kiosk::ScreenLayouts& layouts, const kiosk::ExhibitState& state) {
    if (held_ || now_ms < next_action_ms_ || wake_pending()) return;
    if (wake_next_) {
        // After a long gap: one plain tap wakes the attract loop, then stillness.
        wake_next_ = false;
        wake_at_ms_ = now_ms;
        const int64_t end = tap(now_ms, rx(), ry(), next_finger());
        next_action_ms_ = std::max(end, now_ms + kSettleMs) + 1;
        session_end_ms_ = next_action_ms_ + range(5000, 240000);
        return;
    }
    const int64_t end = gesture(now_ms, layouts, state);
    if (end < session_end_ms_) {
        // Within a visit: a pause to read, sometimes none at all.
        next_action_ms_ = end + (chance(0.15) ? range(0, 40) : chance(0.8) ? range(100, 2500) : range(2500, 20000));
        return;
    }
    // The visitor leaves. Short gaps, gaps into the countdown (the next touch
    // cancels it), and long ones: the attract loop, then a new visitor.
    const int64_t stuck_or_pin = 30000;  // a lost finger-up clears after 8 s; an untouched PIN pad after 20 s
    const int pick = int(range(0, 99));
    int64_t gap;
    if (pick < 45) {
        ++counts_.short_gaps;
        gap = range(3000, 60000);
    } else if (pick < 60) {
        ++counts_.countdown_gaps;
        gap = idle_ms_ + range(500, kiosk::kCountdownMs - 1500);
    } else {
        ++counts_.long_gaps;
        gap = idle_ms_ + kiosk::kCountdownMs + stuck_or_pin + range(1000, 6 * 60000);
        wake_next_ = true;
    }
    next_action_ms_ = end + gap;
    session_end_ms_ = next_action_ms_ + range(5000, 240000);
}

void Monkey::reopened(int64_t open_ms) {
    held_ = false;
    wake_next_ = true;
    next_action_ms_ = open_ms + idle_ms_ + kiosk::kCountdownMs + range(1000, 60000);
    session_end_ms_ = next_action_ms_ + range(5000, 240000);
}

}  // namespace soak
