// A TimelineJS timeline (JSON, or its Google Sheet saved as CSV) converted into a
// pack: the conversion alone, then the pack it gives loaded as the kiosk loads it.
#include "curator/timelinejs_import.h"

#include "curator/html_text.h"
#include "pack/date.h"
#include "pack/image_header.h"
#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using kiosk::DatePrecision;
using kiosk::TimelineFormat;
using kiosk::TimelineImport;

namespace {

const std::string kFixtures = std::string(VITRINE_SOURCE_DIR) + "/tests/fixtures/timelinejs";

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

kiosk::TimelineImportOptions options_for(const std::string& file_name) {
    kiosk::TimelineImportOptions options;
    options.file_name = file_name;
    options.base_dir = kFixtures;
    return options;
}

TimelineImport convert_fixture(const std::string& name) {
    const auto format = kiosk::timeline_format_from_name(name);
    REQUIRE(format);
    return kiosk::import_timelinejs(read_text(kFixtures + "/" + name), *format, options_for(name));
}

TimelineImport convert_json(const std::string& json,
                            const kiosk::TimelineImportOptions& options = options_for("test.json")) {
    return kiosk::import_timelinejs(json, TimelineFormat::Json, options);
}

TimelineImport convert_csv(const std::string& csv) {
    return kiosk::import_timelinejs(csv, TimelineFormat::Csv, options_for("test.csv"));
}

std::string all_warnings(const TimelineImport& r) {
    std::string text;
    for (const std::string& w : r.warnings) text += w + "\n";
    return text;
}

size_t count_warnings(const TimelineImport& r, const std::string& needle) {
    return static_cast<size_t>(std::count_if(r.warnings.begin(), r.warnings.end(), [&](const std::string& w) {
        return w.find(needle) != std::string::npos;
    }));
}

// The one warning containing every needle; fails when there is not exactly one.
std::string warning_with(const TimelineImport& r, std::initializer_list<std::string> needles) {
    std::vector<std::string> found;
    for (const std::string& w : r.warnings) {
        if (std::all_of(needles.begin(), needles.end(),
                        [&](const std::string& n) { return w.find(n) != std::string::npos; }))
            found.push_back(w);
    }
    INFO("warnings:\n" << all_warnings(r));
    for (const std::string& n : needles) INFO("needle: " << n);
    REQUIRE(found.size() == 1);
    return found.front();
}

size_t errors_in(const kiosk::PackLoadResult& loaded) {
    return static_cast<size_t>(
        std::count_if(loaded.diagnostics.begin(), loaded.diagnostics.end(),
                      [](const kiosk::Diagnostic& d) { return d.severity == kiosk::Diagnostic::Severity::Error; }));
}

// The loader's errors for the "TO FINISH:" values the import left.
std::vector<kiosk::Diagnostic> left_to_finish(const kiosk::PackLoadResult& loaded) {
    std::vector<kiosk::Diagnostic> found;
    for (const kiosk::Diagnostic& d : loaded.diagnostics)
        if (d.severity == kiosk::Diagnostic::Severity::Error &&
            d.message.rfind("the import left this to finish: ", 0) == 0)
            found.push_back(d);
    return found;
}

bool to_finish(const std::string& value) { return value.rfind(kiosk::kToFinish, 0) == 0; }

// Writes the conversion into a fresh folder, as the command does, and loads it
// as the kiosk would.
kiosk::PackLoadResult load_converted(const TimelineImport& r, const std::string& name) {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "timelinejs-core" / name;
    fs::remove_all(dir);
    fs::create_directories(dir / "media");
    std::ofstream(dir / "pack.toml", std::ios::binary) << r.pack_toml;
    for (const kiosk::MediaCopy& m : r.media) fs::copy_file(m.source, dir / m.destination);
    for (const kiosk::GeneratedFile& g : r.generated) {
        std::ofstream out(dir / g.destination, std::ios::binary);
        out.write(reinterpret_cast<const char*>(g.bytes.data()), static_cast<std::streamsize>(g.bytes.size()));
    }
    kiosk::PackLoadResult loaded = kiosk::load_pack(dir.string());
    std::string diagnostics;
    for (const kiosk::Diagnostic& d : loaded.diagnostics) diagnostics += d.to_string() + "\n";
    INFO("pack.toml:\n" << r.pack_toml << "\ndiagnostics:\n" << diagnostics);
    // Valid but for what the import left to finish: one error for each, and no other.
    CHECK(left_to_finish(loaded).size() == r.to_finish.size());
    CHECK(errors_in(loaded) == r.to_finish.size());
    return loaded;
}

const kiosk::Event& event(const kiosk::Pack& pack, const std::string& id) {
    const auto it =
        std::find_if(pack.events.begin(), pack.events.end(), [&](const kiosk::Event& e) { return e.id == id; });
    INFO("event " << id);
    REQUIRE(it != pack.events.end());
    return *it;
}

void check_date(const kiosk::Date& d, int64_t year, int month, int day, DatePrecision precision) {
    CHECK(d.year == year);
    CHECK(d.precision == precision);
    if (precision != DatePrecision::Year) CHECK(d.month == month);
    if (precision == DatePrecision::Day) CHECK(d.day == day);
}

std::vector<std::string> event_ids(const kiosk::Pack& pack) {
    std::vector<std::string> ids;
    for (const kiosk::Event& e : pack.events) ids.push_back(e.id);
    return ids;
}

}  // namespace

