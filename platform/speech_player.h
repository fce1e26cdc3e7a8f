// Plays what the kiosk asks to be said (kiosk/state/speech.h): each part from
// the pack's recording of that text in the screen's language when there is one,
// else spoken by eSpeak NG in that language when it has a voice for it, else
// left out (the screen then says speech is not available for it: the kiosk
// never reads a text in another language's voice). Parts are brought to one
// loudness and joined with a short pause; the app is told the utterance's length
// and captions (the recording's cues, or one per synthesised sentence).
//
// Mirrors the visitor's pause and volume every time it follows the app.
#pragma once

#include "app/app.h"
#include "audio/audio_clip.h"
#include "audio/mixer.h"
#include "speech_synth.h"
#include "state/exhibit_state.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace platform {

// One utterance made ready to play.
struct PreparedSpeech {
    kiosk::AudioClip clip;  // at AudioMixer::kRate
    std::vector<kiosk::CaptionCue> captions;
    bool unavailable = false;  // a part had neither a recording nor a voice
};

class SpeechPlayer {
public:
    // The pause between two parts (a headline and its text), as a reader takes breath.
    static constexpr int64_t kPartGapMs = 350;

    // Plays the app's utterance on `sound` (an AudioDevice, or an AudioMixer
    // written to a file) when it is new, answering the app; stops when it was
    // hushed; mirrors pause and volume. Call after every change of the app's
    // state; cheap when nothing changed.
    template <class Sound>
    void follow(kiosk::App& app, Sound& sound) {
        const kiosk::ExhibitState& state = app.state();
        sound.set_volume(float(kiosk::volume_percent(state, app.config())) / 100.f);
        const kiosk::Speech& speech = state.access.speech;
        if (speech.serial != serial_) {
            serial_ = speech.serial;
            if (speech.parts.empty() || speech.started_ms < 0) {
                sound.stop();
            } else {
                PreparedSpeech ready = prepare(speech.parts, speech.language, app.pack().dir);
                const int64_t duration = ready.clip.duration_ms();
                if (ready.clip.samples.empty())
                    sound.stop();
                else
                    sound.play(std::move(ready.clip), serial_);
                app.speech_ready(serial_, duration, std::move(ready.captions), ready.unavailable);
            }
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
    bool recording(const std::string& path, kiosk::AudioClip& out);

    std::unique_ptr<SpeechSynth> synth_;
    bool synth_tried_ = false;
    uint64_t serial_ = 0;  // the utterance playing (or last asked for)
    // Decoded recordings, by path: a visitor often hears a text twice. A few only.
    std::map<std::string, kiosk::AudioClip> recordings_;
};

}  // namespace platform
