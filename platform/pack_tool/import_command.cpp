// vitrine-pack import-timelinejs FILE --out DIR [--language CODE]: a TimelineJS
// timeline (JSON, or the Google Sheets template saved as CSV) turned into a new
// exhibit pack, its texts in the timeline's language.
#include "base/file_read.h"
#include "curator/curator_load.h"
#include "curator/pack_texts.h"
#include "curator/timelinejs_import.h"
#include "import_timelinejs.h"
#include "pack/image_header.h"
#include "pack/pack_loader.h"
#include "pack_tool.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace pack_tool {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxTimelineBytes = 64 * 1024 * 1024;

// Why the local file at `path` cannot become a photograph, or "" when it can:
// the same checks the pack loader makes, before anything is copied.
std::string check_media(const std::string& path) {
    // Opened, then checked and read through the same descriptor: a FIFO or a
    // device is named as such instead of hanging the import.
    const kiosk::FileRead file =
        kiosk::read_regular_file(path, uint64_t(kiosk::kMaxImageFileBytes), kiosk::FinalLink::Follow);
    if (file.missing) return "does not exist";
    if (!file.ok()) {
        constexpr uint64_t kMiB = 1024 * 1024;
        if (file.error.rfind("is ", 0) == 0 && file.error.find("at most") != std::string::npos)
            return file.error.substr(0, file.error.find(';')) + "; a media file may be at most " +
                   std::to_string(kiosk::kMaxImageFileBytes / kMiB) + " MiB";
        return file.error.rfind("is ", 0) == 0 ? file.error : "cannot be read: " + file.error;
    }
    const std::vector<uint8_t>& bytes = file.bytes;
    const kiosk::ImageHeader header = kiosk::read_image_header(bytes.data(), bytes.size());
    if (header.format == kiosk::ImageHeader::Format::Unknown)
        return "is not a PNG or JPEG image (checked by content, not by name)";
    if (!header.problem.empty()) return "is corrupt: " + header.problem;
    if (!kiosk::within_image_limits(header))
        return "is " + std::to_string(header.width) + "×" + std::to_string(header.height) +
               " pixels; images may be at most " + std::to_string(kiosk::kMaxImageSide) +
               " pixels a side and 40 megapixels";
    return "";
}

// True when `path` is `root` or lies under it; both absolute and normal.
bool is_under(const fs::path& path, const fs::path& root) {
    const fs::path relative = path.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
}

// Files and folders written so far, removed again if the import cannot finish.
class Written {
public:
    void file(const fs::path& path) { files_.push_back(path); }
    void folder(const fs::path& path) { folders_.push_back(path); }
    void undo() {
        std::error_code ec;
        for (auto it = files_.rbegin(); it != files_.rend(); ++it) fs::remove(*it, ec);
        for (auto it = folders_.rbegin(); it != folders_.rend(); ++it) fs::remove(*it, ec);  // only when empty
    }

private:
    std::vector<fs::path> files_;
    std::vector<fs::path> folders_;
};

bool write_file(const fs::path& path, const void* data, size_t size) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
    out.close();
    return static_cast<bool>(out);
}

std::string error_line(const std::string& where, const std::string& message) { return where + ": error: " + message; }

// Creates `dir` and its missing parents, remembering each one it made.
bool make_folders(const fs::path& dir, Written& written, std::string& error) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path p = dir; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        missing.push_back(p);
        if (p == p.parent_path()) break;
    }
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (!fs::create_directory(*it, ec) && ec) {
            error = "cannot create the folder " + it->string() + ": " + ec.message();
            return false;
        }
        written.folder(*it);
    }
    return true;
}

int run_import(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--out", "--language"});
    if (!o.error.empty()) return usage_error("import-timelinejs", o.error);
    if (o.positional.size() != 1)
        return usage_error("import-timelinejs",
                           "expected one FILE, got " + std::to_string(o.positional.size()) + " arguments");
    const std::string out = o.value("--out");
    if (out.empty()) return usage_error("import-timelinejs", "--out DIR is required: the folder for the new pack");
    const std::string language = o.value("--language");
    if (!language.empty() && !kiosk::is_language_code_text(language))
        return usage_error("import-timelinejs",
                           "--language " + language + ": expected a language code of 2–3 lowercase letters, e.g. km");
    std::vector<std::string> report;
    const int status = import_timelinejs(o.positional[0], out, report, language);
    for (const std::string& line : report) std::fprintf(stderr, "%s\n", line.c_str());
    return status;
}

}  // namespace

