// Every string a pack can put on screen, gathered so the validator can check
// each of its characters has a glyph after shaping, and the tests can tell the
// pack's words from any other.
#pragma once

#include "pack/pack.h"

#include <functional>
#include <string>

namespace kiosk {

// Calls `visit` with each of those strings, in every language the pack has.
void for_each_pack_text(const Pack& pack, const std::function<void(const std::string&)>& visit);

// All of them, one after another.
std::string collect_pack_text(const Pack& pack);

}  // namespace kiosk
