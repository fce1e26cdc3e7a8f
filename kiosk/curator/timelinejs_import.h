// A TimelineJS timeline turned into an exhibit pack (assets/PACK-FORMAT.md).
// TimelineJS (timeline.knightlab.com) reads either a JSON file or a Google Sheets
// template; a sheet saved as CSV ("File > Download > Comma-separated values")
// is read here too. The conversion is pure: it is given the file's text and
// returns the pack.toml to write, the media to copy and what the curator should
// know. Reading and writing files is the caller's work.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

enum class TimelineFormat { Json, Csv };

// How a value the import could not fill in begins in pack.toml
// (assets/PACK-FORMAT.md, "Left to finish"); the pack loader knows it too.
inline constexpr const char* kToFinish = "TO FINISH: ";

// The format a file name says (".json", ".csv", any case), else nullopt.
std::optional<TimelineFormat> timeline_format_from_name(const std::string& path);

struct TimelineImportOptions {
    // The imported file's name as the curator knows it ("ieng-sary.json"): named
    // in the pack's [[sources]] entry and the comment at the top of pack.toml.
    std::string file_name = "timeline.json";
    // The folder local media paths are relative to: the imported file's folder.
    std::string base_dir = ".";
    // Says whether the local file at `path` (base_dir joined with the path the
    // timeline gives) can become a photograph: "" when it can, else why not
    // ("does not exist", "is not a PNG or JPEG image"). Unset: every local JPEG
    // or PNG path is taken as usable.
    std::function<std::string(const std::string& path)> check_local_media;
    // The language the timeline is written in (a pack language code, "km"): its
    // texts go under that code and the pack's languages are [that code]. Empty:
    // English.
    std::string language;
};

// A local media file to copy into the pack.
struct MediaCopy {
    std::string written;      // as the timeline gives it: "images/bridge.jpg"
    std::string source;       // resolved against base_dir: "/home/c/tl/images/bridge.jpg"
    std::string destination;  // relative to the pack folder: "media/bridge.jpg"
};

// A file the import made, such as the placeholder photograph.
struct GeneratedFile {
    std::string destination;  // relative to the pack folder
    std::vector<uint8_t> bytes;
};

struct TimelineImport {
    // Why nothing can be imported (the file is not valid JSON, the sheet lacks a
    // required column, no slide has a date the kiosk can show). Empty on success.
    std::string error;
    int error_line = 0;  // 1-based position of the error in the file, 0 when none
    int error_column = 0;

    std::string pack_toml;
    std::vector<MediaCopy> media;
    std::vector<GeneratedFile> generated;
    // What did not come along or was guessed, each naming where it came from:
    // "slide 4 'The fall of Phnom Penh': media https://… is remote …".
    std::vector<std::string> warnings;
    // What the import could not carry and left in pack.toml as a "TO FINISH:"
    // value (kToFinish) for the curator to write: no title, a slide with no
    // text, media it could not bring. The pack loader reports each one as an
    // error, so the pack neither validates nor builds until they are written.
    // "exhibit.title: give the exhibit a title …".
    std::vector<std::string> to_finish;

    size_t events = 0;
    size_t eras = 0;
    size_t quotes = 0;
    size_t photographs = 0;  // the placeholder included

    bool ok() const { return error.empty(); }
};

// Converts the text of a TimelineJS JSON file or CSV sheet. Never throws on bad
// input.
TimelineImport import_timelinejs(const std::string& text, TimelineFormat format,
                                 const TimelineImportOptions& options = {});

// RFC 4180 CSV: fields separated by commas (or `separator`: French and German
// Excel save ';', "Text (Tab delimited)" a tab), records by CRLF, LF or CR; quoted
// fields may hold commas, line breaks and doubled quotes. A leading UTF-8 byte
// order mark is skipped. On an unterminated quote returns nullopt and sets
// `error` and `error_line` (the line the quoted field starts on).
struct CsvRecord {
    std::vector<std::string> fields;
    int line = 1;  // the line the record starts on
};
std::optional<std::vector<CsvRecord>> read_csv(const std::string& text, std::string* error = nullptr,
                                               int* error_line = nullptr, char separator = ',');

}  // namespace kiosk
