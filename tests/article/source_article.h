// Where the source article of the bundled exhibit is, for the faithfulness
// checks. The article is the newspaper's text and stays outside the repository.
#pragma once

#include <string>

namespace article {

// The article's path, as resolved by the test program's main before any test
// runs: $VITRINE_SOURCE_ARTICLE, else the CMake cache variable of that name.
const std::string& path();

}  // namespace article
