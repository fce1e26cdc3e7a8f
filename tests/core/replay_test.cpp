#include "replay.h"

#include <catch2/catch.hpp>

using kiosk::InputEvent;
using kiosk::parse_replay;
using kiosk::ReplayStep;

TEST_CASE("a replay script reads into timed steps", "[replay]") {
    const auto script = parse_replay(
        "# time_ms  action  finger  x  y\n"
        "0     down  0  960 1000\n"
        "\n"
        "60    up    0  960.5 1000   # lifted\n"
        "75    move  3  10 20\n"
        "1500  shot  explore-after-tap.png\n",
        "tap.txt");
    REQUIRE(script.ok());
    REQUIRE(script.steps.size() == 4);
    CHECK(script.steps[0].input.type == InputEvent::Type::Down);
    CHECK(script.steps[0].input.x == 960);
    CHECK(script.steps[0].input.y == 1000);
    CHECK(script.steps[0].line == 2);
    CHECK(script.steps[1].input.type == InputEvent::Type::Up);
    CHECK(script.steps[1].input.x == 960.5f);
    CHECK(script.steps[1].time_ms == 60);
    CHECK(script.steps[1].line == 4);
    CHECK(script.steps[2].input.type == InputEvent::Type::Move);
    CHECK(script.steps[2].input.finger == 3);
    CHECK(script.steps[2].input.time_ms == 75);
    CHECK(script.steps[3].action == ReplayStep::Action::Shot);
    CHECK(script.steps[3].shot_file == "explore-after-tap.png");
    CHECK(script.steps[3].time_ms == 1500);
}

TEST_CASE("a malformed replay line is an error naming its line", "[replay]") {
    struct Case {
        const char* text;
        const char* message;
    } cases[] = {
        {"0 down 0 1 1\n10 tap 0 1 1\n", "s.txt:2: unknown action 'tap'"},
        {"0 down 0 1\n", "s.txt:1: 'down' takes a finger, x and y"},
        {"\n\nsoon down 0 1 1\n", "s.txt:3: 'soon' is not a time in milliseconds"},
        {"0 down 0 1 1\n100 up 0 1 1\n50 down 0 1 1\n", "s.txt:3: time 50 goes back before 100"},
        {"0 down -1 1 1\n", "s.txt:1: '-1' is not a finger id"},
        {"0 down 0 1 abc\n", "s.txt:1: '1 abc' is not an x y position"},
        {"0 shot\n", "s.txt:1: 'shot' takes one file name"},
        {"0 shot a.png b.png\n", "s.txt:1: 'shot' takes one file name"},
        {"7\n", "s.txt:1: missing action"},
        {"-5 down 0 1 1\n", "s.txt:1: '-5' is not a time"},
        // Found by fuzzing: ids beyond an int wrapped to negative or other fingers.
        {"0 down 2147483648 10 10\n", "s.txt:1: '2147483648' is not a finger id"},
        {"0 down 4294967297 10 10\n", "s.txt:1: '4294967297' is not a finger id"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto script = parse_replay(c.text, "s.txt");
        CHECK_FALSE(script.ok());
        CHECK_THAT(script.error, Catch::StartsWith(c.message));
        CHECK(script.steps.empty());
    }
}
