// vitrine-pack's subcommands. Each lives in its own file and registers itself
// with VITRINE_PACK_COMMAND, so adding one touches nothing else.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace pack_tool {

constexpr int kExitOk = 0;
constexpr int kExitInvalid = 1;  // the pack (or file) is not valid, or the work failed
constexpr int kExitUsage = 2;

struct Subcommand {
    int order;  // position in the usage listing
    const char* name;
    const char* arguments;
    const char* summary;
    int (*run)(const std::vector<std::string>& args);
};

struct Registration {
    explicit Registration(const Subcommand& command);
};
const std::vector<Subcommand>& subcommands();
const Subcommand* find_subcommand(const std::string& name);

void print_command_usage(std::FILE* out, const Subcommand& command);
// Reports a usage error for `command` and returns kExitUsage.
int usage_error(const char* command, const std::string& message);

// A small option reader: positional arguments, `--flag`, and `--name VALUE`
// (repeatable). Unknown options are errors.
struct Options {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> values;  // in order given
    std::vector<std::string> flags;
    std::string error;

    bool has(const std::string& flag) const;
    std::string value(const std::string& name, const std::string& fallback = "") const;
    std::vector<std::string> all(const std::string& name) const;
};
Options parse_options(const std::vector<std::string>& args, const std::vector<std::string>& flags,
                      const std::vector<std::string>& valued);

std::string plural(size_t n, const char* noun);

// Where the kiosk keeps its packs and which key signs them: from --config FILE
// (the kiosk's own configuration, so the USB script and a fleet tool act on exactly
// what the kiosk reads), overridden by --root DIR and --pubkey NAME.pub. When the
// configuration cannot be read, says so for `command` and returns nothing.
struct KioskPaths {
    std::string root;
    std::string pubkey;
    // [pack] allow_downgrade / allow_other_exhibit in the configuration.
    bool allow_downgrade = false;
    bool allow_other_exhibit = false;
};
std::optional<KioskPaths> kiosk_paths(const Options& o, const char* command);

}  // namespace pack_tool

#define VITRINE_PACK_CONCAT2(a, b) a##b
#define VITRINE_PACK_CONCAT(a, b) VITRINE_PACK_CONCAT2(a, b)
#define VITRINE_PACK_COMMAND(order, name, arguments, summary, fn)           \
    static const pack_tool::Registration VITRINE_PACK_CONCAT(registration_, \
                                                             __LINE__)({order, name, arguments, summary, fn})
