// vitrine-pack build: the photographs through the media pipeline into a
// staging folder with the recordings and their captions, then that folder
// signed (platform/pack_file.h).
#include "pack_build.h"

#include "curator/media_pipeline.h"
#include "output_file.h"
#include "pack/pack_loader.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace platform {
namespace {

// What ships is what the kiosks need: every photograph goes through the media
// pipeline (upright, at most 3840 pixels, re-encoded without metadata) into a
// staging folder beside the output, and the pack file is built from there.
struct ShippingStage {
    std::string dir;
    int downscaled = 0, reoriented = 0;
    ~ShippingStage() {
        std::error_code ec;
        if (!dir.empty()) fs::remove_all(dir, ec);
    }
};

std::string stage_for_shipping(const std::string& pack_dir, const kiosk::Pack& pack, const std::string& out_file,
                               ShippingStage& stage) {
    std::string templ = out_file + ".stage-XXXXXX";
    if (!::mkdtemp(&templ[0])) return out_file + ": cannot create a staging folder: " + std::strerror(errno);
    stage.dir = templ;
    std::error_code ec;
    std::string toml, error;
    if (!read_small_file(pack_dir + "/pack.toml", kMaxPackEntryBytes, toml, &error, kiosk::FinalLink::Follow))
        return error;
    if (!create_exclusive(stage.dir + "/pack.toml", 0644, toml, &error)) return error;
    for (const kiosk::Photograph& photo : pack.photographs) {
        const std::string source = pack_dir + "/" + photo.file;
        std::string bytes;
        if (!read_small_file(source, kMaxPackEntryBytes, bytes, &error, kiosk::FinalLink::Follow)) return error;
        const kiosk::ShippedImage shipped =
            kiosk::prepare_for_shipping(std::vector<uint8_t>(bytes.begin(), bytes.end()));
        if (!shipped.error.empty()) return source + ": " + shipped.error;
        const fs::path target = fs::path(stage.dir) / photo.file;
        fs::create_directories(target.parent_path(), ec);
        std::ofstream out(target, std::ios::binary);
        out.write(reinterpret_cast<const char*>(shipped.bytes.data()), std::streamsize(shipped.bytes.size()));
        out.close();  // a full disk shows here, not in a partly staged photograph
        if (!out) return target.string() + ": cannot be written";
        stage.downscaled += shipped.downscaled;
        stage.reoriented += shipped.reoriented;
    }
    // Recordings and their captions ship as they are: the loader has checked them.
    for (const kiosk::Recording& recording : pack.recordings) {
        for (const std::string& file : {recording.file, recording.captions_file}) {
            const fs::path target = fs::path(stage.dir) / file;
            if (fs::exists(target, ec)) continue;  // one captions file may serve two recordings
            std::string bytes;
            if (!read_small_file(pack_dir + "/" + file, kMaxPackEntryBytes, bytes, &error, kiosk::FinalLink::Follow))
                return error;
            fs::create_directories(target.parent_path(), ec);
            if (!create_exclusive(target.string(), 0644, bytes, &error)) return error;
        }
    }
    return "";
}

}  // namespace

BuildResult build_pack_file(const std::string& pack_dir, const std::string& secret_key_path,
                            const std::string& out_file, const BuildOptions& options) {
    if (const std::string refused = check_output_path(out_file, {pack_dir, secret_key_path}, options.force);
        !refused.empty()) {
        BuildResult failed;
        failed.message = refused + "; no pack file written";
        return failed;
    }
    // The key first: a wrong one is reported before the photographs are re-encoded.
    if (const std::string problem = secret_key_problem(secret_key_path); !problem.empty()) {
        BuildResult failed;
        failed.message = problem;
        return failed;
    }
    if (options.skip_validation) return sign_pack_folder(pack_dir, secret_key_path, out_file, options);
    const kiosk::PackLoadResult loaded = kiosk::load_pack(pack_dir);
    if (!loaded.ok()) return sign_pack_folder(pack_dir, secret_key_path, out_file, options);  // reports the errors
    ShippingStage stage;
    const std::string problem = stage_for_shipping(pack_dir, loaded.pack, out_file, stage);
    if (!problem.empty()) {
        BuildResult failed;
        failed.message = problem + "; no pack file written";
        return failed;
    }
    BuildResult result = sign_pack_folder(stage.dir, secret_key_path, out_file, options);
    if (result.ok) {
        result.message += "; photographs re-encoded without metadata";
        if (stage.downscaled) result.message += ", " + std::to_string(stage.downscaled) + " scaled down to 3840 px";
        if (stage.reoriented) result.message += ", " + std::to_string(stage.reoriented) + " turned upright";
    }
    return result;
}

}  // namespace platform