int import_timelinejs(const std::string& input, const std::string& out_dir, std::vector<std::string>& report,
                      const std::string& language) {
    std::error_code ec;
    // The timeline: opened, then checked and read through the same descriptor.
    const kiosk::FileRead timeline = kiosk::read_regular_file(input, kMaxTimelineBytes, kiosk::FinalLink::Follow);
    if (!timeline.ok()) {
        const bool too_large =
            timeline.error.rfind("is ", 0) == 0 && timeline.error.find("at most") != std::string::npos;
        report.push_back(error_line(input, timeline.missing ? "no such file"
                                           : too_large      ? "is larger than 64 MiB; that is no TimelineJS timeline"
                                           : timeline.error.rfind("is ", 0) == 0
                                               ? timeline.error
                                               : "cannot be read: " + timeline.error));
        return kExitInvalid;
    }
    const std::string text = timeline.text();

    // The pack folder: new, or empty. Nothing a curator made is ever overwritten.
    const fs::path dir(out_dir);
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec)) {
            report.push_back(error_line(out_dir, "exists and is not a folder; give a new folder for the pack"));
            return kExitInvalid;
        }
        if (!fs::is_empty(dir, ec)) {
            report.push_back(error_line(out_dir,
                                        "is not empty; the import writes only into a new or empty folder, "
                                        "so nothing there is overwritten"));
            return kExitInvalid;
        }
    }

    // The conversion.
    std::optional<kiosk::TimelineFormat> format = kiosk::timeline_format_from_name(input);
    if (!format) {
        const size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
        format =
            first != std::string::npos && text[first] == '{' ? kiosk::TimelineFormat::Json : kiosk::TimelineFormat::Csv;
    }
    kiosk::TimelineImportOptions options;
    options.file_name = fs::path(input).filename().string();
    options.language = language;
    options.base_dir = fs::path(input).parent_path().string();
    if (options.base_dir.empty()) options.base_dir = ".";
    // A media path under the timeline's folder must still be there once links
    // are resolved: a link beside the timeline must not lead to any file on disk.
    const fs::path base = fs::absolute(options.base_dir, ec).lexically_normal();
    const fs::path real_base = fs::weakly_canonical(base, ec);
    options.check_local_media = [base, real_base](const std::string& path) -> std::string {
        std::error_code error;
        const fs::path media = fs::absolute(path, error).lexically_normal();
        if (!error && is_under(media, base)) {
            const fs::path real = fs::weakly_canonical(media, error);
            if (error || !is_under(real, real_base))
                return "leads outside the timeline's folder through a symbolic link";
        }
        return check_media(path);
    };
    const kiosk::TimelineImport result = kiosk::import_timelinejs(text, *format, options);
    // Warnings first: when nothing could be imported they often say why.
    for (const std::string& warning : result.warnings) report.push_back(input + ": warning: " + warning);
    if (!result.ok()) {
        std::string where = input;
        if (result.error_line > 0) where += ":" + std::to_string(result.error_line);
        if (result.error_line > 0 && result.error_column > 0) where += ":" + std::to_string(result.error_column);
        report.push_back(error_line(where, result.error));
        report.push_back(input + ": nothing was imported and nothing was written");
        return kExitInvalid;
    }

    // Writing the pack.
    Written written;
    std::string error;
    const auto fail = [&](const std::string& message) {
        written.undo();
        report.push_back(error_line(out_dir, message + "; nothing was kept"));
        return kExitInvalid;
    };
    if (!make_folders(dir, written, error)) return fail(error);
    if (!result.media.empty() || !result.generated.empty()) {
        if (!make_folders(dir / "media", written, error)) return fail(error);
    }
    for (const kiosk::GeneratedFile& file : result.generated) {
        const fs::path path = dir / file.destination;
        if (file.bytes.empty() || !write_file(path, file.bytes.data(), file.bytes.size()))
            return fail("cannot write " + path.string());
        written.file(path);
    }
    for (const kiosk::MediaCopy& media : result.media) {
        const fs::path path = dir / media.destination;
        // Read again through one descriptor, so a file swapped for a FIFO since it
        // was checked cannot hang the import.
        const kiosk::FileRead copy =
            kiosk::read_regular_file(media.source, uint64_t(kiosk::kMaxImageFileBytes), kiosk::FinalLink::Follow);
        if (!copy.ok()) return fail("cannot copy " + media.source + ": " + copy.error);
        if (fs::exists(fs::symlink_status(path, ec)) || !write_file(path, copy.bytes.data(), copy.bytes.size()))
            return fail("cannot copy " + media.source + " to " + path.string());
        written.file(path);
    }
    const fs::path manifest = dir / "pack.toml";
    if (!write_file(manifest, result.pack_toml.data(), result.pack_toml.size()))
        return fail("cannot write " + manifest.string());
    written.file(manifest);

    // The pack as the kiosk will read it.
    // The values the import left "TO FINISH:" are errors to the loader, so the
    // pack cannot be built half-finished; here they are the import's result,
    // listed last under the summary, and the import itself succeeds.
    const kiosk::PackLoadResult loaded = kiosk::load_pack_for_curator(out_dir);
    size_t errors = 0;
    std::vector<std::string> to_finish;
    for (const kiosk::Diagnostic& d : loaded.diagnostics) {
        if (d.severity == kiosk::Diagnostic::Severity::Error && d.message.rfind(kLeftToFinish, 0) == 0) {
            to_finish.push_back(d.to_string());
            continue;
        }
        report.push_back(d.to_string());
        if (d.severity == kiosk::Diagnostic::Severity::Error) ++errors;
    }
    const size_t warnings = result.warnings.size() + loaded.diagnostics.size() - errors - to_finish.size();
    std::string state = errors > 0          ? "; the pack is not valid"
                        : to_finish.empty() ? "; the pack is valid"
                                            : "; " + plural(to_finish.size(), "value") +
                                                  " left to finish (TO FINISH: in pack.toml, below): the pack is "
                                                  "valid once a curator has written them";
    report.push_back(out_dir + ": imported " + plural(result.events, "event") + ", " + plural(result.eras, "era") +
                     ", " + plural(result.quotes, "quote") + " and " + plural(result.photographs, "photograph") +
                     " from " + input + "; " + plural(errors, "error") + ", " + plural(warnings, "warning") + state);
    report.insert(report.end(), to_finish.begin(), to_finish.end());
    return errors == 0 ? kExitOk : kExitInvalid;
}

VITRINE_PACK_COMMAND(40, "import-timelinejs", "FILE.json|FILE.csv --out DIR [--language CODE]",
                     "make a new pack in DIR from a TimelineJS timeline (JSON, or its Google Sheet saved as CSV); "
                     "its texts are in CODE (default en)",
                     run_import);

}  // namespace pack_tool
