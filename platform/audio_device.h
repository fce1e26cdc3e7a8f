// The loudspeaker: an SDL audio output fed by a kiosk::AudioMixer.
//
//     AudioDevice sound;
//     if (!sound.open(config.audio_device, config.volume / 100.0f)) log sound.error(); // silent, still works
//     sound.play(std::move(clip), id);      // from any thread; resampled before the lock
//     if (!sound.playing()) ...             // finished (or stopped)
//
// SDL calls the mixer from its own audio thread, holding the device's lock; the
// controls here take the same lock (SDL_LockAudioDevice) for the few
// instructions each needs, so the mixer stays single-threaded. Without a sound
// card (a headless run, a test with SDL_AUDIODRIVER=dummy or disk) it opens the
// same way; when nothing can open, every call still works and nothing is heard.
#pragma once

#include "audio/mixer.h"

#include <SDL.h>
#include <cstdint>
#include <string>
#include <vector>

// The output to open for `wanted` among SDL's `names`: the name itself, else the
// one name that holds it (any case); "" (SDL's default) when `wanted` is empty,
// matches none or more than one. `note` gets the journal line explaining a
// fallback, or is cleared.
std::string choose_audio_output(const std::string& wanted, const std::vector<std::string>& names, std::string* note);

class AudioDevice {
public:
    AudioDevice() = default;
    ~AudioDevice();
    AudioDevice(const AudioDevice&) = delete;
    AudioDevice& operator=(const AudioDevice&) = delete;

    // Starts SDL's audio and opens the output named `name` (choose_audio_output;
    // empty: the default) at `volume` 0..1, playing silence. False, with error(),
    // when no output opens.
    bool open(const std::string& name, float volume);
    void close();
    bool is_open() const { return device_ != 0; }
    const std::string& error() const { return error_; }
    // The output opened by name, "" for the default one.
    const std::string& output_name() const { return output_; }
    // The outputs SDL lists (needs SDL's audio started: after open()).
    static std::vector<std::string> output_names();

    // The mixer's controls (kiosk/audio/mixer.h), each under the device's lock.
    void play(kiosk::AudioClip clip, uint64_t id);
    void stop();
    void set_paused(bool paused);
    void set_volume(float volume);
    bool playing() const;
    uint64_t playing_id() const;
    int64_t position_ms() const;

private:
    static void SDLCALL fill(void* user, Uint8* stream, int bytes);
    struct Lock;

    SDL_AudioDeviceID device_ = 0;
    bool audio_started_ = false;  // SDL_InitSubSystem(SDL_INIT_AUDIO) to undo
    kiosk::AudioMixer mixer_;
    std::string error_;
    std::string output_;
};
