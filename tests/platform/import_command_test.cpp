// vitrine-pack import-timelinejs end to end, on temporary folders: read the
// timeline, write the pack, copy its media, load it as the kiosk would.
#include "import_timelinejs.h"
#include "pack/pack_loader.h"
#include "pack_tool.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stb_image_write.h>

namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = fs::path(VITRINE_SOURCE_DIR) / "tests/fixtures/timelinejs";

// A fresh, empty folder for one test, under the build's test output.
fs::path scratch(const std::string& name) {
    const fs::path dir = fs::path(VITRINE_TEST_OUTPUT) / "import-timelinejs" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void write_text(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    return text;
}

bool has_line(const std::vector<std::string>& lines, const std::string& start, const std::string& contains = "") {
    return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) {
        return line.rfind(start, 0) == 0 && line.find(contains) != std::string::npos;
    });
}

struct Run {
    int status;
    std::vector<std::string> report;
};

// The loader's errors on a pack, and how many of them are "TO FINISH:" values.
struct Errors {
    size_t all = 0;
    size_t left_to_finish = 0;
};
Errors errors_of(const kiosk::PackLoadResult& loaded) {
    Errors e;
    for (const kiosk::Diagnostic& d : loaded.diagnostics) {
        if (d.severity != kiosk::Diagnostic::Severity::Error) continue;
        ++e.all;
        if (d.message.rfind("the import left this to finish: ", 0) == 0) ++e.left_to_finish;
    }
    return e;
}

Run import(const fs::path& input, const fs::path& out) {
    Run run;
    run.status = pack_tool::import_timelinejs(input.string(), out.string(), run.report);
    return run;
}

// The fixture `name` imported into a fresh folder.
struct Imported {
    fs::path input;
    fs::path out;
    Run run;
};
Imported import_fixture(const std::string& name, const std::string& folder) {
    Imported imported{kFixtures / name, scratch(folder) / "pack", {}};
    imported.run = import(imported.input, imported.out);
    return imported;
}

}  // namespace

TEST_CASE("a TimelineJS JSON file becomes a pack folder that validates once finished", "[pack_tool]") {
    const auto [input, out, run] = import_fixture("ieng-sary.json", "json");
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitOk);

    // Every import warning is printed as FILE: warning: …, naming its slide.
    CHECK(has_line(run.report, input.string() + ": warning: slide 5 'The fall of Phnom Penh': media "
                                                "https://www.youtube.com/watch?v=example0417 is remote"));
    CHECK(has_line(run.report, input.string() + ": warning: groups are not shown by the kiosk"));
    CHECK(has_line(run.report, out.string() + ": imported 10 events, 2 eras, 1 quote and 1 photograph",
                   "3 values left to finish (TO FINISH: in pack.toml, below): the pack is valid once a curator has "
                   "written them"));

    // The local image is copied byte for byte and referenced.
    CHECK(fs::is_regular_file(out / "pack.toml"));
    CHECK(read_bytes(out / "media/railway-1977.png") == read_bytes(kFixtures / "images/railway-1977.png"));
    CHECK_FALSE(fs::exists(out / "media/placeholder.png"));
    const kiosk::PackLoadResult loaded = kiosk::load_pack(out.string());
    CHECK(errors_of(loaded).all == 3);  // the three remote media, and nothing else
    CHECK(errors_of(loaded).left_to_finish == 3);
    CHECK(loaded.pack.events.size() == 10);
    CHECK(loaded.pack.exhibit.photo == "railway-1977");
    REQUIRE(loaded.pack.photographs.size() == 1);
    CHECK(loaded.pack.photographs[0].width == 96);
    CHECK(loaded.pack.quotes.size() == 1);
}

