#include "state/visit_stats.h"

namespace kiosk {

const char* stat_kind_name(StatEvent::Kind kind) {
    switch (kind) {
        case StatEvent::Kind::SessionStart: return "session";
        case StatEvent::Kind::SessionEnd: return "session_time";
        case StatEvent::Kind::EventOpened: return "event_opened";
        case StatEvent::Kind::QuoteRead: return "quote_read";
        case StatEvent::Kind::PhotoZoom: return "photo_zoom";
        case StatEvent::Kind::Dwell: return "screen_time";
    }
    return "";
}

void VisitStats::add(StatEvent::Kind kind, std::string item, int64_t duration_ms) {
    // A platform that stopped draining must not make the exhibit grow without end.
    if (pending.size() >= kMaxPending) return;
    pending.push_back({kind, std::move(item), duration_ms});
}

std::vector<StatEvent> VisitStats::drain() {
    std::vector<StatEvent> out;
    out.swap(pending);
    return out;
}

}  // namespace kiosk
