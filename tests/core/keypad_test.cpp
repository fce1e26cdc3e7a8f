// The tactile keypad and speech, in the core: reading order, what each item
// says, every function reachable by keys, speech holding the idle timer, the
// volume reset for each visitor. The platform's playing is stood in for by
// answering speech_ready as it would.
#include "exhibit_fixture.h"
#include "state/focus.h"
#include "state/spoken_text.h"

#include <set>

using kiosk::FocusId;
using kiosk::Key;
using kiosk::Screen;

namespace {

struct KeypadFixture : ExhibitFixture {
    using ExhibitFixture::ExhibitFixture;

    void press(Key key, int64_t after = 400) {
        advance_to(now + after);
        kiosk::InputEvent e;
        e.type = kiosk::InputEvent::Type::Key;
        e.key = key;
        e.time_ms = now;
        app.handle(e);
    }
    // What the kiosk is saying now, one part a line.
    std::string said() const { return kiosk::speech_text(state.access.speech.parts); }
    kiosk::FocusItem focused() const {
        const auto items = kiosk::focus_items(state, ui());
        REQUIRE(!items.empty());
        return items[size_t(state.access.focus)];
    }
    // As the platform answers: the utterance plays for `ms`.
    void answer(int64_t ms) { app.speech_ready(state.access.speech.serial, ms, {}, false); }
};

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the first key turns speech on with a guide, then reads the exhibit's title", "[keypad]") {
    KeypadFixture f(1920, 1080);
    CHECK_FALSE(f.state.visitor.speech);
    CHECK_FALSE(f.state.access.focus_shown);
    f.press(Key::Down);
    CHECK(f.state.visitor.speech);
    CHECK(f.state.access.focus_shown);
    CHECK(f.focused().id == FocusId::Title);
    const std::string said = f.said();
    CHECK(contains(said, "Speech on."));
    CHECK(contains(said, f.ui().text(f.pack().exhibit.title)));
    CHECK(f.state.access.speech.language == "en");
    CHECK(f.state.access.speech.started_ms == f.now);
}

TEST_CASE("up and down go through Explore in reading order and say each item", "[keypad]") {
    KeypadFixture f(1920, 1080);
    f.press(Key::Down);  // speech on, the title
    const std::vector<FocusId> order = {FocusId::Photo,  FocusId::Card,  FocusId::Prev,     FocusId::Next,
                                        FocusId::Voices, FocusId::About, FocusId::Settings, FocusId::Title};
    for (FocusId id : order) {
        const uint64_t serial = f.state.access.speech.serial;
        f.press(Key::Down);
        CHECK(f.focused().id == id);
        CHECK(f.state.access.speech.serial == serial + 1);  // each move says the new item
    }
    f.press(Key::Up);
    CHECK(f.focused().id == FocusId::Settings);
    CHECK(contains(f.said(), "Reading settings, button."));
    f.press(Key::Up);
    CHECK(f.focused().id == FocusId::About);
    CHECK(f.said() == "About, button.\n");
}

TEST_CASE("the event card is said as drawn: date, headline, text, disputed note, sources", "[keypad]") {
    KeypadFixture f(1920, 1080);
    // The first disputed event of the bundled exhibit.
    int disputed = -1;
    for (size_t i = 0; i < f.pack().events.size() && disputed < 0; ++i)
        if (!f.ui().text(f.pack().events[i].disputed).empty()) disputed = int(i);
    REQUIRE(disputed >= 0);
    f.press(Key::Down);
    for (int i = 0; i < disputed; ++i) f.press(Key::Right);
    REQUIRE(f.state.selected_event == disputed);
    CHECK(f.focused().id == FocusId::Card);
    const kiosk::Event& e = f.pack().events[size_t(disputed)];
    const std::string said = f.said();
    CHECK(contains(said, f.ui().text(e.headline)));
    CHECK(contains(said, f.ui().text(e.text)));
    CHECK(contains(said, "Disputed\n" + f.ui().text(e.disputed)));
    CHECK(contains(said, "Source: "));
    CHECK(contains(said, "Event " + std::to_string(disputed + 1) + " of " + std::to_string(f.pack().events.size())));
}

