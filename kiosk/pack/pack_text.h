// Every string a pack can put on screen, gathered once so the font atlas can hold
// a glyph for each of its characters.
#pragma once

#include "pack/pack.h"

#include <string>

namespace kiosk {

std::string collect_pack_text(const Pack& pack);

}  // namespace kiosk
