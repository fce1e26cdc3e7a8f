// Captions of a recording, from a WebVTT file: the cues and their text, nothing
// of WebVTT's styling or placement, which the kiosk's caption strip decides.
#pragma once

#include "pack/pack.h"

#include <string_view>
#include <vector>

namespace kiosk {

// At most this many cues: one every second of an hour's narration.
constexpr size_t kMaxCaptionCues = 3600;

struct WebVttResult {
    std::vector<CaptionCue> cues;  // in file order, start times never decreasing
    // Empty when the file was read; otherwise what is wrong and how to fix it,
    // at `line` (1-based; 0 for the file as a whole).
    std::string error;
    int line = 0;
    bool ok() const { return error.empty(); }
};

// Reads "WEBVTT", then blocks separated by blank lines: NOTE, STYLE and REGION
// blocks are skipped; a cue is an optional identifier line, a timing line
// ("00:00:01.000 --> 00:00:04.500", hours optional, cue settings ignored) and
// its text, whose lines are joined with a space, tags such as <i> removed and
// &amp; &lt; &gt; &nbsp; decoded. Stops at the first problem.
WebVttResult parse_webvtt(std::string_view text);

}  // namespace kiosk
