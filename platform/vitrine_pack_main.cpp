// vitrine-pack: tools for curators working on an exhibit pack, run on a laptop
// rather than on the kiosk. Links only the portable core.
#include "pack_loader.h"

#include <cstdio>
#include <string>
#include <vector>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;
constexpr int kExitUsage = 2;

struct Subcommand {
    const char* name;
    const char* arguments;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

int run_validate(const std::vector<std::string>& args);

const Subcommand kSubcommands[] = {
    {"validate", "DIR", "check the pack in DIR and print every problem", run_validate},
};

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: vitrine-pack COMMAND [ARGS]\n\ncommands:\n");
    for (const Subcommand& command : kSubcommands)
        std::fprintf(out, "  %s %s\n      %s\n", command.name, command.arguments, command.summary);
    std::fprintf(out, "\nvitrine-pack COMMAND --help shows one command's usage.\n");
}

void print_command_usage(std::FILE* out, const Subcommand& command) {
    std::fprintf(out, "usage: vitrine-pack %s %s\n%s\n", command.name, command.arguments, command.summary);
}

bool is_help(const std::string& arg) { return arg == "--help" || arg == "-h"; }

std::string count(size_t n, const char* noun) {
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

int run_validate(const std::vector<std::string>& args) {
    if (args.size() != 1) {
        std::fprintf(stderr, "vitrine-pack validate: expected one DIR, got %zu arguments\n", args.size());
        print_command_usage(stderr, kSubcommands[0]);
        return kExitUsage;
    }
    const std::string& dir = args[0];
    const kiosk::PackLoadResult result = kiosk::load_pack(dir);
    size_t errors = 0;
    for (const kiosk::Diagnostic& d : result.diagnostics) {
        std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (d.severity == kiosk::Diagnostic::Severity::Error) ++errors;
    }
    const size_t warnings = result.diagnostics.size() - errors;
    std::fprintf(stderr, "%s: %s, %s%s\n", dir.c_str(), count(errors, "error").c_str(),
                 count(warnings, "warning").c_str(), result.ok() ? "" : "; the pack is not valid");
    return result.ok() ? kExitOk : kExitInvalid;
}

}  // namespace

int main(int argc, char* argv[]) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_usage(stderr);
        return kExitUsage;
    }
    if (is_help(args[0])) {
        print_usage(stdout);
        return kExitOk;
    }
    for (const Subcommand& command : kSubcommands) {
        if (args[0] != command.name) continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const std::string& arg : rest) {
            if (is_help(arg)) {
                print_command_usage(stdout, command);
                return kExitOk;
            }
        }
        return command.run(rest);
    }
    std::fprintf(stderr, "vitrine-pack: unknown command '%s'\n", args[0].c_str());
    print_usage(stderr);
    return kExitUsage;
}
