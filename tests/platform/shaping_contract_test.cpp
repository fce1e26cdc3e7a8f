// The shaping contract, checked from outside: the runs the kiosk draws (its
// --dump-text output, and the engine's own description of every Khmer string of
// the bundled exhibit) carry the same glyphs, advances and offsets as HarfBuzz's
// own hb-shape (libharfbuzz-bin) gives for the same text and font file; no
// .notdef glyph; no line begins with a Khmer dependent vowel, sign or coeng.
#include "base/utf8.h"
#include "pack/pack_loader.h"
#include "pack/pack_text.h"
#include "text/shaping.h"
#include "text/text_engine.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace {

struct Glyph {
    uint32_t id;
    int ax, dx, dy;
    bool operator==(const Glyph& o) const { return id == o.id && ax == o.ax && dx == o.dx && dy == o.dy; }
};

std::ostream& operator<<(std::ostream& out, const Glyph& g) {
    return out << g.id << "+" << g.ax << "@" << g.dx << "," << g.dy;
}

struct Run {
    std::string font_file, text, where;
    std::vector<Glyph> glyphs;
};

bool has_khmer(const std::string& text) {
    for (size_t pos = 0; pos < text.size();)
        if (kiosk::is_khmer(kiosk::next_code_point(text, pos))) return true;
    return false;
}

bool begins_inside_cluster(const std::string& text, uint32_t at) {
    size_t pos = at;
    const uint32_t c = kiosk::next_code_point(text, pos);
    return (c >= 0x17B6 && c <= 0x17D3) || c == 0x17DD;
}

std::string run_command(const std::string& command) {
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        char buffer[65536];
        for (size_t n; (n = fread(buffer, 1, sizeof buffer, p)) > 0;) out.append(buffer, n);
        pclose(p);
    }
    return out;
}

bool hb_shape_present() { return std::system("hb-shape --version > /dev/null 2>&1") == 0; }

// hb-shape's glyphs for each text (one line each), in one call per font file.
std::vector<std::vector<Glyph>> hb_shape(const std::string& font_file, const std::vector<std::string>& texts) {
    const std::string list = VITRINE_TEST_OUTPUT "/shaping-contract-texts.txt";
    {
        std::ofstream out(list, std::ios::binary);
        for (const std::string& t : texts) out << t << "\n";
    }
    const std::string output =
        run_command("hb-shape --no-glyph-names --output-format=json --text-file='" + list + "' '" + font_file + "'");
    std::vector<std::vector<Glyph>> shaped;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        std::vector<Glyph> glyphs;
        for (const auto& g : nlohmann::json::parse(line))
            glyphs.push_back(
                {g.at("g").get<uint32_t>(), g.at("ax").get<int>(), g.at("dx").get<int>(), g.at("dy").get<int>()});
        shaped.push_back(std::move(glyphs));
    }
    return shaped;
}

// Compares every run with hb-shape's shaping of its text; returns how many were compared.
int compare_with_hb_shape(const std::vector<Run>& runs) {
    std::map<std::string, std::vector<const Run*>> by_font;
    for (const Run& r : runs) by_font[r.font_file].push_back(&r);
    int compared = 0;
    for (const auto& [font, list] : by_font) {
        std::vector<std::string> texts;
        for (const Run* r : list) texts.push_back(r->text);
        const std::vector<std::vector<Glyph>> expected = hb_shape(font, texts);
        REQUIRE(expected.size() == list.size());
        for (size_t i = 0; i < list.size(); ++i) {
            INFO(list[i]->where << ": \"" << list[i]->text << "\" in " << font);
            CHECK(list[i]->glyphs == expected[i]);
            ++compared;
        }
    }
    return compared;
}

// The runs of a dump (the engine's own description of what it drew), Khmer ones only.
std::vector<Run> khmer_runs(const kiosk::DumpedText& t, const std::string& where) {
    std::vector<Run> runs;
    for (const kiosk::DrawnRun& r : t.runs) {
        Run run{r.font_file, t.text.substr(r.begin, r.end - r.begin), where, {}};
        if (!has_khmer(run.text)) continue;
        for (const auto& g : r.glyphs) run.glyphs.push_back({g.id, g.x_advance, g.x_offset, g.y_offset});
        runs.push_back(std::move(run));
    }
    return runs;
}

}  // namespace

