// Fuzzes the pack manifest: TOML parsing and the whole validation of
// kiosk::load_pack, as the kiosk and `vitrine-pack validate` call it.
//
// The input becomes pack.toml in a pack folder of this process's own, whose
// media/ holds small real files the manifest can name: a valid PNG and JPEG, a
// corrupt PNG, a text file named .png, a PNG whose header claims a huge size, a
// folder, and a symbolic link leading out of the pack.
#include "fuzz_util.h"
#include "pack/pack_loader.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

const std::string& pack_dir() {
    static const std::string dir = [] {
        const std::string scratch = fuzz::scratch_dir("pack-manifest");
        const std::string pack = scratch + "/pack";
        const std::string packs = std::string(VITRINE_SOURCE_DIR) + "/tests/packs";
        fs::create_directories(pack + "/media/folder.png");
        fuzz::copy_file(packs + "/minimal/media/photo.png", pack + "/media/photo.png");
        fuzz::copy_file(packs + "/minimal/media/portrait.jpg", pack + "/media/portrait.jpg");
        fuzz::copy_file(packs + "/broken-corrupt-image/media/photo.png", pack + "/media/corrupt.png");
        fuzz::copy_file(packs + "/broken-not-image/media/photo.png", pack + "/media/not-image.png");
        fuzz::copy_file(packs + "/broken-too-large-image/media/photo.png", pack + "/media/too-large.png");
        fuzz::copy_file(packs + "/minimal/media/photo.png", scratch + "/outside.png");
        fs::create_symlink("../../outside.png", pack + "/media/outside.png");
        return pack;
    }();
    return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string& dir = pack_dir();
    fuzz::write_file(dir + "/pack.toml", data, size);
    const kiosk::PackLoadResult result = kiosk::load_pack(dir);
    // Every diagnostic must print (the kiosk's staff message and the tool's output).
    for (const kiosk::Diagnostic& d : result.diagnostics) {
        if (d.to_string().empty()) std::abort();
    }
    // A pack that loads has what the screens rely on.
    if (result.ok() && result.pack.events.empty()) std::abort();
    return 0;
}