TEST_CASE("a TimelineJS JSON file becomes a pack that validates", "[timelinejs]") {
    const TimelineImport r = convert_fixture("ieng-sary.json");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    CHECK(r.events == 10);
    CHECK(r.eras == 2);
    CHECK(r.quotes == 1);
    CHECK(r.photographs == 1);
    const kiosk::PackLoadResult loaded = load_converted(r, "ieng-sary-json");
    const kiosk::Pack& pack = loaded.pack;

    SECTION("the title slide gives the exhibit's title, subtitle and photograph") {
        CHECK(pack.exhibit.id == "ieng-sary");
        CHECK(pack.exhibit.title.in("en") == "Ieng Sary");
        CHECK(pack.exhibit.subject.in("en") == "Ieng Sary");
        CHECK(pack.exhibit.subtitle.in("en") == "Face of the Khmer Rouge");
        CHECK(pack.exhibit.photo == "railway-1977");
        // No date of birth is made up from the earliest event: the curator is told
        // where to put it if the exhibit is a life, and the header shows no open range.
        CHECK(pack.exhibit.born.year == 0);
        CHECK(kiosk::life_dates(pack.exhibit, "en").empty());
        CHECK(warning_with(r, {"exhibit.born", "1925-10-24", "slide 1 'Born in present-day southern Vietnam'"})
                  .find("date of birth") != std::string::npos);
    }

    SECTION("events keep their order, dates, precision, ranges and display dates") {
        CHECK(event_ids(pack) ==
              std::vector<std::string>{"born-in-present-day-southern-vietnam", "at-sisowath-high-school",
                                       "a-scholarship-to-paris", "sets-up-a-radio-station-in-hanoi",
                                       "the-fall-of-phnom-penh", "announced-as-foreign-minister",
                                       "the-face-of-democratic-kampuchea", "defects-and-receives-a-royal-pardon",
                                       "sary-was-arrested-to-stand-trial-at-the", "death"});
        // Strings and numbers, empty strings for missing parts.
        check_date(event(pack, "born-in-present-day-southern-vietnam").when.start, 1925, 10, 24, DatePrecision::Day);
        const kiosk::Event& school = event(pack, "at-sisowath-high-school");
        check_date(school.when.start, 1940, 0, 0, DatePrecision::Year);
        REQUIRE(school.when.end);
        check_date(*school.when.end, 1949, 0, 0, DatePrecision::Year);
        CHECK(school.when.display.in("en") == "1940s");
        check_date(event(pack, "a-scholarship-to-paris").when.start, 1950, 0, 0, DatePrecision::Year);
        CHECK_FALSE(event(pack, "a-scholarship-to-paris").when.end);
        check_date(event(pack, "the-fall-of-phnom-penh").when.start, 1975, 4, 17, DatePrecision::Day);
        check_date(event(pack, "announced-as-foreign-minister").when.start, 1975, 8, 0, DatePrecision::Month);
        // A start date's own display_date, with the end formatted after it.
        const kiosk::Event& face = event(pack, "the-face-of-democratic-kampuchea");
        check_date(face.when.start, 1975, 8, 0, DatePrecision::Month);
        REQUIRE(face.when.end);
        check_date(*face.when.end, 1979, 1, 0, DatePrecision::Month);
        CHECK(face.when.display.in("en") == "August 1975 – January 1979");
        // Hours and minutes are dropped; unique_id becomes the id.
        check_date(event(pack, "death").when.start, 2013, 3, 14, DatePrecision::Day);
        CHECK(event(pack, "death").when.display.empty());
        for (const kiosk::Event& e : pack.events) CHECK(e.sources == std::vector<std::string>{"timelinejs"});
        REQUIRE(pack.sources.size() == 1);
        CHECK(pack.sources[0].id == "timelinejs");
        CHECK(pack.sources[0].title.in("en").find("ieng-sary.json") != std::string::npos);
    }

    SECTION("HTML is reduced to text and entities are decoded") {
        CHECK(event(pack, "born-in-present-day-southern-vietnam").text.in("en") ==
              "Ieng Sary was the son of a Chinese immigrant mother and a father from the Khmer Krom minority.");
        CHECK(event(pack, "at-sisowath-high-school").text.in("en") ==
              "According to court documents, Sary enrolled in secondary school at Sisowath High School.\n\n"
              "There he met Khieu Thirith, his future wife, and Saloth Sar, who would become better known as "
              "Pol Pot, Brother No. 1.");
        CHECK(event(pack, "a-scholarship-to-paris").text.in("en") ==
              "Sary won a scholarship to study at the Institut d’études politiques de Paris and moved to France.\n"
              "There he began to dabble in communism, ultimately becoming a founding member of the Marxist Circle "
              "of Khmer Students.");
        CHECK(event(pack, "sets-up-a-radio-station-in-hanoi").text.in("en").find("“Voice of the FUNK”, the National") !=
              std::string::npos);
        CHECK(event(pack, "announced-as-foreign-minister").text.in("en") ==
              "Four months after the Khmer Rouge took power, Sary was announced as the regime’s foreign minister.\n\n"
              "He served as deputy prime minister of foreign affairs of Democratic Kampuchea.");
        const std::string& face = event(pack, "the-face-of-democratic-kampuchea").text.in("en");
        CHECK(face.find("the “agrarian utopia” — he would later argue") != std::string::npos);
        CHECK(face.find("frequently & had no hand in the regime’s atrocities.") != std::string::npos);
        CHECK(face.find('&') == face.find("& had"));  // no entity left undecoded
    }

    SECTION("each remote media gives one warning naming its slide, and a photo left to finish") {
        CHECK(count_warnings(r, "is remote") == 3);
        warning_with(r, {"slide 3 'A scholarship to Paris': media https://en.wikipedia.org/wiki/Sciences_Po is remote",
                         "a Wikipedia article", "cannot be fetched offline"});
        warning_with(
            r, {"slide 4 'Sets up a radio station in Hanoi': media https://upload.wikimedia.org/", "a remote image"});
        warning_with(r, {"slide 5 'The fall of Phnom Penh': media https://www.youtube.com/watch?v=example0417",
                         "a YouTube video", "the event's photo is left to finish"});
        CHECK(to_finish(event(pack, "a-scholarship-to-paris").photos.at(0)));
        CHECK(to_finish(event(pack, "sets-up-a-radio-station-in-hanoi").photos.at(0)));
        CHECK(to_finish(event(pack, "the-fall-of-phnom-penh").photos.at(0)));
        CHECK(r.to_finish.size() == 3);
        CHECK(left_to_finish(loaded).size() == 3);
    }

    SECTION("the local image is copied once and referenced by the title and its event") {
        REQUIRE(r.media.size() == 1);
        CHECK(r.media[0].written == "images/railway-1977.png");
        CHECK(fs::path(r.media[0].source) == (fs::path(kFixtures) / "images/railway-1977.png").lexically_normal());
        CHECK(r.media[0].destination == "media/railway-1977.png");
        CHECK(r.generated.empty());
        REQUIRE(pack.photographs.size() == 1);
        const kiosk::Photograph& photo = pack.photographs[0];
        CHECK(photo.id == "railway-1977");
        CHECK(photo.file == "media/railway-1977.png");
        CHECK(photo.credit.in("en") == "Photograph: DC-Cam");
        CHECK(photo.alt.in("en") == "Ieng Sary among officials beside a railway track");
        CHECK(photo.width == 96);
        CHECK(photo.height == 64);
        CHECK(event(pack, "announced-as-foreign-minister").photos == std::vector<std::string>{"railway-1977"});
    }

    SECTION("the blockquote media became a quote, and its slide still an event") {
        REQUIRE(pack.quotes.size() == 1);
        const kiosk::Quote& q = pack.quotes[0];
        CHECK(q.text.in("en") ==
              "very regretful for the deaths of the intellectuals, because I was the one who "
              "gathered them to come to help build the country");
        CHECK(q.speaker.in("en") == "Ieng Sary");
        CHECK(q.context.in("en") == "Reportedly said in 1996, as cited in the indictment in Case 002");
        REQUIRE(q.when);
        check_date(q.when->start, 1996, 0, 0, DatePrecision::Year);
        CHECK(q.sources == std::vector<std::string>{"timelinejs"});
        CHECK(event(pack, "defects-and-receives-a-royal-pardon").text.in("en") ==
              "Sary defected and received a royal pardon.");
    }

    SECTION("eras come along with calm colours, and events in them are assigned") {
        REQUIRE(pack.eras.size() == 2);
        CHECK(pack.eras[0].id == "democratic-kampuchea");
        CHECK(pack.eras[0].name.in("en") == "Democratic Kampuchea");
        check_date(pack.eras[0].start, 1975, 4, 17, DatePrecision::Day);
        check_date(pack.eras[0].end, 1979, 1, 7, DatePrecision::Day);
        CHECK(pack.eras[1].id == "defection-and-tribunal");
        CHECK(pack.eras[0].color != pack.eras[1].color);
        for (const char* id :
             {"the-fall-of-phnom-penh", "announced-as-foreign-minister", "the-face-of-democratic-kampuchea"})
            CHECK(event(pack, id).era == "democratic-kampuchea");
        for (const char* id :
             {"defects-and-receives-a-royal-pardon", "sary-was-arrested-to-stand-trial-at-the", "death"})
            CHECK(event(pack, id).era == "defection-and-tribunal");
        for (const char* id : {"born-in-present-day-southern-vietnam", "at-sisowath-high-school",
                               "a-scholarship-to-paris", "sets-up-a-radio-station-in-hanoi"})
            CHECK(event(pack, id).era.empty());
    }

    SECTION("groups, backgrounds, missing headlines and texts are each reported once") {
        const std::string groups = warning_with(r, {"groups are not shown by the kiosk"});
        CHECK(groups.find("'Early life', 'Democratic Kampuchea'") != std::string::npos);
        warning_with(r, {"background", "slide 5 'The fall of Phnom Penh'"});
        warning_with(r, {"slide 9: has no headline", "'Sary was arrested to stand trial at the…'"});
        CHECK(event(pack, "sary-was-arrested-to-stand-trial-at-the").headline.in("en") ==
              "Sary was arrested to stand trial at the…");
        warning_with(r, {"slide 10 'Dies on trial, aged 87': has no text"});
        // Nothing is said about the hour and minute dropped from slide 10.
        CHECK(count_warnings(r, "hour") == 0);
        CHECK(count_warnings(r, "placeholder") == 0);
    }
}

