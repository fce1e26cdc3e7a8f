// A sound the kiosk plays: mono 16-bit samples at a rate. Recorded narration
// (Ogg Vorbis in the pack) and synthesised speech both become one, are brought to
// the mixer's rate (resample) and a common level (loudness.h), then played.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

struct AudioClip {
    int rate = 0;                  // samples per second
    std::vector<int16_t> samples;  // mono
    int64_t duration_ms() const;
};

// The longest recording decoded: ten minutes is far beyond any label read aloud,
// and at 48 kHz it is already 55 MB of samples on a board with 1 GB.
constexpr int64_t kMaxClipSeconds = 10 * 60;

// Decodes a whole Ogg Vorbis file held in memory, mixing its channels down to
// mono. On failure returns false and says why in `error` (the caller adds the
// file's name): not Ogg Vorbis, damaged, or longer than kMaxClipSeconds.
bool decode_ogg_vorbis(const std::vector<uint8_t>& bytes, AudioClip& out, std::string* error);

// The clip at another rate, by linear interpolation between neighbouring samples.
// A clip already at `rate` is returned unchanged.
AudioClip resample(const AudioClip& clip, int rate);

// `part` added at the end of `whole`, brought to whole's rate (a whole with no
// rate yet takes part's): an utterance made of recordings and synthesised
// speech becomes one clip, its parts' captions shifted by whole's duration_ms()
// before the append.
void append_clip(AudioClip& whole, const AudioClip& part);

}  // namespace kiosk
