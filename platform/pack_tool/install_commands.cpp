// vitrine-pack install / rollback / status: packs on a kiosk (platform/pack_install.h).
#include "pack_install.h"
#include "pack_tool.h"

namespace pack_tool {
namespace {

int run_install(const std::vector<std::string>& args) {
    const Options o =
        parse_options(args, {"--allow-downgrade", "--allow-other-exhibit"}, {"--root", "--pubkey", "--config"});
    if (!o.error.empty()) return usage_error("install", o.error);
    if (o.positional.size() != 1)
        return usage_error("install", "expected one FILE, got " + std::to_string(o.positional.size()) + " arguments");
    const std::optional<KioskPaths> setup = kiosk_paths(o, "install");
    if (!setup) return kExitInvalid;
    const std::string& pubkey = setup->pubkey;
    if (pubkey.empty())
        return usage_error("install", "--pubkey KEY.pub (or --config with [pack] public_key) is required");
    platform::PublicKey key;
    std::string error;
    if (!platform::load_public_key(pubkey, key, &error)) {
        std::fprintf(stderr, "vitrine-pack install: %s\n", error.c_str());
        return kExitInvalid;
    }
    platform::InstallOptions options;
    options.allow_downgrade = o.has("--allow-downgrade") || setup->allow_downgrade;
    options.allow_other_exhibit = o.has("--allow-other-exhibit") || setup->allow_other_exhibit;
    const platform::InstallResult result = platform::install_pack_file(o.positional[0], setup->root, key, options);
    for (const std::string& w : result.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
    std::fprintf(result.ok ? stdout : stderr, "%s\n", result.message.c_str());
    return result.ok ? kExitOk : kExitInvalid;
}

int run_rollback(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--root", "--config"});
    if (!o.error.empty()) return usage_error("rollback", o.error);
    const std::optional<KioskPaths> setup = kiosk_paths(o, "rollback");
    if (!setup) return kExitInvalid;
    if (!o.positional.empty()) return usage_error("rollback", "unexpected argument '" + o.positional[0] + "'");
    const platform::InstallResult result = platform::rollback_pack(setup->root);
    std::fprintf(result.ok ? stdout : stderr, "%s\n", result.message.c_str());
    return result.ok ? kExitOk : kExitInvalid;
}

void print_slot(const char* label, const platform::InstalledPack& slot) {
    if (!slot.present) {
        std::printf("%-9s none\n", label);
        return;
    }
    if (!slot.exhibit_id.empty())
        std::printf("%-9s %s %s \"%s\" (%s)\n", label, slot.exhibit_id.c_str(), slot.version.c_str(),
                    slot.title.c_str(), slot.folder.c_str());
    else
        std::printf("%-9s -> %s\n", label, slot.link.c_str());
    for (const std::string& p : slot.problems) std::printf("  problem: %s\n", p.c_str());
}

int run_status(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--root", "--config"});
    if (!o.error.empty()) return usage_error("status", o.error);
    const std::optional<KioskPaths> setup = kiosk_paths(o, "status");
    if (!setup) return kExitInvalid;
    if (!o.positional.empty()) return usage_error("status", "unexpected argument '" + o.positional[0] + "'");
    const platform::InstallStatus status = platform::install_status(setup->root);
    std::printf("root:     %s\n", status.root.c_str());
    print_slot("current:", status.current);
    if (!status.current.present)
        for (const std::string& p : status.current.problems) std::printf("  problem: %s\n", p.c_str());
    print_slot("previous:", status.previous);
    for (const std::string& n : status.notes) std::printf("note: %s\n", n.c_str());
    std::printf("%s\n", status.ok() ? "ok: the kiosk shows the current pack"
                                    : "not ok: the kiosk has no usable installed pack");
    return status.ok() ? kExitOk : kExitInvalid;
}

}  // namespace

VITRINE_PACK_COMMAND(60, "install",
                     "FILE.vpk [--config FILE] [--root DIR] [--pubkey NAME.pub] [--allow-downgrade]"
                     " [--allow-other-exhibit]",
                     "verify a signed pack file and make it the kiosk's current pack (root: /var/lib/vitrine;"
                     " --config: the state folder, public key and [pack] allow_downgrade / allow_other_exhibit from"
                     " the kiosk's configuration); an older version of the current exhibit, or another exhibit, is"
                     " refused unless allowed; removes only folders install made",
                     run_install);
VITRINE_PACK_COMMAND(61, "rollback", "[--config FILE] [--root DIR]", "swap the current and previous packs",
                     run_rollback);
VITRINE_PACK_COMMAND(62, "status", "[--config FILE] [--root DIR]",
                     "show the current and previous packs and any problems", run_status);

}  // namespace pack_tool