TEST_CASE("a TimelineJS sheet saved as CSV becomes a pack that validates", "[timelinejs]") {
    const TimelineImport r = convert_fixture("ieng-sary-sheet.csv");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    CHECK(r.events == 7);
    CHECK(r.eras == 2);
    CHECK(r.quotes == 1);
    const kiosk::PackLoadResult loaded = load_converted(r, "ieng-sary-csv");
    const kiosk::Pack& pack = loaded.pack;

    CHECK(pack.exhibit.title.in("en") == "Ieng Sary");
    CHECK(pack.exhibit.subtitle.in("en") ==
          "Face of the Khmer Rouge — after the Phnom Penh Post’s article of March 2013");
    CHECK(event_ids(pack) == std::vector<std::string>{"born-in-present-day-southern-vietnam", "at-sisowath-high-school",
                                                      "named-a-leftist-flees-to-join-pol-pot", "the-fall-of-phnom-penh",
                                                      "announced-as-foreign-minister",
                                                      "defects-and-receives-a-royal-pardon", "dies-on-trial-aged-87"});

    // Quoted cells: commas, doubled quotes, line breaks.
    const kiosk::Event& leftist = event(pack, "named-a-leftist-flees-to-join-pol-pot");
    CHECK(leftist.headline.in("en") == "Named a \"leftist\", flees to join Pol Pot");
    CHECK(leftist.text.in("en") ==
          "Sary's life in academia ended when Norodom Sihanouk singled him out as a \"leftist\". "
          "He fled to the Vietnamese border to join Pol Pot.");
    CHECK(event(pack, "at-sisowath-high-school").text.in("en") ==
          "According to court documents, Sary enrolled in secondary school at Sisowath High School.\n\n"
          "There he met Khieu Thirith, his future wife, and Saloth Sar, who would become better known as "
          "Pol Pot, Brother No. 1.");
    CHECK(event(pack, "at-sisowath-high-school").when.display.in("en") == "1940s");
    REQUIRE(event(pack, "at-sisowath-high-school").when.end);
    check_date(*event(pack, "at-sisowath-high-school").when.end, 1949, 0, 0, DatePrecision::Year);
    // "7:30 AM" in the Time column is dropped without a word.
    check_date(event(pack, "the-fall-of-phnom-penh").when.start, 1975, 4, 17, DatePrecision::Day);
    CHECK(count_warnings(r, "7:30") == 0);
    CHECK(count_warnings(r, "Time") == 0);
    check_date(event(pack, "announced-as-foreign-minister").when.start, 1975, 8, 0, DatePrecision::Month);
    check_date(event(pack, "dies-on-trial-aged-87").when.start, 2013, 3, 14, DatePrecision::Day);

    // Rows are named by their row in the sheet; the blank row 11 is skipped silently.
    warning_with(r, {"row 2 'Ieng Sary': media https://upload.wikimedia.org/", "it cannot be the exhibit photograph"});
    warning_with(r, {"row 8 'The fall of Phnom Penh'", "a YouTube video"});
    warning_with(r, {"row 9 'Announced as foreign minister'", "a Vimeo video"});
    CHECK(count_warnings(r, "is remote") == 3);
    CHECK(count_warnings(r, "row 11") == 0);
    warning_with(r, {"exhibit.born", "row 5 'Born in present-day southern Vietnam'"});

    // The <cite> of a blockquote names the speaker and their role.
    REQUIRE(pack.quotes.size() == 1);
    CHECK(pack.quotes[0].text.in("en") ==
          "very regretful for the deaths of the intellectuals, because I was the one who "
          "gathered them to come to help build the country");
    CHECK(pack.quotes[0].speaker.in("en") == "Ieng Sary");
    CHECK(pack.quotes[0].role.in("en") == "Khmer Rouge foreign minister");
    CHECK(pack.quotes[0].context.in("en") == "Reportedly said in 1996, as cited in the indictment in Case 002");

    // Era rows.
    REQUIRE(pack.eras.size() == 2);
    CHECK(event(pack, "the-fall-of-phnom-penh").era == "democratic-kampuchea");
    CHECK(event(pack, "defects-and-receives-a-royal-pardon").era == "defection-and-tribunal");
    CHECK(event(pack, "named-a-leftist-flees-to-join-pol-pot").era.empty());

    // Nothing local: a placeholder photograph, and the curator is told.
    REQUIRE(r.generated.size() == 1);
    CHECK(r.generated[0].destination == "media/placeholder.png");
    const kiosk::ImageHeader header =
        kiosk::read_image_header(r.generated[0].bytes.data(), r.generated[0].bytes.size());
    CHECK(header.format == kiosk::ImageHeader::Format::Png);
    CHECK(header.width == 1200);
    CHECK(header.height == 800);
    CHECK(pack.exhibit.photo == "placeholder");
    REQUIRE(pack.photographs.size() == 1);
    CHECK(to_finish(pack.photographs[0].caption.in("en")));
    CHECK(pack.photographs[0].caption.in("en").find("add a photograph that stands for the whole exhibit") !=
          std::string::npos);
    CHECK(pack.photographs[0].credit.in("en") == "Placeholder");
    CHECK(pack.photographs[0].width == 1200);
    warning_with(r, {"placeholder", "exhibit.photo"});
}

