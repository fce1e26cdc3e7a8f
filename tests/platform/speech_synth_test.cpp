#include "speech_synth.h"

#include "../speech_here.h"
#include "audio/loudness.h"
#include "audio/wav_file.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

// eSpeak NG is one engine per process: the tests share one.
SpeechSynth& synth() {
    static SpeechSynth s;
    return s;
}

const std::string kEnglish =
    "Ieng Sary was born in 1925 in the south of Vietnam. He studied in Paris, where he met Pol Pot. "
    "Decades later, he stood trial in Phnom Penh.";
const std::string kFrench = "Ieng Sary est né en 1925. Il a fait ses études à Paris, où il a rencontré Pol Pot.";

}  // namespace

TEST_CASE("eSpeak NG speaks English and French, not Khmer", "[speech]") {
    if (synthesis_untestable_here(synth())) {
        WARN(synthesis_untestable_reason());
        return;
    }
    REQUIRE(synth().ok());
    CHECK(synth().sample_rate() == 22050);
    CHECK(synth().has_voice("en"));
    CHECK(synth().has_voice("fr"));
    CHECK_FALSE(synth().has_voice("km"));
    CHECK_FALSE(synth().has_voice(""));
    CHECK_FALSE(synth().has_voice("e"));  // a prefix of a language is not one

    kiosk::AudioClip clip;
    std::string error;
    CHECK_FALSE(synth().speak("ព្រះអាទិត្យ", "km", clip, nullptr, &error));
    CHECK(error == "speech synthesis: eSpeak NG has no voice for 'km'");
    CHECK(clip.samples.empty());
}

TEST_CASE("English and French speech is sound of a plausible length", "[speech]") {
    if (synthesis_untestable_here(synth())) {
        WARN(synthesis_untestable_reason());
        return;
    }
    for (const auto& [text, lang] : {std::pair{kEnglish, "en"}, std::pair{kFrench, "fr"}}) {
        INFO(lang);
        kiosk::AudioClip clip;
        std::string error;
        REQUIRE(synth().speak(text, lang, clip, nullptr, &error));
        CHECK(clip.rate == 22050);
        // About 160 words a minute: 2.7 words a second, pauses included.
        const double words = double(std::count(text.begin(), text.end(), ' ') + 1);
        const double seconds = double(clip.duration_ms()) / 1000;
        CHECK(seconds > words / 4.0);
        CHECK(seconds < words / 1.5);
        CHECK(kiosk::gated_rms_dbfs(clip) > -40);
    }
}

TEST_CASE("The same text from the same engine state gives the same samples", "[speech]") {
    if (synthesis_untestable_here(synth())) {
        WARN(synthesis_untestable_reason());
        return;
    }
    // eSpeak NG 1.51 carries its pitch flutter's phase from one utterance to the
    // next (a static in wavegen.c that no call resets), so the same text spoken
    // twice in one process may differ by a few samples. What is guaranteed: the
    // same calls from the same state give the same samples, so a replayed visit
    // in a fresh process sounds the same every time. Checked across a fork: the
    // child speaks from the very state the parent then speaks from.
    kiosk::AudioClip warm;
    REQUIRE(synth().speak(kFrench, "fr", warm, nullptr));  // some state, not the initial one
    const std::string path = VITRINE_TEST_OUTPUT "/speech-child.wav";
    std::remove(path.c_str());
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        kiosk::AudioClip clip;
        kiosk::WavWriter out;
        const bool ok = synth().speak(kEnglish, "en", clip, nullptr) && out.open(path, clip.rate, 1, nullptr) &&
                        out.append(clip.samples.data(), clip.samples.size(), nullptr) && out.close(nullptr);
        _exit(ok ? 0 : 1);
    }
    kiosk::AudioClip here;
    REQUIRE(synth().speak(kEnglish, "en", here, nullptr));
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    kiosk::AudioClip there;
    std::string error;
    REQUIRE(kiosk::read_wav(path, there, &error));
    CHECK(here.samples.size() == there.samples.size());
    const bool same = here.samples == there.samples;  // compared first: Catch would print every sample
    CHECK(same);

    // And the next time, from another state, the same length to within 20 ms
    // a sentence: the flutter moves the pitch, hardly the timing.
    kiosk::AudioClip again;
    REQUIRE(synth().speak(kEnglish, "en", again, nullptr));
    CHECK(std::abs(again.duration_ms() - here.duration_ms()) < 60);
}

TEST_CASE("Each sentence is a caption cue, in order, covering the clip", "[speech]") {
    if (synthesis_untestable_here(synth())) {
        WARN(synthesis_untestable_reason());
        return;
    }
    kiosk::AudioClip clip;
    std::vector<kiosk::CaptionCue> cues;
    REQUIRE(synth().speak(kEnglish, "en", clip, &cues));
    REQUIRE(cues.size() == 3);
    CHECK(cues[0].text == "Ieng Sary was born in 1925 in the south of Vietnam.");
    CHECK(cues[1].text == "He studied in Paris, where he met Pol Pot.");
    CHECK(cues[2].text == "Decades later, he stood trial in Phnom Penh.");
    CHECK(cues.front().start_ms == 0);
    CHECK(cues.back().end_ms == clip.duration_ms());
    for (size_t i = 0; i < cues.size(); ++i) {
        CHECK(cues[i].end_ms - cues[i].start_ms > 1000);
        if (i > 0) CHECK(cues[i].start_ms == cues[i - 1].end_ms);
    }

    // French abbreviations do not end a sentence; blank text says nothing.
    REQUIRE(synth().speak("M. Dupont a vu la Seine. Puis il est parti.", "fr", clip, &cues));
    CHECK(cues.size() == 2);
    REQUIRE(synth().speak("  \n ", "en", clip, &cues));
    CHECK(cues.empty());
    CHECK(clip.samples.empty());
}

TEST_CASE("A second engine in the process is refused by name", "[speech]") {
    if (synthesis_untestable_here(synth())) {
        WARN(synthesis_untestable_reason());
        return;
    }
    REQUIRE(synth().ok());
    SpeechSynth second;
    CHECK_FALSE(second.ok());
    CHECK(second.error().find("already in use") != std::string::npos);
    CHECK_FALSE(second.has_voice("en"));
    // The first still works after the second is gone.
    kiosk::AudioClip clip;
    CHECK(synth().speak("Still here.", "en", clip, nullptr));
}
