// An exhibit need not be a person's life: born and died are optional, and the
// header shows only the dates the pack states, never an open range made up.
#include "exhibit_fixture.h"
#include "layout/attract_layout.h"
#include "pack/pack.h"
#include "scratch_pack.h"
#include "ui/draw_helpers.h"
#include "ui/photo_textures.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// tests/packs/minimal with its `born` and `died` lines replaced by `dates`.
std::string minimal_with(const std::string& name, const std::string& dates) {
    return minimal_pack_edited("life-dates", name, {{"born = \"1925-10-24\"\ndied = \"2013-03-14\"\n", dates}});
}

// Every text Explore draws for `pack_dir` at 1280×800.
std::vector<std::string> explore_texts(const std::string& pack_dir) {
    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, pack_dir);
    return f.drawn_texts();
}

bool drawn(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

}  // namespace

TEST_CASE("the dates beside the title are the pack's own", "[life_dates]") {
    kiosk::ExhibitInfo x;
    CHECK(kiosk::life_dates(x, "en").empty());
    x.born.year = 1925;
    CHECK(kiosk::life_dates(x, "en") == "1925 –");  // a person alive
    x.died.year = 2013;
    CHECK(kiosk::life_dates(x, "en") == "1925 – 2013");
    x.born.year = 0;
    CHECK(kiosk::life_dates(x, "en") == "– 2013");
    x.born.year = -480;
    x.died.year = -399;
    CHECK(kiosk::life_dates(x, "fr") == "480\u00a0av.\u00a0J.-C. – 399\u00a0av.\u00a0J.-C.");
}

TEST_CASE("an exhibit without born or died loads, spans its events and shows no dates", "[life_dates]") {
    const std::string dir = minimal_with("no-life", "");
    const kiosk::PackLoadResult loaded = kiosk::load_pack(dir);
    REQUIRE(loaded.ok());
    CHECK(loaded.pack.exhibit.born.year == 0);

    ExhibitFixture f(1280, 800, 0, kiosk::TextSize::Standard, dir);
    int64_t first = 9999, last = 0;
    for (const kiosk::Event& e : f.pack().events) {
        first = std::min(first, e.when.start.year);
        last = std::max(last, e.when.start.year + 1);
    }
    for (const kiosk::Era& era : f.pack().eras) {
        first = std::min(first, era.start.year);
        last = std::max(last, era.end.year);
    }
    // The strip spans the events and eras, not from year 0 or over a life it does not have.
    CHECK(f.explore().axis.first_year == first);
    CHECK(f.explore().axis.last_year == last);

    const std::vector<std::string> texts = explore_texts(dir);
    CHECK(drawn(texts, "Test Person"));
    for (const std::string& t : texts) CHECK(t.find(" –") == std::string::npos);

    // The same pack with its dates shows them.
    CHECK(
        drawn(explore_texts(minimal_with("a-life", "born = \"1925-10-24\"\ndied = \"2013-03-14\"\n")), "1925 – 2013"));
}

TEST_CASE("the attract loop's subtitle shows only the dates the pack states", "[life_dates][attract]") {
    ExhibitFixture none(1280, 800, 0, kiosk::TextSize::Standard, minimal_with("attract-no-life", ""));
    const std::string subtitle = none.ui().text(none.pack().exhibit.subtitle);
    CHECK(kiosk::attract_layout(none.ui(), nullptr, nullptr).subtitle == subtitle);

    ExhibitFixture alive(1280, 800, 0, kiosk::TextSize::Standard,
                         minimal_with("attract-alive", "born = \"1925-10-24\"\n"));
    CHECK(kiosk::attract_layout(alive.ui(), nullptr, nullptr).subtitle ==
          (subtitle.empty() ? "" : subtitle + " · ") + "1925 –");
}