TEST_CASE("TimelineJS's date quirks: strings, empty parts, impossible days, BC years", "[timelinejs]") {
    const TimelineImport r = convert_json(R"({"events": [
        {"start_date": {"year": -500}, "text": {"headline": "Angkor Borei founded"}},
        {"start_date": {"year": "1975.0", "month": "4", "day": "31"}, "text": {"headline": "April 31", "text": "x"}},
        {"start_date": {"year": 1975, "month": 13}, "text": {"headline": "Month 13", "text": "x"}},
        {"start_date": {"year": "nineteen"}, "text": {"headline": "In words"}},
        {"start_date": {"year": " 1,979 "}, "end_date": {"year": "", "month": ""}, "text": {"headline": "Commas", "text": "x"}},
        {"start_date": {"year": 1980}, "end_date": {"year": 1970}, "text": {"headline": "Backwards", "text": "x"}},
        {"start_date": {"year": 1990}, "end_date": {"year": "1990"}, "text": {"headline": "Same year", "text": "x"}},
        {"text": {"headline": "No date"}},
        {"start_date": {"year": 12000}, "text": {"headline": "Far future"}},
        {"start_date": {"year": 2000}, "text": "A bare string for a text"},
        {"start_date": {"year": 2001}, "text": {"headline": "Twice", "text": "a"}},
        {"start_date": {"year": 2002}, "text": {"headline": "Twice", "text": "b"}},
        {"start_date": {"year": 2003}, "text": {"headline": "", "text": ""}, "media": {"url": "", "credit": null}},
        {"start_date": {"year": 2004, "month": 2, "day": 29}, "text": {"headline": "Leap day", "text": "x"}},
        {"start_date": {"year": 1.5e3, "month": null}, "text": {"headline": "A float", "text": "x"}},
        {"start_date": {"year": "0"}, "text": {"headline": "Year zero"}},
        {"start_date": {"year": 1960, "day": 3}, "text": {"headline": "Day without month", "text": "x"}}
    ]})");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    const kiosk::PackLoadResult loaded = load_converted(r, "quirks");
    const kiosk::Pack& pack = loaded.pack;

    // Slides the kiosk cannot date are skipped, each with its reason.
    warning_with(r, {"slide 4 'In words': year 'nineteen' is not a number", "skipped"});
    warning_with(r, {"slide 8 'No date': has no start date", "skipped"});
    warning_with(r, {"slide 9 'Far future': year 12000 is after 9999", "skipped"});
    warning_with(r, {"slide 16 'Year zero': year 0 does not exist", "1 BC is -1", "skipped"});
    CHECK(r.events == 13);
    // A negative year is the same year BC, as TimelineJS labels it.
    check_date(event(pack, "angkor-borei-founded").when.start, -500, 0, 0, DatePrecision::Year);

    // Parts that do not exist are dropped, down to what does.
    check_date(event(pack, "april-31").when.start, 1975, 4, 0, DatePrecision::Month);
    warning_with(r, {"slide 2 'April 31'", "day '31' does not exist in April 1975"});
    check_date(event(pack, "month-13").when.start, 1975, 0, 0, DatePrecision::Year);
    warning_with(r, {"slide 3 'Month 13'", "month '13' is not a month"});
    check_date(event(pack, "day-without-month").when.start, 1960, 0, 0, DatePrecision::Year);
    warning_with(r, {"slide 17", "a day but no month"});
    check_date(event(pack, "leap-day").when.start, 2004, 2, 29, DatePrecision::Day);
    check_date(event(pack, "a-float").when.start, 1500, 0, 0, DatePrecision::Year);

    // Empty end dates are no end; an end before the start is dropped with a word;
    // an end equal to the start is no range.
    check_date(event(pack, "commas").when.start, 1979, 0, 0, DatePrecision::Year);
    CHECK_FALSE(event(pack, "commas").when.end);
    CHECK_FALSE(event(pack, "backwards").when.end);
    warning_with(r, {"slide 6 'Backwards': the end date 1970 is before the start date 1980"});
    CHECK_FALSE(event(pack, "same-year").when.end);

    // Headlines: from the text, or the date; ids are made unique.
    const kiosk::Event& bare = event(pack, "a-bare-string-for-a-text");
    CHECK(bare.headline.in("en") == "A bare string for a text");
    CHECK(bare.text.in("en") == "A bare string for a text");
    CHECK(event(pack, "twice").text.in("en") == "a");
    CHECK(event(pack, "twice-2").text.in("en") == "b");
    CHECK(to_finish(event(pack, "2003").headline.in("en")));
    CHECK(event(pack, "2003").headline.in("en").find("write a headline for this event") != std::string::npos);
    CHECK(count_warnings(r, "slide 13") == 0);
    CHECK(std::count_if(r.to_finish.begin(), r.to_finish.end(), [](const std::string& f) {
              return f.rfind("slide 13 headline: write a headline", 0) == 0;
          }) == 1);
}

TEST_CASE("every kind of media TimelineJS takes is named in its warning", "[timelinejs]") {
    std::vector<std::string> checked;
    kiosk::TimelineImportOptions options = options_for("media.json");
    options.check_local_media = [&](const std::string& path) -> std::string {
        checked.push_back(path);
        if (path.find("missing") != std::string::npos) return "does not exist";
        if (path.find("notes") != std::string::npos)
            return "is not a PNG or JPEG image (checked by content, not by name)";
        return "";
    };
    const auto slide = [](int year, const std::string& headline, const std::string& url) {
        return R"({"start_date": {"year": )" + std::to_string(year) + R"(}, "text": {"headline": ")" + headline +
               R"(", "text": "x"}, "media": {"url": ")" + url + R"(", "caption": "c", "credit": "d"}})";
    };
    const std::string json =
        "{\"events\": [" + slide(1901, "Vimeo", "https://vimeo.com/304869290") + "," +
        slide(1902, "Tweet", "https://twitter.com/user/status/1") + "," +
        slide(1903, "Map", "https://www.google.com/maps/place/Phnom+Penh/@11.5,104.9,12z") + "," +
        slide(1904, "Wiki image", "https://en.wikipedia.org/wiki/Beryllium#/media/File:Beryl.jpg") + "," +
        slide(1905, "Iframe", "<iframe src='https://example.org/embed'></iframe>") + "," +
        slide(1906, "Gif", "images/animation.gif") + "," + slide(1907, "Data", "data:image/png;base64,iVBORw0KGgo=") +
        "," + slide(1908, "Sound", "https://soundcloud.com/a/b") + "," +
        slide(1909, "Relative protocol", "//example.org/photo.jpg") + "," +
        slide(1910, "Missing", "images/missing.jpg") + "," + slide(1911, "Not an image", "images/notes.jpg") + "," +
        slide(1912, "Spaces", "images/my%20photo.JPG") + "," + slide(1913, "Spaces again", "images/my%20photo.JPG") +
        "," + slide(1914, "Flickr", "https://flic.kr/p/sv3VN6") + "," +
        slide(1915, "Audio", "https://example.org/speech.mp3") + "," +
        slide(1916, "Tweet embed", "<blockquote class='twitter-tweet'><p>Hello</p>&mdash; A (@a)</blockquote>") + "]}";
    const TimelineImport r = convert_json(json, options);
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    warning_with(r, {"slide 1 'Vimeo'", "a Vimeo video"});
    warning_with(r, {"slide 2 'Tweet'", "a tweet"});
    warning_with(r, {"slide 3 'Map'", "a Google Map"});
    warning_with(r, {"slide 4 'Wiki image'", "a Wikipedia image"});
    warning_with(r, {"slide 5 'Iframe'", "an embedded page (<iframe>)"});
    warning_with(r, {"slide 6 'Gif'", "a GIF image", "JPEG and PNG"});
    warning_with(r, {"slide 7 'Data'", "a data: URL"});
    warning_with(r, {"slide 8 'Sound'", "a SoundCloud clip"});
    warning_with(r, {"slide 9 'Relative protocol'", "a remote image"});
    warning_with(r, {"slide 10 'Missing': media 'images/missing.jpg' does not exist", "left to finish"});
    warning_with(r, {"slide 11 'Not an image'", "is not a PNG or JPEG image"});
    warning_with(r, {"slide 14 'Flickr'", "a Flickr photograph"});
    warning_with(r, {"slide 15 'Audio'", "a remote audio file"});
    warning_with(r, {"slide 16 'Tweet embed'", "an embedded tweet"});
    CHECK(r.quotes == 0);
    CHECK(r.warnings.size() == 16);  // 14 media; the exhibit photograph; born
    // No title, and 14 media that did not come along (the blockquote tweet embed included).
    CHECK(r.to_finish.size() == 2 + 14);

    // Local paths are resolved against the timeline's folder and URL-decoded;
    // the same file twice is copied once.
    CHECK(checked ==
          std::vector<std::string>{(fs::path(kFixtures) / "images/missing.jpg").lexically_normal().string(),
                                   (fs::path(kFixtures) / "images/notes.jpg").lexically_normal().string(),
                                   (fs::path(kFixtures) / "images/my photo.JPG").lexically_normal().string()});
    REQUIRE(r.media.size() == 1);
    CHECK(r.media[0].written == "images/my%20photo.JPG");
    CHECK(r.media[0].destination == "media/my-photo.jpg");
    CHECK(r.photographs == 1);
    // No title slide: the first event's image is the exhibit's photograph.
    warning_with(r, {"exhibit.photo", "slide 12 'Spaces'"});
    CHECK(r.pack_toml.find("photo = \"my-photo\"") != std::string::npos);
    CHECK(r.generated.empty());
}

