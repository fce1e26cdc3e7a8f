// vitrine: the exhibit kiosk.
#include "base/log.h"
#include "base/printable.h"
#include "bundled_pack.h"
#include "config/command_line.h"
#include "config/kiosk_config.h"
#include "exhibit_source.h"
#include "headless_run.h"
#include "kiosk_view.h"
#include "pack/pack_loader.h"
#include "process_memory.h"
#include "window_run.h"

#include <chrono>
#include <cstdio>
#include <filesystem>

namespace {

// A path or a pack's words as a message may quote them.
std::string shown(const std::string& text) { return kiosk::printable(text, 1024); }

}  // namespace

int main(int argc, char** argv) {
    platform::keep_large_blocks_returnable();
    const auto started = std::chrono::steady_clock::now();  // for --stats
    const kiosk::ParsedOptions parsed = kiosk::parse_kiosk_options(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed.ok()) {
        std::fprintf(stderr, "vitrine: %s\n\n%s", parsed.error.c_str(), kiosk::kiosk_usage());
        return 2;
    }
    const kiosk::KioskOptions& options = parsed.options;
    if (options.help) {
        std::fputs(kiosk::kiosk_usage(), stdout);
        return 0;
    }

    // The kiosk's configuration: --config, else the system's when there is one
    // (a link there counts, even a broken one: it is reported, not skipped).
    kiosk::KioskConfig config;
    std::error_code ec;
    // A headless run (previews, tests) is about the pack, not this machine's panel:
    // it reads a configuration only when given one.
    const char* system_config = "/etc/vitrine/vitrine.toml";
    const bool system_config_there =
        !options.headless && std::filesystem::exists(std::filesystem::symlink_status(system_config, ec));
    const std::string config_path = !options.config.empty() ? options.config : system_config_there ? system_config : "";
    if (!config_path.empty()) {
        const kiosk::KioskConfigResult loaded = kiosk::load_kiosk_config(config_path);
        for (const kiosk::Diagnostic& d : loaded.diagnostics) kiosk::log_diagnostic(kiosk::log_from::kConfig, d);
        // A headless run is a tool: told to use a configuration that has errors,
        // it stops rather than draw something the configuration did not ask for.
        if (options.headless && !loaded.ok()) {
            kiosk::log_error(kiosk::log_from::kConfig, "not drawing: the configuration has errors");
            return 1;
        }
        if (!loaded.parsed)
            kiosk::log_warning(kiosk::log_from::kConfig,
                               "the kiosk's configuration could not be used; running with every default");
        else if (!loaded.ok())
            kiosk::log_warning(kiosk::log_from::kConfig, "the settings named above keep their defaults");
        // The kiosk itself never keeps the exhibit dark over its configuration:
        // what could be read is used, and staff see the first problem on screen.
        config = loaded.config;
    }
    if (options.panel_inches > 0) config.panel_inches = options.panel_inches;
    if (options.rotation >= 0) config.rotation = options.rotation;

    // With no --pack and none configured: the bundled exhibit, beside this binary.
    const std::string bundled_dir = platform::bundled_pack_dir();
    platform::ExhibitSource source(!options.pack_dir.empty() ? options.pack_dir : config.pack_dir, config.state_dir,
                                   bundled_dir, config.usb_report);
    std::string pack_dir = source.dir();
    const kiosk::PackLoadOptions load_options = platform::pack_load_options(options.width, options.height);
    kiosk::PackLoadResult pack = kiosk::load_pack(pack_dir, load_options);
    if (!pack.ok() && source.follows_installs() && pack_dir != bundled_dir) {
        // An installed pack that no longer loads must not leave the floor dark.
        for (const kiosk::Diagnostic& d : pack.diagnostics) kiosk::log_diagnostic(kiosk::log_from::kPack, d);
        kiosk::log_error(kiosk::log_from::kPack, shown(pack_dir) + " could not be loaded; showing the bundled exhibit");
        pack_dir = bundled_dir;
        pack = kiosk::load_pack(pack_dir, load_options);
    }
    for (const kiosk::Diagnostic& d : pack.diagnostics) kiosk::log_diagnostic(kiosk::log_from::kPack, d);
    if (pack.ok())
        kiosk::log_info(kiosk::log_from::kPack, "loaded " + shown(pack_dir) + " (" + shown(pack.pack.exhibit.id) + " " +
                                                    shown(pack.pack.exhibit.version) +
                                                    "): " + std::to_string(pack.pack.events.size()) + " events, " +
                                                    std::to_string(pack.pack.quotes.size()) + " quotes");
    else
        kiosk::log_error(kiosk::log_from::kPack,
                         shown(pack_dir) + ": the exhibit pack could not be loaded; showing the unavailable screen");

    if (!options.language.empty()) {
        // Only a pack that loaded has languages; the unavailable screen is in English.
        if (pack.ok()) {
            if (const std::string problem = pack.pack.language_problem(options.language); !problem.empty()) {
                std::fprintf(stderr, "vitrine: --language %s: %s\n", kiosk::printable(options.language).c_str(),
                             problem.c_str());
                return 2;
            }
        }
        config.language = options.language;
    }

    if (options.headless) return platform::run_headless(options, config, std::move(pack), VITRINE_FONT_DIR);
    return platform::run_window(options, config, source, std::move(pack), VITRINE_FONT_DIR, started);
}
