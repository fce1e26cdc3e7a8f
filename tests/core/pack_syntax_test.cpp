// Mistakes in pack.toml's TOML, as curators make them in a text editor or a
// word processor, reported in plain words at the line; and the "TO FINISH:"
// values an import leaves, each an error until written.
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;
using kiosk::Diagnostic;
using kiosk::PackLoadResult;

namespace {

std::string minimal_manifest() {
    std::ifstream in(std::string(VITRINE_TEST_PACKS) + "/minimal/pack.toml", std::ios::binary);
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The minimal pack with `from` (which must be in it) replaced by `to`, loaded.
PackLoadResult load_edited(const std::string& name, const std::string& from, const std::string& to) {
    std::string text = minimal_manifest();
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "pack-syntax" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy(std::string(VITRINE_TEST_PACKS) + "/minimal/media", dir / "media");
    std::ofstream(dir / "pack.toml", std::ios::binary) << text;
    return kiosk::load_pack(dir.string());
}

std::string all_messages(const PackLoadResult& result) {
    std::string text;
    for (const Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
    return text;
}

// The one diagnostic there is: an error at `line`:`column` saying `message`.
void check_only_error(const PackLoadResult& result, const std::string& message, int line, int column) {
    INFO(all_messages(result));
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.severity == Diagnostic::Severity::Error);
    CHECK(d.message == message);
    CHECK(d.line == line);
    CHECK(d.column == column);
}

}  // namespace

TEST_CASE("curly quotes around text are named, with the straight ones to use") {
    check_only_error(load_edited("curly", "title.en = \"Test Person\"", "title.en = “Test Person”"),
                     "this text starts with “ — use straight quotes \" around text in pack.toml (a word processor "
                     "or phone may have curled them; curly quotes are fine inside the straight ones)",
                     8, 12);
    check_only_error(load_edited("curly-single", "title.en = \"Test Person\"", "title.en = ‘Test Person’"),
                     "this text starts with ‘ — use straight quotes \" around text in pack.toml (a word processor "
                     "or phone may have curled them; curly quotes are fine inside the straight ones)",
                     8, 12);
    check_only_error(load_edited("guillemets", "title.en = \"Test Person\"", "title.en = «Test Person»"),
                     "this text starts with « — use straight quotes \" around text in pack.toml (a word processor "
                     "or phone may have curled them; curly quotes are fine inside the straight ones)",
                     8, 12);
    // Inside straight quotes they are text like any other.
    const PackLoadResult inside =
        load_edited("curly-inside", "title.en = \"Test Person\"", "title.en = \"“Test” Person\"");
    INFO(all_messages(inside));
    CHECK(inside.ok());
}

TEST_CASE("text without quotes, or not closed, is named at its line") {
    check_only_error(load_edited("bare", "title.en = \"Test Person\"", "title.en = Test Person"),
                     "this text has no quotes around it; write it between straight quotes: title.en = \"Test "
                     "Person\"",
                     8, 12);
    // Read by the parser as a misspelt true, false, inf or nan: still text without quotes.
    check_only_error(load_edited("bare-t", "title.en = \"Test Person\"", "title.en = Faraday"),
                     "this text has no quotes around it; write it between straight quotes: title.en = \"Faraday\"", 8,
                     12);
    check_only_error(load_edited("bare-n", "title.en = \"Test Person\"", "title.en = Nanny"),
                     "this text has no quotes around it; write it between straight quotes: title.en = \"Nanny\"", 8,
                     12);
    check_only_error(load_edited("unclosed", "title.en = \"Test Person\"", "title.en = \"Test Person"),
                     "this text has no closing \" before the end of the line; end it with \" (text over several "
                     "lines goes between \"\"\" and \"\"\")",
                     8, 12);
    check_only_error(load_edited("curly-close", "title.en = \"Test Person\"", "title.en = \"Test Person”"),
                     "this text ends with ”, not a straight \"; end it with \" (curly quotes are fine inside the "
                     "straight ones)",
                     8, 12);
    check_only_error(load_edited("unclosed-literal", "title.en = \"Test Person\"", "title.en = 'Test Person"),
                     "this text has no closing ' before the end of the line; end it with ' (text over several "
                     "lines goes between ''' and ''')",
                     8, 12);
    check_only_error(load_edited("unclosed-long", "text.en = \"Was born.\"", "text.en = \"\"\"Was born."),
                     "the text that starts here with \"\"\" never ends; close it with \"\"\"", 42, 11);
}

TEST_CASE("a missing '=', a missing value and more after a value are named") {
    check_only_error(load_edited("no-equals", "title.en = \"Test Person\"", "title.en \"Test Person\""),
                     "missing '=' after 'title.en': write title.en = and the value, with text between straight "
                     "quotes \"…\"",
                     8, 10);
    check_only_error(load_edited("key-with-space", "title.en = \"Test Person\"", "my title = \"Test Person\""),
                     "missing '=' after 'my': write my = and the value, with text between straight quotes \"…\" (a "
                     "key is one word: letters, digits, '_' and '-')",
                     8, 4);
    check_only_error(load_edited("no-value", "title.en = \"Test Person\"", "title.en ="),
                     "nothing follows 'title.en ='; give the value, with text between straight quotes \"…\"", 8, 11);
    check_only_error(load_edited("quote-inside", "title.en = \"Test Person\"", "title.en = \"Test \"Person\"\""),
                     "more follows the end of the text: a \" inside text ends it; write \\\" for a quote inside the "
                     "text, or use curly quotes “ ” there",
                     8, 19);
    check_only_error(load_edited("comma", "title.en = \"Test Person\"", "title.en = \"Test Person\","),
                     "a ',' follows the value; each key = value goes on its own line, without commas", 8, 25);
}

TEST_CASE("keys and tables given twice, unknown escapes and accented keys are named") {
    check_only_error(load_edited("key-twice", "version = \"0.1.0\"", "version = \"0.1.0\"\nversion = \"0.2.0\""),
                     "'version' is set twice in the same table; keep one", 8, 11);
    check_only_error(load_edited("table-twice", "[settings]", "[exhibit]"),
                     "[exhibit] appears twice; give each key of [exhibit] once, in one place (only lists such as "
                     "[[events]], with double brackets, repeat)",
                     14, 1);
    check_only_error(load_edited("escape", "title.en = \"Test Person\"", "title.en = \"C:\\Test Person\""),
                     "'\\T' in this text is no escape pack.toml knows: a backslash starts an escape, so write \\\\ "
                     "for a backslash",
                     8, 16);
    check_only_error(load_edited("accent-key", "title.en = \"Test Person\"", "titré = \"Test Person\""),
                     "'é' cannot be in a key: keys are plain letters a–z, digits, '_' and '-' (letters with accents "
                     "belong in the text, between quotes)",
                     8, 5);
}

TEST_CASE("other TOML mistakes keep the parser's own words") {
    // As the staff screen shows it for tests/packs/broken-syntax (its golden image).
    check_only_error(load_edited("double-equals", "idle_timeout_s = 45", "idle_timeout_s = = 45"),
                     "Error while parsing value: could not determine value type", 15, 18);
    check_only_error(load_edited("header", "[settings]", "[settings"),
                     "Error while parsing table header: expected ']', saw '\\n'", 14, 10);
}

TEST_CASE("a TO FINISH: value is an error at its line until written, and nothing else is said of it") {
    const PackLoadResult title =
        load_edited("finish-title", "title.en = \"Test Person\"", "title.en = \"TO FINISH: give the exhibit a title\"");
    check_only_error(title, "the import left this to finish: give the exhibit a title", 8, 12);
    // A photograph id that is a placeholder is not also an unknown id.
    const PackLoadResult photo =
        load_edited("finish-photo", "photo = \"photo\"", "photo = \"TO FINISH: bring the 1925 photograph\"");
    check_only_error(photo, "the import left this to finish: bring the 1925 photograph", 44, 9);
    // Anywhere: in a list, in a table, with nothing after the marker.
    const PackLoadResult listed =
        load_edited("finish-list", "sources = [\"src\"]\nphoto", "sources = [\"src\", \"  TO FINISH:\"]\nphoto");
    check_only_error(listed, "the import left this to finish: write this value", 43, 19);
    // Many placeholders of one kind do not hide a real mistake of that kind
    // behind the "… and N more" line: a misspelt id among 25 unfinished ones.
    std::string unfinished;
    for (int i = 0; i < 25; ++i)
        unfinished += "[[events]]\nid = \"slide-" + std::to_string(i) + "\"\ndate = \"1930\"\nheadline.en = \"S\"\n" +
                      "text.en = \"T.\"\nphoto = \"TO FINISH: save slide " + std::to_string(i) + "'s image\"\n";
    const PackLoadResult many = load_edited("finish-many", "photo = \"photo\"\n", "photo = \"phto\"\n" + unfinished);
    const std::string printed = all_messages(many);
    INFO(printed);
    CHECK(printed.find("event 'born' refers to photograph 'phto', which is not defined") != std::string::npos);
    CHECK(printed.find("more unknown photograph ids") == std::string::npos);
    CHECK(printed.find("the import left this to finish: save slide 24's image") != std::string::npos);
    // Only at the start: a text that mentions it is text.
    const PackLoadResult mentioned =
        load_edited("finish-mentioned", "text.en = \"Was born.\"", "text.en = \"Was born. TO FINISH: no\"");
    INFO(all_messages(mentioned));
    CHECK(mentioned.ok());
}
