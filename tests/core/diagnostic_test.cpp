// Lists of problems stay readable whatever the input: past a number, one line
// counts the rest.
#include "base/diagnostic.h"

#include <catch2/catch.hpp>

using kiosk::Diagnostic;

namespace {

std::vector<Diagnostic> problems(size_t count, Diagnostic::Severity severity) {
    return std::vector<Diagnostic>(count, Diagnostic{severity, "pack.toml", 3, 1, "a problem"});
}

}  // namespace

TEST_CASE("problems past the most listed are counted in one last line", "[diagnostic]") {
    std::vector<Diagnostic> list = problems(990, Diagnostic::Severity::Error);
    kiosk::append_up_to(list, problems(50000, Diagnostic::Severity::Warning), 1000, "pack.toml");
    REQUIRE(list.size() == 1001);
    CHECK(list[999].message == "a problem");
    CHECK(list.back().severity == Diagnostic::Severity::Warning);
    CHECK(list.back().to_string() == "pack.toml: warning: … and 49990 more problems not shown");

    // An error among those left off makes the counting line one: the pack is not valid.
    std::vector<Diagnostic> mixed = problems(3, Diagnostic::Severity::Warning);
    mixed.push_back({Diagnostic::Severity::Error, "pack.toml", 9, 1, "an error"});
    std::vector<Diagnostic> full = problems(1000, Diagnostic::Severity::Warning);
    kiosk::append_up_to(full, mixed, 1000, "pack.toml");
    REQUIRE(full.size() == 1001);
    CHECK(full.back().severity == Diagnostic::Severity::Error);
    CHECK(full.back().message == "… and 4 more problems not shown");

    // The loader's own counting line, its number grouped, is folded into the one line.
    std::vector<Diagnostic> loader = problems(1000, Diagnostic::Severity::Warning);
    loader.push_back({Diagnostic::Severity::Warning, "pack.toml", 0, 0, "… and 2 601 more problems not shown"});
    kiosk::append_up_to(loader, problems(154, Diagnostic::Severity::Warning), 1000, "pack.toml");
    REQUIRE(loader.size() == 1001);
    CHECK(loader.back().message == "… and 2755 more problems not shown");

    // Room for all: all are kept, and no line is added.
    std::vector<Diagnostic> few;
    kiosk::append_up_to(few, problems(5, Diagnostic::Severity::Warning), 1000, "pack.toml");
    CHECK(few.size() == 5);
}