TEST_CASE("a blockquote without a speaker is attributed to Unknown, with a word", "[timelinejs]") {
    const TimelineImport r = convert_json(R"({
        "title": {"text": {"headline": "Voices", "text": "<p>One</p><p>Two</p>"},
                  "media": {"url": "<blockquote>We will <em>not</em> forget.</blockquote>"}},
        "events": [
            {"start_date": {"year": 1979}, "text": {"headline": "Liberation", "text": "Words."},
             "media": {"url": "<blockquote>\"Never again.\"</blockquote>", "credit": "&mdash; A survivor"}}
        ]})");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    const kiosk::PackLoadResult loaded = load_converted(r, "quotes");
    const kiosk::Pack& pack = loaded.pack;
    CHECK(pack.exhibit.subtitle.in("en") == "One Two");
    REQUIRE(pack.quotes.size() == 2);
    CHECK(pack.quotes[0].text.in("en") == "We will not forget.");
    CHECK(pack.quotes[0].speaker.in("en") == "Unknown");
    CHECK_FALSE(pack.quotes[0].when);
    warning_with(r, {"title slide 'Voices'", "no speaker", "'Unknown'"});
    CHECK(pack.quotes[1].text.in("en") == "Never again.");
    CHECK(pack.quotes[1].speaker.in("en") == "A survivor");
    REQUIRE(pack.quotes[1].when);
    CHECK(pack.quotes[1].when->start.year == 1979);
    CHECK(pack.events.size() == 1);
    CHECK(pack.exhibit.photo == "placeholder");
}

TEST_CASE("text the pack writes is escaped for TOML, whatever it holds", "[timelinejs]") {
    kiosk::TimelineImportOptions options = options_for("odd \"name\" with \\ back\tslash\nand line.json");
    const TimelineImport r = convert_json(R"({
        "title": {"text": {"headline": "Quote \" backslash \\ triple \"\"\" end\"", "text": ""}},
        "events": [{"start_date": {"year": 1975},
                    "text": {"headline": "Tab\there \\n not a newline 😀",
                             "text": "<p>\"\"\" opens</p><p>ends with a quote\"</p><p>C:\\path\\</p>"}}]})",
                                          options);
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    const kiosk::PackLoadResult loaded = load_converted(r, "escaping");
    const kiosk::Pack& pack = loaded.pack;
    CHECK(pack.exhibit.title.in("en") == "Quote \" backslash \\ triple \"\"\" end\"");
    REQUIRE(pack.events.size() == 1);
    CHECK(pack.events[0].headline.in("en") == "Tab here \\n not a newline 😀");
    CHECK(pack.events[0].text.in("en") == "\"\"\" opens\n\nends with a quote\"\n\nC:\\path\\");
    REQUIRE(pack.sources.size() == 1);
    CHECK(pack.sources[0].title.in("en").find("odd \"name\" with \\ back\tslash\nand line.json") != std::string::npos);
}

TEST_CASE("files that cannot be imported say why and where, and give nothing to write", "[timelinejs]") {
    const auto check_error = [](const TimelineImport& r, const std::string& needle, int line = 0, int column = 0) {
        INFO(r.error);
        CHECK_FALSE(r.ok());
        CHECK(r.error.find(needle) != std::string::npos);
        CHECK(r.error_line == line);
        CHECK(r.error_column == column);
        CHECK(r.pack_toml.empty());
        CHECK(r.media.empty());
        CHECK(r.generated.empty());
    };
    check_error(convert_fixture("broken.json"), "not valid JSON: syntax error", 7, 5);
    check_error(convert_fixture("missing-columns.csv"), "the sheet has no 'Year', 'Headline', 'Text' columns", 1, 1);
    check_error(convert_json("[]"), "one JSON object with an \"events\" list, not an array");
    check_error(convert_json("{}"), "no \"events\" list");
    check_error(convert_json(R"({"events": {}})"), "\"events\" must be a list");
    check_error(convert_json(R"({"timeline": {"headline": "Old", "date": []}})"), "TimelineJS 2");
    check_error(convert_json(R"({"events": []})"), "the timeline has no events");
    check_error(convert_json(R"({"events": [{"start_date": {"year": 0}, "text": {"headline": "Caesar"}}]})"),
                "none of the timeline's 1 slides has a date the kiosk can show");
    check_error(convert_json(""), "not valid JSON", 1, 1);
    check_error(convert_csv(""), "the sheet is empty");
    check_error(convert_csv("Year,Headline,Text\r\n"), "the timeline has no events");
    check_error(convert_csv("Year,Headline,Text\n1975,\"never ends,x\n1976,b,c\n"), "never ends", 2);
    check_error(convert_csv("Year,Headline,Text\n1975,Caf\xE9,x\n"), "not UTF-8", 2, 9);
    check_error(convert_csv("\n\nHeadline,Text\n"), "no 'Year' column", 3, 1);
}

TEST_CASE("the CSV reader follows RFC 4180 and the spreadsheets' habits", "[timelinejs]") {
    using Fields = std::vector<std::string>;
    const auto fields = [](const std::string& text) {
        std::string error;
        const auto records = kiosk::read_csv(text, &error);
        INFO(error);
        REQUIRE(records);
        std::vector<Fields> out;
        for (const kiosk::CsvRecord& r : *records) out.push_back(r.fields);
        return out;
    };
    CHECK(fields("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n") ==
          std::vector<Fields>{{"a", "b", "c"}, {"1", "x, y", "say \"hi\""}});
    CHECK(fields("\xEF\xBB\xBFYear,Headline") == std::vector<Fields>{{"Year", "Headline"}});
    CHECK(fields("a,,\n") == std::vector<Fields>{{"a", "", ""}});
    CHECK(fields("\"\",x") == std::vector<Fields>{{"", "x"}});
    CHECK(fields("a\n\nb") == std::vector<Fields>{{"a"}, {""}, {"b"}});
    CHECK(fields("a\rb\r") == std::vector<Fields>{{"a"}, {"b"}});
    CHECK(fields("") == std::vector<Fields>{});

    std::string error;
    const auto records = kiosk::read_csv("h\r\n\"line 1\r\nline 2\nline 3\"\r\nnext\r\n", &error);
    REQUIRE(records);
    REQUIRE(records->size() == 3);
    CHECK((*records)[1].fields == Fields{"line 1\nline 2\nline 3"});
    CHECK((*records)[0].line == 1);
    CHECK((*records)[1].line == 2);
    CHECK((*records)[2].line == 5);

    int line = 0;
    CHECK_FALSE(kiosk::read_csv("a\n\"open\n\n", &error, &line));
    CHECK(line == 2);
    CHECK(error == "a quoted field starting on line 2 never ends");
}

