// How the curators' tools load a pack: as the kiosk does, plus museum label
// practice (curator/label_lint.h) as warnings at each text's line.
#pragma once

#include "pack/pack_loader.h"

namespace kiosk {

PackLoadResult load_pack_for_curator(const std::string& dir, PackLoadOptions options = {});

}  // namespace kiosk
