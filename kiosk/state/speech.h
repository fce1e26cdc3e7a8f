// What the kiosk is saying, as plain state: the core asks for an utterance (say),
// the platform plays it and answers with its length and captions (speech_ready),
// and from then on everything about it is a function of time: whether it still
// plays, which caption shows, when the visitor's idle time starts again. A replay
// in virtual time hears and sees the same as a visitor did.
//
// An utterance is a list of parts, each a text the screen shows. A part is played
// from the pack's recording of that text in the screen's language when there is
// one, else synthesised in that language; a part the platform has no voice for is
// left out and the screen says speech is not available for it. The kiosk never
// speaks a language other than the screen's.
#pragma once

#include "pack/pack.h"

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace kiosk {

struct SpeechPart {
    std::string text;                  // what is said, as the screen shows it
    std::string recording;             // the pack's recording of it (relative to the pack), or empty
    std::vector<CaptionCue> captions;  // the recording's own captions, from its start

    bool operator==(const SpeechPart& o) const {
        return std::tie(text, recording) == std::tie(o.text, o.recording) && captions.size() == o.captions.size();
    }
};

struct Speech {
    uint64_t serial = 0;  // which utterance (ExhibitState::speech_serial); the platform plays each once
    std::string language;
    std::vector<SpeechPart> parts;
    int64_t started_ms = -1;           // -1: silent
    int64_t duration_ms = -1;          // -1: asked for, not ready yet
    std::vector<CaptionCue> captions;  // over the whole utterance, from the platform
    bool unavailable = false;          // part of it has no voice in this language
    int64_t paused_ms = -1;            // when the visitor paused it; -1: not paused

    bool operator==(const Speech& o) const {
        return std::tie(serial, language, parts, started_ms, duration_ms, unavailable, paused_ms) ==
               std::tie(o.serial, o.language, o.parts, o.started_ms, o.duration_ms, o.unavailable, o.paused_ms);
    }
};

// Replaces whatever is said with `parts` in `language`, from `now_ms`; `serial`
// is the kiosk's counter of utterances (the platform plays each serial once).
void say(Speech& speech, uint64_t& serial, const std::string& language, std::vector<SpeechPart> parts, int64_t now_ms);
// Stops speaking.
void hush(Speech& speech, uint64_t& serial);
// The platform's answer for utterance `serial`: how long it plays, its captions
// (times from its start), and whether a part had no voice. Ignored when a newer
// utterance has replaced it.
void speech_ready(Speech& speech, uint64_t serial, int64_t duration_ms, std::vector<CaptionCue> captions,
                  bool unavailable);
// Paused, or playing again from where it stopped.
void set_speech_paused(Speech& speech, bool paused, int64_t now_ms);

// True from say() until the utterance has played to its end (paused counts).
bool speaking(const Speech& speech, int64_t now_ms);
// How far into the utterance playback is at `now_ms`.
int64_t speech_position_ms(const Speech& speech, int64_t now_ms);
// When speech ends, for the idle timer: `now_ms` while it plays or waits, its
// end once over; -1 when nothing was said.
int64_t speech_end_ms(const Speech& speech, int64_t now_ms);
// The caption showing at `now_ms`; null between cues and when silent.
const CaptionCue* caption_at(const Speech& speech, int64_t now_ms);

}  // namespace kiosk
