// The event card's date label: a long range breaks after its dash rather than
// running past the card, a date too long even alone is set tighter and only then
// cut with "…", the card draws exactly what it measured, and the validator names
// a date the card would cut.
#include "layout/date_label.h"

#include "exhibit_fixture.h"
#include "layout/explore_measure.h"
#include "layout/text_fit.h"
#include "layout/text_measure.h"
#include "pack/date.h"
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace {

const std::pair<int, int> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {3840, 2160}, {720, 1280}, {1080, 1920}};

// Every spaced-capitals label the card's flow draws, where and how.
struct Label {
    std::string text;
    float x, spacing_em;
};
class LabelRecorder : public kiosk::FlowPainter {
public:
    std::vector<Label> labels;
    float text(kiosk::FontRole, ImVec2, kiosk::Ink, const std::string&, float) override { return 0; }
    void spaced_caps(kiosk::FontRole role, ImVec2 pos, kiosk::Ink, const std::string& text, float spacing) override {
        if (role == kiosk::kCardDateRole) labels.push_back({text, pos.x, spacing});
    }
    void bar(float, float, float, float, kiosk::Ink) override {}
};

// The minimal pack with its event "school" (in an era) dated `date` to `end`, or labelled `display`.
kiosk::PackLoadResult pack_dated(kiosk::Date date, std::optional<kiosk::Date> end, const std::string& display = "",
                                 bool era = true) {
    kiosk::PackLoadResult loaded = kiosk::load_pack(VITRINE_TEST_PACKS "/minimal");
    REQUIRE(loaded.ok());
    const auto school = std::find_if(loaded.pack.events.begin(), loaded.pack.events.end(),
                                     [](const kiosk::Event& e) { return e.id == "school"; });
    REQUIRE(school != loaded.pack.events.end());
    kiosk::Event& e = *school;
    if (!era) e.era.clear();
    e.when.start = date;
    e.when.end = end;
    if (!display.empty()) e.when.display.by_lang["en"] = display;
    return loaded;
}

const kiosk::Event& school_of(const kiosk::Pack& pack) {
    return *std::find_if(pack.events.begin(), pack.events.end(),
                         [](const kiosk::Event& e) { return e.id == "school"; });
}

const kiosk::Date kAdaBorn{1815, 12, 10, kiosk::DatePrecision::Day};
const kiosk::Date kAdaDied{1852, 11, 27, kiosk::DatePrecision::Day};

}  // namespace

TEST_CASE("a long date range is never wider than the card: it breaks after its dash", "[date-label]") {
    const auto size = GENERATE(from_range(std::begin(kSizes), std::end(kSizes)));
    const auto text_size = GENERATE(VITRINE_TEXT_SIZES);
    INFO(size.first << "x" << size.second << with_text_size(text_size));
    ExhibitFixture f(size.first, size.second, 0, text_size, VITRINE_TEST_PACKS "/minimal");
    // The fixture's pack with the long range, on the fixture's layout.
    const kiosk::PackLoadResult dated = pack_dated(kAdaBorn, kAdaDied);
    const kiosk::Ui ui{dated.pack, f.layouts, f.fonts, f.config, "en"};
    const kiosk::Rect& card = f.explore().card;

    LabelRecorder drawn;
    kiosk::card_flow(ui, school_of(dated.pack), &drawn, card.y);
    REQUIRE_FALSE(drawn.labels.empty());
    std::string whole;
    for (const Label& l : drawn.labels) {
        INFO(l.text);
        CHECK(l.x + kiosk::spaced_caps_width(f.fonts, kiosk::kCardDateRole, l.text, l.spacing_em) <=
              card.right() + 0.5f);
        whole += (whole.empty() ? "" : " ") + l.text;
    }
    // Nothing lost: both dates whole, the end year included.
    CHECK(whole == "10 December 1815 \u2013 27 November 1852");
    // One line where it fits, two only where it does not.
    const bool one_line =
        kiosk::spaced_caps_width(f.fonts, kiosk::kCardDateRole, whole, kiosk::kCardDateSpacingEm) <= card.w;
    CHECK(drawn.labels.size() == (one_line ? 1u : 2u));
    if (size == std::make_pair(800, 480)) CHECK(drawn.labels.size() == 2);
    if (drawn.labels.size() == 2) CHECK(drawn.labels[0].text == "10 December 1815 \u2013");
    // The card measures the height it draws: a second line makes it taller (by
    // one line, without the era, whose name moves under a wider date).
    const kiosk::PackLoadResult one_date = pack_dated(kAdaBorn, std::nullopt, "", false);
    const kiosk::PackLoadResult two_dates = pack_dated(kAdaBorn, kAdaDied, "", false);
    const kiosk::Ui one_ui{one_date.pack, f.layouts, f.fonts, f.config, "en"};
    const float one = kiosk::measure_card(one_ui, school_of(one_date.pack)).content_height;
    const kiosk::Ui two_ui{two_dates.pack, f.layouts, f.fonts, f.config, "en"};
    const float two = kiosk::measure_card(two_ui, school_of(two_dates.pack)).content_height;
    CHECK(two == Approx(one + float(drawn.labels.size() - 1) * f.fonts.size(kiosk::kCardDateRole) * 1.3f));
}

