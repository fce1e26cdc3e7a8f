// Fuzzes the replay-script parser (kiosk::parse_replay, as `vitrine --replay`
// and the render tests call it), then plays the parsed steps into the gesture
// recogniser in virtual time, the way the kiosk view consumes them.
#include "input/gestures.h"
#include "input/replay.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

[[noreturn]] void fail(const char* why, const kiosk::ReplayStep& step) {
    std::fprintf(stderr, "replay invariant broken at script line %d: %s\n", step.line, why);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const kiosk::ReplayScript script = kiosk::parse_replay(text, "fuzz.txt");
    if (!script.ok()) {
        if (!script.steps.empty()) std::abort();  // a failed parse keeps no steps
        return 0;
    }
    kiosk::GestureRecognizer gestures;
    std::vector<kiosk::Gesture> out;
    int64_t last = 0;
    for (const kiosk::ReplayStep& step : script.steps) {
        // What the parser promises: times never go backwards, finger ids are not negative.
        if (step.time_ms < last) fail("time goes backwards", step);
        last = step.time_ms;
        if (step.line <= 0) fail("step without a line number", step);
        if (step.action == kiosk::ReplayStep::Action::Shot) {
            if (step.shot_file.empty()) fail("shot without a file", step);
            continue;
        }
        if (step.input.finger < 0) fail("negative finger id", step);
        gestures.tick(step.time_ms, out);
        gestures.feed(step.input, out);
        if (out.size() > 4096) out.clear();
    }
    // Let any press time out (long press, stuck finger), as the kiosk's clock would.
    if (last <= INT64_MAX - 10'000) gestures.tick(last + 10'000, out);
    return 0;
}
