// A problem found in a pack, printed the way compilers print them so editors and
// terminals can jump to it: "path:line:col: error: message".
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct Diagnostic {
    enum class Severity { Error, Warning };
    Severity severity = Severity::Error;
    std::string path;  // file the problem is in
    int line = 0;      // 1-based; 0 when the problem has no position (whole file)
    int column = 0;    // 1-based
    std::string message;

    std::string to_string() const;
};

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace kiosk
