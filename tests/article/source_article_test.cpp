// The bundled exhibit, assets/ieng-sary, stays faithful to its source article
// (DESIGN.md, "The first exhibit"): quotes verbatim and attributed to someone the
// article names beside them, the photograph's caption as the article prints it.
#include "source_article.h"

#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const char* const kPackDir = VITRINE_SOURCE_DIR "/assets/ieng-sary";

std::string read_article() {
    std::ifstream in(article::path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (ss.str().empty()) FAIL("the source article " << article::path() << " is empty or unreadable");
    return ss.str();
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

}  // namespace

TEST_CASE("Every quote is verbatim from the article and attributed beside it", "[pack][bundled]") {
    const std::string text = read_article();
    const std::vector<std::string> paragraphs = paragraphs_of(text);
    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    REQUIRE_FALSE(r.pack.quotes.empty());

    for (const auto& q : r.pack.quotes) {
        const std::string& text = q.text.in("en");
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
        INFO("a quote must be a contiguous substring of one paragraph of " << article::path());
        CHECK(found_in < paragraphs.size());
        if (found_in == paragraphs.size()) continue;  // report every quote, not just the first

        const std::string name = short_name(q.speaker.in("en"));
        INFO("speaker " << q.speaker.in("en") << " (\"" << name
                        << "\") must be named in the quote's paragraph or the one before");
        const bool here = paragraphs[found_in].find(name) != std::string::npos;
        const bool before = found_in > 0 && paragraphs[found_in - 1].find(name) != std::string::npos;
        CHECK((here || before));
        CHECK_FALSE(q.context.in("en").empty());
        CHECK_FALSE(q.role.in("en").empty());
    }
}

TEST_CASE("The photograph's caption and credit are the article's", "[pack][bundled]") {
    const std::string text = read_article();
    const std::vector<std::string> paragraphs = paragraphs_of(text);
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
    INFO("the article " << article::path() << " should hold the photograph's caption");
    REQUIRE_FALSE(caption.empty());

    const kiosk::PackLoadResult r = kiosk::load_pack(kPackDir);
    INFO(diagnostics_text(r));
    REQUIRE(r.ok());
    const kiosk::Photograph* photo = r.pack.find_photo(r.pack.exhibit.photo);
    REQUIRE(photo != nullptr);
    CHECK(photo->caption.in("en") == caption);
    // The article prints "Dc-cam"; the archive spells itself "DC-Cam".
    CHECK(lower(photo->credit.in("en")) == lower(credit));
    // The image is a placeholder until the curator supplies the photograph, and says so.
    CHECK(lower(photo->alt.in("en")).find("placeholder") != std::string::npos);
}
