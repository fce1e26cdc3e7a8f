// Plays what the kiosk asks to be said (kiosk/state/speech.h): each part from
// the pack's recording of that text in the screen's language when there is one,
// else spoken by eSpeak NG in that language when it has a voice for it, else
// left out (the screen then says speech is not available for it: the kiosk
// never reads a text in another language's voice). Parts are brought to one
// loudness and joined with a short pause; the app is told the utterance's
// captions (the recording's cues, or one per synthesised sentence) and, once all
// of it is ready, its length.
//
// Two ways to make it ready:
// - at once, on the caller's thread (headless runs: virtual time stands still
//   while it is made, so a replay hears every utterance at its key's moment);
// - part by part on a worker thread (start_worker; the window), so the screen
//   never waits and the first words play as soon as they are made (a Pi 3 makes
//   a paragraph in about a quarter of a second, About in seconds). The core asks
//   for a frame every 50 ms while the length is unknown, which is when the
//   player picks up what the worker made.
//
// Mirrors the visitor's pause and volume every time it follows the app.
#pragma once

#include "app/app.h"
#include "audio/audio_clip.h"
#include "audio/mixer.h"
#include "speech_synth.h"
#include "state/exhibit_state.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace platform {

// An utterance, or a part of one, made ready to play.
struct PreparedSpeech {
    kiosk::AudioClip clip;  // at AudioMixer::kRate
    std::vector<kiosk::CaptionCue> captions;
    bool unavailable = false;  // a part had neither a recording nor a voice
};

class SpeechPlayer {
public:
    // The pause between two parts (a headline and its text), as a reader takes breath.
    static constexpr int64_t kPartGapMs = 350;

    SpeechPlayer() = default;
    SpeechPlayer(const SpeechPlayer&) = delete;
    SpeechPlayer& operator=(const SpeechPlayer&) = delete;
    ~SpeechPlayer();

    // From now on utterances are made on a worker thread.
    void start_worker();

    // Plays the app's utterance on `sound` (an AudioDevice, or an AudioMixer
    // written to a file) when it is new, answering the app; stops when it was
    // hushed; mirrors pause and volume. Call after every change of the app's
    // state and on every frame; cheap when nothing changed.
    template <class Sound>
    void follow(kiosk::App& app, Sound& sound) {
        const kiosk::ExhibitState& state = app.state();
        sound.set_volume(float(kiosk::volume_percent(state, app.config())) / 100.f);
        const kiosk::Speech& speech = state.access.speech;
        if (speech.serial != serial_) {
            serial_ = speech.serial;
            sound.stop();
            queued_ = Queued{};
            if (!speech.parts.empty() && speech.started_ms >= 0) {
                if (worker_.joinable()) {
                    ask_worker(speech.serial, speech.parts, speech.language, app.pack().dir);
                } else {
                    PreparedSpeech ready = prepare(speech.parts, speech.language, app.pack().dir);
                    const int64_t duration = ready.clip.duration_ms();
                    if (!ready.clip.samples.empty()) sound.play(std::move(ready.clip), serial_);
                    app.speech_ready(serial_, duration, std::move(ready.captions), ready.unavailable);
                }
            }
        }
        for (Made& made : take_made()) {
            if (made.serial != serial_) continue;  // an utterance already replaced
            kiosk::AudioClip& part = made.part.clip;
            if (!part.samples.empty()) {
                const bool first = queued_.frames == 0;
                const size_t gap = first ? 0 : size_t(kPartGapMs * part.rate / 1000);
                part.samples.insert(part.samples.begin(), gap, 0);
                const int64_t at = queued_.frames * 1000 / part.rate;
                for (kiosk::CaptionCue c : made.part.captions) {
                    c.start_ms += at + kPartGapMs * !first;
                    c.end_ms += at + kPartGapMs * !first;
                    queued_.captions.push_back(std::move(c));
                }
                queued_.frames += int64_t(part.samples.size());
                if (first)
                    sound.play(std::move(part), serial_);
                else
                    sound.append(std::move(part), serial_);
            }
            queued_.unavailable |= made.part.unavailable;
            app.speech_ready(serial_, made.last ? queued_.frames * 1000 / kiosk::AudioMixer::kRate : -1,
                             queued_.captions, queued_.unavailable);
        }
        sound.set_paused(state.access.speech.paused_ms >= 0);
    }

    // The parts of an utterance in `language` as one clip: recordings read from
    // `pack_dir`.
    PreparedSpeech prepare(const std::vector<kiosk::SpeechPart>& parts, const std::string& language,
                           const std::string& pack_dir);
    // eSpeak NG is started at the first utterance: a kiosk nobody asks to speak
    // spends nothing on it.
    SpeechSynth* synth();

private:
    struct Job {
        uint64_t serial = 0;
        std::vector<kiosk::SpeechPart> parts;
        std::string language, pack_dir;
    };
    struct Made {
        uint64_t serial = 0;
        PreparedSpeech part;
        bool last = false;
    };
    bool recording(const std::string& path, kiosk::AudioClip& out);
    void ask_worker(uint64_t serial, const std::vector<kiosk::SpeechPart>& parts, const std::string& language,
                    const std::string& pack_dir);
    std::vector<Made> take_made();
    void work();

    std::unique_ptr<SpeechSynth> synth_;
    bool synth_tried_ = false;
    uint64_t serial_ = 0;  // the utterance playing (or last asked for)
    // What of it has gone to the sound output (worker mode): its length and captions.
    struct Queued {
        int64_t frames = 0;  // at AudioMixer::kRate
        std::vector<kiosk::CaptionCue> captions;
        bool unavailable = false;
    } queued_;
    // Decoded recordings, by path: a visitor often hears a text twice. A few only.
    std::map<std::string, kiosk::AudioClip> recordings_;

    // The worker: the newest job, the parts it has made, and the serial still
    // wanted (it drops a job replaced while it works).
    std::thread worker_;
    std::mutex mutex_;
    std::condition_variable wake_;
    Job job_;
    bool job_waiting_ = false;
    bool quit_ = false;
    std::deque<Made> made_;
    std::atomic<uint64_t> wanted_{0};
};

}  // namespace platform
