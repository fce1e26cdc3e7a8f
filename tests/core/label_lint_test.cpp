#include "curator/label_lint.h"

#include "curator/curator_load.h"
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

TEST_CASE("words and sentences are counted the way a reader meets them", "[lint]") {
    CHECK(kiosk::count_words("") == 0);
    CHECK(kiosk::count_words("  Brother No. 2,  Nuon Chea\n") == 5);
    CHECK(kiosk::sentence_lengths("He fled. Then he returned!") == std::vector<int>{2, 3});
    // "No. 2" and "e.g." do not end a sentence.
    CHECK(kiosk::sentence_lengths("Brother No. 2 and e.g. others met.") == std::vector<int>{7});
}

// Counts checked against ICU 72's own word breaks (Khmer by its dictionary).
const std::string kKhmerSentence =
    "ខ្មែរក្រហមបានជម្លៀសប្រជាជនចេញពីទីក្រុងភ្នំពេញនៅថ្ងៃទី១៧ ខែមេសា ឆ្នាំ១៩៧៥ "
    "ហើយបានបង្ខំពួកគេឱ្យធ្វើការនៅតាមជនបទ។";
const std::string kKhmerTwoSentences =
    "អៀង សារី បានធ្វើជារដ្ឋមន្ត្រីការបរទេសនៃរបបកម្ពុជាប្រជាធិបតេយ្យ។ "
    "គាត់បានស្លាប់នៅឆ្នាំ២០១៣។";

TEST_CASE("Khmer words are counted without spaces between them, French with its elisions", "[lint]") {
    // Twenty-odd words written without a space between most of them.
    CHECK(kiosk::count_words(kKhmerSentence) == 20);
    CHECK(kiosk::sentence_lengths(kKhmerSentence) == std::vector<int>{20});
    // The khan (។) ends a Khmer sentence.
    CHECK(kiosk::sentence_lengths(kKhmerTwoSentences) == std::vector<int>{10, 5});
    // "l’étranger" is one word, the colon none.
    const std::string french =
        "Ieng Sary fut le visage du régime à l’étranger : il parlait au nom du Kampuchéa "
        "démocratique aux Nations unies. Il meurt en 2013.";
    CHECK(kiosk::count_words(french) == 23);
    CHECK(kiosk::sentence_lengths(french) == std::vector<int>{19, 4});
    CHECK(kiosk::count_words("present-day Phnom Penh") == 3);
    // A Khmer sentence of forty words, which counting spaces would take for five.
    std::string long_khmer = kKhmerSentence.substr(0, kKhmerSentence.size() - std::string("។").size());
    long_khmer += " " + long_khmer + "។";
    const auto problems = kiosk::lint_label(long_khmer, true);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "has a sentence of 40 words; labels read best under 25");
}

TEST_CASE("long sentences and long labels are flagged, short ones are not", "[lint]") {
    std::string long_sentence;
    for (int i = 0; i < 30; ++i) long_sentence += "word ";
    long_sentence += "end.";
    const auto problems = kiosk::lint_label(long_sentence, true);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "has a sentence of 31 words; labels read best under 25");
    std::string long_label;
    for (int i = 0; i < 12; ++i) long_label += "One two three four five six seven eight nine ten. ";
    const auto label = kiosk::lint_label(long_label, true);
    REQUIRE(label.size() == 1);
    CHECK(label[0] == "is 120 words long; a label should stay under 100");
    CHECK(kiosk::lint_label(long_label, false).empty());  // a caption is not a main label
    CHECK(kiosk::lint_label("Born in present-day southern Vietnam.", true).empty());
}

TEST_CASE("the validator warns at the line of the text, and warnings keep a pack valid", "[lint]") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "lint-pack";
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(fs::path(VITRINE_TEST_PACKS) / "minimal", dir, fs::copy_options::recursive);
    std::ifstream in(dir / "pack.toml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string old_text = "text.en = \"Went to school.\"";
    const size_t at = text.find(old_text);
    REQUIRE(at != std::string::npos);
    text.replace(at, old_text.size(),
                 "text.en = \"He went to school in the town where his mother and father lived with his brothers and "
                 "sisters and the neighbours and their many cousins for many years.\"");
    std::ofstream(dir / "pack.toml") << text;
    auto sentence_warning = [](const kiosk::PackLoadResult& result) {
        for (const auto& d : result.diagnostics)
            if (d.severity == kiosk::Diagnostic::Severity::Warning && d.line == 35 &&
                d.message.find("'text.en' has a sentence of 28 words") != std::string::npos)
                return true;
        return false;
    };
    const auto for_curator = kiosk::load_pack_for_curator(dir.string());
    CHECK(for_curator.ok());
    CHECK(sentence_warning(for_curator));
    // The kiosk loads the same pack without label practice: no visitor reads a warning.
    const auto for_kiosk = kiosk::load_pack(dir.string());
    CHECK(for_kiosk.ok());
    CHECK_FALSE(sentence_warning(for_kiosk));
}
