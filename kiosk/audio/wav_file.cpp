#include "audio/wav_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

namespace kiosk {

namespace {

constexpr size_t kHeaderBytes = 44;
// A RIFF file counts its size in 32 bits.
constexpr uint64_t kMaxDataBytes = 0xFFFFFFFFull - kHeaderBytes;

void put16(uint8_t* p, uint32_t v) {
    p[0] = uint8_t(v);
    p[1] = uint8_t(v >> 8);
}
void put32(uint8_t* p, uint32_t v) {
    put16(p, v);
    put16(p + 2, v >> 16);
}
uint32_t get16(const uint8_t* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8; }
uint32_t get32(const uint8_t* p) { return get16(p) | get16(p + 2) << 16; }

void make_header(uint8_t* h, int rate, int channels, uint32_t data_bytes) {
    std::memcpy(h, "RIFF", 4);
    put32(h + 4, 36 + data_bytes);
    std::memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);  // the format chunk's size
    put16(h + 20, 1);   // PCM
    put16(h + 22, uint32_t(channels));
    put32(h + 24, uint32_t(rate));
    put32(h + 28, uint32_t(rate * channels * 2));  // bytes per second
    put16(h + 32, uint32_t(channels * 2));         // bytes per frame
    put16(h + 34, 16);                             // bits per sample
    std::memcpy(h + 36, "data", 4);
    put32(h + 40, data_bytes);
}

}  // namespace

WavWriter::~WavWriter() {
    if (file_) close(nullptr);
}

bool WavWriter::fail(const std::string& what, std::string* error) {
    if (error) *error = path_ + ": " + what + ": " + std::strerror(errno);
    return false;
}

bool WavWriter::open(const std::string& path, int rate, int channels, std::string* error) {
    if (file_) close(nullptr);
    path_ = path;
    rate_ = rate;
    channels_ = channels;
    frames_ = 0;
    if (rate <= 0 || channels < 1 || channels > 8) {
        if (error)
            *error = path + ": cannot write a WAV file of " + std::to_string(channels) + " channels at " +
                     std::to_string(rate) + " Hz";
        return false;
    }
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) return fail("cannot create the WAV file", error);
    uint8_t header[kHeaderBytes];
    make_header(header, rate, channels, 0);
    if (std::fwrite(header, 1, kHeaderBytes, file_) != kHeaderBytes) {
        const bool failed = fail("cannot write the WAV file", error);
        std::fclose(file_);
        file_ = nullptr;
        return failed;
    }
    return true;
}

bool WavWriter::append(const int16_t* samples, size_t frames, std::string* error) {
    if (!file_) {
        if (error) *error = path_ + ": the WAV file is not open";
        return false;
    }
    const size_t count = frames * size_t(channels_);
    if ((frames_ + frames) * uint64_t(channels_) * 2 > kMaxDataBytes) {
        if (error) *error = path_ + ": a WAV file holds at most 4 GB of samples";
        return false;
    }
    // Little-endian on disk whatever the machine.
    std::vector<uint8_t> bytes(count * 2);
    for (size_t i = 0; i < count; ++i) put16(&bytes[2 * i], uint16_t(samples[i]));
    if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size())
        return fail("cannot write the WAV file", error);
    frames_ += frames;
    return true;
}

bool WavWriter::close(std::string* error) {
    if (!file_) return true;
    uint8_t header[kHeaderBytes];
    make_header(header, rate_, channels_, uint32_t(frames_ * uint64_t(channels_) * 2));
    bool ok = std::fseek(file_, 0, SEEK_SET) == 0 && std::fwrite(header, 1, kHeaderBytes, file_) == kHeaderBytes &&
              std::fflush(file_) == 0;
    if (!ok) fail("cannot finish the WAV file", error);
    if (std::fclose(file_) != 0 && ok) ok = fail("cannot finish the WAV file", error);
    file_ = nullptr;
    return ok;
}

bool read_wav(const std::string& path, AudioClip& out, std::string* error) {
    auto fail = [&](const std::string& why) {
        if (error) *error = path + ": " + why;
        return false;
    };
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return fail(std::string("cannot open: ") + std::strerror(errno));
    std::vector<uint8_t> bytes;
    uint8_t chunk[65536];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) bytes.insert(bytes.end(), chunk, chunk + n);
    std::fclose(f);
    if (bytes.size() < 12 || std::memcmp(bytes.data(), "RIFF", 4) != 0 || std::memcmp(bytes.data() + 8, "WAVE", 4) != 0)
        return fail("not a WAV file");
    // Chunks after the RIFF header: "fmt " before "data", others skipped.
    int rate = 0, channels = 0;
    for (size_t at = 12; at + 8 <= bytes.size();) {
        const uint8_t* c = bytes.data() + at;
        const uint64_t size = get32(c + 4);
        const uint64_t available = bytes.size() - at - 8;
        if (std::memcmp(c, "fmt ", 4) == 0) {
            if (size < 16 || size > available) return fail("a damaged format chunk");
            if (get16(c + 8) != 1 || get16(c + 22) != 16) return fail("not 16-bit PCM");
            channels = int(get16(c + 10));
            rate = int(get32(c + 12));
            if (channels < 1 || rate <= 0) return fail("no channels or no rate");
        } else if (std::memcmp(c, "data", 4) == 0) {
            if (!channels) return fail("samples before the format chunk");
            // A writer that never closed left 0 here: its samples run to the end.
            const uint64_t data = size == 0 ? available : std::min(size, available);
            const size_t frames = size_t(data / (2 * uint64_t(channels)));
            out.rate = rate;
            out.samples.assign(frames, 0);
            for (size_t i = 0; i < frames; ++i) {
                int sum = 0;
                for (int ch = 0; ch < channels; ++ch)
                    sum += int16_t(get16(c + 8 + 2 * (i * size_t(channels) + size_t(ch))));
                out.samples[i] = int16_t(sum / channels);
            }
            return true;
        }
        at += 8 + size + (size & 1);  // chunks are padded to an even size
    }
    return fail("no samples (no data chunk)");
}

}  // namespace kiosk