TEST_CASE("the sheet's columns are found by name, in any order, with extra columns", "[timelinejs]") {
    const TimelineImport r = convert_csv(
        "\xEF\xBB\xBF"
        "Notes, headline ,Text,Year,Month,Day,type,Tag,Media,Alt Text,Media Caption\r\n"
        "ignored,My title,<p>Sub</p>,,,,Title,,,,\r\n"
        "x,Event one,<b>Bold</b> text,1990,2,,,Politics,photo.png,A described photo,A caption\r\n"
        "x,Odd type,text,1991,,,Slide,,,,\r\n");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    CHECK(r.events == 2);
    CHECK(r.pack_toml.find("title.en = \"My title\"") != std::string::npos);
    CHECK(r.pack_toml.find("subtitle.en = \"Sub\"") != std::string::npos);
    CHECK(r.pack_toml.find("date = \"1990-02\"") != std::string::npos);
    CHECK(r.pack_toml.find("text.en = \"Bold text\"") != std::string::npos);
    CHECK(r.pack_toml.find("alt.en = \"A described photo\"") != std::string::npos);
    warning_with(r, {"groups are not shown", "'Politics'"});
    warning_with(r, {"row 4 'Odd type': type 'Slide' is not 'title' or 'era'"});
    warning_with(r, {"row 3 'Event one'", "has no credit", "'Unknown'"});
}

TEST_CASE("damaged timelines are refused or imported, never crash, and what imports validates", "[timelinejs]") {
    // Fixtures cut short, with lines repeated or lost, and with markup, quotes,
    // separators and numbers dropped in at random.
    std::mt19937 rng(1979);
    const std::vector<std::string> tokens = {"\"",       ",",   "\n",   "\r\n", "<",    ">",
                                             "&",        ";",   "-",    "0",    "13",   "{",
                                             "}",        "[",   "]",    ":",    "<p>",  "</blockquote>",
                                             "&#x2019;", " ",   "null", "-500", "\"\"", "<blockquote>",
                                             "title",    "era", "é"};
    int imported = 0;
    for (const char* name : {"ieng-sary.json", "ieng-sary-sheet.csv"}) {
        const std::string original = read_text(kFixtures + "/" + name);
        const TimelineFormat format = *kiosk::timeline_format_from_name(name);
        for (int round = 0; round < 60; ++round) {
            std::string text = original;
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int e = 0; e < edits && !text.empty(); ++e) {
                const size_t at = rng() % text.size();
                switch (rng() % 4) {
                    case 0: text.resize(at); break;                                 // cut short
                    case 1: text.erase(at, rng() % 80); break;                      // lose a piece
                    case 2: text.insert(at, tokens[rng() % tokens.size()]); break;  // add a token
                    case 3: text.insert(at, text.substr(at, rng() % 200)); break;   // repeat a piece
                }
            }
            INFO(name << " round " << round << ":\n" << text);
            TimelineImport r;
            kiosk::TimelineImportOptions options = options_for(name);
            options.check_local_media = [](const std::string& path) {
                return fs::is_regular_file(path) ? std::string() : std::string("does not exist");
            };
            REQUIRE_NOTHROW(r = kiosk::import_timelinejs(text, format, options));
            if (!r.ok()) {
                CHECK(r.pack_toml.empty());
                continue;
            }
            ++imported;
            const kiosk::PackLoadResult loaded =
                load_converted(r, std::string("damaged-") + (format == TimelineFormat::Json ? "json" : "csv"));
            CHECK(loaded.pack.events.size() == r.events);
        }
    }
    CHECK(imported > 10);  // the test is not only about refusals
}

TEST_CASE("a headline made from a text's first words ends cleanly", "[timelinejs]") {
    const TimelineImport r = convert_json(R"({"events": [
        {"start_date": {"year": 1901}, "text": {"text": "<p>Un deux trois quatre cinq six sept huit, neuf dix</p>"}},
        {"start_date": {"year": 1902}, "text": {"text": "Un deux trois quatre cinq six sept PÔ neuf dix"}},
        {"start_date": {"year": 1903}, "text": {"text": "Un deux trois quatre cinq six sept huit &mdash; neuf"}},
        {"start_date": {"year": 1904}, "text": {"text": "Short text."}}
    ]})");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    const kiosk::PackLoadResult loaded = load_converted(r, "first-words");
    REQUIRE(loaded.pack.events.size() == 4);
    CHECK(loaded.pack.events[0].headline.in("en") == "Un deux trois quatre cinq six sept huit…");
    CHECK(loaded.pack.events[1].headline.in("en") == "Un deux trois quatre cinq six sept PÔ…");
    CHECK(loaded.pack.events[2].headline.in("en") == "Un deux trois quatre cinq six sept huit…");
    CHECK(loaded.pack.events[3].headline.in("en") == "Short text.");
    CHECK(count_warnings(r, "has no headline; the first words of its text are used") == 4);
}

