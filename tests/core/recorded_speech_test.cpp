// A pack's recordings reach what the kiosk says: the loader's Recording, found
// by the speech core for the text on screen, in the screen's language.
#include "exhibit_fixture.h"
#include "state/focus.h"
#include "state/spoken_text.h"

#include <algorithm>

TEST_CASE("the Khmer event card is said from the pack's recording, with its captions", "[recordings]") {
    ExhibitFixture f(1920, 1080, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/exhibit-recordings");
    f.state.visitor.language = f.pack().language_index("km");
    REQUIRE(f.state.visitor.language > 0);
    f.app.tick(f.now);
    // Speech on at the title, then the photograph, then the event card.
    for (int i = 0; i < 3; ++i) {
        f.advance_to(f.now + 400);
        kiosk::InputEvent e;
        e.type = kiosk::InputEvent::Type::Key;
        e.key = kiosk::Key::Down;
        e.time_ms = f.now;
        f.app.handle(e);
    }
    REQUIRE(kiosk::focus_items(f.state, f.ui())[size_t(f.state.access.focus)].id == kiosk::FocusId::Card);
    const std::vector<kiosk::SpeechPart>& parts = f.state.access.speech.parts;
    const auto recorded =
        std::find_if(parts.begin(), parts.end(), [](const kiosk::SpeechPart& p) { return !p.recording.empty(); });
    REQUIRE(recorded != parts.end());
    CHECK(recorded->text == "កើតនៅភូមិមួយក្បែរទន្លេ");
    CHECK(recorded->recording == "audio/km/born-headline.ogg");
    REQUIRE(recorded->captions.size() == 1);
    CHECK(recorded->captions[0].end_ms == 2000);
    // The event's text has no recording: said by synthesis, or not at all in Khmer.
    CHECK(std::count_if(parts.begin(), parts.end(), [](const kiosk::SpeechPart& p) { return !p.recording.empty(); }) ==
          1);
}
