// Languages in the model, the loader and the screens: a missing text falls back
// to the pack's default language, translations say who made and reviewed them,
// quotes stay in the language they were spoken in with the original a tap away,
// dates and numbers take the visitor's language (Khmer digits when the pack asks),
// and --language picks the language a visit starts in. tests/packs/bilingual-fr
// is French first, English second.
#include "base/digits.h"
#include "config/command_line.h"
#include "exhibit_fixture.h"
#include "pack/date.h"
#include "pack/pack_loader.h"
#include "scratch_pack.h"
#include "text/interface_strings.h"

#include <algorithm>

using kiosk::Diagnostic;
using kiosk::PackLoadResult;

namespace {

const std::string kBilingual = VITRINE_TEST_PACKS "/bilingual-fr";

std::string all_messages(const PackLoadResult& result) {
    std::string text;
    for (const Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
    return text;
}

// The one error whose message contains `needle`, at `line`.
void check_error(const PackLoadResult& result, const std::string& needle, int line) {
    INFO("looking for: " << needle << "\nin:\n" << all_messages(result));
    const auto it = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(needle) != std::string::npos; });
    REQUIRE(it != result.diagnostics.end());
    CHECK(it->severity == Diagnostic::Severity::Error);
    CHECK(it->line == line);
}

bool has(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

bool has_part(const std::vector<std::string>& texts, const std::string& part) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

const kiosk::Event& event(const kiosk::Pack& pack, const std::string& id) {
    const auto it =
        std::find_if(pack.events.begin(), pack.events.end(), [&](const kiosk::Event& e) { return e.id == id; });
    REQUIRE(it != pack.events.end());
    return *it;
}

int event_index(const kiosk::Pack& pack, const std::string& id) { return int(&event(pack, id) - pack.events.data()); }

// Into the settings panel and onto the pack's `index`th language.
void choose_language(ExhibitFixture& f, size_t index) {
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Settings)], 100));
    REQUIRE(f.layouts.settings.languages.size() > index);
    f.replay(f.tap(f.layouts.settings.languages[index], 400));
    f.replay(f.tap(f.layouts.settings.close, 400));
}

}  // namespace

TEST_CASE("one function writes digits as Khmer does, and only when asked") {
    CHECK(kiosk::localise_digits("1975", true) == "១៩៧៥");
    CHECK(kiosk::localise_digits("3 / 12", true) == "៣ / ១២");
    CHECK(kiosk::localise_digits("c. 1925–1930", true) == "c. ១៩២៥–១៩៣០");
    CHECK(kiosk::localise_digits("1975", false) == "1975");
    CHECK(kiosk::localise_digits("", true).empty());
    CHECK(kiosk::localise_digits("abc ខ្មែរ", true) == "abc ខ្មែរ");

    kiosk::Pack pack;
    pack.settings.languages = {"km", "en"};
    CHECK(pack.digits("1975", "km") == "1975");  // the pack did not ask
    pack.settings.khmer_digits = true;
    CHECK(pack.digits("1975", "km") == "១៩៧៥");
    CHECK(pack.digits("1975", "en") == "1975");  // Khmer digits in Khmer only
    kiosk::DateSpan span;
    span.start = {1975, 4, 17, kiosk::DatePrecision::Day};
    CHECK(kiosk::format_date_span(span, pack, "km").find("១៩៧៥") != std::string::npos);
    CHECK(kiosk::format_date_span(span, pack, "en") == "17 April 1975");
    // A curator's own label is theirs: its digits are left as written.
    span.display.by_lang["km"] = "ឆ្នាំ 1975";
    CHECK(kiosk::format_date_span(span, pack, "km") == "ឆ្នាំ 1975");
}

