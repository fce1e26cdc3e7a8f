#include "tap_detector.h"

#include <algorithm>

namespace kiosk {

TapDetector::Finger* TapDetector::find(int id) {
    for (Finger& f : fingers_)
        if (f.id == id) return &f;
    return nullptr;
}

std::optional<Tap> TapDetector::feed(const InputEvent& e) {
    Finger* f = find(e.finger);
    switch (e.type) {
        case InputEvent::Type::Down:
            // A second down for the same finger means its up was lost: start over.
            if (f) *f = {e.finger, e.x, e.y, e.time_ms, false};
            else fingers_.push_back({e.finger, e.x, e.y, e.time_ms, false});
            return std::nullopt;
        case InputEvent::Type::Move:
            if (f && (std::abs(e.x - f->x) > slop_px_ || std::abs(e.y - f->y) > slop_px_)) f->moved_away = true;
            return std::nullopt;
        case InputEvent::Type::Up: {
            if (!f) return std::nullopt;
            const Finger done = *f;
            fingers_.erase(fingers_.begin() + (f - fingers_.data()));
            const bool stayed = !done.moved_away && std::abs(e.x - done.x) <= slop_px_ &&
                                std::abs(e.y - done.y) <= slop_px_;
            if (stayed && e.time_ms - done.down_ms <= max_duration_ms_) return Tap{done.x, done.y, e.time_ms};
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace kiosk
