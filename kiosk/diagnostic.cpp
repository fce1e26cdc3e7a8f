#include "diagnostic.h"

#include <algorithm>

namespace kiosk {

std::string Diagnostic::to_string() const {
    std::string text = path;
    if (line > 0) text += ":" + std::to_string(line) + ":" + std::to_string(column);
    text += severity == Severity::Error ? ": error: " : ": warning: ";
    return text + message;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
        return d.severity == Diagnostic::Severity::Error;
    });
}

}  // namespace kiosk
