// The bundled exhibit, assets/ieng-sary, must load cleanly and stay faithful to
// its source article (DESIGN.md, "The first exhibit"): quotes verbatim and
// attributed to someone the article names beside them, the photograph's caption
// as the article prints it, and none of the article's page furniture.
#include <catch2/catch.hpp>

#include "pack_loader.h"

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

// The source article, or a test failure naming where it was expected: the
// faithfulness checks must never pass silently because the article is missing.
std::string read_article() {
    bool found = false;
    std::string text = read_file(VITRINE_SOURCE_ARTICLE, found);
    if (!found || text.empty()) {
        FAIL("The source article was not found at " VITRINE_SOURCE_ARTICLE
             " (set the CMake cache variable VITRINE_SOURCE_ARTICLE to its path)");
    }
    return text;
}

// Paragraphs: the article's non-empty lines.
std::vector<std::string> paragraphs_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) out.push_back(line);
    }
    return out;
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

// The name the article uses for a speaker: the last word of the full name. For
// the Khmer names this is the given name the article uses ("Ieng Sary" is
// "Sary", "Khim Kheng" is "Kheng"); for the others it is the surname.
std::string short_name(const std::string& speaker) {
    const size_t space = speaker.find_last_of(' ');
    return space == std::string::npos ? speaker : speaker.substr(space + 1);
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
        out.push_back(q.speaker);
        add(q.role);
        add(q.context);
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
    CHECK(p.exhibit.subject.get() == "Ieng Sary");
    CHECK(p.exhibit.subtitle.get() == "Face of the Khmer Rouge");
    CHECK(key(p.exhibit.born) == std::make_tuple(1925, 10, 24));
    CHECK(key(p.exhibit.died) == std::make_tuple(2013, 3, 14));
    CHECK_FALSE(p.exhibit.content_note.get().empty());

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
                   e.when.start.precision == kiosk::DatePrecision::Month && !e.disputed.get().empty();
        });
        REQUIRE(it != p.events.end());
        CHECK(it->disputed.get().find("following year") != std::string::npos);
    }

    SECTION("the photograph on Explore decoded") {
        const kiosk::Photograph* photo = p.find_photo(p.exhibit.photo);
        REQUIRE(photo != nullptr);
        CHECK(photo->width > 0);
        CHECK(photo->height > 0);
        CHECK(photo->rgba.size() == size_t(photo->width) * size_t(photo->height) * 4);
    }
}

TEST_CASE("Every quote is verbatim from the article and attributed beside it", "[pack][bundled]") {
    const std::string article = read_article();
    const std::vector<std::string> paragraphs = paragraphs_of(article);
    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    REQUIRE_FALSE(r.pack.quotes.empty());

    for (const auto& q : r.pack.quotes) {
        const std::string& text = q.text.get("en");
        INFO("quote " << q.id << ": " << text);
        CHECK(text.size() > 10);
        // Without the surrounding quotation marks (the kiosk draws its own).
        CHECK(text.rfind("\xE2\x80\x9C", 0) != 0);  // “
        CHECK(text.rfind("\"", 0) != 0);
        CHECK((text.size() < 3 || text.compare(text.size() - 3, 3, "\xE2\x80\x9D") != 0));  // ”

        size_t found_in = paragraphs.size();
        for (size_t i = 0; i < paragraphs.size(); ++i) {
            if (paragraphs[i].find(text) != std::string::npos) {
                found_in = i;
                break;
            }
        }
        INFO("a quote must be a contiguous substring of one paragraph of " VITRINE_SOURCE_ARTICLE);
        CHECK(found_in < paragraphs.size());
        if (found_in == paragraphs.size()) continue;  // report every quote, not just the first

        const std::string name = short_name(q.speaker);
        INFO("speaker " << q.speaker << " (\"" << name << "\") must be named in the quote's paragraph or the one before");
        const bool here = paragraphs[found_in].find(name) != std::string::npos;
        const bool before = found_in > 0 && paragraphs[found_in - 1].find(name) != std::string::npos;
        CHECK((here || before));
        CHECK_FALSE(q.context.get().empty());
        CHECK_FALSE(q.role.get().empty());
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

TEST_CASE("The photograph's caption and credit are the article's", "[pack][bundled]") {
    const std::string article = read_article();
    const std::vector<std::string> paragraphs = paragraphs_of(article);
    const std::string credit_mark = " Photograph: ";

    // The caption paragraph: "Former Khmer Rouge foreign minister … in 1977. Photograph: Dc-cam"
    std::string caption, credit;
    for (const auto& para : paragraphs) {
        if (para.rfind("Former Khmer Rouge foreign minister Ieng Sary (centre)", 0) == 0) {
            const size_t mark = para.find(credit_mark);
            REQUIRE(mark != std::string::npos);
            caption = para.substr(0, mark);
            credit = para.substr(mark + 1);
            break;
        }
    }
    INFO("the article " VITRINE_SOURCE_ARTICLE " should hold the photograph's caption");
    REQUIRE_FALSE(caption.empty());

    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    const kiosk::Photograph* photo = r.pack.find_photo(r.pack.exhibit.photo);
    REQUIRE(photo != nullptr);
    CHECK(photo->caption.get("en") == caption);
    // The article prints "Dc-cam"; the archive spells itself "DC-Cam".
    CHECK(lower(photo->credit.get("en")) == lower(credit));
    // The image is a placeholder until the curator supplies the photograph, and says so.
    CHECK(lower(photo->alt.get("en")).find("placeholder") != std::string::npos);
}
