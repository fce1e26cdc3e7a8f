// The bundled exhibit, assets/ieng-sary, must load cleanly and hold none of its
// source article's page furniture. The checks against the article itself (quotes
// verbatim, the photograph's caption) are in tests/article/, which needs the
// article's text from outside the repository.
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

const char* const kPackDir = VITRINE_SOURCE_DIR "/assets/ieng-sary";

std::string read_file(const std::string& path, bool& found) {
    std::ifstream in(path, std::ios::binary);
    found = static_cast<bool>(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Whole-word, case-insensitive search (ASCII letters delimit words), so that
// "Temi" is found but "systemic" is not.
bool contains_word(const std::string& haystack, const std::string& word) {
    const std::string h = lower(haystack), w = lower(word);
    auto is_letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    for (size_t pos = h.find(w); pos != std::string::npos; pos = h.find(w, pos + 1)) {
        const bool start_ok = pos == 0 || !is_letter(h[pos - 1]);
        const bool end_ok = pos + w.size() >= h.size() || !is_letter(h[pos + w.size()]);
        if (start_ok && end_ok) return true;
    }
    return false;
}

std::string diagnostics_text(const kiosk::PackLoadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

std::tuple<int, int, int> key(const kiosk::Date& d) { return {d.year, d.month, d.day}; }

// Every text a visitor can read in the pack, in every language.
std::vector<std::string> all_texts(const kiosk::Pack& p) {
    std::vector<std::string> out;
    auto add = [&out](const kiosk::LocalText& t) {
        for (const auto& kv : t.by_lang) out.push_back(kv.second);
    };
    add(p.exhibit.title);
    add(p.exhibit.subject);
    add(p.exhibit.subtitle);
    add(p.exhibit.content_note);
    add(p.exhibit.credits);
    add(p.exhibit.licence);
    add(p.exhibit.gaps);
    for (const auto& s : p.sources) {
        add(s.title);
        add(s.note);
        out.push_back(s.url);
    }
    for (const auto& e : p.eras) add(e.name);
    for (const auto& e : p.events) {
        add(e.headline);
        add(e.text);
        add(e.disputed);
        add(e.when.display);
    }
    for (const auto& ph : p.photographs) {
        add(ph.caption);
        add(ph.credit);
        add(ph.alt);
    }
    for (const auto& q : p.quotes) {
        add(q.text);
        add(q.speaker);
        add(q.role);
        add(q.context);
        add(q.disputed);
        if (q.when) add(q.when->display);
    }
    return out;
}

}  // namespace

TEST_CASE("The bundled Ieng Sary pack loads without errors", "[pack][bundled]") {
    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    const kiosk::Pack& p = r.pack;

    CHECK(p.exhibit.id == "ieng-sary");
    CHECK(p.exhibit.subject.in("en") == "Ieng Sary");
    CHECK(p.exhibit.subtitle.in("en") == "Face of the Khmer Rouge");
    CHECK(key(p.exhibit.born) == std::make_tuple(1925, 10, 24));
    CHECK(key(p.exhibit.died) == std::make_tuple(2013, 3, 14));
    CHECK_FALSE(p.exhibit.content_note.in("en").empty());

    SECTION("events cover his life in chronological order") {
        REQUIRE(p.events.size() >= 14);
        for (size_t i = 1; i < p.events.size(); ++i) {
            INFO(p.events[i - 1].id << " before " << p.events[i].id);
            CHECK(key(p.events[i - 1].when.start) <= key(p.events[i].when.start));
        }
        CHECK(p.events.front().when.start.year == 1925);
        CHECK(p.events.back().when.start.year == 2013);
    }

    SECTION("every event has an era and a source that exist") {
        for (const auto& e : p.events) {
            INFO("event " << e.id);
            CHECK(p.find_era(e.era) != nullptr);
            CHECK_FALSE(e.sources.empty());
            for (const auto& s : e.sources) CHECK(p.find_source(s) != nullptr);
        }
        for (const auto& q : p.quotes) {
            INFO("quote " << q.id);
            CHECK_FALSE(q.sources.empty());
            for (const auto& s : q.sources) CHECK(p.find_source(s) != nullptr);
        }
    }

    SECTION("at least eight quotes") { CHECK(p.quotes.size() >= 8); }

    SECTION("the August 1975 appointment as foreign minister is marked disputed") {
        const auto it = std::find_if(p.events.begin(), p.events.end(), [](const kiosk::Event& e) {
            return e.when.start.year == 1975 && e.when.start.month == 8 &&
                   e.when.start.precision == kiosk::DatePrecision::Month && !e.disputed.in("en").empty();
        });
        REQUIRE(it != p.events.end());
        CHECK(it->disputed.in("en").find("following year") != std::string::npos);
    }

    SECTION("the photograph on Explore decoded") {
        const kiosk::Photograph* photo = p.find_photo(p.exhibit.photo);
        REQUIRE(photo != nullptr);
        CHECK(photo->width > 0);
        CHECK(photo->height > 0);
        CHECK(photo->rgba.size() == size_t(photo->width) * size_t(photo->height) * 4);
    }
}

TEST_CASE("The article's teasers for other stories are not in the pack", "[pack][bundled]") {
    const std::vector<std::string> teasers = {"Temi", "Rainsy", "NagaWorld", "Embassy", "casino"};

    // The manifest as written, comments included...
    bool found = false;
    const std::string manifest = read_file(std::string(kPackDir) + "/pack.toml", found);
    REQUIRE(found);
    for (const auto& t : teasers) {
        INFO("pack.toml mentions \"" << t << "\"");
        CHECK_FALSE(contains_word(manifest, t));
    }

    // ...and every text the kiosk would show.
    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    for (const auto& text : all_texts(r.pack)) {
        for (const auto& t : teasers) {
            INFO("\"" << t << "\" in: " << text);
            CHECK_FALSE(contains_word(text, t));
        }
    }
}

TEST_CASE("What the article contests reads as contested in the bundled pack", "[pack][bundled]") {
    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    const kiosk::Pack& p = r.pack;
    auto event = [&](const std::string& id) -> const kiosk::Event& {
        const auto it =
            std::find_if(p.events.begin(), p.events.end(), [&](const kiosk::Event& e) { return e.id == id; });
        REQUIRE(it != p.events.end());
        return *it;
    };

    // His denial, his regret and the motive his killers confessed to are each
    // answered where they are shown.
    CHECK(event("face-of-the-regime").disputed.in("en").find("Philip Short") != std::string::npos);
    CHECK(event("defection").disputed.in("en").find("contest") != std::string::npos);
    CHECK(event("caldwell").disputed.in("en").find("Becker") != std::string::npos);
    const kiosk::Quote* regret = p.find_quote("regretful-1996");
    REQUIRE(regret != nullptr);
    CHECK(regret->disputed.in("en").find("Philip Short") != std::string::npos);

    // He died on trial, before any verdict: no sentence may read as a finished trial.
    for (const auto& text : all_texts(p)) {
        INFO(text);
        CHECK(text.find("was tried for") == std::string::npos);
        CHECK(text.find("Dies on trial") == std::string::npos);
    }
    CHECK(event("death").headline.in("en") == "Dies before a verdict, aged 87");

    // The era names are the exhibit's own words, none an unexplained abbreviation.
    for (const auto& era : p.eras) CHECK(era.name.in("en") != "DK");

    // About says plainly what the exhibit lacks.
    CHECK(p.exhibit.gaps.in("en").find("no testimony of survivors") != std::string::npos);
}

TEST_CASE("The bundled attract loop shows chosen quotes, none disputed", "[pack][bundled]") {
    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    const kiosk::Pack& p = r.pack;
    // The curator chose them: the loop does not fall back to file order, whose
    // first quote is the disputed statement of regret.
    REQUIRE_FALSE(p.settings.attract_quotes.empty());
    const std::vector<const kiosk::Quote*> shown = p.attract_quotes();
    REQUIRE(shown.size() == p.settings.attract_quotes.size());
    for (const kiosk::Quote* q : shown) {
        INFO(q->id);
        CHECK(q->disputed.empty());
        // Each stands on its own: it does not open by answering something unseen.
        const std::string& text = q->text.in("en");
        CHECK(text.rfind("However", 0) == std::string::npos);
        CHECK(text.rfind("There were exceptions", 0) == std::string::npos);
    }
    for (const auto& d : r.diagnostics) CHECK(d.message.find("attract loop") == std::string::npos);
}
