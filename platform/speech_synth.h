// Speech for everything on the screen, offline: eSpeak NG, in the languages it
// has a voice for (English and French; Khmer has none, and the kiosk shows
// captions alone there).
//
//     SpeechSynth synth;                 // loads eSpeak NG's data, once
//     if (!synth.ok()) log the synth.error(); the kiosk stays silent
//     kiosk::AudioClip clip;
//     std::vector<kiosk::CaptionCue> cues;
//     if (synth.has_voice("fr") && synth.speak(text, "fr", clip, &cues, &error)) ...
//
// eSpeak NG is one engine per process, so there is at most one SpeechSynth at a
// time; speak() runs on the caller's thread and returns when the clip is whole
// (a 300-character paragraph, 20 s of speech: about 230 million instructions,
// 25-50 ms on x86-64; run it off the frame loop on a board).
#pragma once

#include "audio/audio_clip.h"
#include "pack/pack.h"

#include <string>
#include <vector>

class SpeechSynth {
public:
    // Words a minute: a little slower than eSpeak's 175, for visitors listening
    // in a gallery, many in their second language.
    static constexpr int kWordsPerMinute = 160;

    // `data_dir`: eSpeak NG's data folder; empty for the one the package installs.
    explicit SpeechSynth(const std::string& data_dir = "");
    ~SpeechSynth();
    SpeechSynth(const SpeechSynth&) = delete;
    SpeechSynth& operator=(const SpeechSynth&) = delete;

    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }  // why not ok()
    int sample_rate() const { return rate_; }            // 22050 with eSpeak NG's own voices

    // A voice of eSpeak's for the language (BCP 47 as the pack writes it: "en",
    // "fr", "km"), from the voices eSpeak lists, not a list of ours.
    bool has_voice(const std::string& lang) const;

    // `text_utf8` spoken in `lang`, as mono samples at sample_rate(). With
    // `sentences`, one caption cue per sentence (ICU's sentence breaks for the
    // language), in order, end to end from 0 to the clip's length. False, with
    // the reason in `error`, when there is no voice for the language or eSpeak fails.
    //
    // Deterministic per process, not per call: the same calls in a fresh process
    // give the same samples, but eSpeak NG 1.51 carries its pitch flutter's phase
    // from one utterance to the next (a static in its wavegen.c that no call
    // resets), so the same text twice in one process may differ by a few samples
    // (under a millisecond in length). A replayed visit sounds the same each run.
    bool speak(const std::string& text_utf8, const std::string& lang, kiosk::AudioClip& out,
               std::vector<kiosk::CaptionCue>* sentences, std::string* error = nullptr);

private:
    bool select_voice(const std::string& lang, std::string* error);
    bool owns_engine_ = false;  // this is the process's one SpeechSynth
    bool engine_up_ = false;    // eSpeak NG initialised: terminated on destruction
    bool ok_ = false;
    std::string error_;
    int rate_ = 0;
    std::vector<std::string> languages_;  // of every voice eSpeak lists
    std::string voice_lang_;              // the voice set now
};
