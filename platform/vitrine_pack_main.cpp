// vitrine-pack: tools for curators working on an exhibit pack, on a laptop or at
// the kiosk. Each subcommand lives in platform/pack_tool/.
#include "pack_tool/pack_tool.h"

#include <cstdio>
#include <string>
#include <vector>

namespace {

void print_usage(std::FILE* out) {
    std::fprintf(out, "usage: vitrine-pack COMMAND [ARGS]\n\ncommands:\n");
    for (const pack_tool::Subcommand& command : pack_tool::subcommands())
        std::fprintf(out, "  %s %s\n      %s\n", command.name, command.arguments, command.summary);
    std::fprintf(out, "\nvitrine-pack COMMAND --help shows one command's usage.\n");
}

bool is_help(const std::string& arg) { return arg == "--help" || arg == "-h"; }

}  // namespace

int main(int argc, char* argv[]) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_usage(stderr);
        return pack_tool::kExitUsage;
    }
    if (is_help(args[0])) {
        print_usage(stdout);
        return pack_tool::kExitOk;
    }
    const pack_tool::Subcommand* command = pack_tool::find_subcommand(args[0]);
    if (!command) {
        std::fprintf(stderr, "vitrine-pack: unknown command '%s'\n", args[0].c_str());
        print_usage(stderr);
        return pack_tool::kExitUsage;
    }
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& arg : rest) {
        if (is_help(arg)) {
            pack_tool::print_command_usage(stdout, *command);
            return pack_tool::kExitOk;
        }
    }
    return command->run(rest);
}