TEST_CASE("keys alone reach every event, quote, photograph, About and the settings", "[keypad]") {
    KeypadFixture f(1920, 1080);
    f.press(Key::Down);
    std::set<int> events = {f.state.selected_event};
    for (size_t i = 0; i < f.pack().events.size(); ++i) {
        f.press(Key::Right);
        events.insert(f.state.selected_event);
    }
    CHECK(events.size() == f.pack().events.size());
    // At the last event, right says where the visitor is.
    CHECK(contains(f.said(), "Event " + std::to_string(f.pack().events.size())));

    // Voices: down to its button, Enter.
    auto focus_on = [&](FocusId id) {
        for (int i = 0; i < 20 && f.focused().id != id; ++i) f.press(Key::Down);
        REQUIRE(f.focused().id == id);
    };
    focus_on(FocusId::Voices);
    f.press(Key::Enter);
    CHECK(f.state.screen == Screen::Voices);
    CHECK(f.focused().id == FocusId::Quote);
    std::set<int> quotes = {f.state.quote};
    const kiosk::Quote& first = f.pack().quotes[size_t(f.state.quote)];
    CHECK(contains(f.said(), f.ui().text(first.speaker)));
    for (size_t i = 0; i + 1 < f.pack().quotes.size(); ++i) {
        f.press(Key::Right, 600);
        quotes.insert(f.state.quote);
        CHECK(contains(f.said(), f.ui().text(f.pack().quotes[size_t(f.state.quote)].speaker)));
    }
    CHECK(quotes.size() == f.pack().quotes.size());
    f.press(Key::Back);  // stops the quote being read
    CHECK(f.state.access.speech.parts.empty());
    f.press(Key::Back);  // and back to Explore
    CHECK(f.state.screen == Screen::Explore);

    // The photograph: Enter opens the viewer, Enter zooms, left and right page.
    focus_on(FocusId::Photo);
    f.press(Key::Enter);
    CHECK(f.state.screen == Screen::Photo);
    CHECK(contains(f.said(), "Photograph."));
    f.press(Key::Enter, 800);
    CHECK(f.state.photo.zoom_to > 1);
    CHECK(contains(f.said(), "Zoomed in."));
    const size_t photos = f.pack().shown_photos().size();
    std::set<int> seen = {f.state.photo.index};
    for (size_t i = 0; i < photos + 1; ++i) {
        f.press(Key::Right, 800);
        seen.insert(f.state.photo.index);
    }
    CHECK(seen.size() == photos);
    f.press(Key::Back);
    f.press(Key::Back);
    CHECK(f.state.screen == Screen::Explore);

    // About is read whole.
    focus_on(FocusId::About);
    f.press(Key::Enter);
    CHECK(f.state.screen == Screen::About);
    CHECK(f.focused().id == FocusId::AboutText);
    CHECK(contains(f.said(), f.ui().text(f.pack().exhibit.credits)));
    f.press(Key::Back);
    f.press(Key::Back);

    // The settings: every switch, and the language.
    focus_on(FocusId::Settings);
    f.press(Key::Enter);
    CHECK(f.state.settings_open);
    CHECK(f.focused().id == FocusId::TextSizeButton);
    CHECK(f.focused().index == int(kiosk::TextSize::Standard));
    f.press(Key::Enter);
    CHECK(f.said() == "Standard text, selected.\n");
    f.press(Key::Down);
    f.press(Key::Enter);
    CHECK(f.state.visitor.text_size == kiosk::TextSize::Large);
    CHECK(f.said() == "Large text, selected.\n");
    focus_on(FocusId::HighContrast);
    f.press(Key::Enter);
    CHECK(f.state.visitor.high_contrast);
    focus_on(FocusId::Language);
    f.press(Key::Down);
    REQUIRE(f.focused().id == FocusId::Language);
    const int other = f.focused().index;
    f.press(Key::Enter);
    CHECK(f.state.visitor.language == other);
    CHECK(f.ui().lang != "en");
    CHECK(f.state.access.speech.language == f.ui().lang);  // said in the language now on screen
    f.press(Key::Back);                                    // stops the speech
    f.press(Key::Back);                                    // closes the panel
    CHECK_FALSE(f.state.settings_open);
}

TEST_CASE("help says where the visitor is and what the keys do", "[keypad]") {
    KeypadFixture f(1280, 800);
    f.press(Key::Down);
    f.press(Key::Right);
    f.press(Key::Help);
    const std::string said = f.said();
    CHECK(contains(said, "Timeline\n"));
    CHECK(contains(said, "Event 2 of " + std::to_string(f.pack().events.size())));
    CHECK(contains(said, "Up and down move between items."));
}

TEST_CASE("speech the visitor asked for holds the countdown and the attract loop back", "[keypad]") {
    KeypadFixture f(1920, 1080);
    const int64_t idle = kiosk::idle_timeout_ms(f.pack());
    f.press(Key::Down);
    f.answer(idle + 30000);  // a long narration
    const int64_t started = f.now;
    f.advance_to(started + idle + 1000);
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
    f.advance_to(started + idle + 30000 + kiosk::kCountdownMs + 1000);
    CHECK(f.state.screen == Screen::Explore);  // still listening: no attract loop over it
    CHECK_FALSE(kiosk::countdown_visible(f.state, f.pack()));
    // Once it has ended, the visitor's idle time runs from its end.
    f.advance_to(started + idle + 30000 + idle + 500);
    CHECK(kiosk::countdown_visible(f.state, f.pack()));
    // The countdown is said, and saying it does not hold it back.
    CHECK(f.focused().id == FocusId::Countdown);
    CHECK(contains(f.said(), "Still exploring?"));
    f.answer(8000);
    f.advance_to(started + idle + 30000 + idle + kiosk::kCountdownMs + 1000);
    CHECK(f.state.screen == Screen::Attract);
}

