// The work of `vitrine-pack import-timelinejs`, as a function tests can call.
#pragma once

#include <string>
#include <vector>

namespace pack_tool {

// How the pack loader begins its message about a "TO FINISH:" value: to the
// import and to `new`, what a curator has left to write, not a failure.
constexpr const char* kLeftToFinish = "the import left this to finish: ";

// Imports the TimelineJS JSON file or CSV sheet `input` into a new pack in
// `out_dir`, which must not exist yet or be an empty folder: writes pack.toml,
// copies the local media (and writes a placeholder photograph when there is
// none), then checks the pack with kiosk::load_pack. Every line the command
// prints is appended to `report`: the import's warnings as "FILE: warning: …",
// the loader's diagnostics, a summary. When the file cannot be imported nothing
// is written. Returns kExitOk when the pack is valid (warnings allowed),
// kExitInvalid otherwise. `language` is the timeline's (a pack language code;
// empty: English): its texts go under that code.
int import_timelinejs(const std::string& input, const std::string& out_dir, std::vector<std::string>& report,
                      const std::string& language = "");

}  // namespace pack_tool
