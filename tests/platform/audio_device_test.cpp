#include "audio_device.h"

#include "base/log.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace {

// An environment variable set for one scope, as it was afterwards.
struct ScopedEnv {
    ScopedEnv(const char* name, const std::string& value) : name(name) {
        if (const char* v = std::getenv(name)) old = v;
        had = std::getenv(name) != nullptr;
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (had)
            setenv(name, old.c_str(), 1);
        else
            unsetenv(name);
    }
    const char* name;
    std::string old;
    bool had = false;
};

struct CapturedLog {
    std::vector<std::string> lines;
    kiosk::LogTarget previous;
    CapturedLog() {
        previous = kiosk::set_log_sink({[](const kiosk::LogLine& line, void* user) {
                                            static_cast<CapturedLog*>(user)->lines.push_back(line.message);
                                        },
                                        this});
    }
    ~CapturedLog() { kiosk::set_log_sink(previous); }
    bool has(const std::string& text) const {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string& l) { return l.find(text) != std::string::npos; });
    }
};

kiosk::AudioClip constant(int16_t value, int rate, int ms) {
    kiosk::AudioClip clip;
    clip.rate = rate;
    clip.samples.assign(size_t(rate) * size_t(ms) / 1000, value);
    return clip;
}

// Waits, in real time, for the device to finish what it plays.
bool finishes_within(const AudioDevice& device, int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (device.playing()) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

}  // namespace

TEST_CASE("The sound output is chosen by its name, a part of it, or is the default", "[audio]") {
    const std::vector<std::string> names = {"bcm2835 Headphones", "USB Audio Device, USB Audio",
                                            "vc4-hdmi-0, MAI PCM i2s-hifi-0"};
    std::string note = "stale";
    CHECK(choose_audio_output("", names, &note).empty());
    CHECK(note.empty());
    CHECK(choose_audio_output("bcm2835 Headphones", names, &note) == "bcm2835 Headphones");
    CHECK(choose_audio_output("usb", names, &note) == "USB Audio Device, USB Audio");
    CHECK(note.empty());

    CHECK(choose_audio_output("Loudspeaker", names, &note).empty());
    CHECK(note ==
          "sound output \"Loudspeaker\" not found; outputs: \"bcm2835 Headphones\", \"USB Audio Device, USB "
          "Audio\", \"vc4-hdmi-0, MAI PCM i2s-hifi-0\"; using the default");
    CHECK(choose_audio_output("i", names, &note).empty());  // in more than one name
    CHECK(note.find("\"i\" matches more than one output") != std::string::npos);
    CHECK(choose_audio_output("x", {}, &note).empty());
    CHECK(note == "sound output \"x\" not found; outputs: none listed; using the default");
}

TEST_CASE("Without a sound card the device opens and plays in real time", "[audio]") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    AudioDevice device;
    REQUIRE(device.open("", 0.7f));
    CHECK(device.is_open());
    CHECK(device.output_name().empty());
    CHECK_FALSE(device.playing());
    // A clip at eSpeak's rate: resampled on the way in.
    device.play(constant(1000, 22050, 300), 9);
    CHECK(device.playing());
    CHECK(device.playing_id() == 9);
    CHECK(finishes_within(device, 3000));
    CHECK(device.playing_id() == 0);

    device.play(constant(1000, 48000, 5000), 10);
    device.stop();
    CHECK_FALSE(device.playing());
    device.close();
    CHECK_FALSE(device.is_open());
    // Closed, the controls still answer.
    device.play(constant(1000, 48000, 100), 11);
    device.set_volume(0.2f);
}

TEST_CASE("An output that does not exist is logged with the names there are; the default plays", "[audio]") {
    ScopedEnv driver("SDL_AUDIODRIVER", "dummy");
    CapturedLog log;
    AudioDevice device;
    REQUIRE(device.open("Gallery loudspeaker 3", 0.5f));
    CHECK(device.output_name().empty());
    CHECK(log.has("sound output \"Gallery loudspeaker 3\" not found; outputs: "));
    CHECK(log.has("using the default"));
    CHECK(log.has("sound through the default output (dummy)"));
}

TEST_CASE("What the mixer makes reaches the output", "[audio]") {
    // SDL's disk driver writes what it is given to a file, in real time.
    const std::string path = VITRINE_TEST_OUTPUT "/audio-device-disk.raw";
    ScopedEnv driver("SDL_AUDIODRIVER", "disk");
    ScopedEnv file("SDL_DISKAUDIOFILE", path);
    {
        AudioDevice device;
        REQUIRE(device.open("", 0.5f));
        device.play(constant(10000, 48000, 200), 1);
        REQUIRE(finishes_within(device, 3000));
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::vector<int16_t> samples(bytes.size() / 2);
    std::copy(bytes.begin(), bytes.begin() + std::ptrdiff_t(samples.size() * 2),
              reinterpret_cast<char*>(samples.data()));
    // Half volume: 5000, for the 200 ms (9600 samples) the clip lasts, not more.
    const auto at_level = std::count(samples.begin(), samples.end(), int16_t(5000));
    CHECK(at_level > 9000);
    CHECK(at_level <= 9600);
    CHECK(std::count(samples.begin(), samples.end(), int16_t(0)) > 0);  // silence after
}