TEST_CASE("what the import cannot carry is left TO FINISH, and the pack validates once it is written", "[timelinejs]") {
    kiosk::TimelineImportOptions options = options_for("curie-draft.json");
    options.check_local_media = [](const std::string&) { return std::string(); };
    const TimelineImport r = convert_json(R"({"events": [
        {"start_date": {"year": 1867}, "text": {"headline": "Naissance", "text": "<p>À Varsovie.</p>"}},
        {"start_date": {"year": 1891}, "text": {"headline": "", "text": ""},
         "media": {"url": "https://www.youtube.com/watch?v=curie", "credit": "INA"}},
        {"start_date": {"year": 1903}, "text": {"headline": "Nobel", "text": "Physique."},
         "media": {"url": "https://upload.wikimedia.org/curie.jpg"}},
        {"start_date": {"year": 1911}},
        {"start_date": {"year": 1934}, "text": {"headline": "Passy", "text": "Mort."},
         "media": {"url": "images/curie.png", "caption": "Marie Curie", "credit": "Archives"}}
    ]})",
                                          options);
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    const std::string toml = r.pack_toml;
    INFO(toml);

    // No title: a placeholder, not the file's name.
    CHECK(toml.find("title.en = \"TO FINISH: give the exhibit a title (the timeline has no title slide)\"") !=
          std::string::npos);
    CHECK(toml.find("subject.en = \"TO FINISH: name who or what the exhibit is about") != std::string::npos);
    CHECK(toml.find("title.en = \"curie-draft\"") == std::string::npos);
    CHECK(toml.find("id = \"curie-draft\"") != std::string::npos);  // an id is no visitor's reading
    CHECK(count_warnings(r, "after the file") == 0);
    // A slide with only media, and one with only a date: no card headed by its date.
    CHECK(toml.find("headline.en = \"TO FINISH: write a headline for this event (the slide had no headline and no "
                    "text, only its media https://www.youtube.com/watch?v=curie)\"") != std::string::npos);
    CHECK(toml.find("headline.en = \"TO FINISH: write a headline for this event (the slide had no headline and no "
                    "text, only its date)\"") != std::string::npos);
    CHECK(toml.find("headline.en = \"1891\"") == std::string::npos);
    // Media that did not come along.
    CHECK(toml.find("photo = \"TO FINISH: the slide's media https://www.youtube.com/watch?v=curie (a YouTube video), "
                    "with its credit 'INA', did not come along") != std::string::npos);
    CHECK(toml.find("photo = \"TO FINISH: the slide's media https://upload.wikimedia.org/curie.jpg (a remote "
                    "image)") != std::string::npos);
    CHECK(r.to_finish == std::vector<std::string>{
                             "slide 2 headline: write a headline for this event (the slide had no headline and no "
                             "text, only its media https://www.youtube.com/watch?v=curie)",
                             "slide 2 photo: the slide's media https://www.youtube.com/watch?v=curie (a YouTube "
                             "video), with its credit 'INA', did not come along: save a JPEG or PNG in media/, list it "
                             "in [[photographs]] "
                             "and give its id here, or delete this line",
                             "slide 3 'Nobel' photo: the slide's media https://upload.wikimedia.org/curie.jpg (a "
                             "remote image) did not come along: save a JPEG or PNG in media/, list it in "
                             "[[photographs]] and give its id here, or delete this line",
                             "slide 4 headline: write a headline for this event (the slide had no headline and no "
                             "text, only its date)",
                             "exhibit.title: give the exhibit a title (the timeline has no title slide)",
                             "exhibit.subject: name who or what the exhibit is about (the timeline has no title "
                             "slide)"});

    // The loader names each at its own line, and says nothing else about those values.
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "timelinejs-core" / "to-finish";
    fs::remove_all(dir);
    fs::create_directories(dir / "media");
    fs::copy_file(fs::path(kFixtures) / "images/railway-1977.png", dir / "media/curie.png");
    std::ofstream(dir / "pack.toml", std::ios::binary) << toml;
    const kiosk::PackLoadResult loaded = kiosk::load_pack(dir.string());
    std::string diagnostics;
    for (const kiosk::Diagnostic& d : loaded.diagnostics) diagnostics += d.to_string() + "\n";
    INFO(diagnostics);
    const std::vector<kiosk::Diagnostic> left = left_to_finish(loaded);
    REQUIRE(left.size() == 6);
    CHECK(errors_in(loaded) == 6);
    CHECK(left[0].message ==
          "the import left this to finish: give the exhibit a title (the timeline has no title "
          "slide)");
    std::vector<std::string> lines;
    std::istringstream in(toml);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    for (const kiosk::Diagnostic& d : left) {
        REQUIRE(d.line >= 1);
        REQUIRE(static_cast<size_t>(d.line) <= lines.size());
        CHECK(lines[static_cast<size_t>(d.line) - 1].find("\"TO FINISH: ") != std::string::npos);
    }

    // Written by a curator, the pack is valid: values replaced, unwanted photos deleted.
    std::string finished;
    for (const std::string& line : lines) {
        if (line.find("\"TO FINISH: ") == std::string::npos) {
            finished += line + "\n";
        } else if (line.rfind("photo = ", 0) != 0) {
            finished += line.substr(0, line.find('=')) + "= \"Written by the curator\"\n";
        }
    }
    std::ofstream(dir / "pack.toml", std::ios::binary | std::ios::trunc) << finished;
    const kiosk::PackLoadResult written = kiosk::load_pack(dir.string());
    diagnostics.clear();
    for (const kiosk::Diagnostic& d : written.diagnostics) diagnostics += d.to_string() + "\n";
    INFO(finished << "\n" << diagnostics);
    CHECK(written.ok());
}

TEST_CASE("a slide told only in its media's caption keeps that caption as its text", "[timelinejs]") {
    const TimelineImport r = convert_json(R"({"events": [
        {"start_date": {"year": 1853}, "text": {"headline": "", "text": ""},
         "media": {"url": "https://www.youtube.com/watch?v=gazette",
                   "caption": "<b>Hannibal Gazette.</b> Begins work as a journeyman printer in the town's newspaper.",
                   "credit": "State Historical Society"}}
    ]})");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    const std::string toml = r.pack_toml;
    INFO(toml);
    CHECK(toml.find("headline.en = \"Hannibal Gazette. Begins work as a journeyman printer") != std::string::npos);
    CHECK(toml.find("text.en = \"Hannibal Gazette. Begins work as a journeyman printer in the town's newspaper.\"") !=
          std::string::npos);
    CHECK(toml.find("headline.en = \"TO FINISH") == std::string::npos);
    CHECK(count_warnings(r, "its media caption becomes the text") == 1);
    // The media itself is still left to finish, with its caption and credit beside it.
    CHECK(toml.find("with its caption 'Hannibal Gazette. Begins work") != std::string::npos);
    CHECK(toml.find("and credit 'State Historical Society', did not come along") != std::string::npos);
}

TEST_CASE("TimelineJS's notes to the author and Wikipedia's footnote marks are dropped, with a note each",
          "[timelinejs]") {
    const TimelineImport r = convert_fixture("my-own-timeline.csv");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    CHECK(r.events == 5);
    const std::string& toml = r.pack_toml;
    INFO(toml);
    CHECK(toml.find("title.en = \"Marie Curie\"") != std::string::npos);
    CHECK(toml.find("subtitle.en = \"Physicienne et chimiste\"") != std::string::npos);
    CHECK(toml.find("text.en = \"Maria Skłodowska naît à Varsovie.\"") != std::string::npos);
    CHECK(toml.find("text.en = \"Elle s'inscrit à la Sorbonne.\"") != std::string::npos);
    CHECK(toml.find("text.en = \"Partagé avec Pierre Curie et Henri Becquerel.\"") != std::string::npos);
    for (const char* gone : {"Use this row", "Help", "HTML", "[1]", "[2]", "citation needed"})
        CHECK(toml.find(gone) == std::string::npos);
    CHECK(warning_with(r, {"2 TimelineJS notes", "tl-note"}).find("first in row 2") != std::string::npos);
    CHECK(warning_with(r, {"3 footnote marks", "[citation needed]"}).find("first in row 3") != std::string::npos);
    // The media-only row and the remote media are left to finish; so is the exhibit photograph.
    CHECK(r.to_finish.size() == 4);
    load_converted(r, "my-own-timeline");
}

TEST_CASE("tl-note elements and footnote marks are recognised however they are written", "[timelinejs]") {
    size_t removed = 0;
    CHECK(kiosk::without_elements_of_class("a<span class=\"tl-note\">x <span>y</span> z</span>b", "tl-note",
                                           &removed) == "ab");
    CHECK(kiosk::without_elements_of_class("<p class='lead TL-NOTE'>x</p><p class=tl-note>y</p>c", "tl-note",
                                           &removed) == "c");
    CHECK(kiosk::without_elements_of_class("<span class=\"tl-note-link\">kept</span><br class=\"tl-note\"/>", "tl-note",
                                           &removed) == "<span class=\"tl-note-link\">kept</span>");
    CHECK(kiosk::without_elements_of_class("<span class=\"tl-note\">never closed", "tl-note", &removed).empty());
    CHECK(removed == 5);

    removed = 0;
    CHECK(kiosk::without_footnote_marks("Born in 1867.[1][23] She", &removed) == "Born in 1867. She");
    CHECK(kiosk::without_footnote_marks("a Nobel [note 2] prize [a].", &removed) == "a Nobel prize.");
    CHECK(kiosk::without_footnote_marks("Paris[citation needed], then[who?] [better source needed]", &removed) ==
          "Paris, then");
    CHECK(removed == 7);
    CHECK(kiosk::without_footnote_marks("[sic] the [King] of [1234] [", &removed) == "[sic] the [King] of [1234] [");
    CHECK(removed == 7);
}

