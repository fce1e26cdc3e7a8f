#include "pack_tool.h"

#include <catch2/catch.hpp>

TEST_CASE("vitrine-pack's options: positionals, flags, repeated values, and clear errors", "[pack_tool]") {
    const auto o =
        pack_tool::parse_options({"my-pack", "--out", "shots", "--size", "800x480", "--size", "1920x1080", "--strict"},
                                 {"--strict"}, {"--out", "--size"});
    REQUIRE(o.error.empty());
    CHECK(o.positional == std::vector<std::string>{"my-pack"});
    CHECK(o.value("--out") == "shots");
    CHECK(o.all("--size") == std::vector<std::string>{"800x480", "1920x1080"});
    CHECK(o.has("--strict"));
    CHECK_FALSE(o.has("--quiet"));
    CHECK(o.value("--key", "none") == "none");
    CHECK(pack_tool::parse_options({"--out"}, {}, {"--out"}).error == "--out needs a value");
    CHECK(pack_tool::parse_options({"--fast"}, {}, {}).error == "unknown option '--fast'");
}
