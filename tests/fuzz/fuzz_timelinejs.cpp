// Fuzzes the TimelineJS importer (kiosk::import_timelinejs, the work behind
// `vitrine-pack import-timelinejs`) and its CSV reader.
//
// The first byte chooses the format: even (as 'j') JSON, odd (as 'c') a CSV
// sheet; the rest is the file's text. When the import succeeds, the pack.toml it
// wrote must be valid TOML, since the pack loader is the next thing to read it.
#include "curator/timelinejs_import.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <toml++/toml.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const bool csv = data[0] & 1;
    const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

    if (csv) {
        std::string error;
        int error_line = 0;
        const auto records = kiosk::read_csv(text, &error, &error_line);
        if (!records && (error.empty() || error_line <= 0)) std::abort();
    }

    kiosk::TimelineImportOptions options;
    options.file_name = csv ? "timeline.csv" : "timeline.json";
    options.base_dir = "/nonexistent-vitrine-fuzz";
    // Local media: PNG and JPEG names are usable, anything else is refused, with
    // no file system access (the importer's own default).
    const kiosk::TimelineImport result =
        kiosk::import_timelinejs(text, csv ? kiosk::TimelineFormat::Csv : kiosk::TimelineFormat::Json, options);
    if (!result.ok()) return 0;
    if (result.pack_toml.empty() || result.events == 0) std::abort();
    try {
        (void)toml::parse(std::string_view(result.pack_toml), std::string_view("pack.toml"));
    } catch (const toml::parse_error& e) {
        std::fprintf(stderr,
                     "the import's pack.toml is not valid TOML: %s at line %u column %u\n--- pack.toml ---\n%s\n",
                     std::string(e.description()).c_str(), unsigned(e.source().begin.line),
                     unsigned(e.source().begin.column), result.pack_toml.c_str());
        std::abort();
    }
    return 0;
}