TEST_CASE("a TimelineJS sheet saved as CSV becomes a pack with a placeholder photograph", "[pack_tool]") {
    const auto [input, out, run] = import_fixture("ieng-sary-sheet.csv", "csv");
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitOk);
    CHECK(has_line(run.report, input.string() + ": warning: row 8 'The fall of Phnom Penh': media", "YouTube"));
    CHECK(has_line(run.report, input.string() + ": warning: the timeline has no local image", "placeholder"));
    CHECK(fs::is_regular_file(out / "media/placeholder.png"));
    const kiosk::PackLoadResult loaded = kiosk::load_pack(out.string());
    CHECK(errors_of(loaded).all == 3);  // the events' two remote media and the placeholder photograph
    CHECK(errors_of(loaded).left_to_finish == 3);
    CHECK(loaded.pack.events.size() == 7);
    REQUIRE(loaded.pack.photographs.size() == 1);
    CHECK(loaded.pack.photographs[0].width == 1200);
    CHECK(loaded.pack.photographs[0].height == 800);
}

TEST_CASE("the import never writes into a folder that has something in it", "[pack_tool]") {
    const fs::path dir = scratch("not-empty");
    write_text(dir / "notes.txt", "the curator's notes");
    const Run run = import(kFixtures / "ieng-sary.json", dir);
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitInvalid);
    CHECK(has_line(run.report, dir.string() + ": error: is not empty"));
    CHECK(read_bytes(dir / "notes.txt") == "the curator's notes");
    CHECK_FALSE(fs::exists(dir / "pack.toml"));
    CHECK_FALSE(fs::exists(dir / "media"));

    // A file where the folder should be is refused too; an empty folder is fine.
    write_text(dir / "file", "x");
    CHECK(import(kFixtures / "ieng-sary.json", dir / "file").status == pack_tool::kExitInvalid);
    const fs::path empty = scratch("empty");
    const Run into_empty = import(kFixtures / "ieng-sary.json", empty);
    INFO(joined(into_empty.report));
    CHECK(into_empty.status == pack_tool::kExitOk);
    CHECK(fs::is_regular_file(empty / "pack.toml"));
}

TEST_CASE("a file that cannot be imported gives a clear message, exit 1 and nothing written", "[pack_tool]") {
    const fs::path base = scratch("errors");

    {
        const fs::path broken = kFixtures / "broken.json";
        const Run run = import(broken, base / "from-broken");
        INFO(joined(run.report));
        CHECK(run.status == pack_tool::kExitInvalid);
        CHECK(has_line(run.report, broken.string() + ":7:5: error: not valid JSON: syntax error"));
        CHECK(has_line(run.report, broken.string() + ": nothing was imported and nothing was written"));
        CHECK_FALSE(fs::exists(base / "from-broken"));
    }
    {
        const fs::path columns = kFixtures / "missing-columns.csv";
        const Run run = import(columns, base / "from-columns");
        INFO(joined(run.report));
        CHECK(run.status == pack_tool::kExitInvalid);
        CHECK(has_line(run.report,
                       columns.string() + ":1:1: error: the sheet has no 'Year', 'Headline', 'Text' columns"));
        CHECK_FALSE(fs::exists(base / "from-columns"));
    }
    {
        const Run run = import(base / "no-such-timeline.json", base / "from-nothing");
        INFO(joined(run.report));
        CHECK(run.status == pack_tool::kExitInvalid);
        CHECK(has_line(run.report, (base / "no-such-timeline.json").string() + ": error: no such file"));
        CHECK_FALSE(fs::exists(base / "from-nothing"));
    }
    {
        // No slide the kiosk can date: the warnings say why there is nothing.
        write_text(base / "bc.json", R"({"events": [{"start_date": {"year": 0}, "text": {"headline": "Caesar"}}]})");
        const Run run = import(base / "bc.json", base / "from-bc");
        INFO(joined(run.report));
        CHECK(run.status == pack_tool::kExitInvalid);
        CHECK(has_line(run.report, (base / "bc.json").string() + ": warning: slide 1 'Caesar': year 0 does not exist"));
        CHECK(has_line(run.report, (base / "bc.json").string() + ": error: none of the timeline's 1 slides"));
    }
    CHECK_FALSE(fs::exists(base / "from-bc"));
}

