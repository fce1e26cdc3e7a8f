#include "audio/audio_clip.h"
#include "audio/loudness.h"
#include "audio/mixer.h"
#include "audio/wav_file.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using kiosk::AudioClip;
using kiosk::AudioMixer;

namespace {

constexpr double kPi = 3.14159265358979323846;

// `seconds` of a sine at `hz` and `amplitude` (of full scale).
AudioClip sine(int rate, double hz, double amplitude, double seconds) {
    AudioClip clip;
    clip.rate = rate;
    clip.samples.resize(size_t(rate * seconds));
    for (size_t i = 0; i < clip.samples.size(); ++i)
        clip.samples[i] = int16_t(std::lround(amplitude * 32767 * std::sin(2 * kPi * hz * double(i) / rate)));
    return clip;
}

// A clip whose every sample is `value`: easy to find in the output.
AudioClip constant(int16_t value, size_t frames) {
    AudioClip clip;
    clip.rate = AudioMixer::kRate;
    clip.samples.assign(frames, value);
    return clip;
}

std::vector<int16_t> render(AudioMixer& mixer, size_t frames) {
    std::vector<int16_t> out(frames, 12345);
    mixer.render(out.data(), frames);
    return out;
}

int peak(const std::vector<int16_t>& s) {
    int p = 0;
    for (int16_t v : s) p = std::max(p, std::abs(int(v)));
    return p;
}

bool silent(const std::vector<int16_t>& s) { return peak(s) == 0; }

std::vector<uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::string kFixtures = VITRINE_SOURCE_DIR "/tests/fixtures/audio/";

}  // namespace

TEST_CASE("The mixer is silent with nothing to play", "[audio]") {
    AudioMixer mixer;
    CHECK(silent(render(mixer, 4800)));
    CHECK_FALSE(mixer.playing());
    CHECK(mixer.playing_id() == 0);
    CHECK(mixer.position_ms() == 0);
}

TEST_CASE("The mixer plays a clip sample for sample, then falls silent", "[audio]") {
    AudioMixer mixer;
    const AudioClip clip = sine(AudioMixer::kRate, 440, 0.5, 0.1);
    mixer.play(clip, 7);
    CHECK(mixer.playing());
    CHECK(mixer.playing_id() == 7);
    CHECK(mixer.duration_ms() == 100);
    const std::vector<int16_t> out = render(mixer, clip.samples.size());
    CHECK(out == clip.samples);
    CHECK_FALSE(mixer.playing());
    CHECK(mixer.playing_id() == 0);
    CHECK(silent(render(mixer, 1000)));
}

TEST_CASE("The mixer brings a clip at another rate to its own", "[audio]") {
    AudioMixer mixer;
    mixer.play(sine(22050, 300, 0.5, 1.0), 1);
    CHECK(mixer.duration_ms() == 1000);
    const std::vector<int16_t> out = render(mixer, 48000);
    CHECK(peak(out) > 16000);
    CHECK(peak(out) <= 16384);
    CHECK_FALSE(mixer.playing());
}

TEST_CASE("Resampling keeps the length and the tone", "[audio]") {
    const AudioClip in = sine(22050, 1000, 0.5, 2.0);
    const AudioClip out = kiosk::resample(in, 48000);
    CHECK(out.rate == 48000);
    CHECK(out.samples.size() == 96000);
    // The 1 kHz tone at 48 kHz: 48 samples a cycle, so it rises through zero
    // every 48 samples.
    int rising = 0;
    for (size_t i = 1; i < out.samples.size(); ++i) rising += out.samples[i - 1] < 0 && out.samples[i] >= 0;
    CHECK(rising >= 1999);
    CHECK(rising <= 2001);
    CHECK(kiosk::resample(out, 48000).samples == out.samples);
}

TEST_CASE("Clips at different rates join into one utterance", "[audio]") {
    AudioClip whole;
    kiosk::append_clip(whole, constant(100, 24000));  // 0.5 s at the mixer's rate
    CHECK(whole.rate == 48000);
    CHECK(whole.duration_ms() == 500);
    AudioClip speech = sine(22050, 200, 0.5, 1.0);
    kiosk::append_clip(whole, speech);
    CHECK(whole.rate == 48000);
    CHECK(whole.duration_ms() == 1500);
    CHECK(whole.samples[23999] == 100);
    CHECK(whole.samples[24000] == 0);  // the sine starts at zero
    CHECK(peak(std::vector<int16_t>(whole.samples.begin() + 24000, whole.samples.end())) > 16000);
}

TEST_CASE("Half the volume is half the amplitude", "[audio]") {
    const AudioClip clip = constant(20000, 48000);
    AudioMixer full;
    AudioMixer half;
    half.set_volume(0.5f);
    CHECK(half.volume() == 0.5f);
    full.play(clip, 1);
    half.play(clip, 1);
    const std::vector<int16_t> a = render(full, 4800);
    const std::vector<int16_t> b = render(half, 4800);
    CHECK(a.back() == 20000);
    CHECK(b.back() == 10000);
}

