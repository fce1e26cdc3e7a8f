#include "state/speech.h"

#include <algorithm>

namespace kiosk {

void say(Speech& s, uint64_t& serial, const std::string& language, std::vector<SpeechPart> parts, int64_t now_ms) {
    s = Speech{};
    s.serial = ++serial;
    s.language = language;
    s.parts = std::move(parts);
    s.started_ms = now_ms;
}

void hush(Speech& s, uint64_t& serial) {
    if (s.started_ms < 0 && s.parts.empty()) return;
    s = Speech{};
    s.serial = ++serial;  // a new serial with nothing to say: the platform stops
}

void speech_ready(Speech& s, uint64_t serial, int64_t duration_ms, std::vector<CaptionCue> captions, bool unavailable) {
    if (serial != s.serial || s.started_ms < 0) return;
    s.duration_ms = std::max<int64_t>(0, duration_ms);
    s.captions = std::move(captions);
    s.unavailable = unavailable;
}

void set_speech_paused(Speech& s, bool paused, int64_t now_ms) {
    if (s.started_ms < 0 || paused == (s.paused_ms >= 0)) return;
    if (paused) {
        s.paused_ms = now_ms;
    } else {
        s.started_ms += now_ms - s.paused_ms;  // the time paused is not played
        s.paused_ms = -1;
    }
}

int64_t speech_position_ms(const Speech& s, int64_t now_ms) {
    if (s.started_ms < 0) return 0;
    const int64_t at = s.paused_ms >= 0 ? s.paused_ms : now_ms;
    return std::max<int64_t>(0, at - s.started_ms);
}

bool speaking(const Speech& s, int64_t now_ms) {
    if (s.started_ms < 0) return false;
    if (s.duration_ms < 0 || s.paused_ms >= 0) return true;
    return speech_position_ms(s, now_ms) < s.duration_ms;
}

int64_t speech_end_ms(const Speech& s, int64_t now_ms) {
    if (s.started_ms < 0) return -1;
    if (speaking(s, now_ms)) return now_ms;
    return s.started_ms + s.duration_ms;
}

const CaptionCue* caption_at(const Speech& s, int64_t now_ms) {
    if (!speaking(s, now_ms)) return nullptr;
    const int64_t at = speech_position_ms(s, now_ms);
    for (const CaptionCue& c : s.captions)
        if (at >= c.start_ms && at < c.end_ms) return &c;
    return nullptr;
}

}  // namespace kiosk
