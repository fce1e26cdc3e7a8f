// Start-up counted in instructions, which a busy machine does not change:
// callgrind on this machine's build, and qemu-user with the instruction-count
// plugin (tests/compare-browser/insn_count.c) on the arm64 build when there is
// one. The kiosk runs `--headless --first-frame`: from process start to the
// first frame built and its textures uploaded, which is what a board's GPU is
// handed. Each count follows a run that filled the photo cache (a start after
// install); the first run's own count is the start with the cache empty.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bench {

struct StartupCount {
    std::string label;
    std::optional<uint64_t> total;
    std::vector<std::pair<std::string, uint64_t>> phases;  // inclusive counts, as callgrind names them
    std::string note;                                      // why there is no figure
};

struct StartupSettings {
    std::string vitrine;        // this machine's build
    std::string vitrine_arm64;  // empty or missing: no arm64 row
    std::string plugin_source;  // insn_count.c
    std::string work_dir;       // the state folder and callgrind files go here
};

// The 1920x1080 first frame with the photo cache empty, then filled, and the
// 800x480 one filled (with phases); the 800x480 screenshot with its PNG; and
// arm64's 1920x1080 first frame.
std::vector<StartupCount> count_startup(const StartupSettings& settings);

}  // namespace bench
