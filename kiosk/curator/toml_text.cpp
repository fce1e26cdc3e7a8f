#include "curator/toml_text.h"

#include "base/utf8.h"

namespace kiosk {
namespace {

void append_escaped(std::string& out, std::string_view s, bool keep_newlines) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\t': out += "\\t"; break;
            case '\f': out += "\\f"; break;
            case '\r': out += "\\r"; break;
            case '\n': out += keep_newlines ? "\n" : "\\n"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    static const char kHex[] = "0123456789ABCDEF";
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 0xF];
                } else {
                    out += ch;
                }
        }
    }
}

bool is_toml_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t code_points(std::string_view s) {
    size_t n = 0;
    for (size_t pos = 0; pos < s.size(); ++n) next_code_point(s, pos);
    return n;
}

}  // namespace

std::string toml_string(std::string_view s) {
    std::string out = "\"";
    append_escaped(out, s, false);
    return out + "\"";
}

std::string toml_text(std::string_view s) {
    if (s.find('\n') == std::string_view::npos) return toml_string(s);
    std::string out = "\"\"\"\n";  // a newline right after """ is not part of the string
    append_escaped(out, s, true);
    return out + "\"\"\"";
}

std::string toml_wrapped_text(std::string_view s, int width) {
    // A backslash ending a line also swallows the whitespace that starts the next
    // one, so """\ opens only a text that starts with something visible, and a
    // line is only broken at a space followed by something visible.
    std::string out = s.empty() || is_toml_space(s.front()) ? "\"\"\"\n" : "\"\"\"\\\n";
    std::string line;
    size_t line_width = 0;
    size_t start = 0;
    while (start <= s.size()) {
        // One word: up to and including the next space (or line break).
        size_t end = start;
        while (end < s.size() && s[end] != ' ' && s[end] != '\n') ++end;
        if (end < s.size()) ++end;
        const std::string_view word = s.substr(start, end - start);
        const size_t word_width = code_points(word);
        const bool breakable = start > 0 && s[start - 1] == ' ' && !is_toml_space(s[start]);
        if (breakable && line_width > 0 && line_width + word_width > size_t(width)) {
            out += line + "\\\n";
            line.clear();
            line_width = 0;
        }
        append_escaped(line, word, true);
        line_width += word_width;
        if (!word.empty() && word.back() == '\n') {
            out += line;
            line.clear();
            line_width = 0;
        }
        if (end == s.size()) break;
        start = end;
    }
    return out + line + "\"\"\"";
}

}  // namespace kiosk
