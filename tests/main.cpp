// Catch2 2.13 single header with our own main: Debian's libCatch2WithMain.a is
// amd64-only and would break the arm64 link.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv); }
