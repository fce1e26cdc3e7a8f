#include "audio/mixer.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

constexpr float kFadeStep = 1.0f / float(AudioMixer::kFadeFrames);
constexpr float kVolumeStep = 1.0f / float(AudioMixer::kVolumeFrames);

float step_towards(float value, float target, float step) {
    if (value < target) return std::min(target, value + step);
    return std::max(target, value - step);
}

}  // namespace

AudioMixer::AudioMixer(float volume) { target_volume_ = volume_ = std::clamp(volume, 0.0f, 1.0f); }

void AudioMixer::start(std::vector<int16_t>&& samples, uint64_t id) {
    stop();
    voice_.samples = std::move(samples);
    voice_.position = 0;
    voice_.id = id;
    voice_.envelope = 1.0f;
    paused_ = false;
}

void AudioMixer::play(const AudioClip& clip, uint64_t id) {
    if (clip.rate == kRate) {
        std::vector<int16_t> copy = clip.samples;
        start(std::move(copy), id);
    } else {
        start(resample(clip, kRate).samples, id);
    }
}

void AudioMixer::play(AudioClip&& clip, uint64_t id) {
    if (clip.rate == kRate)
        start(std::move(clip.samples), id);
    else
        start(resample(clip, kRate).samples, id);
}

void AudioMixer::stop() {
    // What plays becomes the fading voice; one still fading from before is cut,
    // already near silence.
    if (voice_.active() && voice_.envelope > 0) fading_ = std::move(voice_);
    voice_ = Voice{};
    paused_ = false;
}

void AudioMixer::set_paused(bool paused) { paused_ = paused; }

void AudioMixer::set_volume(float volume) { target_volume_ = std::clamp(volume, 0.0f, 1.0f); }

bool AudioMixer::playing() const { return voice_.active(); }

uint64_t AudioMixer::playing_id() const { return voice_.active() ? voice_.id : 0; }

int64_t AudioMixer::position_ms() const { return voice_.active() ? int64_t(voice_.position) * 1000 / kRate : 0; }

int64_t AudioMixer::duration_ms() const { return voice_.active() ? int64_t(voice_.samples.size()) * 1000 / kRate : 0; }

void AudioMixer::render(int16_t* out, size_t frames) {
    // Nothing sounding: the volume may jump, no one hears it.
    if (!voice_.active() && !fading_.active()) volume_ = target_volume_;
    for (size_t i = 0; i < frames; ++i) {
        volume_ = step_towards(volume_, target_volume_, kVolumeStep);
        float sum = 0;
        if (voice_.active()) {
            voice_.envelope = step_towards(voice_.envelope, paused_ ? 0.0f : 1.0f, kFadeStep);
            // Paused and faded out: the position holds.
            if (voice_.envelope > 0) sum += float(voice_.samples[voice_.position++]) * voice_.envelope;
        }
        if (fading_.active()) {
            fading_.envelope = step_towards(fading_.envelope, 0.0f, kFadeStep);
            sum += float(fading_.samples[fading_.position++]) * fading_.envelope;
            if (fading_.envelope <= 0) fading_.position = fading_.samples.size();  // freed at the next stop
        }
        out[i] = int16_t(std::clamp(std::lround(sum * volume_), -32768L, 32767L));
    }
}

}  // namespace kiosk
