// vitrine-pack translation import DIR FILE.json / export DIR --language CODE:
// a translator's file for one language (curator/translation_file.h), taken out
// of pack.toml as a skeleton and brought back beside the default language's
// texts, with the rest of pack.toml left byte for byte as it was.
#include "base/file_read.h"
#include "curator/translation_file.h"
#include "pack_tool.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pack_tool {
namespace {

constexpr uint64_t kMaxFileBytes = 64ULL * 1024 * 1024;  // pack.toml's own limit

bool read_text(const std::string& path, const char* what, std::string& text) {
    const kiosk::FileRead file = kiosk::read_regular_file(path, kMaxFileBytes, kiosk::FinalLink::Follow);
    if (!file.ok()) {
        std::fprintf(stderr, "vitrine-pack translation: cannot read %s %s: %s\n", what, path.c_str(),
                     file.error.c_str());
        return false;
    }
    text = file.text();
    return true;
}

// The new pack.toml goes to a temporary file beside it, with its permissions,
// and is renamed over it once every byte is on disk: an interrupted import
// leaves the old file whole.
bool replace_file(const std::string& path, const std::string& bytes, std::string* error) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        *error = std::strerror(errno);
        return false;
    }
    std::string tmp = path + ".XXXXXX";
    const int fd = mkstemp(tmp.data());
    if (fd < 0) {
        *error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
        return false;
    }
    bool ok = fchmod(fd, st.st_mode & 07777) == 0;
    for (size_t done = 0; ok && done < bytes.size();) {
        const ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        ok = n > 0;
        if (ok) done += size_t(n);
    }
    ok = ok && fsync(fd) == 0;
    const int err = errno;
    ok = close(fd) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        *error = std::strerror(ok ? errno : err);
        unlink(tmp.c_str());
        return false;
    }
    return true;
}

int run_import(const std::vector<std::string>& positional) {
    if (positional.size() != 3) return usage_error("translation", "import expects DIR and FILE.json");
    const std::string manifest_path = positional[1] + "/pack.toml";
    std::string manifest, translation;
    if (!read_text(manifest_path, "the pack's manifest", manifest) ||
        !read_text(positional[2], "the translation", translation))
        return kExitInvalid;
    const kiosk::TranslationImport result = kiosk::import_translation(manifest, translation);
    if (!result.ok()) {
        for (const std::string& e : result.errors)
            std::fprintf(stderr, "%s: error: %s\n", positional[2].c_str(), e.c_str());
        std::fprintf(stderr, "%s: nothing imported; %s is unchanged\n", positional[2].c_str(), manifest_path.c_str());
        return kExitInvalid;
    }
    if (result.manifest != manifest) {
        std::string error;
        if (!replace_file(manifest_path, result.manifest, &error)) {
            std::fprintf(stderr, "vitrine-pack translation: cannot write %s: %s\n", manifest_path.c_str(),
                         error.c_str());
            return kExitInvalid;
        }
    }
    const std::string name = kiosk::language_name_in_english(result.language);
    std::printf("%s: %s written, %s unchanged", manifest_path.c_str(),
                plural(size_t(result.written), (name + " text").c_str()).c_str(),
                std::to_string(result.unchanged).c_str());
    if (result.not_translated > 0)
        std::printf(", %s left out (empty, or still the default language's text)",
                    std::to_string(result.not_translated).c_str());
    std::printf("\n");
    if (result.added_language) std::printf("'%s' added to [settings] languages\n", result.language.c_str());
    std::printf("Check it: vitrine-pack validate %s\n", positional[1].c_str());
    return kExitOk;
}

int run_export(const Options& o) {
    if (o.positional.size() != 2) return usage_error("translation", "export expects one DIR");
    const std::string language = o.value("--language");
    if (language.empty()) return usage_error("translation", "export needs --language CODE, e.g. --language km");
    std::string manifest;
    if (!read_text(o.positional[1] + "/pack.toml", "the pack's manifest", manifest)) return kExitInvalid;
    const kiosk::TranslationExport result = kiosk::export_translation(manifest, language);
    if (!result.error.empty()) {
        std::fprintf(stderr, "vitrine-pack translation: %s\n", result.error.c_str());
        return kExitInvalid;
    }
    std::fwrite(result.json.data(), 1, result.json.size(), stdout);
    std::fprintf(stderr, "%s without a %s translation (listed under \"missing\")\n",
                 plural(size_t(result.missing), "text").c_str(), kiosk::language_name_in_english(language).c_str());
    return std::fflush(stdout) == 0 && !std::ferror(stdout) ? kExitOk : kExitInvalid;
}

int run_translation(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--language"});
    if (!o.error.empty()) return usage_error("translation", o.error);
    const std::string action = o.positional.empty() ? "" : o.positional[0];
    if (action == "import") {
        if (!o.values.empty()) return usage_error("translation", "import takes no --language: the file names it");
        return run_import(o.positional);
    }
    if (action == "export") return run_export(o);
    return usage_error("translation", action.empty() ? "expected import or export"
                                                     : "unknown action '" + action + "'; expected import or export");
}

}  // namespace

VITRINE_PACK_COMMAND(45, "translation", "import DIR FILE.json | export DIR --language CODE",
                     "bring a translator's JSON file for one language into DIR's pack.toml, beside the default "
                     "language's texts; or write the skeleton of every text to translate (export > FILE.json)",
                     run_translation);

}  // namespace pack_tool