TEST_CASE("a date too long even alone is set tighter, then cut with an ellipsis, and the validator names it",
          "[date-label]") {
    ExhibitFixture f(800, 480, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/minimal");
    const float w = f.explore().card.w;
    const kiosk::FontRole role = kiosk::kCardDateRole;

    // A little too wide at the usual spacing: whole, tighter.
    std::string date = "1 September";
    while (kiosk::spaced_caps_width(f.fonts, role, date, kiosk::kCardDateSpacingEm) <= w) date += " 1939";
    REQUIRE(kiosk::spaced_caps_width(f.fonts, role, date, 0) <= w);
    kiosk::DateLabel tight = kiosk::card_date_label(f.fonts, date, w);
    CHECK(tight.lines == std::vector<std::string>{date});
    CHECK(tight.spacing_em < kiosk::kCardDateSpacingEm);
    CHECK_FALSE(tight.cut);
    CHECK(tight.width <= w);

    // Too wide even unspaced: cut, and still within the card.
    const std::string winter = "Sometime in the long, cold and uncertain winter of the war years";
    const kiosk::DateLabel cut = kiosk::card_date_label(f.fonts, winter, w);
    REQUIRE(cut.lines.size() == 1);
    CHECK(cut.cut);
    CHECK(cut.spacing_em == 0);
    CHECK(cut.lines[0].substr(cut.lines[0].size() - 3) == "\u2026");
    CHECK(kiosk::spaced_caps_width(f.fonts, role, cut.lines[0], 0) <= w);

    kiosk::PackLoadResult loaded = pack_dated(kAdaBorn, kAdaDied, winter);
    const auto problems = kiosk::cut_pack_texts(f.layouts, f.fonts, loaded.pack);
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::StartsWith("date of event 'school' (en) does not fit on the event card at "
                                              "800x480: 64 characters, room for about "));
    // A long range that breaks after its dash is whole: nothing to report.
    kiosk::PackLoadResult range = pack_dated(kAdaBorn, kAdaDied);
    CHECK(kiosk::cut_pack_texts(f.layouts, f.fonts, range.pack).empty());
}

TEST_CASE("a Khmer date label keeps no capitals and no spacing, and breaks after its dash", "[date-label]") {
    ExhibitFixture f(800, 480, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/minimal");
    const kiosk::FontRole role = kiosk::kCardDateRole;
    const std::string khmer = kiosk::format_date(kAdaBorn, "km");
    const std::string range = khmer + " \u2013 " + kiosk::format_date(kAdaDied, "km");
    const std::string end = kiosk::format_date(kAdaDied, "km");
    // Wide enough for each date alone, too narrow for the range.
    const float w =
        std::max(kiosk::text_width(f.fonts, role, khmer + " \u2013"), kiosk::text_width(f.fonts, role, end)) + 1;
    REQUIRE(kiosk::text_width(f.fonts, role, range) > w);
    const kiosk::DateLabel label = kiosk::card_date_label(f.fonts, range, w);
    REQUIRE(label.lines.size() == 2);
    CHECK(label.lines[0] == khmer + " \u2013");
    CHECK_FALSE(label.cut);
    for (const std::string& line : label.lines) {
        CHECK(kiosk::caps_label(f.fonts, role, line) == line);
        CHECK(kiosk::spaced_caps_width(f.fonts, role, line, label.spacing_em) ==
              kiosk::text_width(f.fonts, role, line));
        CHECK(kiosk::text_width(f.fonts, role, line) <= w);
    }
}

TEST_CASE("a list row's date stays on its one line: tightened, then cut", "[date-label]") {
    ExhibitFixture f(800, 480, 0, kiosk::TextSize::Standard, VITRINE_TEST_PACKS "/minimal");
    const float w = 200;
    const kiosk::FontRole role = kiosk::FontRole::SmallCaps;
    const std::string range = kiosk::format_date_span({kAdaBorn, kAdaDied, false, {}}, "en");
    REQUIRE(kiosk::spaced_caps_width(f.fonts, role, range, 0.08f) > w);
    const kiosk::DateLabel row = kiosk::fit_date_label(f.fonts, role, range, w, 0.08f, true);
    REQUIRE(row.lines.size() == 1);
    CHECK(row.width <= w);
    CHECK(kiosk::spaced_caps_width(f.fonts, role, row.lines[0], row.spacing_em) <= w);
    // The card's label, by contrast, breaks the same range at its dash.
    CHECK(kiosk::fit_date_label(f.fonts, role, range, w, 0.08f).lines.size() == 2);

    const kiosk::DateLabel long_display = kiosk::fit_date_label(f.fonts, role, std::string(600, 'x'), w, 0.08f, true);
    REQUIRE(long_display.lines.size() == 1);
    CHECK(long_display.cut);
    CHECK(long_display.width <= w);
}
