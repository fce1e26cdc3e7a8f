// The article checks' own program. Without the article (a clone of the project
// on its own) there is nothing to check against: the program says how to run the
// checks and exits with 77, which CTest reports as skipped. An article that was
// named but cannot be read is a failure, never a skip, so CI cannot pass by
// losing the file.
#define CATCH_CONFIG_RUNNER
#include "source_article.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>

namespace {

constexpr int kSkipped = 77;  // SKIP_RETURN_CODE in tests/CMakeLists.txt
std::string g_path;

}  // namespace

const std::string& article::path() { return g_path; }

int main(int argc, char* argv[]) {
    const char* from_env = std::getenv("VITRINE_SOURCE_ARTICLE");
    g_path = (from_env && *from_env) ? from_env : VITRINE_SOURCE_ARTICLE;
    if (g_path.empty()) {
        std::printf(
            "skipped: the source article is not given. To check every quote against it, run with\n"
            "  VITRINE_SOURCE_ARTICLE=/path/to/phnom-penh-post-ieng-sary.txt ctest -R source_article\n"
            "or configure with -DVITRINE_SOURCE_ARTICLE=/path/to/phnom-penh-post-ieng-sary.txt\n");
        return kSkipped;
    }
    if (!std::ifstream(g_path, std::ios::binary)) {
        std::fprintf(stderr, "error: the source article %s (VITRINE_SOURCE_ARTICLE) cannot be read\n", g_path.c_str());
        return 1;
    }
    std::printf("checking the bundled exhibit against %s\n", g_path.c_str());
    return Catch::Session().run(argc, argv);
}