TEST_CASE("TimelineJS's welcome timeline, wrapped in {\"timeline\": …}, imports", "[timelinejs]") {
    const TimelineImport r = convert_fixture("welcome-timeline.json");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    CHECK(r.events == 5);
    CHECK(r.pack_toml.find("title.en = \"Marie Curie\"") != std::string::npos);
    load_converted(r, "welcome");
    // Its events called "slides", as TimelineJS's documentation does, wrapped or not.
    const std::string slides = R"({"title": {"text": {"headline": "T"}},
        "slides": [{"start_date": {"year": 1900}, "text": {"headline": "H", "text": "x"}}]})";
    CHECK(convert_json(slides).events == 1);
    CHECK(convert_json("{\"timeline\": " + slides + "}").events == 1);
    // A TimelineJS 2 file is still named as one.
    CHECK(convert_json(R"({"timeline": {"headline": "Old", "type": "default", "date": []}})")
              .error.find("TimelineJS 2") != std::string::npos);
}

TEST_CASE("sheets separated by semicolons or tabs are read; the header row decides", "[timelinejs]") {
    const TimelineImport commas = convert_fixture("my-own-timeline.csv");
    REQUIRE(commas.ok());
    for (const char* name : {"my-own-timeline-semicolon.csv", "my-own-timeline-tab.txt"}) {
        INFO(name);
        const TimelineImport r = kiosk::import_timelinejs(read_text(kFixtures + "/" + name), TimelineFormat::Csv,
                                                          options_for("my-own-timeline.csv"));
        INFO(r.error << "\n" << all_warnings(r));
        REQUIRE(r.ok());
        CHECK(r.pack_toml == commas.pack_toml);
        CHECK(r.warnings == commas.warnings);
    }
    // Commas in the header: semicolons in a cell are text.
    const TimelineImport r = convert_csv("Year,Headline,Text\n1900,A; B,x; y\n");
    REQUIRE(r.ok());
    CHECK(r.pack_toml.find("headline.en = \"A; B\"") != std::string::npos);
    CHECK(kiosk::read_csv("a;b\tc", nullptr, nullptr, ';')->front().fields == std::vector<std::string>{"a", "b\tc"});
}

TEST_CASE("a file that is not UTF-8 is named for what it looks like, with how to save it", "[timelinejs]") {
    const TimelineImport latin = convert_fixture("windows-1252.csv");
    CHECK_FALSE(latin.ok());
    CHECK(latin.error ==
          "this file is not UTF-8 (it looks like Windows-1252: byte 0xE0 here would be 'à'); save it "
          "as UTF-8 CSV (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; in LibreOffice: Save "
          "As, Text CSV, character set Unicode (UTF-8))");
    CHECK(latin.error_line == 2);
    CHECK(latin.error_column == 16);
    CHECK(latin.pack_toml.empty());
    const TimelineImport utf16 = convert_csv(std::string("\xFF\xFEY\0e\0", 6));
    CHECK(utf16.error.find("it is UTF-16 (what Excel saves as \"Unicode Text\"); save it as UTF-8 CSV") !=
          std::string::npos);
    const TimelineImport json = convert_json("{\"events\": [{\"text\": {\"headline\": \"Caf\xE9\"}}]}");
    CHECK(json.error.find("this file is not UTF-8 (it looks like Windows-1252: byte 0xE9 here would be 'é'); save "
                          "it as UTF-8") != std::string::npos);
    // Bytes Windows-1252 has no character for are named only as not UTF-8.
    CHECK(convert_csv("Year,Headline,Text\n1900,\x81,x\n").error.find("byte 0x81 here is no UTF-8 character") !=
          std::string::npos);
}

TEST_CASE("TimelineJS's cosmological examples import every slide, back to the Big Bang", "[timelinejs]") {
    const TimelineImport cosmo = convert_fixture("cosmo.json");
    INFO(cosmo.error << "\n" << all_warnings(cosmo));
    REQUIRE(cosmo.ok());
    CHECK(cosmo.events == 7);
    CHECK(cosmo.pack_toml.find("date = \"-13800000000\"") != std::string::npos);
    CHECK(cosmo.pack_toml.find("end = \"-251902000\"") != std::string::npos);
    const kiosk::PackLoadResult loaded = load_converted(cosmo, "cosmo");
    const kiosk::Pack& pack = loaded.pack;
    REQUIRE(pack.events.size() == 7);
    check_date(pack.events.front().when.start, -13'800'000'000, 0, 0, DatePrecision::Year);
    check_date(pack.events[1].when.start, -13'799'630'000, 0, 0, DatePrecision::Year);
    check_date(pack.events.back().when.start, -3500, 0, 0, DatePrecision::Year);
    CHECK(kiosk::format_date_span(pack.events.front().when, "en") == "13,800,000,000\u00a0BC");

    const TimelineImport mixed = convert_fixture("cosmo-mixed.json");
    INFO(mixed.error << "\n" << all_warnings(mixed));
    REQUIRE(mixed.ok());
    CHECK(mixed.events == 11);
    const kiosk::PackLoadResult mixed_loaded = load_converted(mixed, "cosmo-mixed");
    const std::vector<kiosk::Event>& events = mixed_loaded.pack.events;
    REQUIRE(events.size() == 11);
    const int64_t years[] = {
        -13'800'000'000, -4'600'000'000, -540'000'000, -300'000, -3500, -300, 1021, 1609, 1826, 1969, 1990};
    for (size_t i = 0; i < events.size(); ++i) CHECK(events[i].when.start.year == years[i]);
    check_date(events[7].when.start, 1609, 11, 0, DatePrecision::Month);
    check_date(events.back().when.start, 1990, 4, 25, DatePrecision::Day);
}

TEST_CASE("a TimelineJS month or day before 1 AD is dropped with a word, the year kept", "[timelinejs]") {
    const TimelineImport r = convert_json(R"({"events": [
        {"start_date": {"year": -44, "month": 3, "day": 15}, "text": {"headline": "Ides of March", "text": "x"}},
        {"start_date": {"year": -13800000001}, "text": {"headline": "Too early", "text": "x"}},
        {"start_date": {"year": -99999999999999}, "text": {"headline": "Far too early", "text": "x"}}
    ]})");
    INFO(r.error << "\n" << all_warnings(r));
    REQUIRE(r.ok());
    CHECK(r.events == 2);
    warning_with(r, {"slide 1 'Ides of March'", "without month or day; only the year 44\u00a0BC is kept"});
    warning_with(r, {"slide 3 'Far too early': year -99999999999999 is before -99999999999", "skipped"});
    CHECK(r.pack_toml.find("date = \"-44\"") != std::string::npos);
}
