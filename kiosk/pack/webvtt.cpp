#include "pack/webvtt.h"

#include "base/printable.h"
#include "base/utf8.h"
#include "pack/text_rules.h"

#include <cstdio>
#include <string>
#include <utility>

namespace kiosk {
namespace {

// One caption's text, after tags are removed; a longer one could not be read in
// the seconds it shows.
constexpr size_t kMaxCueTextBytes = 4000;

struct Lines {
    std::string_view text;
    size_t pos = 0;
    int number = 0;  // of the line last read

    bool done() const { return pos >= text.size(); }
    std::string_view next() {
        const size_t end = text.find('\n', pos);
        std::string_view line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? text.size() : end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        ++number;
        return line;
    }
};

bool starts_word(std::string_view line, std::string_view word) {
    return line.substr(0, word.size()) == word &&
           (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t');
}

bool digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

int64_t number(std::string_view s) {
    int64_t n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

// "01:02:03.456" or "02:03.456", in milliseconds; -1 when it is neither.
int64_t parse_timestamp(std::string_view s) {
    const size_t dot = s.find('.');
    if (dot == std::string_view::npos || s.size() - dot - 1 != 3 || !digits(s.substr(dot + 1))) return -1;
    const std::string_view clock = s.substr(0, dot);
    const size_t last = clock.rfind(':');
    if (last == std::string_view::npos || last == 0) return -1;
    const size_t first = clock.rfind(':', last - 1);
    const bool has_hours = first != std::string_view::npos;
    const std::string_view hours = has_hours ? clock.substr(0, first) : std::string_view();
    const std::string_view minutes = has_hours ? clock.substr(first + 1, last - first - 1) : clock.substr(0, last);
    const std::string_view seconds = clock.substr(last + 1);
    if (minutes.size() != 2 || seconds.size() != 2 || !digits(minutes) || !digits(seconds)) return -1;
    if (has_hours && (hours.size() < 2 || hours.size() > 4 || !digits(hours))) return -1;
    if (number(minutes) > 59 || number(seconds) > 59) return -1;
    return ((has_hours ? number(hours) : 0) * 3600 + number(minutes) * 60 + number(seconds)) * 1000 +
           number(s.substr(dot + 1));
}

// The text a visitor reads: tags ("<i>", "<c.loud>", "<00:00:02.000>") removed,
// the few character references captions use decoded.
std::string plain_cue_text(std::string_view line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '<') {
            const size_t close = line.find('>', i);
            if (close == std::string_view::npos) break;
            i = close;
            continue;
        }
        if (line[i] == '&') {
            bool decoded = false;
            for (const auto& [name, text] : {std::pair<std::string_view, std::string_view>{"&amp;", "&"},
                                             {"&lt;", "<"},
                                             {"&gt;", ">"},
                                             {"&nbsp;", "\u00A0"},
                                             {"&lrm;", "\u200E"},
                                             {"&rlm;", "\u200F"}}) {
                if (line.substr(i, name.size()) != name) continue;
                out += text;
                i += name.size() - 1;
                decoded = true;
                break;
            }
            if (decoded) continue;
        }
        out += line[i];
    }
    return out;
}

std::string time_text(int64_t ms) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                  static_cast<long long>(ms % 1000));
    return buffer;
}

}  // namespace

