// `vitrine --dump-text FILE.json`: every text run a frame drew, for checking the
// shaping from outside (tests/platform/shaping_contract_test.cpp compares it with
// HarfBuzz's own hb-shape). The format:
//
//   {"texts": [{"text": UTF-8, "face": "SansRegular", "px": role size, "em_px": the em,
//               "lines": [{"begin": byte, "end": byte, "text": UTF-8}],
//               "runs": [{"font_file": path, "px_per_unit": scale, "begin": byte, "end": byte,
//                         "text": UTF-8, "glyphs": [{"id", "cluster", "x", "y",
//                                                     "x_advance", "x_offset", "y_offset"}]}]}]}
//
// Glyphs are in drawing order; x and y are the pen on the baseline in screen
// pixels; advances and offsets are in the font's units, as hb-shape prints them.
#pragma once

#include "text/text_engine.h"

#include <string>
#include <vector>

namespace platform {

std::string text_dump_json(const kiosk::FontSet& fonts, const std::vector<kiosk::DumpedText>& texts);
bool write_text_dump(const std::string& path, const kiosk::FontSet& fonts, const std::vector<kiosk::DumpedText>& texts,
                     std::string* error);
// Where a replay shot's dump goes: beside the PNG, "shot.png" → "shot.json".
std::string dump_path_for_shot(const std::string& png_path);

}  // namespace platform
