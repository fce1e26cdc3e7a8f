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

namespace {

const std::string kCountingStart = "… and ";
const std::string kCountingEnd = " more problems not shown";

// The count of a counting line such as the loader ends its own list with ("… and
// 2 601 more problems not shown"), or 0 when `d` is none.
size_t counted_by(const Diagnostic& d) {
    const std::string& m = d.message;
    if (d.line != 0 || m.size() <= kCountingStart.size() + kCountingEnd.size() || m.rfind(kCountingStart, 0) != 0 ||
        m.compare(m.size() - kCountingEnd.size(), kCountingEnd.size(), kCountingEnd) != 0)
        return 0;
    size_t count = 0;
    for (size_t i = kCountingStart.size(); i < m.size() - kCountingEnd.size(); ++i) {
        if (m[i] >= '0' && m[i] <= '9')
            count = count * 10 + size_t(m[i] - '0');
        else if (m[i] != ' ' && m[i] != ',')
            return 0;
    }
    return count;
}

}  // namespace

void append_up_to(std::vector<Diagnostic>& list, std::vector<Diagnostic> more, size_t max, const std::string& file) {
    // One counting line at the end, whoever counted first.
    size_t earlier = 0;
    bool error_left = false;
    if (!list.empty() && (earlier = counted_by(list.back())) > 0) {
        error_left = list.back().severity == Diagnostic::Severity::Error;
        list.pop_back();
    }
    const size_t room = earlier == 0 && list.size() < max ? max - list.size() : 0;
    const size_t kept = std::min(room, more.size());
    error_left = error_left || std::any_of(more.begin() + std::ptrdiff_t(kept), more.end(), [](const Diagnostic& d) {
                     return d.severity == Diagnostic::Severity::Error;
                 });
    for (size_t i = 0; i < kept; ++i) list.push_back(std::move(more[i]));
    const size_t left = earlier + more.size() - kept;
    if (left == 0) return;
    list.push_back({error_left ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning, file, 0, 0,
                    kCountingStart + std::to_string(left) + kCountingEnd});
}

}  // namespace kiosk
