// vitrine-pack validate DIR: every problem in a pack, the way compilers print them.
#include "pack_loader.h"
#include "pack_tool.h"

namespace pack_tool {
namespace {

int run_validate(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {});
    if (!o.error.empty()) return usage_error("validate", o.error);
    if (o.positional.size() != 1)
        return usage_error("validate", "expected one DIR, got " + std::to_string(o.positional.size()) + " arguments");
    const std::string& dir = o.positional[0];
    const kiosk::PackLoadResult result = kiosk::load_pack(dir);
    size_t errors = 0;
    for (const kiosk::Diagnostic& d : result.diagnostics) {
        std::fprintf(stderr, "%s\n", d.to_string().c_str());
        if (d.severity == kiosk::Diagnostic::Severity::Error) ++errors;
    }
    const size_t warnings = result.diagnostics.size() - errors;
    std::fprintf(stderr, "%s: %s, %s%s\n", dir.c_str(), plural(errors, "error").c_str(),
                 plural(warnings, "warning").c_str(), result.ok() ? "" : "; the pack is not valid");
    return result.ok() ? kExitOk : kExitInvalid;
}

}  // namespace

VITRINE_PACK_COMMAND(20, "validate", "DIR", "check the pack in DIR and print every problem", run_validate);

}  // namespace pack_tool
