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

// Appends `more` to `list` while `list` holds fewer than `max`; the rest are
// counted in one last line ("… and 50 107 more problems not shown", in `file`),
// an error when any of them is one. A counting line already at the end of
// `list` (the loader's, when it listed its most) is folded into that one line.
// Output stays readable whatever the input.
void append_up_to(std::vector<Diagnostic>& list, std::vector<Diagnostic> more, size_t max, const std::string& file);

}  // namespace kiosk
