#include "speech_player.h"

#include "audio/loudness.h"
#include "base/file_read.h"
#include "base/log.h"

namespace platform {

namespace {

constexpr size_t kCachedRecordings = 6;
constexpr uint64_t kMaxRecordingBytes = 64ull * 1024 * 1024;

void append_silence(kiosk::AudioClip& to, int64_t ms) {
    to.samples.resize(to.samples.size() + size_t(ms * to.rate / 1000), 0);
}

}  // namespace

SpeechPlayer::~SpeechPlayer() {
    if (!worker_.joinable()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        wanted_ = 0;
    }
    wake_.notify_one();
    worker_.join();
}

void SpeechPlayer::start_worker() {
    if (!worker_.joinable()) worker_ = std::thread([this] { work(); });
}

void SpeechPlayer::ask_worker(uint64_t serial, const std::vector<kiosk::SpeechPart>& parts, const std::string& language,
                              const std::string& pack_dir) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        job_ = Job{serial, parts, language, pack_dir};
        job_waiting_ = true;
        wanted_ = serial;
    }
    wake_.notify_one();
}

std::vector<SpeechPlayer::Made> SpeechPlayer::take_made() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<Made> out(std::make_move_iterator(made_.begin()), std::make_move_iterator(made_.end()));
    made_.clear();
    return out;
}

// Part by part, so the first words play while the rest is made; a job replaced
// meanwhile is dropped at the next part.
void SpeechPlayer::work() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return quit_ || job_waiting_; });
            if (quit_) return;
            job = std::move(job_);
            job_waiting_ = false;
        }
        for (size_t i = 0; i < job.parts.size() && wanted_ == job.serial; ++i) {
            Made made{job.serial, prepare({job.parts[i]}, job.language, job.pack_dir), i + 1 == job.parts.size()};
            std::lock_guard<std::mutex> lock(mutex_);
            made_.push_back(std::move(made));
        }
    }
}

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
        kiosk::append_clip(out.clip, clip);
    }
    return out;
}

}  // namespace platform
