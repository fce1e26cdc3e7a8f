#include "speech_player.h"

#include "audio/loudness.h"
#include "base/file_read.h"
#include "base/log.h"

namespace platform {

namespace {

constexpr size_t kCachedRecordings = 6;
constexpr uint64_t kMaxRecordingBytes = 64ull * 1024 * 1024;

void append(kiosk::AudioClip& to, const kiosk::AudioClip& part) {
    to.samples.insert(to.samples.end(), part.samples.begin(), part.samples.end());
}

void append_silence(kiosk::AudioClip& to, int64_t ms) {
    to.samples.resize(to.samples.size() + size_t(ms * to.rate / 1000), 0);
}

}  // namespace

SpeechSynth* SpeechPlayer::synth() {
    if (!synth_tried_) {
        synth_tried_ = true;
        synth_ = std::make_unique<SpeechSynth>();
        if (!synth_->ok()) kiosk::log_error(kiosk::log_from::kApp, "no speech synthesis: " + synth_->error());
    }
    return synth_ && synth_->ok() ? synth_.get() : nullptr;
}

bool SpeechPlayer::recording(const std::string& path, kiosk::AudioClip& out) {
    if (const auto it = recordings_.find(path); it != recordings_.end()) {
        out = it->second;
        return true;
    }
    const kiosk::FileRead file = kiosk::read_regular_file(path, kMaxRecordingBytes, kiosk::FinalLink::Refuse);
    std::string error;
    kiosk::AudioClip decoded;
    if (!file.ok()) {
        error = file.error;
    } else {
        if (kiosk::decode_ogg_vorbis(file.bytes, decoded, &error)) {
            decoded = kiosk::resample(decoded, kiosk::AudioMixer::kRate);
            kiosk::normalise_loudness(decoded);
            if (recordings_.size() >= kCachedRecordings) recordings_.erase(recordings_.begin());
            recordings_[path] = decoded;
            out = std::move(decoded);
            return true;
        }
    }
    kiosk::log_error(kiosk::log_from::kApp, path + ": cannot play the recording: " + error);
    return false;
}

PreparedSpeech SpeechPlayer::prepare(const std::vector<kiosk::SpeechPart>& parts, const std::string& language,
                                     const std::string& pack_dir) {
    PreparedSpeech out;
    out.clip.rate = kiosk::AudioMixer::kRate;
    for (const kiosk::SpeechPart& part : parts) {
        kiosk::AudioClip clip;
        std::vector<kiosk::CaptionCue> cues;
        bool spoken = false;
        if (!part.recording.empty() && recording(pack_dir + "/" + part.recording, clip)) {
            cues = part.captions;
            spoken = true;
        } else if (SpeechSynth* s = synth(); s && s->has_voice(language)) {
            std::string error;
            spoken = s->speak(part.text, language, clip, &cues, &error);
            if (spoken) {
                clip = kiosk::resample(clip, kiosk::AudioMixer::kRate);
                kiosk::normalise_loudness(clip);
            } else {
                kiosk::log_error(kiosk::log_from::kApp, "cannot speak a text in " + language + ": " + error);
            }
        }
        if (!spoken) {
            out.unavailable = true;
            continue;
        }
        if (!out.clip.samples.empty()) append_silence(out.clip, kPartGapMs);
        const int64_t at = out.clip.duration_ms();
        for (kiosk::CaptionCue& c : cues) {
            c.start_ms += at;
            c.end_ms += at;
            out.captions.push_back(std::move(c));
        }
        append(out.clip, clip);
    }
    return out;
}

}  // namespace platform
