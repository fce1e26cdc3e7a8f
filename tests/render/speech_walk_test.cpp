// Driven only by keys, the kiosk reaches every event, quote, the photograph,
// About and the settings, and what it plays (written to a WAV file in the
// replay's virtual time, as vitrine --audio-out does) holds speech for each,
// starting within 300 ms of the key, in the language on screen. A Khmer screen
// is never read in another language's voice; the countdown is said; the volume
// a visitor chose is gone for the next one.
#include "../speech_here.h"
#include "audio/loudness.h"
#include "audio/wav_file.h"
#include "scripted_kiosk.h"
#include "state/focus.h"
#include "state/spoken_text.h"
#include "text/interface_strings.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <set>

using kiosk::FocusId;
using kiosk::Key;
using kiosk::Screen;

namespace {

constexpr int64_t kStartWithinMs = 300;

// One key pressed, and what the kiosk then set out to say.
struct Press {
    int64_t at_ms = 0;
    Key key = Key::None;
    uint64_t serial = 0;
    std::string language;
    std::string said;
    bool unavailable = false;
};

struct KeyWalk {
    platform::ScriptedKiosk k;
    std::string wav;
    std::vector<Press> presses;
    uint64_t last_serial = 0;

    KeyWalk(const std::string& name, int width, int height, const std::string& language = "",
            const std::string& pack = VITRINE_SOURCE_DIR "/assets/ieng-sary") {
        kiosk::KioskConfig config;
        config.language = language;
        std::string error;
        REQUIRE(k.open(width, height, kiosk::load_pack(pack), config, &error));
        wav = std::string(VITRINE_TEST_OUTPUT) + "/" + name + ".wav";
        REQUIRE(k.view().record_sound(wav, &error));
    }
    const kiosk::ExhibitState& state() { return k.view().state(); }
    kiosk::FocusItem focused() {
        const auto items = kiosk::focus_items(state(), k.view().ui());
        REQUIRE(!items.empty());
        return items[size_t(state().access.focus)];
    }
    void press(Key key, int64_t after_ms = 700) {
        REQUIRE(k.play(std::to_string(after_ms) + " key " + kiosk::key_name(key) + "\n"));
        const kiosk::Speech& sp = state().access.speech;
        Press p{k.now(), key, sp.serial, sp.language, kiosk::speech_text(sp.parts), sp.unavailable};
        if (sp.serial == last_serial || sp.parts.empty()) p.serial = 0;  // nothing new said
        last_serial = sp.serial;
        presses.push_back(p);
    }
    void focus_on(FocusId id) {
        for (int i = 0; i < 30 && focused().id != id; ++i) press(Key::Down, 300);
        REQUIRE(focused().id == id);
    }
    kiosk::AudioClip finish() {
        std::string error;
        REQUIRE(k.view().finish_sound(k.now(), &error));
        kiosk::AudioClip heard;
        REQUIRE(kiosk::read_wav(wav, heard, &error));
        return heard;
    }
};

// When sound first rises above silence from `from_ms` on, in ms; -1 when never
// before `to_ms`.
int64_t sound_starts(const kiosk::AudioClip& clip, int64_t from_ms, int64_t to_ms) {
    const size_t window = size_t(clip.rate / 100);  // 10 ms
    for (int64_t ms = from_ms; ms < to_ms; ms += 10) {
        const size_t first = size_t(ms * clip.rate / 1000);
        if (first + window > clip.samples.size()) break;
        int peak = 0;
        for (size_t i = first; i < first + window; ++i) peak = std::max(peak, std::abs(int(clip.samples[i])));
        if (peak > 300) return ms;
    }
    return -1;
}

kiosk::AudioClip part_of(const kiosk::AudioClip& clip, int64_t from_ms, int64_t to_ms) {
    kiosk::AudioClip part;
    part.rate = clip.rate;
    const size_t a = std::min(clip.samples.size(), size_t(from_ms * clip.rate / 1000));
    const size_t b = std::min(clip.samples.size(), size_t(to_ms * clip.rate / 1000));
    part.samples.assign(clip.samples.begin() + ptrdiff_t(a), clip.samples.begin() + ptrdiff_t(b));
    return part;
}

}  // namespace

