// How deep a TOML file's keys go, counted before the file is parsed: toml++ (the
// Debian package) makes one nested table for each part of a dotted key or
// table header, and a key of 50 000 parts overflows the stack when those tables
// are built or freed. Nothing a pack, a configuration or a table of the
// interface's words needs goes past a few levels, so a file whose keys go past
// kMaxTomlKeyDepth is refused here, with where, before toml++ sees it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

constexpr int kMaxTomlKeyDepth = 64;

struct TomlKeyTooDeep {
    int line = 0;         // 1-based, where the key or table header starts
    int column = 0;       // 1-based, in code points as toml++ counts them
    int depth = 0;        // the levels it reaches
    std::string message;  // plain words, without the place
};

// The first key of `text` that reaches more than kMaxTomlKeyDepth levels: the
// parts of a dotted key (a.b.c is 3; a quoted part counts one, whatever dots
// are inside its quotes), plus the [table] header it is under and the keys of
// the { } inline tables and [ ] arrays it is inside. Strings and comments are
// skipped as TOML reads them; text that is no TOML is left for toml++ to report.
std::optional<TomlKeyTooDeep> find_too_deep_toml_key(std::string_view text);

}  // namespace kiosk
