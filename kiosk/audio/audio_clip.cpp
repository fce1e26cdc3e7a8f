#include "audio/audio_clip.h"

#include <algorithm>
#include <climits>
#include <cmath>

// stb_vorbis rather than libvorbisfile: libstb-dev is already one of the kiosk's
// dependencies (stb_image, stb_truetype), on the board as on the curator's
// machine, for arm64 and armhf alike, so reading recordings adds no package. Its
// whole-file, in-memory decoding fits clips of a few minutes that are decoded
// once before they play. The header declares the functions only; libstb.so holds
// the decoder.
#define STB_VORBIS_HEADER_ONLY
#include <stb_vorbis.h>

namespace kiosk {

int64_t AudioClip::duration_ms() const {
    if (rate <= 0) return 0;
    return int64_t(samples.size()) * 1000 / rate;
}

namespace {

// The decoder's own codes in words a curator can act on.
std::string vorbis_error_text(int code) {
    switch (code) {
        case VORBIS_outofmem: return "out of memory";
        case VORBIS_missing_capture_pattern:
        case VORBIS_invalid_first_page: return "not an Ogg file";
        case VORBIS_invalid_setup:
        case VORBIS_invalid_stream_structure_version: return "not Ogg Vorbis (another codec, such as Opus or FLAC?)";
        case VORBIS_unexpected_eof: return "the file ends early (cut short in copying?)";
        case VORBIS_ogg_skeleton_not_supported: return "an Ogg skeleton stream, which is not supported";
        default: return "damaged Ogg Vorbis data (decoder error " + std::to_string(code) + ")";
    }
}

}  // namespace

bool decode_ogg_vorbis(const std::vector<uint8_t>& bytes, AudioClip& out, std::string* error) {
    auto fail = [&](const std::string& why) {
        if (error) *error = why;
        return false;
    };
    if (bytes.empty()) return fail("the file is empty");
    if (bytes.size() > size_t(INT_MAX)) return fail("the file is too large to be a recording");
    int code = 0;
    stb_vorbis* v = stb_vorbis_open_memory(bytes.data(), int(bytes.size()), &code, nullptr);
    if (!v) return fail(vorbis_error_text(code));
    const stb_vorbis_info info = stb_vorbis_get_info(v);
    const int channels = info.channels;
    const int rate = int(info.sample_rate);
    if (channels < 1 || channels > 8 || rate < 8000 || rate > 192000) {
        stb_vorbis_close(v);
        return fail("unusual Ogg Vorbis stream (" + std::to_string(channels) + " channels at " + std::to_string(rate) +
                    " Hz)");
    }
    // Decoded in pieces so that a file claiming hours is refused at the limit,
    // not after filling memory.
    const size_t max_frames = size_t(kMaxClipSeconds) * size_t(rate);
    std::vector<int16_t> interleaved(size_t(4096) * size_t(channels));
    AudioClip clip;
    clip.rate = rate;
    for (;;) {
        const int frames =
            stb_vorbis_get_samples_short_interleaved(v, channels, interleaved.data(), int(interleaved.size()));
        if (frames <= 0) break;
        if (clip.samples.size() + size_t(frames) > max_frames) {
            stb_vorbis_close(v);
            return fail("longer than " + std::to_string(kMaxClipSeconds / 60) +
                        " minutes, the longest recording played");
        }
        for (int f = 0; f < frames; ++f) {
            int sum = 0;
            for (int c = 0; c < channels; ++c) sum += interleaved[size_t(f) * size_t(channels) + size_t(c)];
            clip.samples.push_back(int16_t(sum / channels));
        }
    }
    code = stb_vorbis_get_error(v);
    stb_vorbis_close(v);
    if (code != VORBIS__no_error && code != VORBIS_unexpected_eof) return fail(vorbis_error_text(code));
    if (clip.samples.empty()) return fail("no sound in the file (" + vorbis_error_text(code) + ")");
    out = std::move(clip);
    return true;
}

// Linear interpolation is enough here: the clips are speech. Synthesised speech
// (22 050 Hz) and most recordings (44 100 Hz) are raised to the mixer's 48 000 Hz,
// where interpolation adds no aliasing, only a slight softening near the top of
// the band that kiosk loudspeakers do not reproduce. A recording made at a higher
// rate than the mixer's would alias a little above 12 kHz, where speech has
// almost no energy.
AudioClip resample(const AudioClip& clip, int rate) {
    if (clip.rate == rate || clip.rate <= 0 || rate <= 0 || clip.samples.empty()) {
        AudioClip same = clip;
        if (clip.rate <= 0 || clip.samples.empty()) same.rate = rate;
        return same;
    }
    AudioClip out;
    out.rate = rate;
    const size_t n = clip.samples.size();
    const size_t frames = size_t((uint64_t(n) * uint64_t(rate) + uint64_t(clip.rate) - 1) / uint64_t(clip.rate));
    out.samples.resize(frames);
    for (size_t i = 0; i < frames; ++i) {
        // Position in the source in exact integer steps: no drift over minutes.
        const uint64_t num = uint64_t(i) * uint64_t(clip.rate);
        const size_t k = size_t(num / uint64_t(rate));
        const double frac = double(num % uint64_t(rate)) / double(rate);
        const double a = clip.samples[std::min(k, n - 1)];
        const double b = clip.samples[std::min(k + 1, n - 1)];
        out.samples[i] = int16_t(std::lround(a + (b - a) * frac));
    }
    return out;
}

void append_clip(AudioClip& whole, const AudioClip& part) {
    if (whole.rate <= 0) whole.rate = part.rate;
    if (part.rate == whole.rate) {
        whole.samples.insert(whole.samples.end(), part.samples.begin(), part.samples.end());
        return;
    }
    const AudioClip converted = resample(part, whole.rate);
    whole.samples.insert(whole.samples.end(), converted.samples.begin(), converted.samples.end());
}

}  // namespace kiosk
