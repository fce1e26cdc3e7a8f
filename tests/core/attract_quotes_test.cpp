// A quote's disputed note and the attract loop's chosen quotes: how the loader
// reads and checks them, and what Voices and the attract loop then show.
#include "base/diagnostic.h"
#include "exhibit_fixture.h"
#include "layout/attract_layout.h"
#include "pack/pack_limits.h"
#include "pack/pack_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using kiosk::Diagnostic;
using kiosk::PackLoadResult;
namespace fs = std::filesystem;

namespace {

std::string minimal_manifest() {
    std::ifstream in(std::string(VITRINE_TEST_PACKS) + "/minimal/pack.toml");
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A copy of the minimal pack in a scratch folder, with MANIFEST as its pack.toml.
std::string scratch(const std::string& name, const std::string& manifest) {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "attract" / name;
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
    fs::copy(fs::path(VITRINE_TEST_PACKS) / "minimal", dir, fs::copy_options::recursive);
    std::ofstream(dir / "pack.toml", std::ios::binary | std::ios::trunc) << manifest;
    return dir.string();
}

std::string with(std::string text, const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

// The minimal pack with `settings_line` in [settings] and two more quotes after
// its 'words': 'doubt' and 'plain'. The extras go into 'words' and 'doubt'.
std::string three_quotes(const std::string& settings_line, const std::string& words_extra = "",
                         const std::string& doubt_extra = "") {
    std::string m = with(minimal_manifest(), "languages = [\"en\"]\n", "languages = [\"en\"]\n" + settings_line);
    m = with(m, "id = \"words\"\n", "id = \"words\"\n" + words_extra);
    return m + "\n[[quotes]]\nid = \"doubt\"\ntext.en = \"Doubtful words.\"\nspeaker = \"Someone\"\n" + doubt_extra +
           "sources = [\"src\"]\n\n[[quotes]]\nid = \"plain\"\ntext.en = \"Plain words.\"\nspeaker = \"Another\"\n"
           "sources = [\"src\"]\n";
}

std::string all_messages(const PackLoadResult& result) {
    std::string text;
    for (const Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
    return text;
}

size_t count_with(const PackLoadResult& result, const std::string& needle) {
    return size_t(std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                                [&](const Diagnostic& d) { return d.message.find(needle) != std::string::npos; }));
}

const Diagnostic& find(const PackLoadResult& result, const std::string& needle) {
    INFO("looking for: " << needle << "\nin:\n" << all_messages(result));
    REQUIRE(count_with(result, needle) == 1);
    return *std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                         [&](const Diagnostic& d) { return d.message.find(needle) != std::string::npos; });
}

bool has_error(const PackLoadResult& result, const std::string& needle) {
    INFO("looking for: " << needle << "\nin:\n" << all_messages(result));
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(), [&](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error && d.message.find(needle) != std::string::npos;
    });
}

std::vector<std::string> ids(const std::vector<const kiosk::Quote*>& quotes) {
    std::vector<std::string> out;
    for (const kiosk::Quote* q : quotes) out.push_back(q->id);
    return out;
}

}  // namespace

TEST_CASE("a quote's disputed note is read with an event's rules", "[pack][attract]") {
    const PackLoadResult ok =
        kiosk::load_pack(scratch("disputed-ok", three_quotes("", "", "disputed.en = \"Others contest this.\"\n")));
    INFO(all_messages(ok));
    REQUIRE(ok.ok());
    const kiosk::Quote* doubt = ok.pack.find_quote("doubt");
    REQUIRE(doubt != nullptr);
    CHECK(doubt->disputed.in("en") == "Others contest this.");
    CHECK(ok.pack.find_quote("plain")->disputed.empty());

    SECTION("too long") {
        const PackLoadResult r = kiosk::load_pack(
            scratch("disputed-long", three_quotes("", "", "disputed.en = \"" + std::string(4001, 'a') + "\"\n")));
        const Diagnostic& d = find(r, "quote 'doubt' 'disputed.en' is 4001 characters; at most 4000");
        CHECK(d.severity == Diagnostic::Severity::Error);
        CHECK_FALSE(r.ok());
    }
    SECTION("empty or invisible") {
        const PackLoadResult r =
            kiosk::load_pack(scratch("disputed-empty", three_quotes("", "", "disputed.en = \"\\u200B \"\n")));
        CHECK(has_error(r, "quote 'doubt' 'disputed.en'"));
        CHECK_FALSE(r.ok());
    }
    SECTION("a bidirectional override") {
        const PackLoadResult r =
            kiosk::load_pack(scratch("disputed-bidi", three_quotes("", "", "disputed.en = \"a\\u202Eb\"\n")));
        CHECK(has_error(r, "quote 'doubt' 'disputed.en'"));
        CHECK_FALSE(r.ok());
    }
}

