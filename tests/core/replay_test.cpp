#include "input/replay.h"

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

TEST_CASE("a replay script presses keypad keys by name", "[replay]") {
    const auto script = parse_replay("0 key down\n40 key enter\n80 key volume_up\n120 key help\n", "keys.txt");
    REQUIRE(script.ok());
    REQUIRE(script.steps.size() == 4);
    CHECK(script.steps[0].input.type == InputEvent::Type::Key);
    CHECK(script.steps[0].input.key == kiosk::Key::Down);
    CHECK(script.steps[1].input.key == kiosk::Key::Enter);
    CHECK(script.steps[1].input.time_ms == 40);
    CHECK(script.steps[2].input.key == kiosk::Key::VolumeUp);
    CHECK(script.steps[3].input.key == kiosk::Key::Help);
    // Every key has a name a script can use, and reads back as itself.
    for (int k = int(kiosk::Key::None) + 1; k < int(kiosk::Key::Count); ++k)
        CHECK(kiosk::key_from_name(kiosk::key_name(kiosk::Key(k))) == kiosk::Key(k));
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
        // Thousands of fingers down at once took quadratic time in the gestures.
        {"0 down 0 1 1\n0 down 32 1 1\n", "s.txt:2: '32' is not a finger id (0 to 31)"},
        {"0 down 99999 10 10\n", "s.txt:1: '99999' is not a finger id"},
        {"0 key\n", "s.txt:1: 'key' takes one key name (up, down, left, right, enter, back, help, volume_up, "},
        {"0 key enter now\n", "s.txt:1: 'key' takes one key name"},
        {"0 key up\n5 key escape\n", "s.txt:2: unknown key 'escape' (expected up, down, left, right, enter"},
        {"0 key ENTER\n", "s.txt:1: unknown key 'ENTER'"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto script = parse_replay(c.text, "s.txt");
        CHECK_FALSE(script.ok());
        CHECK_THAT(script.error, Catch::StartsWith(c.message));
        CHECK(script.steps.empty());
    }
}

TEST_CASE("replay finger ids 0 to 31 are accepted", "[replay]") {
    const auto script = parse_replay("0 down 31 1 1\n5 up 31 1 1\n", "s.txt");
    REQUIRE(script.error.empty());
    REQUIRE(script.steps.size() == 2);
    CHECK(script.steps[0].input.finger == 31);
}

TEST_CASE("a bad replay line is quoted escaped and short, with its number", "[replay]") {
    // A 10 MB line is refused by its length; the message quotes its start only.
    const std::string huge = "0 down 0 1 1\n" + std::string(10 * 1024 * 1024, 'x') + "\n";
    auto script = parse_replay(huge, "huge.txt");
    CHECK_FALSE(script.ok());
    CHECK_THAT(script.error,
               Catch::StartsWith("huge.txt:2: the line is 10485760 bytes; a replay line has at most 4096"));
    CHECK(script.error.size() < 400);
    // A 100 MB one is more than a whole script may be.
    script = parse_replay("0 down 0 1 1\n" + std::string(100 * 1024 * 1024, 'x'), "huger.txt");
    CHECK_THAT(script.error, Catch::StartsWith("huger.txt: is 104857613 bytes; a replay script has at most"));
    CHECK(script.error.size() < 400);

    const std::string long_line = "0 down 0 1 1\n10 " + std::string(kiosk::kMaxReplayLineBytes, 'y') + "\n";
    script = parse_replay(long_line, "long.txt");
    CHECK_THAT(script.error, Catch::StartsWith("long.txt:2: the line is"));
    CHECK_THAT(script.error, Catch::Contains("more bytes)"));
    CHECK(script.error.size() < 400);

    // Terminal escapes in a line, and in a long word, are shown escaped.
    script = parse_replay("0 \x1b]0;pwned\x07 0 1 1\n", "esc.txt");
    CHECK_FALSE(script.ok());
    CHECK_THAT(script.error, Catch::StartsWith("esc.txt:1: unknown action '\\x1b]0;pwned\\x07'"));
    CHECK_THAT(script.error, Catch::Contains("the line reads: 0 \\x1b]0;pwned\\x07 0 1 1"));
    CHECK(script.error.find('\x1b') == std::string::npos);
    CHECK(script.error.find('\x07') == std::string::npos);
    script = parse_replay("0 down 0 1 1\n5 down " + std::string(3000, '7') + " 1 1\n", "wide.txt");
    CHECK_THAT(script.error, Catch::StartsWith("wide.txt:2: '7777"));
    CHECK(script.error.size() < 400);

    // The script's own name too.
    script = parse_replay("x\n", "evil\x1b[2J.txt");
    CHECK_THAT(script.error, Catch::StartsWith("evil\\x1b[2J.txt:1: "));
}

TEST_CASE("replay times and positions are bounded and finite", "[replay]") {
    struct Case {
        const char* text;
        const char* message;
    } cases[] = {
        {"9223372036854775807 down 0 1 1\n", "s.txt:1: '9223372036854775807' is not a time in milliseconds"},
        {"1000000000001 down 0 1 1\n", "s.txt:1: '1000000000001' is not a time"},
        {"0 down 0 nan 1\n", "s.txt:1: 'nan 1' is not an x y position"},
        {"0 down 0 1 inf\n", "s.txt:1: '1 inf' is not an x y position"},
        {"0 down 0 1e300 1\n", "s.txt:1: '1e300 1' is not an x y position"},
        {"0 down 0 100001 1\n", "s.txt:1: '100001 1' is not an x y position"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const auto script = parse_replay(c.text, "s.txt");
        CHECK_FALSE(script.ok());
        CHECK_THAT(script.error, Catch::StartsWith(c.message));
    }
    const auto far = parse_replay("1000000000000 down 0 -100000 100000\n", "s.txt");
    CHECK(far.ok());
}

TEST_CASE("a replay script larger than the limit is refused whole", "[replay]") {
    std::string text;
    const std::string line = "0 move 0 100 100\n";
    while (text.size() <= kiosk::kMaxReplayBytes) text += line;
    const auto script = parse_replay(text, "big.txt");
    CHECK_FALSE(script.ok());
    CHECK_THAT(script.error,
               Catch::StartsWith("big.txt: is ") && Catch::Contains("a replay script has at most 16777216"));
    CHECK(script.steps.empty());
}
