// vitrine-pack keygen / build / verify: signed pack files (platform/pack_file.h).
#include "pack_build.h"
#include "pack_file.h"
#include "pack_tool.h"

namespace pack_tool {
namespace {

int run_keygen(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--out"});
    if (!o.error.empty()) return usage_error("keygen", o.error);
    if (!o.positional.empty()) return usage_error("keygen", "unexpected argument '" + o.positional[0] + "'");
    const std::string out = o.value("--out");
    if (out.empty()) return usage_error("keygen", "--out NAME is required (writes NAME.key and NAME.pub)");
    const platform::KeygenResult result = platform::generate_key_pair(out);
    std::fprintf(result.ok ? stdout : stderr, "%s%s\n",
                 result.ok ? "" : "vitrine-pack keygen: ", result.message.c_str());
    return result.ok ? kExitOk : kExitInvalid;
}

int run_build(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {"--force"}, {"--key", "--out"});
    if (!o.error.empty()) return usage_error("build", o.error);
    if (o.positional.size() != 1)
        return usage_error("build", "expected one DIR, got " + std::to_string(o.positional.size()) + " arguments");
    const std::string key = o.value("--key"), out = o.value("--out");
    if (key.empty()) return usage_error("build", "--key KEY (a secret key from vitrine-pack keygen) is required");
    if (out.empty()) return usage_error("build", "--out FILE.vpk is required");
    platform::BuildOptions options;
    options.force = o.has("--force");
    const platform::BuildResult result = platform::build_pack_file(o.positional[0], key, out, options);
    for (const kiosk::Diagnostic& d : result.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    std::fprintf(result.ok ? stdout : stderr, "%s%s\n",
                 result.ok ? "" : "vitrine-pack build: ", result.message.c_str());
    return result.ok ? kExitOk : kExitInvalid;
}

int run_verify(const std::vector<std::string>& args) {
    const Options o = parse_options(args, {}, {"--pubkey"});
    if (!o.error.empty()) return usage_error("verify", o.error);
    if (o.positional.size() != 1)
        return usage_error("verify", "expected one FILE, got " + std::to_string(o.positional.size()) + " arguments");
    const std::string pubkey = o.value("--pubkey");
    if (pubkey.empty()) return usage_error("verify", "--pubkey KEY.pub is required");
    platform::PublicKey key;
    std::string error;
    if (!platform::load_public_key(pubkey, key, &error)) {
        std::fprintf(stderr, "vitrine-pack verify: %s\n", error.c_str());
        return kExitInvalid;
    }
    const platform::VerifyResult result = platform::verify_pack_file(o.positional[0], key);
    std::fprintf(result.ok ? stdout : stderr, "%s\n", result.message.c_str());
    return result.ok ? kExitOk : kExitInvalid;
}

}  // namespace

VITRINE_PACK_COMMAND(50, "keygen", "--out NAME",
                     "make a signing key pair: NAME.key (secret, for building) and NAME.pub (for kiosks);"
                     " never replaces an existing file",
                     run_keygen);
VITRINE_PACK_COMMAND(51, "build", "DIR --key NAME.key --out FILE.vpk [--force]",
                     "validate the pack in DIR and write it as one signed pack file; --force replaces an existing"
                     " FILE.vpk (never a key, the key it reads, or a file in DIR)",
                     run_build);
VITRINE_PACK_COMMAND(52, "verify", "FILE.vpk --pubkey NAME.pub",
                     "check a pack file is whole and signed by the key in NAME.pub; writes nothing", run_verify);

}  // namespace pack_tool