WebVttResult parse_webvtt(std::string_view text) {
    WebVttResult result;
    const auto fail = [&](int line, std::string message) {
        result.cues.clear();
        result.error = std::move(message);
        result.line = line;
        return result;
    };
    int bad_line = 0, bad_column = 0;
    if (find_invalid_utf8(std::string(text), &bad_line, &bad_column))
        return fail(bad_line, "the text is not valid UTF-8 (at byte " + std::to_string(bad_column) +
                                  " of the line); save the captions as UTF-8");
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    Lines lines{text};
    if (!starts_word(lines.next(), "WEBVTT"))
        return fail(1, "a WebVTT file starts with the line WEBVTT; add it as the first line");
    // The header runs to the first blank line.
    while (!lines.done() && !lines.next().empty()) {}
    int64_t previous_start = 0;
    int previous_line = 0;
    while (!lines.done()) {
        std::string_view line = lines.next();
        if (line.empty()) continue;
        const int block_line = lines.number;
        if (starts_word(line, "NOTE") || starts_word(line, "STYLE") || starts_word(line, "REGION")) {
            while (!lines.done() && !lines.next().empty()) {}
            continue;
        }
        // An identifier first, when the line is no timing line.
        if (line.find("-->") == std::string_view::npos) {
            if (lines.done())
                return fail(block_line, "the cue '" + printable(std::string(line), 40) +
                                            "' has no timing line; write one such as 00:00:01.000 --> 00:00:04.500");
            line = lines.next();
            if (line.find("-->") == std::string_view::npos)
                return fail(lines.number,
                            "expected a timing line such as 00:00:01.000 --> 00:00:04.500 after the cue identifier "
                            "on line " +
                                std::to_string(block_line) + ", not '" + printable(std::string(line), 40) +
                                "'; separate cues with a blank line");
        }
        const int timing_line = lines.number;
        const size_t arrow = line.find("-->");
        const auto trim = [](std::string_view s) {
            while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
            while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
            return s;
        };
        const std::string_view start_text = trim(line.substr(0, arrow));
        std::string_view end_text = trim(line.substr(arrow + 3));
        end_text = end_text.substr(0, end_text.find_first_of(" \t"));  // cue settings follow
        for (const std::string_view stamp : {start_text, end_text}) {
            if (parse_timestamp(stamp) < 0)
                return fail(timing_line, "'" + printable(std::string(stamp), 40) +
                                             "' is not a WebVTT time; write minutes:seconds.milliseconds or "
                                             "hours:minutes:seconds.milliseconds, e.g. 01:04.500 or 00:01:04.500");
        }
        CaptionCue cue;
        cue.start_ms = parse_timestamp(start_text);
        cue.end_ms = parse_timestamp(end_text);
        if (cue.end_ms <= cue.start_ms)
            return fail(timing_line, "the cue ends (" + time_text(cue.end_ms) + ") before it starts (" +
                                         time_text(cue.start_ms) + "); the end must come after the start");
        if (cue.start_ms < previous_start)
            return fail(timing_line, "the cue starts at " + time_text(cue.start_ms) + ", before the cue on line " +
                                         std::to_string(previous_line) + " (" + time_text(previous_start) +
                                         "); put the cues in time order");
        previous_start = cue.start_ms;
        previous_line = timing_line;
        while (!lines.done()) {
            const std::string_view text_line = lines.next();
            if (text_line.empty()) break;
            if (text_line.find("-->") != std::string_view::npos)
                return fail(lines.number, "a timing line inside the text of the cue on line " +
                                              std::to_string(timing_line) + "; separate cues with a blank line");
            const std::string plain = plain_cue_text(text_line);
            if (!cue.text.empty() && !plain.empty()) cue.text += ' ';
            cue.text += plain;
            if (cue.text.size() > kMaxCueTextBytes)
                return fail(lines.number, "the cue on line " + std::to_string(timing_line) + " holds more than " +
                                              std::to_string(kMaxCueTextBytes) +
                                              " bytes of text; split it into shorter cues");
        }
        if (const auto stacked = find_stacked_character(cue.text))
            return fail(timing_line, "the cue on line " + std::to_string(timing_line) + " has " +
                                         describe_stacked(*stacked) + " (at character " +
                                         std::to_string(stacked->position) + ")");
        if (result.cues.size() == kMaxCaptionCues)
            return fail(timing_line, "more than " + std::to_string(kMaxCaptionCues) +
                                         " cues; a recording's captions may have at most that many");
        result.cues.push_back(std::move(cue));
    }
    return result;
}

}  // namespace kiosk