TEST_CASE("attract_quotes chooses the attract loop's quotes and their order", "[pack][attract]") {
    SECTION("without it, every quote in file order") {
        const PackLoadResult r = kiosk::load_pack(scratch("none", three_quotes("")));
        INFO(all_messages(r));
        REQUIRE(r.ok());
        CHECK(r.pack.settings.attract_quotes.empty());
        CHECK(ids(r.pack.attract_quotes()) == std::vector<std::string>{"words", "doubt", "plain"});
    }
    SECTION("with it, those quotes in that order") {
        const PackLoadResult r =
            kiosk::load_pack(scratch("chosen", three_quotes("attract_quotes = [\"plain\", \"words\"]\n")));
        INFO(all_messages(r));
        REQUIRE(r.ok());
        CHECK(r.diagnostics.empty());
        CHECK(ids(r.pack.attract_quotes()) == std::vector<std::string>{"plain", "words"});
    }
    SECTION("an unknown id names the known ones") {
        const PackLoadResult r =
            kiosk::load_pack(scratch("unknown", three_quotes("attract_quotes = [\"plain\", \"wrods\"]\n")));
        const Diagnostic& d = find(r, "[settings] 'attract_quotes' refers to quote 'wrods', which is not defined");
        CHECK(d.severity == Diagnostic::Severity::Error);
        CHECK(d.message.find("words") != std::string::npos);
        CHECK(d.line == 17);
        CHECK_FALSE(r.ok());
    }
    SECTION("a quote listed twice") {
        const PackLoadResult r =
            kiosk::load_pack(scratch("twice", three_quotes("attract_quotes = [\"plain\", \"words\", \"plain\"]\n")));
        const Diagnostic& d = find(r, "quote 'plain' is listed twice in 'attract_quotes' (first at line 17)");
        CHECK(d.severity == Diagnostic::Severity::Error);
        CHECK_FALSE(r.ok());
    }
    SECTION("an empty list") {
        const PackLoadResult r = kiosk::load_pack(scratch("empty", three_quotes("attract_quotes = []\n")));
        CHECK(find(r, "'attract_quotes' must name at least one quote").severity == Diagnostic::Severity::Error);
        CHECK_FALSE(r.ok());
    }
    SECTION("more than the pack may hold") {
        std::string list = "attract_quotes = [";
        for (int i = 0; i <= kiosk::kMaxQuotes; ++i) list += std::string(i ? ", " : "") + "\"words\"";
        const PackLoadResult r = kiosk::load_pack(scratch("too-many", three_quotes(list + "]\n")));
        CHECK(find(r, "'attract_quotes' lists 301 quotes; at most 300").severity == Diagnostic::Severity::Error);
        CHECK(count_with(r, "listed twice") == 0);  // one message, not 300
        CHECK_FALSE(r.ok());
    }
    SECTION("not an array of strings") {
        const PackLoadResult r = kiosk::load_pack(scratch("wrong-type", three_quotes("attract_quotes = \"words\"\n")));
        CHECK(find(r, "'attract_quotes' must be an array of strings").severity == Diagnostic::Severity::Error);
        CHECK_FALSE(r.ok());
    }
}

TEST_CASE("a disputed quote leading the loop unchosen is warned about", "[pack][attract]") {
    const std::string disputed = "disputed.en = \"Others contest this.\"\n";
    SECTION("first in file order, no attract_quotes: a warning at the quote") {
        const PackLoadResult r = kiosk::load_pack(scratch("leads", three_quotes("", disputed)));
        INFO(all_messages(r));
        const Diagnostic& d = find(r, "quote 'words' is disputed and leads the attract loop");
        CHECK(d.severity == Diagnostic::Severity::Warning);
        CHECK(d.message.find("attract_quotes") != std::string::npos);
        CHECK(r.ok());  // a warning only: the loop shows its mark
    }
    SECTION("disputed but not first: its mark shows, no warning") {
        const PackLoadResult r = kiosk::load_pack(scratch("second", three_quotes("", "", disputed)));
        INFO(all_messages(r));
        CHECK(count_with(r, "attract loop") == 0);
    }
    SECTION("chosen by the curator: no warning") {
        const PackLoadResult r =
            kiosk::load_pack(scratch("chosen-disputed", three_quotes("attract_quotes = [\"words\"]\n", disputed)));
        INFO(all_messages(r));
        CHECK(count_with(r, "attract loop") == 0);
        REQUIRE(r.ok());
        CHECK(ids(r.pack.attract_quotes()) == std::vector<std::string>{"words"});
    }
}