TEST_CASE("every Khmer string of the bundled exhibit is shaped as hb-shape shapes it", "[shaping]") {
    INFO("hb-shape must be installed: bash deploy/install-deps.sh (libharfbuzz-bin)");
    REQUIRE(hb_shape_present());
    const auto loaded = kiosk::load_pack(VITRINE_SOURCE_DIR "/assets/ieng-sary");
    REQUIRE(loaded.ok());
    kiosk::TextEngine engine;
    REQUIRE(engine.load(VITRINE_FONT_DIR, nullptr));
    std::vector<Run> runs;
    int strings = 0;
    kiosk::for_each_pack_text(loaded.pack, [&](const std::string& text) {
        if (!has_khmer(text)) return;
        ++strings;
        // The faces the screens set text in: serif for headlines, sans for text.
        for (kiosk::Face face : {kiosk::Face::SansRegular, kiosk::Face::SerifRegular}) {
            const kiosk::TextLayout& l = engine.layout({face, 30}, text, 600);
            for (const kiosk::LaidGlyph& g : l.glyphs) CHECK(g.glyph != 0);
            for (const kiosk::LaidLine& line : l.lines) CHECK_FALSE(begins_inside_cluster(l.text, line.begin));
            for (Run& r : khmer_runs(engine.describe(l), text.substr(0, 60))) runs.push_back(std::move(r));
        }
    });
    CHECK(strings >= 100);  // the exhibit's texts in Khmer, the speakers' names among them
    CHECK(compare_with_hb_shape(runs) == int(runs.size()));
}

TEST_CASE("--dump-text writes runs that agree with hb-shape, for a pack written in Khmer", "[shaping]") {
    INFO("hb-shape must be installed: bash deploy/install-deps.sh (libharfbuzz-bin)");
    REQUIRE(hb_shape_present());
    const std::string png = VITRINE_TEST_OUTPUT "/shaping-contract.png";
    const std::string json = VITRINE_TEST_OUTPUT "/shaping-contract.json";
    std::remove(json.c_str());
    std::string command;
    for (const char* part : {VITRINE_KIOSK_COMMAND}) command += std::string("'") + part + "' ";
    command += "--pack '" VITRINE_SOURCE_DIR "/tests/packs/exhibit-khmer' --headless --size 1920x1080 --screenshot '" +
               png + "' --dump-text '" + json + "' 2>/dev/null";
    REQUIRE(WEXITSTATUS(std::system(command.c_str())) == 0);
    std::ifstream in(json, std::ios::binary);
    REQUIRE(in.good());
    const nlohmann::json dump = nlohmann::json::parse(in);
    const std::string title =
        kiosk::load_pack(VITRINE_SOURCE_DIR "/tests/packs/exhibit-khmer").pack.exhibit.title.in("km");
    std::vector<Run> runs;
    int khmer_texts = 0, lines = 0, titles = 0;
    for (const auto& t : dump.at("texts")) {
        const std::string text = t.at("text").get<std::string>();
        // The frame as shown, once: not also a build the photographs' loading replaced.
        if (text == title) ++titles;
        if (!has_khmer(text)) continue;
        ++khmer_texts;
        for (const auto& line : t.at("lines")) {
            ++lines;
            CHECK_FALSE(begins_inside_cluster(text, line.at("begin").get<uint32_t>()));
        }
        for (const auto& r : t.at("runs")) {
            Run run{r.at("font_file").get<std::string>(), r.at("text").get<std::string>(), text.substr(0, 60), {}};
            CHECK(r.at("px_per_unit").get<float>() > 0);
            for (const auto& g : r.at("glyphs")) {
                CHECK(g.at("id").get<uint32_t>() != 0);  // no .notdef
                run.glyphs.push_back({g.at("id").get<uint32_t>(), g.at("x_advance").get<int>(),
                                      g.at("x_offset").get<int>(), g.at("y_offset").get<int>()});
            }
            if (has_khmer(run.text)) runs.push_back(std::move(run));
        }
    }
    CHECK(titles == 1);
    CHECK(khmer_texts >= 10);  // title, subtitle, buttons, the card, eras, caption...
    CHECK(lines >= khmer_texts);
    CHECK(compare_with_hb_shape(runs) == int(runs.size()));
    CHECK(runs.size() >= 10);
}

TEST_CASE("the dump puts letter-spaced glyphs where they are drawn", "[shaping]") {
    kiosk::TextEngine engine;
    REQUIRE(engine.load(VITRINE_FONT_DIR, nullptr));
    const kiosk::TextLayout& l = engine.layout({kiosk::Face::SansBold, 22}, "DISPUTED", 0);
    const kiosk::DumpedText plain = engine.describe(l, ImVec2(100, 50));
    const kiosk::DumpedText spaced = engine.describe(l, ImVec2(100, 50), 3.f);
    REQUIRE(plain.runs.size() == 1);
    REQUIRE(spaced.runs.size() == 1);
    REQUIRE(plain.runs[0].glyphs.size() == 8);
    for (size_t i = 0; i < 8; ++i)
        CHECK(spaced.runs[0].glyphs[i].x == Approx(plain.runs[0].glyphs[i].x + 3.f * float(i)));
}
