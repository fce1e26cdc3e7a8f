#include "audio_device.h"

#include "base/log.h"
#include "base/printable.h"

#include <algorithm>
#include <cctype>

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string quoted_list(const std::vector<std::string>& names) {
    if (names.empty()) return "none listed";
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "\"" : ", \"") + kiosk::printable(n) + "\"";
    return text;
}

}  // namespace

std::string choose_audio_output(const std::string& wanted, const std::vector<std::string>& names, std::string* note) {
    if (note) note->clear();
    if (wanted.empty()) return "";
    if (std::find(names.begin(), names.end(), wanted) != names.end()) return wanted;
    // A part of a name: "USB" for "USB Audio Device, USB Audio", as long as only
    // one output's name holds it.
    std::vector<std::string> holding;
    for (const std::string& n : names)
        if (lower(n).find(lower(wanted)) != std::string::npos) holding.push_back(n);
    if (holding.size() == 1) return holding.front();
    if (note) {
        *note = "sound output \"" + kiosk::printable(wanted) + "\" " +
                (holding.empty() ? "not found" : "matches more than one output") +
                "; outputs: " + quoted_list(holding.empty() ? names : holding) + "; using the default";
    }
    return "";
}

struct AudioDevice::Lock {
    explicit Lock(SDL_AudioDeviceID d) : device(d) {
        if (device) SDL_LockAudioDevice(device);
    }
    ~Lock() {
        if (device) SDL_UnlockAudioDevice(device);
    }
    SDL_AudioDeviceID device;
};

AudioDevice::~AudioDevice() { close(); }

std::vector<std::string> AudioDevice::output_names() {
    std::vector<std::string> names;
    const int count = SDL_GetNumAudioDevices(0);
    for (int i = 0; i < count; ++i)
        if (const char* n = SDL_GetAudioDeviceName(i, 0)) names.emplace_back(n);
    return names;
}

// SDL's audio thread, with the device's lock held by SDL.
void SDLCALL AudioDevice::fill(void* user, Uint8* stream, int bytes) {
    auto* self = static_cast<AudioDevice*>(user);
    self->mixer_.render(reinterpret_cast<int16_t*>(stream), size_t(bytes) / sizeof(int16_t));
}

bool AudioDevice::open(const std::string& name, float volume) {
    close();
    error_.clear();
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
        error_ = std::string("sound: SDL cannot start its audio: ") + SDL_GetError() + "; the kiosk is silent";
        return false;
    }
    audio_started_ = true;
    mixer_ = kiosk::AudioMixer(volume);
    std::string note;
    output_ = choose_audio_output(name, output_names(), &note);
    if (!note.empty()) kiosk::log_warning(kiosk::log_from::kAudio, note);

    SDL_AudioSpec want{};
    want.freq = kiosk::AudioMixer::kRate;
    want.format = AUDIO_S16SYS;
    want.channels = kiosk::AudioMixer::kChannels;
    want.samples = 1024;  // about 21 ms a callback: a key press is heard at once, the CPU wakes rarely
    want.callback = fill;
    want.userdata = this;
    SDL_AudioSpec got{};
    // No changes allowed: SDL converts the mixer's mono 48 kHz to what the
    // card takes (stereo, another rate), so the mixer has one format to make.
    device_ = SDL_OpenAudioDevice(output_.empty() ? nullptr : output_.c_str(), 0, &want, &got, 0);
    if (device_ == 0) {
        error_ = "sound: cannot open " + (output_.empty() ? std::string("the default output") : "\"" + output_ + "\"") +
                 " (" + SDL_GetCurrentAudioDriver() + "): " + SDL_GetError() + "; the kiosk is silent";
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        audio_started_ = false;
        return false;
    }
    kiosk::log_info(kiosk::log_from::kAudio,
                    "sound through " + (output_.empty() ? std::string("the default output") : "\"" + output_ + "\"") +
                        " (" + SDL_GetCurrentAudioDriver() + ")");
    SDL_PauseAudioDevice(device_, 0);
    return true;
}

void AudioDevice::close() {
    if (device_) SDL_CloseAudioDevice(device_);
    device_ = 0;
    if (audio_started_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    audio_started_ = false;
}

void AudioDevice::play(kiosk::AudioClip clip, uint64_t id) {
    // The long work (resampling) before the lock, only the swap under it.
    if (clip.rate != kiosk::AudioMixer::kRate) clip = kiosk::resample(clip, kiosk::AudioMixer::kRate);
    Lock lock(device_);
    mixer_.play(std::move(clip), id);
}

void AudioDevice::stop() {
    Lock lock(device_);
    mixer_.stop();
}

void AudioDevice::set_paused(bool paused) {
    Lock lock(device_);
    mixer_.set_paused(paused);
}

void AudioDevice::set_volume(float volume) {
    Lock lock(device_);
    mixer_.set_volume(volume);
}

bool AudioDevice::playing() const {
    Lock lock(device_);
    return mixer_.playing();
}

uint64_t AudioDevice::playing_id() const {
    Lock lock(device_);
    return mixer_.playing_id();
}

int64_t AudioDevice::position_ms() const {
    Lock lock(device_);
    return mixer_.position_ms();
}