TEST_CASE("A volume change while playing glides, without a jump", "[audio]") {
    AudioMixer mixer;
    mixer.play(constant(20000, 48000), 1);
    render(mixer, 480);
    mixer.set_volume(0.0f);
    const std::vector<int16_t> out = render(mixer, 2 * AudioMixer::kVolumeFrames);
    // No step larger than full scale over the glide's length.
    int largest_step = std::abs(20000 - int(out[0]));
    for (size_t i = 1; i < out.size(); ++i) largest_step = std::max(largest_step, std::abs(out[i] - out[i - 1]));
    CHECK(largest_step <= 20000 / AudioMixer::kVolumeFrames + 1);
    CHECK(out[AudioMixer::kVolumeFrames / 2] > 5000);
    CHECK(out.back() == 0);
}

TEST_CASE("Pause holds the position; resuming carries on from it", "[audio]") {
    AudioMixer mixer;
    mixer.play(constant(10000, 48000), 3);
    render(mixer, 9600);
    CHECK(mixer.position_ms() == 200);
    mixer.set_paused(true);
    CHECK(mixer.paused());
    const std::vector<int16_t> fade = render(mixer, AudioMixer::kFadeFrames);
    CHECK(fade.front() > 0);
    CHECK(fade.back() == 0);
    const int64_t held = mixer.position_ms();
    CHECK(held <= 200 + 5);
    CHECK(silent(render(mixer, 48000)));
    CHECK(mixer.position_ms() == held);
    CHECK(mixer.playing());
    CHECK(mixer.playing_id() == 3);
    mixer.set_paused(false);
    const std::vector<int16_t> after = render(mixer, 4800);
    CHECK(after.back() == 10000);
    CHECK(mixer.position_ms() == held + 100);
}

TEST_CASE("Stop fades out in a few milliseconds, then silence", "[audio]") {
    AudioMixer mixer;
    mixer.play(constant(10000, 48000), 4);
    render(mixer, 480);
    mixer.stop();
    CHECK_FALSE(mixer.playing());
    CHECK(mixer.playing_id() == 0);
    CHECK(mixer.position_ms() == 0);
    const std::vector<int16_t> fade = render(mixer, AudioMixer::kFadeFrames);
    CHECK(fade.front() > 9000);
    CHECK(std::is_sorted(fade.rbegin(), fade.rend()));
    CHECK(silent(render(mixer, 4800)));
}

TEST_CASE("A new clip replaces the one playing", "[audio]") {
    AudioMixer mixer;
    mixer.play(constant(10000, 48000), 1);
    render(mixer, 480);
    mixer.play(constant(-5000, 48000), 2);
    CHECK(mixer.playing_id() == 2);
    CHECK(mixer.position_ms() == 0);
    const std::vector<int16_t> out = render(mixer, 4800);
    CHECK(out.front() > 0);  // the old clip fading under the new
    CHECK(out.back() == -5000);
}

TEST_CASE("A WAV file written in pieces reads back as written", "[audio]") {
    const std::string path = VITRINE_TEST_OUTPUT "/audio-round-trip.wav";
    const AudioClip clip = sine(48000, 440, 0.7, 0.5);
    kiosk::WavWriter writer;
    std::string error;
    REQUIRE(writer.open(path, 48000, 1, &error));
    REQUIRE(writer.append(clip.samples.data(), 1000, &error));
    REQUIRE(writer.append(clip.samples.data() + 1000, clip.samples.size() - 1000, &error));
    CHECK(writer.frames_written() == clip.samples.size());
    REQUIRE(writer.close(&error));
    AudioClip back;
    REQUIRE(kiosk::read_wav(path, back, &error));
    CHECK(back.rate == 48000);
    CHECK(back.samples == clip.samples);
    CHECK(read_bytes(path).size() == 44 + 2 * clip.samples.size());
}

TEST_CASE("A stereo WAV file reads as mono; what is not WAV is named", "[audio]") {
    const std::string path = VITRINE_TEST_OUTPUT "/audio-stereo.wav";
    kiosk::WavWriter writer;
    std::string error;
    REQUIRE(writer.open(path, 22050, 2, &error));
    const int16_t frames[] = {1000, 3000, -2000, -4000};
    REQUIRE(writer.append(frames, 2, &error));
    REQUIRE(writer.close(&error));
    AudioClip back;
    REQUIRE(kiosk::read_wav(path, back, &error));
    CHECK(back.rate == 22050);
    CHECK(back.samples == std::vector<int16_t>{2000, -3000});

    CHECK_FALSE(kiosk::read_wav(kFixtures + "tone-440-660-stereo.ogg", back, &error));
    CHECK(error == kFixtures + "tone-440-660-stereo.ogg: not a WAV file");
    CHECK_FALSE(writer.open(VITRINE_TEST_OUTPUT "/no-such-folder/x.wav", 48000, 1, &error));
    CHECK(error.find("no-such-folder/x.wav: cannot create the WAV file: No such file or directory") !=
          std::string::npos);
}