TEST_CASE("local media are checked before they are copied", "[pack_tool]") {
    const fs::path dir = scratch("local-media");
    // A real PNG, a text file named .jpg, and one that is not there.
    const std::vector<uint8_t> rgb(80 * 64 * 3, 120);
    fs::create_directories(dir / "timeline/pics");
    REQUIRE(stbi_write_png((dir / "timeline/pics/Real Photo.PNG").string().c_str(), 80, 64, 3, rgb.data(), 80 * 3));
    write_text(dir / "timeline/pics/fake.jpg", "not an image at all");
    // Not named .json: the content says it is JSON.
    write_text(dir / "timeline/export.txt", R"({
        "title": {"text": {"headline": "Local media"}, "media": {"url": "pics/Real%20Photo.PNG",
                  "caption": "A grey field", "credit": "Test"}},
        "events": [
            {"start_date": {"year": 1975}, "text": {"headline": "Missing", "text": "x"},
             "media": {"url": "pics/missing.jpg", "caption": "c", "credit": "d"}},
            {"start_date": {"year": 1976}, "text": {"headline": "Fake", "text": "x"},
             "media": {"url": "pics/fake.jpg", "caption": "c", "credit": "d"}},
            {"start_date": {"year": 1977}, "text": {"headline": "Real", "text": "x"},
             "media": {"url": "pics/Real Photo.PNG", "caption": "c", "credit": "d"}}
        ]})");
    const fs::path input = dir / "timeline/export.txt";
    const Run run = import(input, dir / "pack");
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitOk);
    CHECK(
        has_line(run.report, input.string() + ": warning: slide 1 'Missing': media 'pics/missing.jpg' does not exist"));
    CHECK(
        has_line(run.report, input.string() + ": warning: slide 2 'Fake': media 'pics/fake.jpg' is not a PNG or JPEG"));
    CHECK(fs::is_regular_file(dir / "pack/media/real-photo.png"));
    CHECK_FALSE(fs::exists(dir / "pack/media/fake.jpg"));
    const kiosk::PackLoadResult loaded = kiosk::load_pack((dir / "pack").string());
    CHECK(errors_of(loaded).all == 2);  // the missing and the fake image, left to finish
    CHECK(errors_of(loaded).left_to_finish == 2);
    REQUIRE(loaded.pack.photographs.size() == 1);
    CHECK(loaded.pack.photographs[0].width == 80);
    CHECK(loaded.pack.exhibit.photo == "real-photo");
}

TEST_CASE("import-timelinejs registers itself and checks its arguments", "[pack_tool]") {
    const pack_tool::Subcommand* command = pack_tool::find_subcommand("import-timelinejs");
    REQUIRE(command);
    CHECK(command->order == 40);
    CHECK(command->run({}) == pack_tool::kExitUsage);
    CHECK(command->run({"timeline.json"}) == pack_tool::kExitUsage);
    CHECK(command->run({"timeline.json", "--out"}) == pack_tool::kExitUsage);
    CHECK(command->run({"a.json", "b.json", "--out", "dir"}) == pack_tool::kExitUsage);
    CHECK(command->run({"a.json", "--out", "dir", "--force"}) == pack_tool::kExitUsage);

    const fs::path out = scratch("run") / "pack";
    CHECK(command->run({(kFixtures / "ieng-sary.json").string(), "--out", out.string()}) == pack_tool::kExitOk);
    CHECK(fs::is_regular_file(out / "pack.toml"));
}

