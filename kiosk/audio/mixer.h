// What the loudspeaker plays: one voice at a time (the kiosk says one thing at a
// time; a new text replaces the one being read), at a volume, paused or not.
//
// Output is mono 16-bit at 48 000 Hz. Everything the kiosk plays is mono speech,
// and SDL turns mono into whatever the sound card wants (stereo for HDMI and
// most USB cards) when the device is opened; 48 kHz is the rate HDMI and USB
// audio run at natively, so SDL has no rate to convert.
//
// Plain and single-threaded: the SDL device (platform/audio_device.h) holds its
// lock around every call, so render() never waits, allocates or frees: a
// finished clip's memory goes back at the next play() or stop().
// Changes never click: the volume glides to its new value over 10 ms, and a
// clip stopped, paused or replaced fades out over 5 ms (resuming fades in).
#pragma once

#include "audio/audio_clip.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiosk {

class AudioMixer {
public:
    static constexpr int kRate = 48000;
    static constexpr int kChannels = 1;
    static constexpr int kFadeFrames = kRate * 5 / 1000;     // stop, pause, replace
    static constexpr int kVolumeFrames = kRate * 10 / 1000;  // from silence to full volume

    explicit AudioMixer(float volume = 1.0f);

    // Plays `clip` from its start in place of what plays (which fades out). `id`
    // is the caller's name for it, reported by playing_id(); 0 is "nothing".
    // A clip at another rate is resampled here; to keep the device's lock short,
    // bring it to kRate beforehand (resample(clip, AudioMixer::kRate)) and move it in.
    void play(const AudioClip& clip, uint64_t id);
    void play(AudioClip&& clip, uint64_t id);
    // Ends the clip (it fades out); nothing plays after.
    void stop();
    // Holds the clip where it is (after its fade) or carries on from there.
    void set_paused(bool paused);
    bool paused() const { return paused_; }
    // 0 (silent) to 1 (the clip's own level); amplitude scales linearly.
    void set_volume(float volume);
    float volume() const { return target_volume_; }

    // A clip is loaded and not finished, paused or not.
    bool playing() const;
    uint64_t playing_id() const;  // 0 when nothing plays
    // Where the clip is, from its start; 0 when nothing plays.
    int64_t position_ms() const;
    int64_t duration_ms() const;

    // The next `frames` samples (mono); silence when nothing plays.
    void render(int16_t* out, size_t frames);

private:
    struct Voice {
        std::vector<int16_t> samples;
        size_t position = 0;
        uint64_t id = 0;
        float envelope = 1.0f;  // the fade: 0 silent, 1 as recorded
        bool active() const { return position < samples.size(); }
    };
    void start(std::vector<int16_t>&& samples, uint64_t id);

    Voice voice_;   // what plays
    Voice fading_;  // what was playing, fading out
    bool paused_ = false;
    float target_volume_ = 1.0f;
    float volume_ = 1.0f;  // as applied, gliding to target_volume_
};

}  // namespace kiosk