TEST_CASE("pausing holds the speech where it is; Back stops it", "[keypad]") {
    KeypadFixture f(1920, 1080);
    f.press(Key::Down);
    f.press(Key::Down);
    f.press(Key::Down);  // the card
    REQUIRE(f.focused().id == FocusId::Card);
    f.answer(20000);
    f.advance_to(f.now + 3000);
    const int64_t at = kiosk::speech_position_ms(f.state.access.speech, f.now);
    f.press(Key::Enter, 0);
    CHECK(f.state.access.speech.paused_ms == f.now);
    f.advance_to(f.now + 5000);
    CHECK(kiosk::speech_position_ms(f.state.access.speech, f.now) == at);
    CHECK(kiosk::speaking(f.state.access.speech, f.now));
    f.press(Key::Enter, 0);  // on again, from where it stopped
    CHECK(f.state.access.speech.paused_ms < 0);
    f.advance_to(f.now + 1000);
    CHECK(kiosk::speech_position_ms(f.state.access.speech, f.now) == at + 1000);
    const uint64_t serial = f.state.access.speech.serial;
    f.press(Key::Back, 0);
    CHECK(f.state.access.speech.serial == serial + 1);
    CHECK_FALSE(kiosk::speaking(f.state.access.speech, f.now));
    CHECK(f.state.screen == Screen::Explore);
}

TEST_CASE("the volume keys step the volume, and each visitor starts at the configured level", "[keypad]") {
    KeypadFixture f(1920, 1080);
    CHECK(kiosk::volume_percent(f.state, f.config) == f.config.volume);
    f.press(Key::VolumeUp);  // the first key: speech on
    f.press(Key::VolumeUp);
    CHECK(kiosk::volume_percent(f.state, f.config) == f.config.volume + kiosk::kVolumeStep);
    CHECK(f.said() == "Volume " + std::to_string(f.config.volume + kiosk::kVolumeStep) + " percent.\n");
    for (int i = 0; i < 20; ++i) f.press(Key::VolumeUp, 50);
    CHECK(kiosk::volume_percent(f.state, f.config) == 100);
    for (int i = 0; i < 20; ++i) f.press(Key::VolumeDown, 50);
    CHECK(kiosk::volume_percent(f.state, f.config) == 0);
    f.answer(500);
    f.advance_to(f.now + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 2000);
    REQUIRE(f.state.screen == Screen::Attract);
    CHECK(kiosk::volume_percent(f.state, f.config) == f.config.volume);
    CHECK_FALSE(f.state.visitor.speech);
    CHECK_FALSE(f.state.access.focus_shown);
}

TEST_CASE("a key wakes the attract loop into speech, a touch does not", "[keypad]") {
    KeypadFixture f(1920, 1080);
    f.advance_to(kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 1000);
    REQUIRE(f.state.screen == Screen::Attract);
    f.press(Key::Enter);
    CHECK(f.state.screen == Screen::Explore);
    CHECK(f.state.visitor.speech);
    CHECK(contains(f.said(), "Speech on."));

    KeypadFixture g(1920, 1080);
    g.advance_to(kiosk::idle_timeout_ms(g.pack()) + kiosk::kCountdownMs + 1000);
    g.replay(g.tap(960, 540, 100));
    CHECK(g.state.screen == Screen::Explore);
    CHECK_FALSE(g.state.visitor.speech);
    CHECK(g.state.access.speech.parts.empty());
}

TEST_CASE("a Khmer screen is said in Khmer: never in another language", "[keypad]") {
    KeypadFixture f(1920, 1080);
    f.state.visitor.language = f.pack().language_index("km");
    REQUIRE(f.state.visitor.language > 0);
    f.app.tick(f.now);
    f.press(Key::Down);
    CHECK(f.state.access.speech.language == "km");
    f.press(Key::Down);
    f.press(Key::Down);
    CHECK(f.state.access.speech.language == "km");
    // The platform has no Khmer voice: it says so on screen, in Khmer.
    f.app.speech_ready(f.state.access.speech.serial, 0, {}, true);
    CHECK(f.state.access.speech.unavailable);
    const std::vector<std::string> drawn = f.drawn_texts();
    CHECK(std::find(drawn.begin(), drawn.end(), kiosk::ui_text(kiosk::UiText::SpeechUnavailable, "km")) != drawn.end());
}

TEST_CASE("captions show in time with what is said", "[keypad]") {
    KeypadFixture f(1920, 1080);
    f.press(Key::Down);
    f.app.speech_ready(f.state.access.speech.serial, 5000, {{0, 2000, "Speech on."}, {2000, 5000, "The title."}},
                       false);
    const int64_t t0 = f.state.access.speech.started_ms;
    auto shown = [&]() {
        const std::vector<std::string> drawn = f.drawn_texts();
        return std::string(drawn.empty() ? "" : drawn.back());
    };
    f.advance_to(t0 + 1000);
    CHECK(shown() == "Speech on.");
    f.advance_to(t0 + 2500);
    CHECK(shown() == "The title.");
    f.advance_to(t0 + 5500);
    CHECK(kiosk::caption_at(f.state.access.speech, f.now) == nullptr);
}
