#include "startup_count.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace bench {

namespace {

// The phases, by the function whose inclusive count is the phase's.
const std::array<std::pair<const char*, const char*>, 5> kPhases = {{
    {"dynamic linking", "_dl_start"},
    {"pack load (no decoding)", "kiosk::load_pack("},
    {"fonts and layouts", "kiosk::App::build_fonts_and_layouts("},
    {"photographs (cache read, upload)", "platform::PhotoStore::load_wanted("},
    {"first frame (incl. photographs, glyphs)", "platform::KioskView::build("},
}};

bool have(const std::string& program) {
    return std::system(("command -v " + program + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs `command` through the shell; its stdout, or nullopt when it failed.
std::optional<std::string> output_of(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string out;
    char buffer[4096];
    while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    const int status = pclose(pipe);
    if (status != 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) return std::nullopt;
    return out;
}

uint64_t leading_count(const std::string& line) {
    uint64_t v = 0;
    for (char c : line) {
        if (c == ',' || c == ' ') continue;
        if (c < '0' || c > '9') break;
        v = v * 10 + uint64_t(c - '0');
    }
    return v;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

StartupCount callgrind(const StartupSettings& s, const std::string& label, const std::string& config,
                       const std::string& args, const std::string& out_name) {
    StartupCount c{label, std::nullopt, {}, ""};
    const std::string out = s.work_dir + "/" + out_name;
    const std::string run = "valgrind --tool=callgrind --callgrind-out-file=" + quoted(out) + " " + quoted(s.vitrine) +
                            " --config " + quoted(config) + " " + args + " >/dev/null 2>&1";
    if (std::system(run.c_str()) != 0) {
        c.note = "callgrind run failed";
        return c;
    }
    const auto annotated = output_of("callgrind_annotate --inclusive=yes --threshold=100 " + quoted(out));
    if (!annotated) {
        c.note = "callgrind_annotate failed";
        return c;
    }
    size_t at = 0;
    while (at < annotated->size()) {
        const size_t end = annotated->find('\n', at);
        const std::string line = annotated->substr(at, end == std::string::npos ? std::string::npos : end - at);
        at = end == std::string::npos ? annotated->size() : end + 1;
        if (line.find("PROGRAM TOTALS") != std::string::npos) c.total = leading_count(line);
        for (const auto& [name, function] : kPhases) {
            const bool seen = std::any_of(c.phases.begin(), c.phases.end(), [&](auto& p) { return p.first == name; });
            if (!seen && line.find(function) != std::string::npos) c.phases.emplace_back(name, leading_count(line));
        }
    }
    // In the order kPhases lists them.
    std::vector<std::pair<std::string, uint64_t>> ordered;
    for (const auto& [name, function] : kPhases)
        for (const auto& p : c.phases)
            if (p.first == name) ordered.push_back(p);
    c.phases = std::move(ordered);
    return c;
}

StartupCount qemu_arm64(const StartupSettings& s, const std::string& config) {
    StartupCount c{"arm64 (qemu-user), 1920x1080 first frame, cache filled", std::nullopt, {}, ""};
    if (s.vitrine_arm64.empty() || access(s.vitrine_arm64.c_str(), X_OK) != 0) {
        c.note = "no arm64 build (cmake --preset arm64)";
        return c;
    }
    if (!have("qemu-aarch64") || !have("cc")) {
        c.note = "needs qemu-user and a C compiler";
        return c;
    }
    const std::string plugin = s.work_dir + "/insn_count.so";
    if (std::system(("cc -O2 -shared -fPIC -o " + quoted(plugin) + " " + quoted(s.plugin_source)).c_str()) != 0) {
        c.note = "cannot build the qemu plugin";
        return c;
    }
    const std::string args = " --config " + quoted(config) + " --headless --size 1920x1080 --first-frame 2>&1";
    const auto out = output_of("qemu-aarch64 -L / -plugin " + quoted(plugin) + " " + quoted(s.vitrine_arm64) + args);
    const size_t at = out ? out->find("insn-count: ") : std::string::npos;
    if (at == std::string::npos) {
        c.note = "the arm64 kiosk did not run";
        return c;
    }
    c.total = leading_count(out->substr(at + 12));
    return c;
}

}  // namespace

std::vector<StartupCount> count_startup(const StartupSettings& s) {
    std::vector<StartupCount> counts;
    if (!have("valgrind") || !have("callgrind_annotate")) {
        counts.push_back({"start-up instructions", std::nullopt, {}, "needs valgrind"});
        return counts;
    }
    // A state folder of the bench's own, so the photo cache starts empty.
    const std::string config = s.work_dir + "/startup.toml";
    std::ofstream(config) << "[state]\ndir = \"" << s.work_dir << "/startup-state\"\n";
    std::system(("rm -rf " + quoted(s.work_dir + "/startup-state")).c_str());
    // The cache starts empty: the first count is a board's first start after an install.
    const std::string first_frame = " --headless --first-frame --size ";
    counts.push_back(
        callgrind(s, "1920x1080 first frame, photo cache empty", config, first_frame + "1920x1080", "cold.callgrind"));
    for (const char* size : {"1920x1080", "800x480"}) {
        // Filled by an uncounted start at this size first.
        std::system(
            (quoted(s.vitrine) + " --config " + quoted(config) + first_frame + size + " >/dev/null 2>&1").c_str());
        counts.push_back(callgrind(s, std::string(size) + " first frame, photo cache filled", config,
                                   first_frame + size, "warm.callgrind"));
    }
    counts.push_back(callgrind(s, "800x480 screenshot, PNG written", config,
                               "--headless --size 800x480 --screenshot " + quoted(s.work_dir + "/startup.png"),
                               "png.callgrind"));
    counts.back().phases.clear();
    counts.push_back(qemu_arm64(s, config));
    return counts;
}

}  // namespace bench