TEST_CASE("Voices and the attract loop show a disputed quote's mark and note", "[screens][attract]") {
    ExhibitFixture f(800, 480);
    const kiosk::Quote* regret = f.pack().find_quote("regretful-1996");
    REQUIRE(regret != nullptr);
    REQUIRE_FALSE(regret->disputed.empty());
    const kiosk::Rect& box = f.layouts.voices.quote_box;

    // On Voices the whole note, under its mark; the speaker with the date.
    const kiosk::QuoteBlockText voices = kiosk::quote_block_text(f.ui(), *regret, box.w, box.h, true);
    CHECK(voices.disputed_mark == "Disputed");
    CHECK(voices.disputed == regret->disputed.in("en"));
    CHECK(voices.speaker == "Ieng Sary · 1996");

    // An undisputed quote has no mark.
    const kiosk::Quote* utopia = f.pack().find_quote("short-utopia");
    REQUIRE(utopia != nullptr);
    const kiosk::QuoteBlockText plain = kiosk::quote_block_text(f.ui(), *utopia, box.w, box.h, true);
    CHECK(plain.disputed_mark.empty());
    CHECK(plain.disputed.empty());
    CHECK(plain.speaker == "Philip Short · March 2013");

    // In the attract loop, which cannot scroll, the mark stays and the note is
    // kept to a few lines.
    kiosk::Quote long_note = *regret;
    long_note.disputed.by_lang["en"] = std::string(3000, 'x') + " end";
    const kiosk::QuoteBlockText attract = kiosk::quote_block_text(f.ui(), long_note, box.w, box.h, false);
    CHECK(attract.disputed_mark == "Disputed");
    CHECK(std::count(attract.disputed.begin(), attract.disputed.end(), '\n') <= 2);
    CHECK(attract.disputed.find("end") == std::string::npos);

    // Voices opens on the first quote in the file: the disputed one shows its mark there.
    f.replay(f.tap(f.explore().button[int(kiosk::Button::Voices)], 100));
    REQUIRE(f.state.screen == kiosk::Screen::Voices);
    CHECK(f.pack().quotes[size_t(f.state.quote)].id == "regretful-1996");
}

TEST_CASE("the attract loop follows attract_quotes, one quote at a time", "[screens][attract]") {
    ExhibitFixture f(1920, 1080);
    const kiosk::Pack& p = f.pack();
    REQUIRE(p.settings.attract_quotes.size() == 3);
    for (size_t i = 0; i < 7; ++i) {
        const kiosk::Quote* q = kiosk::attract_quote_shown_at(f.ui(), int64_t(i) * kiosk::kAttractQuoteMs + 500);
        REQUIRE(q != nullptr);
        CHECK(q->id == p.settings.attract_quotes[i % 3]);
    }
    CHECK(kiosk::attract_quote_shown_at(f.ui(), 0)->id == "short-utopia");

    kiosk::Pack empty = p;
    empty.quotes.clear();
    empty.settings.attract_quotes.clear();
    CHECK(kiosk::attract_quote_shown_at({empty, f.layouts, f.fonts, f.config, "en"}, 0) == nullptr);
}

TEST_CASE("the attract loop shows each quote it turns to whole, beside the photograph where it fits",
          "[screens][attract]") {
    for (const auto& [w, h] : {std::pair{800, 480}, {1024, 600}, {1280, 800}, {1920, 1080}, {720, 1280}}) {
        ExhibitFixture f(w, h);
        for (const std::string& lang : f.pack().settings.languages) {
            const kiosk::Ui ui{f.pack(), f.layouts, f.fonts, f.config, lang};
            std::vector<std::string> shown_ids;
            for (int turn = 0; turn < 3; ++turn) {
                const kiosk::Quote* q = kiosk::attract_quote_shown_at(ui, turn * kiosk::kAttractQuoteMs + 500);
                REQUIRE(q != nullptr);
                shown_ids.push_back(q->id);
                INFO(w << "x" << h << " " << lang << " quote " << q->id);
                const kiosk::AttractLayout a = kiosk::attract_layout(ui, q, nullptr);
                const kiosk::QuoteBlockText shown = kiosk::quote_block_text(ui, *q, a.quote.w, a.quote.h, false);
                const kiosk::QuoteBlockText whole = kiosk::quote_block_text(ui, *q, a.quote.w, 1e9f, true);
                CHECK(shown.text == whole.text);
                // A 7" panel in a translation may cut a context, never the words.
                if (w >= 1280 || lang == "en") CHECK(shown.details == whole.details);
                CHECK(a.quote.right() <= float(w) - a.left + 0.5f);
                CHECK(a.quote.bottom() < a.invite.y);
            }
            // On a panel that holds them, every chosen quote in the curator's order.
            if (w >= 1280 || lang == "en") CHECK(shown_ids == f.pack().settings.attract_quotes);
        }
        // On a large landscape screen the quotes keep to the left of the photograph.
        if (w >= 1920) {
            const kiosk::AttractLayout a = kiosk::attract_layout(f.ui(), f.pack().attract_quotes().front(), nullptr);
            CHECK(a.quote.w < float(w) * 0.63f);
        }
    }
}