TEST_CASE("Loudness: a quiet and a loud clip end within 1 dB of the target", "[audio]") {
    AudioClip quiet = sine(48000, 200, 0.02, 1.0);  // about -37 dBFS
    AudioClip loud = sine(48000, 200, 0.9, 1.0);    // about -4 dBFS
    const kiosk::LoudnessChange q = kiosk::normalise_loudness(quiet);
    const kiosk::LoudnessChange l = kiosk::normalise_loudness(loud);
    CHECK(q.measured_dbfs == Approx(-37.0).margin(0.1));
    CHECK(q.gain_db > 15);
    CHECK(l.gain_db < -10);
    CHECK_FALSE(q.peak_limited);
    CHECK(kiosk::gated_rms_dbfs(quiet) == Approx(kiosk::kSpeechLevelDbfs).margin(1.0));
    CHECK(kiosk::gated_rms_dbfs(loud) == Approx(kiosk::kSpeechLevelDbfs).margin(1.0));
    CHECK(std::abs(kiosk::gated_rms_dbfs(quiet) - kiosk::gated_rms_dbfs(loud)) < 1.0);
}

TEST_CASE("Loudness ignores silence and never clips", "[audio]") {
    // Speech with long pauses reads as loud as without them.
    AudioClip with_pauses = sine(48000, 200, 0.1, 1.0);
    with_pauses.samples.insert(with_pauses.samples.end(), 96000, 0);
    CHECK(kiosk::gated_rms_dbfs(with_pauses) == Approx(kiosk::gated_rms_dbfs(sine(48000, 200, 0.1, 1.0))).margin(0.2));

    // Quiet, but with one click at full scale: raising it to the target would clip.
    AudioClip clicky = sine(48000, 200, 0.01, 1.0);
    clicky.samples[100] = 30000;
    const kiosk::LoudnessChange c = kiosk::normalise_loudness(clicky);
    CHECK(c.peak_limited);
    CHECK(peak(clicky.samples) <= int(32768 * std::pow(10.0, kiosk::kPeakCeilingDbfs / 20)) + 1);
    CHECK(peak(clicky.samples) > 28000);

    // Silence stays silence.
    AudioClip nothing = constant(0, 48000);
    const kiosk::LoudnessChange n = kiosk::normalise_loudness(nothing);
    CHECK(n.gain_db == 0);
    CHECK(silent(nothing.samples));
}

TEST_CASE("An Ogg Vorbis recording decodes to mono at its own rate", "[audio]") {
    // tests/fixtures/audio/tone-440-660-stereo.ogg: 1.5 s at 22 050 Hz, 440 Hz on
    // the left and 660 Hz on the right at a quarter of full scale, encoded with
    // `oggenc -q 0 --serial 1` (Debian's vorbis-tools).
    const std::vector<uint8_t> bytes = read_bytes(kFixtures + "tone-440-660-stereo.ogg");
    REQUIRE(bytes.size() > 1000);
    AudioClip clip;
    std::string error;
    REQUIRE(kiosk::decode_ogg_vorbis(bytes, clip, &error));
    CHECK(clip.rate == 22050);
    CHECK(clip.samples.size() == 33075);
    CHECK(clip.duration_ms() == 1500);
    // The two channels averaged: each tone at half its level, peaks where they meet.
    const double level = kiosk::gated_rms_dbfs(clip);
    CHECK(level == Approx(20 * std::log10(0.125)).margin(1.5));
    CHECK(peak(clip.samples) > 4000);
    CHECK(peak(clip.samples) < 9000);
}

TEST_CASE("A damaged or foreign file is refused with its reason", "[audio]") {
    std::vector<uint8_t> bytes = read_bytes(kFixtures + "tone-440-660-stereo.ogg");
    AudioClip clip;
    clip.rate = 99;
    std::string error;

    CHECK_FALSE(kiosk::decode_ogg_vorbis({}, clip, &error));
    CHECK(error == "the file is empty");

    const std::string text = "this is a text file, not a recording";
    CHECK_FALSE(kiosk::decode_ogg_vorbis(std::vector<uint8_t>(text.begin(), text.end()), clip, &error));
    CHECK(error == "not an Ogg file");

    // The setup headers overwritten: an Ogg file, but not Vorbis the decoder can read.
    std::vector<uint8_t> damaged = bytes;
    for (size_t i = 100; i < 400; ++i) damaged[i] = uint8_t(i * 7);
    CHECK_FALSE(kiosk::decode_ogg_vorbis(damaged, clip, &error));
    CHECK_FALSE(error.empty());

    // Cut short after its headers: refused or shorter, never the whole tone.
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + 200);
    CHECK_FALSE(kiosk::decode_ogg_vorbis(cut, clip, &error));
    CHECK(clip.rate == 99);  // untouched on failure
}
