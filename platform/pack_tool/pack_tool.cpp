#include "pack_tool.h"

#include "config/kiosk_config.h"
#include "pack_install.h"

#include <algorithm>

namespace pack_tool {

namespace {
std::vector<Subcommand>& registry() {
    static std::vector<Subcommand> commands;
    return commands;
}
}  // namespace

Registration::Registration(const Subcommand& command) {
    auto& r = registry();
    r.insert(std::upper_bound(r.begin(), r.end(), command,
                              [](const Subcommand& a, const Subcommand& b) { return a.order < b.order; }),
             command);
}

const std::vector<Subcommand>& subcommands() { return registry(); }

const Subcommand* find_subcommand(const std::string& name) {
    for (const Subcommand& c : registry())
        if (name == c.name) return &c;
    return nullptr;
}

void print_command_usage(std::FILE* out, const Subcommand& command) {
    std::fprintf(out, "usage: vitrine-pack %s %s\n%s\n", command.name, command.arguments, command.summary);
}

int usage_error(const char* command, const std::string& message) {
    std::fprintf(stderr, "vitrine-pack %s: %s\n", command, message.c_str());
    if (const Subcommand* c = find_subcommand(command)) print_command_usage(stderr, *c);
    return kExitUsage;
}

bool Options::has(const std::string& flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }

std::string Options::value(const std::string& name, const std::string& fallback) const {
    for (auto it = values.rbegin(); it != values.rend(); ++it)
        if (it->first == name) return it->second;
    return fallback;
}

std::vector<std::string> Options::all(const std::string& name) const {
    std::vector<std::string> out;
    for (const auto& v : values)
        if (v.first == name) out.push_back(v.second);
    return out;
}

Options parse_options(const std::vector<std::string>& args, const std::vector<std::string>& flags,
                      const std::vector<std::string>& valued) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 1 && a[0] == '-') {
            if (std::find(flags.begin(), flags.end(), a) != flags.end()) {
                o.flags.push_back(a);
            } else if (std::find(valued.begin(), valued.end(), a) != valued.end()) {
                if (i + 1 >= args.size()) {
                    o.error = a + " needs a value";
                    return o;
                }
                o.values.emplace_back(a, args[++i]);
            } else {
                o.error = "unknown option '" + a + "'";
                return o;
            }
        } else {
            o.positional.push_back(a);
        }
    }
    return o;
}

std::string plural(size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::optional<KioskPaths> kiosk_paths(const Options& o, const char* command) {
    KioskPaths p;
    p.root = platform::kDefaultInstallRoot;
    if (const std::string config = o.value("--config"); !config.empty()) {
        const kiosk::KioskConfigResult loaded = kiosk::load_kiosk_config(config);
        // Every problem, warnings too; an error stops the command (its settings would be the defaults).
        for (const kiosk::Diagnostic& d : loaded.diagnostics)
            std::fprintf(stderr, "vitrine-pack %s: %s\n", command, d.to_string().c_str());
        if (!loaded.ok()) return std::nullopt;
        p.root = loaded.config.state_dir;
        p.pubkey = loaded.config.public_key;
        p.allow_downgrade = loaded.config.allow_downgrade;
        p.allow_other_exhibit = loaded.config.allow_other_exhibit;
    }
    p.root = o.value("--root", p.root);
    p.pubkey = o.value("--pubkey", p.pubkey);
    return p;
}

}  // namespace pack_tool