TEST_CASE("the bilingual pack loads with its translations, quote languages and speakers") {
    const PackLoadResult result = kiosk::load_pack(kBilingual);
    INFO(all_messages(result));
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());
    const kiosk::Pack& pack = result.pack;
    CHECK(pack.default_language() == "fr");
    REQUIRE(pack.translations.count("en") == 1);
    CHECK(pack.translations.at("en").by == "Test Translator");
    CHECK(pack.translations.at("en").reviewed_by.empty());
    CHECK(pack.translations.at("en").note == "Translated for the tests.");

    // A text missing in English falls back to the pack's default, French.
    const kiosk::Event& phnom_penh = event(pack, "phnom-penh");
    CHECK(pack.text(phnom_penh.text, "en") == "Elle photographie la ville pendant un an.");
    CHECK(pack.text(phnom_penh.text, "km") == "Elle photographie la ville pendant un an.");

    // The pack's English is unreviewed; one event says its own was reviewed.
    CHECK_FALSE(pack.reviewed(event(pack, "born").translations, "en"));
    CHECK(pack.reviewed(event(pack, "camera").translations, "en"));
    CHECK(pack.translation(event(pack, "camera").translations, "en").reviewed_by == "Test Historian");
    CHECK(pack.reviewed(event(pack, "born").translations, "fr"));  // the curator's own language
    CHECK(pack.unreviewed_translation(event(pack, "born").text, event(pack, "born").translations, "en", "fr"));
    CHECK_FALSE(
        pack.unreviewed_translation(event(pack, "camera").text, event(pack, "camera").translations, "en", "fr"));
    // French shown to an English visitor is no translation.
    CHECK_FALSE(pack.unreviewed_translation(phnom_penh.text, phnom_penh.translations, "en", "fr"));

    const kiosk::Quote* lumiere = pack.find_quote("lumiere");
    const kiosk::Quote* letter = pack.find_quote("letter");
    REQUIRE(lumiere);
    REQUIRE(letter);
    CHECK(lumiere->language == "fr");
    CHECK(letter->language == "en");
    // The old plain speaker is the name in the default language.
    CHECK(lumiere->speaker.in("fr") == "Jeanne Essai");
    CHECK(letter->speaker.in("en") == "Jeanne Essai");
}

TEST_CASE("a quote's language defaults to the pack's, and a speaker may be named in each script") {
    const PackLoadResult result = kiosk::load_pack(
        minimal_pack_edited("languages", "speaker-km",
                            {{"languages = [\"en\"]",
                              "languages = [\"en\", \"km\"]\n"
                              "[translations.km]\nby = \"A\""},
                             {"speaker = \"Test Person\"", "speaker.en = \"Ieng Sary\"\nspeaker.km = \"អៀង សារី\""}}));
    INFO(all_messages(result));
    REQUIRE(result.ok());
    REQUIRE(!result.pack.quotes.empty());
    const kiosk::Quote& q = result.pack.quotes.front();
    CHECK(q.language == "en");
    CHECK(result.pack.text(q.speaker, "km") == "អៀង សារី");
    CHECK(result.pack.text(q.speaker, "en") == "Ieng Sary");
    CHECK(result.pack.text(q.speaker, "fr") == "Ieng Sary");
}

