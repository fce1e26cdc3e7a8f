#include "replay.h"

#include <sstream>

namespace kiosk {

namespace {

// Finger ids are an int in the input events; SDL's are small numbers.
constexpr int64_t kMaxFingerId = 1000000;

bool parse_number(const std::string& word, double& out) {
    if (word.empty()) return false;
    std::istringstream in(word);
    in >> out;
    return !in.fail() && in.eof();
}

bool parse_integer(const std::string& word, int64_t& out) {
    if (word.empty()) return false;
    size_t used = 0;
    try {
        out = std::stoll(word, &used);
    } catch (...) {
        return false;
    }
    return used == word.size();
}

}  // namespace

ReplayScript parse_replay(const std::string& text, const std::string& name) {
    ReplayScript script;
    std::istringstream lines(text);
    std::string raw;
    int line_no = 0;
    int64_t last_time = 0;
    auto fail = [&](const std::string& why) {
        script.error = name + ":" + std::to_string(line_no) + ": " + why;
        script.steps.clear();
        return script;
    };
    while (std::getline(lines, raw)) {
        ++line_no;
        const size_t hash = raw.find('#');
        std::istringstream in(raw.substr(0, hash));
        std::vector<std::string> words;
        for (std::string w; in >> w;) words.push_back(w);
        if (words.empty()) continue;

        ReplayStep step;
        step.line = line_no;
        if (!parse_integer(words[0], step.time_ms) || step.time_ms < 0)
            return fail("'" + words[0] + "' is not a time in milliseconds");
        if (step.time_ms < last_time)
            return fail("time " + words[0] + " goes back before " + std::to_string(last_time));
        last_time = step.time_ms;
        if (words.size() < 2) return fail("missing action after the time (expected down, move, up or shot)");

        const std::string& action = words[1];
        if (action == "shot") {
            if (words.size() != 3) return fail("'shot' takes one file name");
            step.action = ReplayStep::Action::Shot;
            step.shot_file = words[2];
        } else if (action == "down" || action == "move" || action == "up") {
            if (words.size() != 5) return fail("'" + action + "' takes a finger, x and y");
            int64_t finger = 0;
            double x = 0, y = 0;
            if (!parse_integer(words[2], finger) || finger < 0 || finger > kMaxFingerId)
                return fail("'" + words[2] + "' is not a finger id (0 to " + std::to_string(kMaxFingerId) + ")");
            if (!parse_number(words[3], x) || !parse_number(words[4], y))
                return fail("'" + words[3] + " " + words[4] + "' is not an x y position");
            step.input.type = action == "down" ? InputEvent::Type::Down
                              : action == "move" ? InputEvent::Type::Move
                                                 : InputEvent::Type::Up;
            step.input.finger = int(finger);
            step.input.x = float(x);
            step.input.y = float(y);
            step.input.time_ms = step.time_ms;
        } else {
            return fail("unknown action '" + action + "' (expected down, move, up or shot)");
        }
        script.steps.push_back(step);
    }
    return script;
}

}  // namespace kiosk
