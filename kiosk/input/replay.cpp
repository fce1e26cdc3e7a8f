#include "input/replay.h"

#include "base/printable.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string_view>

namespace kiosk {

namespace {

// "up, down, left, …": every key a script may name.
std::string key_names() {
    std::string names;
    for (int k = int(Key::None) + 1; k < int(Key::Count); ++k)
        names += std::string(k > 1 ? ", " : "") + key_name(Key(k));
    return names;
}

}  // namespace

namespace {

// Finger ids are small numbers (SDL numbers the fingers on the panel from 0), and
// the gesture code keeps every finger down in a list it searches on each event: a
// script with many thousands of fingers down at once would take quadratic time.
constexpr int64_t kMaxFingerId = 31;

bool parse_number(const std::string& word, double& out) {
    if (word.empty()) return false;
    std::istringstream in(word);
    in >> out;
    return !in.fail() && in.eof() && std::isfinite(out) && std::fabs(out) <= kMaxReplayPosition;
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
    const std::string quoted_name = printable(name, 1024);
    if (text.size() > kMaxReplayBytes) {
        script.error = quoted_name + ": is " + std::to_string(text.size()) + " bytes; a replay script has at most " +
                       std::to_string(kMaxReplayBytes);
        return script;
    }
    std::string_view raw;  // the current line, not copied: it may be anything
    size_t next = 0;
    int line_no = 0;
    int64_t last_time = 0;
    // The reason, then the line as written: escaped, and cut after kQuotedInputBytes.
    auto fail = [&](const std::string& why) {
        script.error = quoted_name + ":" + std::to_string(line_no) + ": " + why + "; the line reads: " + printable(raw);
        script.steps.clear();
        return script;
    };
    auto word = [](const std::string& w) { return printable(w, 40); };
    while (next < text.size()) {
        const size_t end = std::min(text.find('\n', next), text.size());
        raw = std::string_view(text).substr(next, end - next);
        next = end + 1;
        ++line_no;
        if (raw.size() > kMaxReplayLineBytes)
            return fail("the line is " + std::to_string(raw.size()) + " bytes; a replay line has at most " +
                        std::to_string(kMaxReplayLineBytes));
        const size_t hash = raw.find('#');
        std::istringstream in(std::string(raw.substr(0, hash)));
        std::vector<std::string> words;
        for (std::string w; in >> w;) words.push_back(w);
        if (words.empty()) continue;

        ReplayStep step;
        step.line = line_no;
        if (!parse_integer(words[0], step.time_ms) || step.time_ms < 0 || step.time_ms > kMaxReplayTimeMs)
            return fail("'" + word(words[0]) + "' is not a time in milliseconds (0 to " +
                        std::to_string(kMaxReplayTimeMs) + ")");
        if (step.time_ms < last_time)
            return fail("time " + words[0] + " goes back before " + std::to_string(last_time));
        last_time = step.time_ms;
        if (words.size() < 2) return fail("missing action after the time (expected down, move, up, key or shot)");

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
                return fail("'" + word(words[2]) + "' is not a finger id (0 to " + std::to_string(kMaxFingerId) + ")");
            if (!parse_number(words[3], x) || !parse_number(words[4], y))
                return fail("'" + word(words[3]) + " " + word(words[4]) +
                            "' is not an x y position (finite pixels, at most " +
                            std::to_string(int(kMaxReplayPosition)) + " either way)");
            step.input.type = action == "down"   ? InputEvent::Type::Down
                              : action == "move" ? InputEvent::Type::Move
                                                 : InputEvent::Type::Up;
            step.input.finger = int(finger);
            step.input.x = float(x);
            step.input.y = float(y);
            step.input.time_ms = step.time_ms;
        } else if (action == "key") {
            if (words.size() != 3) return fail("'key' takes one key name (" + key_names() + ")");
            const Key key = key_from_name(words[2].c_str());
            if (key == Key::None) return fail("unknown key '" + word(words[2]) + "' (expected " + key_names() + ")");
            step.input.type = InputEvent::Type::Key;
            step.input.key = key;
            step.input.time_ms = step.time_ms;
        } else {
            return fail("unknown action '" + word(action) + "' (expected down, move, up, key or shot)");
        }
        script.steps.push_back(step);
    }
    return script;
}

}  // namespace kiosk
