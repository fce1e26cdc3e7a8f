#include "text/case_map.h"

#include <catch2/catch.hpp>

TEST_CASE("labels' capitals follow each script's case rules, not ASCII's alone") {
    using kiosk::to_upper;
    CHECK(to_upper("Disputed") == "DISPUTED");
    CHECK(to_upper("Contesté") == "CONTESTÉ");
    CHECK(to_upper("Ce qui manque à cette exposition") == "CE QUI MANQUE À CETTE EXPOSITION");
    CHECK(to_upper("Crédits · œuvre") == "CRÉDITS · ŒUVRE");
    CHECK(to_upper("Straße") == "STRASSE");  // one letter becomes two
    CHECK(to_upper("1975 – 1979") == "1975 – 1979");
}

TEST_CASE("text without case, or that is not UTF-8, is left as given") {
    using kiosk::to_upper;
    CHECK(to_upper("") == "");
    CHECK(to_upper("ខ្មែរ") == "ខ្មែរ");
    CHECK(to_upper("caf\xC3") == "caf\xC3");  // cut inside a character
}