TEST_CASE("language mistakes are errors naming the line and the fix") {
    SECTION("a text in a language the pack does not declare") {
        const PackLoadResult r = kiosk::load_pack(
            minimal_pack_edited("languages", "undeclared-text",
                                {{"headline.en = \"School\"", "headline.en = \"School\"\nheadline.fr = \"École\""}}));
        check_error(r, "has text in 'fr', which is not in [settings] languages; add \"fr\" to languages", 35);
    }
    SECTION("[translations] for a language the pack does not declare") {
        const PackLoadResult r = kiosk::load_pack(
            minimal_pack_edited("languages", "undeclared-translation",
                                {{"[[sources]]", "[translations.de]\nby = \"Someone\"\n\n[[sources]]"}}));
        check_error(r, "[translations.de] is for a language not in [settings] languages", 18);
    }
    SECTION("[translations] without who translated") {
        const PackLoadResult r =
            kiosk::load_pack(minimal_pack_edited("languages", "no-by",
                                                 {{"languages = [\"en\"]",
                                                   "languages = [\"en\", \"fr\"]\n[translations.fr]\n"
                                                   "reviewed_by = \"Someone\""}}));
        check_error(r, "missing required key 'by' in [translations.fr]", 17);
    }
    SECTION("a quote in a language it has no text in") {
        const PackLoadResult r = kiosk::load_pack(minimal_pack_edited("languages", "quote-language",
                                                                      {{"speaker = \"Test Person\"",
                                                                        "speaker = \"Test Person\"\n"
                                                                        "language = \"fr\""}}));
        check_error(r, "is in 'fr' (its language) but has no text.fr", 61);
    }
    SECTION("an item's reviewer for an undeclared language") {
        const PackLoadResult r = kiosk::load_pack(
            minimal_pack_edited("languages", "item-reviewer",
                                {{"headline.en = \"School\"", "headline.en = \"School\"\nreviewed_by.km = \"X\""}}));
        check_error(r, "'reviewed_by.km' names a language not in [settings] languages", 35);
    }
}

TEST_CASE("a language without [translations] loads, warned about, and its texts count as unreviewed") {
    const PackLoadResult r = kiosk::load_pack(VITRINE_TEST_PACKS "/two-languages");
    REQUIRE(r.ok());
    CHECK(all_messages(r).find("language 'fr' has no [translations.fr]") != std::string::npos);
    CHECK_FALSE(r.pack.reviewed({}, "fr"));
    CHECK(r.pack.reviewed({}, "en"));
}

TEST_CASE("the kiosk starts in the pack's default language and the visitor's choice ends with the visit") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    CHECK(f.ui().lang == "fr");
    choose_language(f, 1);
    CHECK(f.ui().lang == "en");
    f.advance_to(f.now + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    REQUIRE(f.state.screen == kiosk::Screen::Attract);
    CHECK(f.ui().lang == "fr");
}

TEST_CASE("the settings panel offers each language by its own name") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Settings)], 100));
    const std::vector<std::string> texts = f.drawn_texts();
    CHECK(has(texts, "Français"));
    CHECK(has(texts, "English"));
    CHECK(kiosk::language_name("km") == "ខ្មែរ");
    CHECK(kiosk::language_name("en") == "English");
    CHECK(kiosk::language_name("xx") == "xx");
    for (const kiosk::Rect& r : f.layouts.settings.languages) CHECK(r.h >= f.layouts.target - 0.5f);
}

TEST_CASE("an event card in a translation not yet reviewed says so; a reviewed one and the original do not") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    const std::string mark = kiosk::ui_text(kiosk::UiText::TranslationNotReviewed, "en");
    f.state.selected_event = event_index(f.pack(), "born");
    CHECK_FALSE(has(f.drawn_texts(), kiosk::ui_text(kiosk::UiText::TranslationNotReviewed, "fr")));  // French: original
    choose_language(f, 1);
    f.state.selected_event = event_index(f.pack(), "born");
    CHECK(has(f.drawn_texts(), "Jeanne Essai is born in Lyon."));
    CHECK(has(f.drawn_texts(), mark));
    f.state.selected_event = event_index(f.pack(), "camera");
    CHECK(has(f.drawn_texts(), "She buys a second-hand camera."));
    CHECK_FALSE(has(f.drawn_texts(), mark));
    // No English at all: the French shows, and it is no translation.
    f.state.selected_event = event_index(f.pack(), "phnom-penh");
    CHECK(has(f.drawn_texts(), "Elle photographie la ville pendant un an."));
    CHECK_FALSE(has(f.drawn_texts(), mark));
}

