#include "base/toml_key_depth.h"

#include <numeric>
#include <vector>

namespace kiosk {
namespace {

bool is_bare_key_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// One pass over the text, keeping only what the depth of a key needs: the
// current dotted chain, the header's parts and the levels of the { } and [ ]
// that are open.
class Scanner {
public:
    explicit Scanner(std::string_view text) : text_(text) {}

    std::optional<TomlKeyTooDeep> run() {
        while (!found_ && i_ < text_.size()) step();
        if (!found_) end_chain();
        return found_;
    }

private:
    char at(size_t k) const { return k < text_.size() ? text_[k] : '\0'; }

    void advance() {
        if (text_[i_] == '\n') {
            ++line_;
            column_ = 1;
        } else if ((static_cast<unsigned char>(text_[i_]) & 0xC0) != 0x80) {
            ++column_;
        }
        ++i_;
    }
    void advance(size_t n) {
        for (size_t k = 0; k < n && i_ < text_.size(); ++k) advance();
    }

    int open_levels() const { return std::accumulate(levels_.begin(), levels_.end(), 0); }

    void report(int line, int column, int depth, std::string message) {
        if (!found_) found_ = TomlKeyTooDeep{line, column, depth, std::move(message)};
    }

    // A bare name or a quoted one: one part of a dotted key.
    void segment(int line, int column) {
        if (after_dot_ && chain_ > 0) {
            ++chain_;
        } else {
            end_chain();
            chain_ = 1;
            chain_line_ = line;
            chain_column_ = column;
        }
        after_dot_ = false;
    }

    // The chain ends: past the limit it is refused whatever it turns out to be.
    int end_chain() {
        const int parts = chain_;
        if (parts > kMaxTomlKeyDepth)
            report(chain_line_, chain_column_, parts,
                   "a dotted key or table header of " + std::to_string(parts) + " names joined by '.'; at most " +
                       std::to_string(kMaxTomlKeyDepth));
        chain_ = 0;
        after_dot_ = false;
        return parts;
    }

    void skip_string(char quote) {
        const bool basic = quote == '"';
        if (at(i_ + 1) == quote && at(i_ + 2) == quote) {
            advance(3);
            while (i_ < text_.size()) {
                if (basic && text_[i_] == '\\') {
                    advance(2);
                } else if (text_[i_] == quote && at(i_ + 1) == quote && at(i_ + 2) == quote) {
                    advance(3);
                    // Up to two quotes may end the text just before its closing three.
                    while (at(i_) == quote) advance();
                    return;
                } else {
                    advance();
                }
            }
            return;
        }
        advance();
        while (i_ < text_.size() && text_[i_] != '\n') {
            if (basic && text_[i_] == '\\') {
                advance(text_[i_ + 1 < text_.size() ? i_ + 1 : i_] == '\n' ? 1 : 2);
            } else if (text_[i_] == quote) {
                advance();
                return;
            } else {
                advance();
            }
        }
    }

    void step() {
        const char c = text_[i_];
        const int line = line_, column = column_;
        if (c == ' ' || c == '\t' || c == '\r') {
            advance();
            return;
        }
        if (c == '\n') {
            end_chain();
            if (levels_.empty()) pending_ = 0;
            line_start_ = true;
            advance();
            return;
        }
        const bool was_line_start = line_start_;
        line_start_ = false;
        if (c == '#') {
            while (i_ < text_.size() && text_[i_] != '\n') advance();
            line_start_ = was_line_start;
            return;
        }
        if (c == '"' || c == '\'') {
            skip_string(c);
            segment(line, column);
            return;
        }
        if (is_bare_key_byte(c)) {
            while (i_ < text_.size() && is_bare_key_byte(text_[i_])) advance();
            segment(line, column);
            return;
        }
        if (c == '.' && chain_ > 0 && !after_dot_) {
            after_dot_ = true;
            advance();
            return;
        }
        if (c == '=') {
            const int parts = end_chain();
            const int depth = header_ + open_levels() + parts;
            if (depth > kMaxTomlKeyDepth)
                report(line, column, depth,
                       "a key nested " + std::to_string(depth) +
                           " levels deep (its names joined by '.', with those of its [table] header and of the { } "
                           "or [ ] it is inside); at most " +
                           std::to_string(kMaxTomlKeyDepth));
            pending_ = parts;
            advance();
            return;
        }
        const int parts = end_chain();
        if (c == '[' && was_line_start && levels_.empty()) {
            // [table] or [[array of tables]]: its parts are the level of the keys below it.
            in_header_ = true;
            header_ = 0;
            advance(at(i_ + 1) == '[' ? 2 : 1);
            return;
        }
        if (c == ']' && in_header_) {
            in_header_ = false;
            header_ = parts;
            advance(at(i_ + 1) == ']' ? 2 : 1);
            return;
        }
        if (c == '[' || c == '{') {
            // An array is a level of its own; an inline table is the level its key names.
            levels_.push_back(pending_ + (c == '[' ? 1 : 0));
            pending_ = 0;
        } else if ((c == ']' || c == '}') && !levels_.empty()) {
            levels_.pop_back();
        } else if (c == ',') {
            pending_ = 0;
        }
        advance();
    }

    std::string_view text_;
    size_t i_ = 0;
    int line_ = 1, column_ = 1;
    bool line_start_ = true;
    bool in_header_ = false;
    int header_ = 0;           // the parts of the [table] header the keys are under
    std::vector<int> levels_;  // for each { or [ open, the levels it adds
    int pending_ = 0;          // the parts of the key whose value comes next
    int chain_ = 0, chain_line_ = 0, chain_column_ = 0;
    bool after_dot_ = false;
    std::optional<TomlKeyTooDeep> found_;
};

}  // namespace

std::optional<TomlKeyTooDeep> find_too_deep_toml_key(std::string_view text) { return Scanner(text).run(); }

}  // namespace kiosk
