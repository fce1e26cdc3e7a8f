#include "base/diagnostic.h"

#include "base/printable.h"

#include <algorithm>

namespace kiosk {

// Paths and messages quote what a pack or a command line holds: printed through
// printable() so no escape sequence reaches a terminal, whoever composed them.
std::string Diagnostic::to_string() const {
    std::string text = printable(path, 1000);
    if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
    text += severity == Severity::Error ? ": error: " : ": warning: ";
    return text + printable(message, 4000);
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::Error; });
}

}  // namespace kiosk