TEST_CASE("About lists who translated each language and whether it was reviewed") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    choose_language(f, 1);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::About)], 400));
    REQUIRE(f.state.screen == kiosk::Screen::About);
    f.advance_to(f.now + 1000);
    const std::vector<std::string> texts = f.drawn_texts();
    CHECK(has_part(texts, "English: translated by Test Translator · Translation not yet reviewed"));
    CHECK(has_part(texts, "Translated for the tests."));
}

TEST_CASE("a quote in translation says so, and its original is one tap away until the visit ends") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    choose_language(f, 1);  // English
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Voices)], 400));
    REQUIRE(f.state.screen == kiosk::Screen::Voices);
    f.advance_to(f.now + 1000);
    const kiosk::Quote& q = f.pack().quotes[size_t(f.state.quote)];
    REQUIRE(q.id == "lumiere");
    std::vector<std::string> texts = f.drawn_texts();
    CHECK(has(texts, "Light never lies."));
    CHECK(has_part(texts, "Translated from Français"));
    CHECK(has_part(texts, "Translation not yet reviewed"));
    CHECK(has(texts, "Show original"));

    const kiosk::Rect toggle = kiosk::original_toggle(f.ui(), q, f.layouts.voices.original_row, false);
    REQUIRE(toggle.h >= f.layouts.target - 0.5f);
    f.replay(f.tap(toggle, 200));
    CHECK(f.state.quote_original);
    texts = f.drawn_texts();
    CHECK(has(texts, "La lumière ne ment jamais."));
    CHECK_FALSE(has_part(texts, "Translated from"));
    CHECK(has(texts, "Show translation"));

    // The next quote was written in English: the English is its original.
    f.replay(f.tap(f.layouts.voices.next, 200));
    f.advance_to(f.now + 1000);
    texts = f.drawn_texts();
    CHECK(has(texts, "I learnt to wait for the light."));
    CHECK_FALSE(has_part(texts, "Translated from"));

    // The next visitor reads translations again.
    f.advance_to(f.now + kiosk::idle_timeout_ms(f.pack()) + kiosk::kCountdownMs + 100);
    CHECK_FALSE(f.state.quote_original);
}

TEST_CASE("a French visitor reads an English quote in translation, labelled with its language's own name") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Voices)], 400));
    f.replay(f.tap(f.layouts.voices.next, 200));
    f.advance_to(f.now + 1000);
    const std::vector<std::string> texts = f.drawn_texts();
    CHECK(has(texts, "J’ai appris à attendre la lumière."));
    CHECK(has_part(texts, kiosk::ui_text(kiosk::UiText::QuoteTranslatedFrom, "fr", {{"language", "English"}})));
}

TEST_CASE("--language picks the language each visit starts in, and an unknown one names the pack's") {
    const auto parsed = kiosk::parse_kiosk_options({"--language", "en"});
    REQUIRE(parsed.ok());
    CHECK(parsed.options.language == "en");
    CHECK_FALSE(kiosk::parse_kiosk_options({"--language"}).ok());

    const PackLoadResult loaded = kiosk::load_pack(kBilingual);
    CHECK(loaded.pack.language_problem("en").empty());
    CHECK(loaded.pack.language_problem("km") == "this exhibit is not in 'km'; its languages are fr, en");

    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    kiosk::KioskConfig config = f.config;
    config.language = "en";
    kiosk::App app;
    std::string error;
    REQUIRE(app.init({1280, 800, 0}, kiosk::load_pack(kBilingual), config, VITRINE_FONT_DIR, 0, &error));
    CHECK(app.ui().lang == "en");
}

TEST_CASE("Explore's buttons are as wide as their longest label in the pack's languages") {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, kBilingual);
    for (const std::string& lang : f.pack().settings.languages) {
        const float label = kiosk::text_width(f.fonts, kiosk::FontRole::Button,
                                              kiosk::ui_text(kiosk::UiText::ExploreAbout, lang).c_str());
        CHECK(f.explore().button[int(kiosk::Button::About)].w >= label);
    }
}
