// Reads a pack folder into the model and validates it, collecting every problem.
#pragma once

#include "diagnostic.h"
#include "pack.h"

#include <string>
#include <vector>

namespace kiosk {

struct PackLoadResult {
    Pack pack;
    std::vector<Diagnostic> diagnostics;  // in file order, errors and warnings
    bool ok() const { return !has_errors(diagnostics); }
};

// Loads DIR/pack.toml and its media. Photographs that pass every check are
// decoded into Photograph::rgba. Never throws on bad input.
PackLoadResult load_pack(const std::string& dir);

}  // namespace kiosk