TEST_CASE("a quote the panel cannot show whole is left out of the loop there, unless all are", "[screens][attract]") {
    ExhibitFixture f(800, 480);
    kiosk::Pack pack = f.pack();
    const auto utopia = std::find_if(pack.quotes.begin(), pack.quotes.end(),
                                     [](const kiosk::Quote& q) { return q.id == "short-utopia"; });
    REQUIRE(utopia != pack.quotes.end());
    utopia->text.by_lang["en"] = std::string(2000, 'x');  // far longer than the loop can show
    const kiosk::Ui ui{pack, f.layouts, f.fonts, f.config, "en"};
    CHECK_FALSE(kiosk::attract_quote_fits(ui, *utopia));
    for (int turn = 0; turn < 4; ++turn)
        CHECK(kiosk::attract_quote_shown_at(ui, turn * kiosk::kAttractQuoteMs)->id != "short-utopia");

    pack.settings.attract_quotes = {"short-utopia"};
    CHECK(kiosk::attract_quote_shown_at(ui, 0)->id == "short-utopia");
}

TEST_CASE("the attract loop keeps a photograph's caption and credit on screen", "[screens][attract]") {
    for (const auto& [w, h] : {std::pair{800, 480}, {1920, 1080}, {720, 1280}}) {
        ExhibitFixture f(w, h);
        for (const kiosk::Photograph& photo : f.pack().photographs) {
            INFO(w << "x" << h << " photograph " << photo.id);
            const kiosk::AttractLayout a = kiosk::attract_layout(f.ui(), nullptr, &photo);
            const std::string credit = f.ui().text(photo.credit);
            REQUIRE_FALSE(credit.empty());
            CHECK(a.photo_line.size() >= credit.size());
            CHECK(a.photo_line.compare(a.photo_line.size() - credit.size(), credit.size(), credit) == 0);
            CHECK(a.photo_line_x >= a.left - 0.5f);
            CHECK(a.photo_line_y >= a.invite.bottom());
            CHECK(a.photo_line_y + f.fonts.size(kiosk::FontRole::Small) <= float(h));
        }
        CHECK(kiosk::attract_layout(f.ui(), nullptr, nullptr).photo_line.empty());
    }
}

TEST_CASE("Voices marks a disputed quote beside its speaker when its note starts out of view", "[screens][attract]") {
    ExhibitFixture small(800, 480);
    const kiosk::Quote* regret = small.pack().find_quote("regretful-1996");
    REQUIRE(regret != nullptr);
    const kiosk::Rect& box = small.layouts.voices.quote_box;
    const kiosk::QuoteBlockText scrolled = kiosk::quote_block_text(small.ui(), *regret, box.w, box.h, true);
    REQUIRE(kiosk::quote_overflow(small.ui(), *regret) > 0);
    CHECK(scrolled.speaker_mark == "Disputed");
    CHECK(scrolled.speaker == "Ieng Sary · 1996");

    // Where the whole note is in view, its own mark is enough.
    ExhibitFixture large(1920, 1080);
    const kiosk::Rect& large_box = large.layouts.voices.quote_box;
    REQUIRE(kiosk::quote_overflow(large.ui(), *regret) == 0);
    CHECK(kiosk::quote_block_text(large.ui(), *regret, large_box.w, large_box.h, true).speaker_mark.empty());

    // An undisputed quote never has one.
    const kiosk::Quote* utopia = small.pack().find_quote("short-utopia");
    CHECK(kiosk::quote_block_text(small.ui(), *utopia, box.w, box.h, true).speaker_mark.empty());
}
