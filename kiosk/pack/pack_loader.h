// Reads a pack folder into the model and validates it, collecting every problem.
#pragma once

#include "base/diagnostic.h"
#include "pack/pack.h"

#include <string>
#include <vector>

namespace kiosk {

struct PackLoadResult {
    Pack pack;
    std::vector<Diagnostic> diagnostics;  // in file order, errors and warnings
    bool ok() const { return !has_errors(diagnostics); }
};

// Zero means the default for every size.
struct PackLoadOptions {
    // The longest side a photograph keeps in memory: each is decoded alone and
    // scaled down right away, so the peak is one full-size decode plus the
    // scaled set. 0: kShippedMaxSide.
    int max_photo_side = 0;
    // The panel the photographs' memory budget (kPhotoMemoryBudgetBytes) is
    // checked for. 0: 1920×1080.
    int display_width = 0;
    int display_height = 0;
    // False: photographs are decoded to check them and dropped (the validator
    // needs no pixels). Photograph::file_width/file_height are set either way.
    bool keep_pixels = true;
    // False: photographs are not decoded at all; their size comes from the
    // file's header (and EXIF orientation), Photograph::path names the file,
    // and whoever draws them decodes each once, when first needed. The kiosk
    // loads this way (platform/photo_store.h); the curators' tools decode.
    bool decode_photos = true;
    // Museum label practice (long sentences, long labels) as warnings: the
    // curators' tools pass kiosk::lint_label (curator/label_lint.h); the kiosk
    // passes nothing, as no visitor reads a warning.
    std::vector<std::string> (*label_check)(const std::string& text, bool is_main_text) = nullptr;
    // What a visitor who cannot see or hear would miss, as errors: a photograph
    // without alt text, a recording that cannot be played or whose captions
    // cannot be read. The validator sets it; the kiosk shows such a pack and
    // leaves the broken recording out, with a warning.
    bool accessibility_errors = false;
};

// Loads DIR/pack.toml and its media. Photographs that pass every check are
// decoded into Photograph::rgba (unless options say otherwise). Never throws on bad input.
PackLoadResult load_pack(const std::string& dir, const PackLoadOptions& options);
PackLoadResult load_pack(const std::string& dir);

}  // namespace kiosk
