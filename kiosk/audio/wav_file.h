// 16-bit PCM WAV files: what the kiosk played, written as it plays (a headless
// run's sound track, for tests and for listening to), and read back by tests.
#pragma once

#include "audio/audio_clip.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace kiosk {

// Writes as it goes: open(), append() any number of times, close(). The sizes in
// the header are written by close(); a file never closed (the process killed)
// says it is empty but holds the samples.
class WavWriter {
public:
    WavWriter() = default;
    WavWriter(const WavWriter&) = delete;
    WavWriter& operator=(const WavWriter&) = delete;
    ~WavWriter();  // closes, ignoring errors: call close() to see them

    bool open(const std::string& path, int rate, int channels, std::string* error);
    // `frames` frames of interleaved samples (frames * channels values).
    bool append(const int16_t* samples, size_t frames, std::string* error);
    bool close(std::string* error);
    bool is_open() const { return file_ != nullptr; }
    uint64_t frames_written() const { return frames_; }

private:
    bool fail(const std::string& what, std::string* error);
    std::FILE* file_ = nullptr;
    std::string path_;
    int rate_ = 0;
    int channels_ = 1;
    uint64_t frames_ = 0;
};

// Reads a 16-bit PCM WAV file into a mono clip (channels averaged). False with
// the reason, the path included, when it is not one.
bool read_wav(const std::string& path, AudioClip& out, std::string* error);

}  // namespace kiosk
