// Captions of recorded narration: the small WebVTT reader in kiosk/pack.
#include "pack/webvtt.h"

#include <catch2/catch.hpp>

#include <string>

using kiosk::parse_webvtt;
using kiosk::WebVttResult;

TEST_CASE("a WebVTT file's cues, with their times in milliseconds and their text") {
    const WebVttResult vtt = parse_webvtt(
        "WEBVTT - narration of the born event\n"
        "Kind: captions\n"
        "\n"
        "00:00.000 --> 00:04.500\n"
        "Born in a village\n"
        "\n"
        "00:04.500 --> 00:09.250 align:start line:90%\n"
        "by the river.\n");
    INFO(vtt.error);
    REQUIRE(vtt.ok());
    REQUIRE(vtt.cues.size() == 2);
    CHECK(vtt.cues[0].start_ms == 0);
    CHECK(vtt.cues[0].end_ms == 4500);
    CHECK(vtt.cues[0].text == "Born in a village");
    CHECK(vtt.cues[1].start_ms == 4500);
    CHECK(vtt.cues[1].end_ms == 9250);
    CHECK(vtt.cues[1].text == "by the river.");
}

TEST_CASE("hours are optional, and a cue over an hour has them") {
    const WebVttResult vtt = parse_webvtt(
        "WEBVTT\n\n01:02:03.004 --> 01:02:05.000\nLate\n\n"
        "59:59.999 --> 01:00:00.000\nNo\n");
    // The second cue starts before the first: refused, but the first parsed right.
    CHECK_FALSE(vtt.ok());
    const WebVttResult one = parse_webvtt("WEBVTT\n\n01:02:03.004 --> 01:02:05.000\nLate\n");
    REQUIRE(one.ok());
    CHECK(one.cues[0].start_ms == ((1 * 60 + 2) * 60 + 3) * 1000 + 4);
    CHECK(one.cues[0].end_ms == ((1 * 60 + 2) * 60 + 5) * 1000);
}

TEST_CASE("cue identifiers, NOTE and STYLE blocks, a BOM and CRLF line ends") {
    const WebVttResult vtt = parse_webvtt(
        "\xEF\xBB\xBFWEBVTT\r\n\r\n"
        "NOTE recorded by the museum, 2026\r\n"
        "second line of the note --> not a cue\r\n\r\n"
        "STYLE\r\n::cue { color: yellow }\r\n\r\n"
        "intro\r\n"
        "00:00:01.000 --> 00:00:02.000\r\n"
        "One\r\n\r\n"
        "2\r\n"
        "00:00:02.000 --> 00:00:03.000\r\n"
        "Two\r\n");
    INFO(vtt.error);
    REQUIRE(vtt.ok());
    REQUIRE(vtt.cues.size() == 2);
    CHECK(vtt.cues[0].text == "One");
    CHECK(vtt.cues[1].text == "Two");
}

TEST_CASE("a cue's lines are joined, its tags removed and its character references decoded") {
    const WebVttResult vtt = parse_webvtt(
        "WEBVTT\n\n"
        "00:00.000 --> 00:03.000\n"
        "<v Ieng Sary><i>Words</i> &amp; deeds,\n"
        "<c.loud>not</c> &lt;only&gt; <00:00:02.000>promises\n");
    INFO(vtt.error);
    REQUIRE(vtt.ok());
    REQUIRE(vtt.cues.size() == 1);
    CHECK(vtt.cues[0].text == "Words & deeds, not <only> promises");
}

TEST_CASE("Khmer captions keep their text as written") {
    const WebVttResult vtt = parse_webvtt("WEBVTT\n\n00:00.000 --> 00:02.000\nកើតនៅភូមិមួយក្បែរទន្លេ\n");
    REQUIRE(vtt.ok());
    CHECK(vtt.cues[0].text == "កើតនៅភូមិមួយក្បែរទន្លេ");
}

TEST_CASE("a bad timestamp is named at its line with the form to write") {
    const WebVttResult vtt = parse_webvtt(
        "WEBVTT\n\n"
        "00:00.000 --> 00:02.000\nOne\n\n"
        "00:02.000 --> 00:3.5\nTwo\n");
    CHECK_FALSE(vtt.ok());
    CHECK(vtt.line == 6);
    CHECK(vtt.error.find("'00:3.5' is not a WebVTT time") != std::string::npos);
    CHECK(vtt.error.find("e.g. 01:04.500") != std::string::npos);
    CHECK(vtt.cues.empty());
    for (const char* bad : {"0:01.000", "00:60.000", "00:01,000", "00:01.5", "1:00:01.000", "aa:bb.ccc"}) {
        INFO(bad);
        const WebVttResult one = parse_webvtt(std::string("WEBVTT\n\n") + bad + " --> 05:00:00.000\nx\n");
        CHECK_FALSE(one.ok());
        CHECK(one.line == 3);
    }
}

TEST_CASE("times going backwards are refused at the cue's line") {
    SECTION("a cue that ends before it starts") {
        const WebVttResult vtt = parse_webvtt("WEBVTT\n\n00:05.000 --> 00:04.000\nx\n");
        CHECK(vtt.line == 3);
        CHECK(vtt.error.find("ends (00:00:04.000) before it starts (00:00:05.000)") != std::string::npos);
    }
    SECTION("a cue that starts before the one above it") {
        const WebVttResult vtt = parse_webvtt("WEBVTT\n\n00:05.000 --> 00:06.000\nx\n\n00:01.000 --> 00:02.000\ny\n");
        CHECK(vtt.line == 6);
        CHECK(vtt.error.find("before the cue on line 3") != std::string::npos);
        CHECK(vtt.error.find("put the cues in time order") != std::string::npos);
    }
}

TEST_CASE("what is not WebVTT is said so, at its line") {
    CHECK(parse_webvtt("1\n00:00:01,000 --> 00:00:02,000\nAn SRT file\n").line == 1);
    CHECK(parse_webvtt("1\n00:00:01,000 --> 00:00:02,000\nAn SRT file\n").error.find("starts with the line WEBVTT") !=
          std::string::npos);
    CHECK(parse_webvtt("WEBVTTX\n").line == 1);
    const WebVttResult no_timing = parse_webvtt("WEBVTT\n\nidentifier\nJust text\n");
    CHECK(no_timing.line == 4);
    CHECK(no_timing.error.find("expected a timing line") != std::string::npos);
    const WebVttResult bad_utf8 = parse_webvtt("WEBVTT\n\n00:00.000 --> 00:01.000\nbad \xC3(\n");
    CHECK(bad_utf8.line == 4);
    CHECK(bad_utf8.error.find("not valid UTF-8") != std::string::npos);
    CHECK(parse_webvtt("").line == 1);
    CHECK(parse_webvtt("WEBVTT\n").ok());  // no cues: the loader decides whether that will do
}
