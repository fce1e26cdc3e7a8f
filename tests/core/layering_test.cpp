// The core's folders are layers, and includes go one way only: down. A file may
// include its own layer and the layers below it, never one above nor a sibling on
// its own level (siblings stay independent, so no cycle can form between them);
// nothing but the curators' tooling includes kiosk/curator/; and nothing in
// kiosk/ includes SDL.
//
//   base < audio, config, input, text < pack < layout < state < ui < app
//   curator: anything below state
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// -1: not a layer of the core (a system or library header).
int rank_of(const std::string& layer) {
    static const std::map<std::string, int> ranks = {
        {"base", 0},   {"config", 1}, {"input", 1}, {"text", 1}, {"audio", 1},   {"pack", 2},
        {"layout", 3}, {"state", 4},  {"ui", 5},    {"app", 6},  {"curator", 4},
    };
    const auto it = ranks.find(layer);
    return it == ranks.end() ? -1 : it->second;
}

// "ui/screens/pin_pad.cpp" → "ui".
std::string layer_of(const std::string& path) { return path.substr(0, path.find('/')); }

struct Include {
    std::string header;  // as written between the quotes or angle brackets
    bool angled = false;
};

// What `file` (a path below kiosk/) may not include, one line each; empty when it
// keeps to the rules.
std::vector<std::string> layering_problems(const std::string& file, const std::vector<Include>& includes) {
    std::vector<std::string> problems;
    const std::string from = layer_of(file);
    const int from_rank = rank_of(from);
    for (const Include& inc : includes) {
        const std::string to = layer_of(inc.header);
        const bool sdl = to.rfind("SDL", 0) == 0 || inc.header.find("/SDL") != std::string::npos;
        if (sdl) {
            problems.push_back(file + " includes " + inc.header + ": no SDL in the core");
            continue;
        }
        if (inc.angled || inc.header.find('/') == std::string::npos) continue;  // a library, or a neighbour
        const int to_rank = rank_of(to);
        if (from_rank < 0) {
            problems.push_back(file + " is in no layer (" + from + ")");
        } else if (to_rank < 0) {
            problems.push_back(file + " includes " + inc.header + ": no such layer");
        } else if (to == "curator" && from != "curator") {
            problems.push_back(file + " includes " + inc.header + ": only the curators' tooling includes curator/");
        } else if (from == "curator" && to != "curator" && to_rank >= rank_of("state")) {
            problems.push_back(file + " includes " + inc.header + ": curator/ may include only what is below state/");
        } else if (from != "curator" && to_rank > from_rank) {
            problems.push_back(file + " includes " + inc.header + ": " + to + "/ is above " + from + "/");
        } else if (to_rank == from_rank && to != from) {
            problems.push_back(file + " includes " + inc.header + ": " + to + "/ is beside " + from + "/, not below");
        }
    }
    return problems;
}

std::vector<Include> includes_in(const fs::path& path) {
    std::ifstream in(path);
    std::vector<Include> out;
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream s(line);
        std::string directive;
        s >> directive;
        if (directive == "#include") {
            std::string rest;
            s >> rest;
            if (rest.size() < 3) continue;
            const char close = rest[0] == '<' ? '>' : '"';
            out.push_back({rest.substr(1, rest.find(close, 1) - 1), rest[0] == '<'});
        } else if (directive == "#" && (s >> directive) && directive == "include") {
            FAIL(path.string() + ": write #include without a space after #");
        }
    }
    return out;
}

}  // namespace

TEST_CASE("Every file in kiosk/ includes only its own layer and those below it", "[layering]") {
    const fs::path root = fs::path(VITRINE_SOURCE_DIR) / "kiosk";
    int files = 0;
    std::vector<std::string> problems;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        const std::string ext = entry.path().extension().string();
        if (!entry.is_regular_file() || (ext != ".h" && ext != ".cpp")) continue;
        ++files;
        const std::string relative = fs::relative(entry.path(), root).generic_string();
        for (std::string& p : layering_problems(relative, includes_in(entry.path()))) problems.push_back(std::move(p));
    }
    CHECK(files > 50);
    for (const std::string& p : problems) UNSCOPED_INFO(p);
    CHECK(problems.empty());
}

TEST_CASE("The layering check finds an include that goes up, into curator or to SDL", "[layering]") {
    // The same function as above, on include lists written to break each rule.
    CHECK(layering_problems("state/exhibit_state.cpp", {{"ui/screens.h"}}).size() == 1);
    CHECK(layering_problems("layout/explore_layout.cpp", {{"state/exhibit_state.h"}}).size() == 1);
    CHECK(layering_problems("base/log.cpp", {{"pack/pack.h"}}).size() == 1);
    CHECK(layering_problems("ui/screens/pin_pad.cpp", {{"app/app.h"}}).size() == 1);
    CHECK(layering_problems("pack/pack_loader.cpp", {{"curator/html_text.h"}}).size() == 1);
    CHECK(layering_problems("app/app.cpp", {{"curator/curator_load.h"}}).size() == 1);
    CHECK(layering_problems("curator/curator_load.cpp", {{"state/exhibit_state.h"}}).size() == 1);
    CHECK(layering_problems("text/fonts.cpp", {{"SDL.h", true}}).size() == 1);
    CHECK(layering_problems("config/kiosk_config.cpp", {{"input/input.h"}}).size() == 1);  // a sibling
    CHECK(layering_problems("text/fonts.cpp", {{"pack/pack.h"}}).size() == 1);
    CHECK(layering_problems("pack/date.cpp", {{"text/interface_strings.h"}}).empty());
    CHECK(layering_problems("ui/frame.cpp", {{"SDL2/SDL_render.h", true}}).size() == 1);
    CHECK(layering_problems("misc/x.cpp", {{"base/log.h"}}).size() == 1);

    // And lets through what the layers allow.
    CHECK(layering_problems(
              "ui/screens/pin_pad.cpp",
              {{"state/exhibit_state.h"}, {"layout/screen_layouts.h"}, {"imgui.h", true}, {"unavailable_screen.h"}})
              .empty());
    CHECK(layering_problems("app/app.cpp", {{"ui/frame.h"}, {"state/exhibit_state.h"}, {"base/log.h"}}).empty());
    CHECK(layering_problems("curator/curator_load.cpp", {{"pack/pack_loader.h"}, {"curator/html_text.h"}}).empty());
    CHECK(layering_problems("pack/pack.cpp", {{"pack/pack_limits.h"}, {"base/utf8.h"}}).empty());
}
