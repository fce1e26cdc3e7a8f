// Finding a loader's diagnostic by its words, for the pack tests.
#pragma once

#include "pack/pack_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

// Every diagnostic as the tools print it, one a line: what a failing test shows.
inline std::string all_messages(const kiosk::PackLoadResult& result) {
    std::string text;
    for (const kiosk::Diagnostic& d : result.diagnostics) text += d.to_string() + "\n";
    return text;
}

// The one diagnostic whose message contains `needle`; fails the test when there
// is none or more than one.
inline const kiosk::Diagnostic& find(const kiosk::PackLoadResult& result, const std::string& needle) {
    INFO("looking for: " << needle << "\nin:\n" << all_messages(result));
    const auto matches = [&](const kiosk::Diagnostic& d) { return d.message.find(needle) != std::string::npos; };
    REQUIRE(std::count_if(result.diagnostics.begin(), result.diagnostics.end(), matches) == 1);
    return *std::find_if(result.diagnostics.begin(), result.diagnostics.end(), matches);
}