TEST_CASE("keys alone reach everything, and each thing is heard within 300 ms of its key", "[speech]") {
    if (synthesis_untestable_here()) {
        WARN(synthesis_untestable_reason());
        return;
    }
    KeyWalk w("keys-only-walk", 1280, 800);
    const kiosk::Pack& pack = w.k.view().pack();
    w.press(Key::Down);  // speech on: the guide, then the title
    std::set<int> events = {w.state().selected_event};
    for (size_t i = 1; i < pack.events.size(); ++i) {
        w.press(Key::Right);
        events.insert(w.state().selected_event);
    }
    CHECK(events.size() == pack.events.size());

    w.focus_on(FocusId::Voices);
    w.press(Key::Enter);
    REQUIRE(w.state().screen == Screen::Voices);
    std::set<int> quotes = {w.state().quote};
    for (size_t i = 1; i < pack.quotes.size(); ++i) {
        w.press(Key::Right);
        quotes.insert(w.state().quote);
    }
    CHECK(quotes.size() == pack.quotes.size());
    w.press(Key::Back);
    w.press(Key::Back);
    REQUIRE(w.state().screen == Screen::Explore);

    w.focus_on(FocusId::Photo);
    w.press(Key::Enter);
    REQUIRE(w.state().screen == Screen::Photo);
    std::set<int> photos = {w.state().photo.index};
    for (size_t i = 1; i < pack.shown_photos().size(); ++i) {
        w.press(Key::Right);
        photos.insert(w.state().photo.index);
    }
    CHECK(photos.size() == pack.shown_photos().size());
    w.press(Key::Back);
    w.press(Key::Back);

    w.focus_on(FocusId::About);
    w.press(Key::Enter);
    REQUIRE(w.state().screen == Screen::About);
    w.press(Key::Back);
    w.press(Key::Back);

    w.focus_on(FocusId::Settings);
    w.press(Key::Enter);
    REQUIRE(w.state().settings_open);
    w.press(Key::Down);   // from Standard to Large
    w.press(Key::Enter);  // larger text
    CHECK(w.state().visitor.text_size == kiosk::TextSize::Large);
    w.focus_on(FocusId::Language);
    while (w.focused().id == FocusId::Language && pack.settings.languages[size_t(w.focused().index)] != "fr")
        w.press(Key::Down, 300);
    w.press(Key::Enter);
    REQUIRE(w.k.view().ui().lang == "fr");
    w.press(Key::Back);
    w.press(Key::Back);
    w.press(Key::Right);  // an event, in French
    w.press(Key::Help);

    const kiosk::AudioClip heard = w.finish();
    CHECK(heard.rate == kiosk::AudioMixer::kRate);
    int said = 0;
    int64_t latest_start = 0;
    for (const Press& p : w.presses) {
        if (!p.serial) continue;
        ++said;
        latest_start = std::max(latest_start, sound_starts(heard, p.at_ms, p.at_ms + 2000) - p.at_ms);
        INFO("key " << kiosk::key_name(p.key) << " at " << p.at_ms << " ms: " << p.said.substr(0, 80));
        CHECK_FALSE(p.unavailable);
        const int64_t start = sound_starts(heard, p.at_ms, p.at_ms + 2000);
        CHECK(start >= p.at_ms);
        CHECK(start <= p.at_ms + kStartWithinMs);
    }
    CHECK(said >= int(pack.events.size() + pack.quotes.size()));
    std::printf(
        "keys-only walk: %zu keys, %d of them said something; sound began at most %lld ms after its key; "
        "%.1f s heard in all\n",
        w.presses.size(), said, (long long)latest_start, double(heard.duration_ms()) / 1000);
    // Before the first key, nothing was heard.
    CHECK(sound_starts(heard, 0, w.presses.front().at_ms) == -1);
    // Said in the language on screen: French once French was chosen.
    CHECK(w.presses.back().language == "fr");
    CHECK(w.presses.back().said.find("Évènement") != std::string::npos);
}

TEST_CASE("a Khmer screen without recordings is never read in another voice", "[speech]") {
    KeyWalk w("keys-khmer", 1280, 800, "km");
    w.press(Key::Down);
    w.press(Key::Down);
    w.press(Key::Right);
    for (const Press& p : w.presses) {
        CHECK(p.language == "km");
        CHECK(p.unavailable);
    }
    // The screen says so, in Khmer.
    const std::string note = kiosk::ui_text(kiosk::UiText::SpeechUnavailable, "km");
    const kiosk::AudioClip heard = w.finish();
    CHECK(sound_starts(heard, 0, w.k.now() + 5000) == -1);
    CHECK(note != kiosk::ui_text(kiosk::UiText::SpeechUnavailable, "en"));
}

TEST_CASE("the countdown is said, and the next visitor hears the configured volume", "[speech]") {
    if (synthesis_untestable_here()) {
        WARN(synthesis_untestable_reason());
        return;
    }
    KeyWalk w("keys-countdown-volume", 1280, 800);
    w.press(Key::Help);  // the first key: the guide
    w.k.wait(30000);     // heard to the end
    w.press(Key::Help);
    const int64_t loud_from = w.presses.back().at_ms;
    w.press(Key::VolumeDown, 3500);  // after three seconds heard at the configured level
    for (int i = 0; i < 3; ++i) w.press(Key::VolumeDown, 100);
    w.press(Key::Help);
    const int64_t quiet_from = w.presses.back().at_ms;
    // Left alone: the speech ends, the countdown shows and is said, the attract loop starts.
    int64_t countdown_at = -1;
    for (int i = 0; i < 4000 && w.state().screen != Screen::Attract; ++i) {
        w.k.wait(100);
        if (countdown_at < 0 && kiosk::countdown_visible(w.state(), w.k.view().pack())) countdown_at = w.k.now();
    }
    REQUIRE(countdown_at > 0);
    REQUIRE(w.state().screen == Screen::Attract);
    w.press(Key::Help);  // the next visitor
    const int64_t next_from = w.presses.back().at_ms;
    const kiosk::AudioClip heard = w.finish();

    const int64_t countdown_sound = sound_starts(heard, countdown_at - 100, countdown_at + 2000);
    CHECK(countdown_sound >= countdown_at - 100);
    CHECK(countdown_sound <= countdown_at + kStartWithinMs);
    const double loud = kiosk::gated_rms_dbfs(part_of(heard, loud_from, loud_from + 3000));
    const double quiet = kiosk::gated_rms_dbfs(part_of(heard, quiet_from, quiet_from + 3000));
    const double next = kiosk::gated_rms_dbfs(part_of(heard, next_from, next_from + 3000));
    INFO("loud " << loud << " dBFS, quiet " << quiet << " dBFS, next visitor " << next << " dBFS");
    CHECK(quiet < loud - 6);             // 70 % down to 30 %: about 7 dB
    CHECK(std::abs(next - loud) < 1.5);  // back to the configured level
}
