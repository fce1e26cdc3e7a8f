// Anonymous visitor statistics, as plain events the exhibit state emits: which
// event was opened, which quote read, how long each screen held a visitor. No
// positions, no touches, nothing about a person; the platform adds them up per
// day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct StatEvent {
    enum class Kind { SessionStart, SessionEnd, EventOpened, QuoteRead, PhotoZoom, Dwell };
    Kind kind = Kind::SessionStart;
    std::string item;         // event or quote id; screen name for Dwell
    int64_t duration_ms = 0;  // Dwell and SessionEnd
};

const char* stat_kind_name(StatEvent::Kind kind);

// Collects what happens during one visit. Bounded: a visit can add at most
// kMaxPending events before the platform drains them.
struct VisitStats {
    static constexpr size_t kMaxPending = 256;
    std::vector<StatEvent> pending;
    bool in_session = false;
    int64_t session_start_ms = 0;
    int64_t screen_since_ms = 0;

    void add(StatEvent::Kind kind, std::string item = "", int64_t duration_ms = 0);
    // Hands over what has been collected.
    std::vector<StatEvent> drain();
};

}  // namespace kiosk