TEST_CASE("media outside the timeline's folder are refused, by '..' or through a link", "[pack_tool]") {
    const fs::path dir = scratch("media-outside");
    const std::vector<uint8_t> rgb(80 * 64 * 3, 90);
    fs::create_directories(dir / "timeline/images");
    REQUIRE(stbi_write_png((dir / "secret.png").string().c_str(), 80, 64, 3, rgb.data(), 80 * 3));
    REQUIRE(stbi_write_png((dir / "timeline/images/inside.png").string().c_str(), 80, 64, 3, rgb.data(), 80 * 3));
    fs::create_symlink(dir / "secret.png", dir / "timeline/images/link.png");
    write_text(dir / "timeline/t.json", R"({
        "title": {"text": {"headline": "Outside"}, "media": {"url": "images/inside.png", "caption": "c", "credit": "d"}},
        "events": [
            {"start_date": {"year": 1975}, "text": {"headline": "Dots", "text": "x"},
             "media": {"url": "images/../../secret.png", "caption": "c", "credit": "d"}},
            {"start_date": {"year": 1976}, "text": {"headline": "Link", "text": "x"},
             "media": {"url": "images/link.png", "caption": "c", "credit": "d"}}
        ]})");
    const fs::path input = dir / "timeline/t.json";
    const Run run = import(input, dir / "pack");
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitOk);
    CHECK(has_line(run.report, input.string() + ": warning: slide 1 'Dots': media 'images/../../secret.png' uses '..'",
                   "leaves the timeline's folder"));
    CHECK(has_line(run.report, input.string() + ": warning: slide 2 'Link': media 'images/link.png' leads outside",
                   "symbolic link"));
    CHECK_FALSE(fs::exists(dir / "pack/media/secret.png"));
    CHECK_FALSE(fs::exists(dir / "pack/media/link.png"));
    const kiosk::PackLoadResult loaded = kiosk::load_pack((dir / "pack").string());
    CHECK(errors_of(loaded).all == 2);  // both refused media, left to finish
    CHECK(errors_of(loaded).left_to_finish == 2);
    CHECK(loaded.pack.photographs.size() == 1);
}

TEST_CASE("what the import leaves to finish is listed under its summary, and the import succeeds", "[pack_tool]") {
    const auto [input, out, run] = import_fixture("my-own-timeline.csv", "to-finish");
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitOk);
    const std::string summary_start = out.string() + ": imported 5 events";
    const auto summary = std::find_if(run.report.begin(), run.report.end(), [&summary_start](const std::string& line) {
        return line.rfind(summary_start, 0) == 0;
    });
    REQUIRE(summary != run.report.end());
    CHECK(summary->find("0 errors") != std::string::npos);
    CHECK(summary->find("4 values left to finish") != std::string::npos);
    // After it, one line for each, in pack.toml's order, where an editor can jump to it.
    const std::vector<std::string> listed(summary + 1, run.report.end());
    REQUIRE(listed.size() == 4);
    const std::string manifest = (out / "pack.toml").string();
    for (const std::string& line : listed) CHECK(line.rfind(manifest + ":", 0) == 0);
    CHECK(listed[0].find("error: the import left this to finish: the slide's media https://www.youtube.com/") !=
          std::string::npos);
    CHECK(listed[1].find("error: the import left this to finish: write a headline for this event (the slide had no "
                         "headline and no text, only its media https://upload.wikimedia.org/") != std::string::npos);
    CHECK(listed[2].find("error: the import left this to finish: the slide's media https://upload.wikimedia.org/") !=
          std::string::npos);
    CHECK(listed[3].find("error: the import left this to finish: add a photograph that stands for the whole exhibit") !=
          std::string::npos);
    // Nothing else is said about those values: no label practice for a placeholder's words.
    CHECK_FALSE(has_line(run.report, manifest, "'placeholder' 'caption.en'"));
    // The notes about what was dropped come with the warnings.
    CHECK(has_line(run.report, input.string() + ": warning: 2 TimelineJS notes"));
    CHECK(has_line(run.report, input.string() + ": warning: 3 footnote marks"));
    // The pack as written does not validate until they are written.
    const kiosk::PackLoadResult loaded = kiosk::load_pack(out.string());
    CHECK(errors_of(loaded).all == 4);
    CHECK(errors_of(loaded).left_to_finish == 4);
}

TEST_CASE("a sheet that is not UTF-8 is refused with how to save it, and nothing is written", "[pack_tool]") {
    const auto [input, out, run] = import_fixture("windows-1252.csv", "windows-1252");
    INFO(joined(run.report));
    CHECK(run.status == pack_tool::kExitInvalid);
    CHECK(has_line(run.report, input.string() + ":2:16: error: this file is not UTF-8 (it looks like Windows-1252",
                   "save it as UTF-8 CSV"));
    CHECK_FALSE(fs::exists(out));
}
