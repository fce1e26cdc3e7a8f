// vitrine-pack build: what ships is what the kiosks need.
#pragma once

#include "pack_file.h"

namespace platform {

// Validates the pack in `pack_dir`, sends every photograph through the media
// pipeline (upright, at most kShippedMaxSide pixels, re-encoded without
// metadata), then signs the result into `out_file` (sign_pack_folder). An
// existing `out_file` is refused unless options.force; one of the files it
// reads or a key is refused always.
BuildResult build_pack_file(const std::string& pack_dir, const std::string& secret_key_path,
                            const std::string& out_file, const BuildOptions& options = {});

}  // namespace platform
