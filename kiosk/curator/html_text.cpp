#include "curator/html_text.h"

#include "curator/text_encoding.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kiosk {
namespace {

struct NamedEntity {
    const char* name;
    uint32_t code_point;
};

// HTML 4's character entities, and &apos;. Case matters (&Eacute; is not &eacute;).
const NamedEntity kNamedEntities[] = {
    {"quot", 34},
    {"amp", 38},
    {"apos", 39},
    {"lt", 60},
    {"gt", 62},
    // Latin-1, U+00A0 to U+00FF in order.
    {"nbsp", 160},
    {"iexcl", 161},
    {"cent", 162},
    {"pound", 163},
    {"curren", 164},
    {"yen", 165},
    {"brvbar", 166},
    {"sect", 167},
    {"uml", 168},
    {"copy", 169},
    {"ordf", 170},
    {"laquo", 171},
    {"not", 172},
    {"shy", 173},
    {"reg", 174},
    {"macr", 175},
    {"deg", 176},
    {"plusmn", 177},
    {"sup2", 178},
    {"sup3", 179},
    {"acute", 180},
    {"micro", 181},
    {"para", 182},
    {"middot", 183},
    {"cedil", 184},
    {"sup1", 185},
    {"ordm", 186},
    {"raquo", 187},
    {"frac14", 188},
    {"frac12", 189},
    {"frac34", 190},
    {"iquest", 191},
    {"Agrave", 192},
    {"Aacute", 193},
    {"Acirc", 194},
    {"Atilde", 195},
    {"Auml", 196},
    {"Aring", 197},
    {"AElig", 198},
    {"Ccedil", 199},
    {"Egrave", 200},
    {"Eacute", 201},
    {"Ecirc", 202},
    {"Euml", 203},
    {"Igrave", 204},
    {"Iacute", 205},
    {"Icirc", 206},
    {"Iuml", 207},
    {"ETH", 208},
    {"Ntilde", 209},
    {"Ograve", 210},
    {"Oacute", 211},
    {"Ocirc", 212},
    {"Otilde", 213},
    {"Ouml", 214},
    {"times", 215},
    {"Oslash", 216},
    {"Ugrave", 217},
    {"Uacute", 218},
    {"Ucirc", 219},
    {"Uuml", 220},
    {"Yacute", 221},
    {"THORN", 222},
    {"szlig", 223},
    {"agrave", 224},
    {"aacute", 225},
    {"acirc", 226},
    {"atilde", 227},
    {"auml", 228},
    {"aring", 229},
    {"aelig", 230},
    {"ccedil", 231},
    {"egrave", 232},
    {"eacute", 233},
    {"ecirc", 234},
    {"euml", 235},
    {"igrave", 236},
    {"iacute", 237},
    {"icirc", 238},
    {"iuml", 239},
    {"eth", 240},
    {"ntilde", 241},
    {"ograve", 242},
    {"oacute", 243},
    {"ocirc", 244},
    {"otilde", 245},
    {"ouml", 246},
    {"divide", 247},
    {"oslash", 248},
    {"ugrave", 249},
    {"uacute", 250},
    {"ucirc", 251},
    {"uuml", 252},
    {"yacute", 253},
    {"thorn", 254},
    {"yuml", 255},
    // Latin Extended, spacing modifiers, punctuation.
    {"OElig", 338},
    {"oelig", 339},
    {"Scaron", 352},
    {"scaron", 353},
    {"Yuml", 376},
    {"fnof", 402},
    {"circ", 710},
    {"tilde", 732},
    {"ensp", 8194},
    {"emsp", 8195},
    {"thinsp", 8201},
    {"zwnj", 8204},
    {"zwj", 8205},
    {"lrm", 8206},
    {"rlm", 8207},
    {"ndash", 8211},
    {"mdash", 8212},
    {"lsquo", 8216},
    {"rsquo", 8217},
    {"sbquo", 8218},
    {"ldquo", 8220},
    {"rdquo", 8221},
    {"bdquo", 8222},
    {"dagger", 8224},
    {"Dagger", 8225},
    {"bull", 8226},
    {"hellip", 8230},
    {"permil", 8240},
    {"prime", 8242},
    {"Prime", 8243},
    {"lsaquo", 8249},
    {"rsaquo", 8250},
    {"oline", 8254},
    {"frasl", 8260},
    {"euro", 8364},
    // Greek.
    {"Alpha", 913},
    {"Beta", 914},
    {"Gamma", 915},
    {"Delta", 916},
    {"Epsilon", 917},
    {"Zeta", 918},
    {"Eta", 919},
    {"Theta", 920},
    {"Iota", 921},
    {"Kappa", 922},
    {"Lambda", 923},
    {"Mu", 924},
    {"Nu", 925},
    {"Xi", 926},
    {"Omicron", 927},
    {"Pi", 928},
    {"Rho", 929},
    {"Sigma", 931},
    {"Tau", 932},
    {"Upsilon", 933},
    {"Phi", 934},
    {"Chi", 935},
    {"Psi", 936},
    {"Omega", 937},
    {"alpha", 945},
    {"beta", 946},
    {"gamma", 947},
    {"delta", 948},
    {"epsilon", 949},
    {"zeta", 950},
    {"eta", 951},
    {"theta", 952},
    {"iota", 953},
    {"kappa", 954},
    {"lambda", 955},
    {"mu", 956},
    {"nu", 957},
    {"xi", 958},
    {"omicron", 959},
    {"pi", 960},
    {"rho", 961},
    {"sigmaf", 962},
    {"sigma", 963},
    {"tau", 964},
    {"upsilon", 965},
    {"phi", 966},
    {"chi", 967},
    {"psi", 968},
    {"omega", 969},
    {"thetasym", 977},
    {"upsih", 978},
    {"piv", 982},
    // Letter-like symbols, arrows, mathematics, shapes.
    {"weierp", 8472},
    {"image", 8465},
    {"real", 8476},
    {"trade", 8482},
    {"alefsym", 8501},
    {"larr", 8592},
    {"uarr", 8593},
    {"rarr", 8594},
    {"darr", 8595},
    {"harr", 8596},
    {"crarr", 8629},
    {"lArr", 8656},
    {"uArr", 8657},
    {"rArr", 8658},
    {"dArr", 8659},
    {"hArr", 8660},
    {"forall", 8704},
    {"part", 8706},
    {"exist", 8707},
    {"empty", 8709},
    {"nabla", 8711},
    {"isin", 8712},
    {"notin", 8713},
    {"ni", 8715},
    {"prod", 8719},
    {"sum", 8721},
    {"minus", 8722},
    {"lowast", 8727},
    {"radic", 8730},
    {"prop", 8733},
    {"infin", 8734},
    {"ang", 8736},
    {"and", 8743},
    {"or", 8744},
    {"cap", 8745},
    {"cup", 8746},
    {"int", 8747},
    {"there4", 8756},
    {"sim", 8764},
    {"cong", 8773},
    {"asymp", 8776},
    {"ne", 8800},
    {"equiv", 8801},
    {"le", 8804},
    {"ge", 8805},
    {"sub", 8834},
    {"sup", 8835},
    {"nsub", 8836},
    {"sube", 8838},
    {"supe", 8839},
    {"oplus", 8853},
    {"otimes", 8855},
    {"perp", 8869},
    {"sdot", 8901},
    {"lceil", 8968},
    {"rceil", 8969},
    {"lfloor", 8970},
    {"rfloor", 8971},
    {"lang", 9001},
    {"rang", 9002},
    {"loz", 9674},
    {"spades", 9824},
    {"clubs", 9827},
    {"hearts", 9829},
    {"diams", 9830},
};

constexpr uint32_t kReplacement = 0xFFFD;

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
bool is_hex_digit(char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// A numeric reference's code point as browsers read it.
uint32_t numeric_code_point(uint64_t value) {
    if (value >= 0x80 && value <= 0x9F) return windows_1252_code_point(static_cast<uint8_t>(value));  // as browsers do
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return kReplacement;
    return static_cast<uint32_t>(value);
}

// Decodes the reference at text[pos] == '&' into `out`; returns the number of
// bytes it used, or 0 when there is no reference there.
size_t decode_reference(std::string_view text, size_t pos, std::string& out) {
    size_t i = pos + 1;
    if (i < text.size() && text[i] == '#') {
        ++i;
        const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
        if (hex) ++i;
        const size_t digits_start = i;
        uint64_t value = 0;
        while (i < text.size() && (hex ? is_hex_digit(text[i]) : is_ascii_digit(text[i]))) {
            const char c = text[i];
            const uint64_t digit = is_ascii_digit(c) ? uint64_t(c - '0') : uint64_t(ascii_lower(c) - 'a' + 10);
            value = std::min<uint64_t>(value * (hex ? 16 : 10) + digit, 0x7FFFFFFF);  // saturates
            ++i;
        }
        if (i == digits_start) return 0;
        if (i < text.size() && text[i] == ';') ++i;  // browsers accept it missing
        append_utf8(out, numeric_code_point(value));
        return i - pos;
    }
    const size_t name_start = i;
    while (i < text.size() && is_ascii_alnum(text[i]) && i - name_start <= 10) ++i;
    if (i == name_start || i >= text.size() || text[i] != ';') return 0;
    const std::string_view name = text.substr(name_start, i - name_start);
    for (const NamedEntity& entity : kNamedEntities) {
        if (name == entity.name) {
            append_utf8(out, entity.code_point);
            return i + 1 - pos;
        }
    }
    return 0;
}

// Builds the visible text: white space collapses, and breaks owed by block
// tags are written only when more text follows, so none lead or trail.
class TextBuilder {
public:
    // Text already decoded from character references.
    void text(std::string_view s) {
        for (size_t i = 0; i < s.size(); ++i) {
            const auto byte = static_cast<unsigned char>(s[i]);
            const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
            if (is_html_space(s[i]) || (byte == 0xC2 && next == 0xA0)) {  // no-break space too
                if (byte == 0xC2) ++i;
                space_ = true;
                continue;
            }
            if (byte < 0x20 || byte == 0x7F) continue;                               // other control characters
            if (byte == 0xC2 && (next == 0xAD || (next >= 0x80 && next <= 0x9F))) {  // soft hyphen, C1
                ++i;
                continue;
            }
            if (byte == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
                static_cast<unsigned char>(s[i + 2]) == 0xBF) {  // a byte order mark
                i += 2;
                continue;
            }
            if (!out_.empty()) {
                if (breaks_ > 0) {
                    out_.append(static_cast<size_t>(breaks_), '\n');
                } else if (space_) {
                    out_ += ' ';
                }
            }
            breaks_ = 0;
            space_ = false;
            out_ += s[i];
        }
    }
    // A block boundary: 1 ends the line, 2 leaves a blank line.
    void block(int breaks) {
        breaks_ = std::max(breaks_, breaks);
        space_ = false;
    }
    // <br>: each one ends a line, so two leave a blank line.
    void line_break() {
        breaks_ = std::min(breaks_ + 1, 2);
        space_ = false;
    }
    void space() { space_ = true; }
    std::string take() { return std::move(out_); }

private:
    std::string out_;
    int breaks_ = 0;
    bool space_ = false;
};

bool one_of(std::string_view name, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (name == n) return true;
    return false;
}

// Breaks a tag makes in the text: 2 a paragraph, 1 a line, 0 none.
int tag_breaks(std::string_view name) {
    if (one_of(name, {"p",  "h1",    "h2",    "h3",   "h4",      "h5",       "h6",     "blockquote", "ul",
                      "ol", "dl",    "table", "pre",  "section", "article",  "header", "footer",     "figure",
                      "hr", "aside", "nav",   "main", "address", "fieldset", "form",   "details"}))
        return 2;
    if (one_of(name, {"div", "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "center", "option", "tbody",
                      "thead", "tfoot"}))
        return 1;
    return 0;
}

// Elements whose content is not text a reader sees.
bool skips_content(std::string_view name) {
    return one_of(name, {"script", "style", "template", "title", "head", "svg", "math", "iframe", "object", "noscript",
                         "textarea", "select"});
}

size_t find_case_insensitive(std::string_view haystack, std::string_view needle, size_t from) {
    if (needle.empty() || haystack.size() < needle.size()) return std::string_view::npos;
    for (size_t i = from; i + needle.size() <= haystack.size(); ++i) {
        size_t j = 0;
        while (j < needle.size() && ascii_lower(haystack[i + j]) == ascii_lower(needle[j])) ++j;
        if (j == needle.size()) return i;
    }
    return std::string_view::npos;
}

// The '>' that ends the tag starting at html[pos] == '<'. Quoted attribute
// values may hold '>'; when an unbalanced quote would swallow the rest of the
// text, the first '>' is taken instead. npos when nothing ends the tag.
size_t tag_end(std::string_view html, size_t pos) {
    char quote = 0;
    char previous = 0;  // last character outside white space and quotes
    for (size_t i = pos + 1; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if ((c == '"' || c == '\'') && previous == '=') {
            quote = c;
            previous = 0;
            continue;
        }
        if (c == '>') return i;
        if (!is_html_space(c)) previous = c;
    }
    return html.find('>', pos + 1);
}

// The class attribute's value in the tag html[begin, end), lowercased; "" when none.
std::string class_attribute(std::string_view html, size_t begin, size_t end) {
    const std::string_view tag = html.substr(begin, end - begin);
    for (size_t at = find_case_insensitive(tag, "class", 0); at != std::string_view::npos;
         at = find_case_insensitive(tag, "class", at + 5)) {
        if (at == 0 || !is_html_space(tag[at - 1])) continue;
        size_t i = at + 5;
        while (i < tag.size() && is_html_space(tag[i])) ++i;
        if (i >= tag.size() || tag[i] != '=') continue;
        ++i;
        while (i < tag.size() && is_html_space(tag[i])) ++i;
        std::string value;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
            const char quote = tag[i++];
            while (i < tag.size() && tag[i] != quote) value += ascii_lower(tag[i++]);
        } else {
            while (i < tag.size() && !is_html_space(tag[i]) && tag[i] != '>' && tag[i] != '/')
                value += ascii_lower(tag[i++]);
        }
        return value;
    }
    return "";
}

bool lists_class(const std::string& classes, std::string_view name) {
    size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && is_html_space(classes[i])) ++i;
        const size_t start = i;
        while (i < classes.size() && !is_html_space(classes[i])) ++i;
        if (i > start && std::string_view(classes).substr(start, i - start) == name) return true;
    }
    return false;
}

// The name of the tag at html[pos] == '<' ("span", "/span"), lowercased.
std::string tag_name_at(std::string_view html, size_t pos) {
    std::string name;
    size_t i = pos + 1;
    if (i < html.size() && html[i] == '/') name += html[i++];
    while (i < html.size() && (is_ascii_alnum(html[i]) || html[i] == '-')) name += ascii_lower(html[i++]);
    return name;
}

// The byte after the element that opens at html[pos], its nested elements of
// the same name counted; the end of the text when it is never closed.
size_t element_end(std::string_view html, size_t pos, const std::string& name) {
    int depth = 0;
    for (size_t i = pos; i < html.size();) {
        const size_t end = html[i] == '<' ? tag_end(html, i) : std::string_view::npos;
        if (end == std::string_view::npos) {
            i = html[i] == '<' ? html.size() : html.find('<', i);
            if (i == std::string_view::npos) break;
            continue;
        }
        const std::string tag = tag_name_at(html, i);
        if (tag == name && html[end - 1] != '/') ++depth;
        if (tag == "/" + name && --depth == 0) return end + 1;
        i = end + 1;
    }
    return html.size();
}

// "[1]" and its kin: the text between the brackets.
constexpr size_t kMaxMarkChars = 40;

bool is_footnote_mark(std::string_view inside) {
    if (inside.empty() || inside.size() > kMaxMarkChars) return false;
    if (inside.size() <= 3 && std::all_of(inside.begin(), inside.end(), is_ascii_digit)) return true;
    if (inside.size() == 1 && inside[0] >= 'a' && inside[0] <= 'z') return true;
    for (std::string_view prefix : {"note ", "nb ", "n "}) {
        if (inside.substr(0, prefix.size()) == prefix && inside.size() > prefix.size() &&
            std::all_of(inside.begin() + static_cast<long>(prefix.size()), inside.end(), is_ascii_alnum))
            return true;
    }
    const std::string_view needed = " needed";
    if (inside.size() > needed.size() && inside.substr(inside.size() - needed.size()) == needed &&
        std::all_of(inside.begin(), inside.end(), [](char c) { return is_ascii_alpha(c) || c == ' '; }))
        return true;
    for (std::string_view word : {"who?", "when?", "which?", "where?", "why?", "how?", "according to whom?", "by whom?",
                                  "dubious \u2013 discuss", "dubious \u2014 discuss", "dubious", "failed verification",
                                  "original research?", "disputed \u2013 discuss"})
        if (inside == word) return true;
    return false;
}

bool is_punctuation_after_mark(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

}  // namespace

std::string without_elements_of_class(std::string_view html, std::string_view class_name, size_t* removed) {
    std::string out;
    out.reserve(html.size());
    for (size_t i = 0; i < html.size();) {
        if (html[i] == '<' && i + 1 < html.size() && is_ascii_alpha(html[i + 1])) {
            const size_t end = tag_end(html, i);
            if (end != std::string_view::npos && lists_class(class_attribute(html, i, end), class_name)) {
                const std::string name = tag_name_at(html, i);
                i = html[end - 1] == '/' ? end + 1 : element_end(html, i, name);
                if (removed) ++*removed;
                continue;
            }
        }
        out += html[i++];
    }
    return out;
}

std::string without_footnote_marks(std::string_view text, size_t* removed) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        // A mark is short: looking no further keeps a text full of '[' linear.
        const size_t length = text[i] == '[' ? text.substr(i + 1, kMaxMarkChars + 1).find(']') : std::string_view::npos;
        const size_t close = length == std::string_view::npos ? length : i + 1 + length;
        if (close != std::string_view::npos && is_footnote_mark(text.substr(i + 1, length))) {
            const char next = close + 1 < text.size() ? text[close + 1] : '\0';
            // "born in 1867 [1]." and "1867 [1] in" lose the space before the mark.
            const bool space_goes = next == '\0' || next == '\n' || next == ' ' || is_punctuation_after_mark(next);
            if (!out.empty() && out.back() == ' ' && space_goes) out.pop_back();
            if (removed) ++*removed;
            i = close + 1;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            if (const size_t used = decode_reference(text, i, out)) {
                i += used;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

std::string html_to_text(std::string_view html) {
    TextBuilder builder;
    std::string pending;  // raw text since the last tag, decoded when a tag or the end comes
    const auto flush = [&] {
        builder.text(decode_html_entities(pending));
        pending.clear();
    };
    size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c != '<' || i + 1 >= html.size()) {
            pending += c;
            ++i;
            continue;
        }
        const char next = html[i + 1];
        if (html.compare(i, 4, "<!--") == 0) {  // a comment, to its end or the end of the text
            flush();
            const size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        if (next == '!' || next == '?') {  // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>
            flush();
            const size_t end = html.find('>', i + 2);
            i = end == std::string_view::npos ? html.size() : end + 1;
            continue;
        }
        const bool closing = next == '/';
        const size_t name_start = i + (closing ? 2 : 1);
        if (name_start >= html.size() || !is_ascii_alpha(html[name_start])) {  // "1 < 2": text
            pending += c;
            ++i;
            continue;
        }
        flush();
        size_t name_end = name_start;
        while (name_end < html.size() &&
               (is_ascii_alnum(html[name_end]) || html[name_end] == '-' || html[name_end] == ':'))
            ++name_end;
        std::string name(html.substr(name_start, name_end - name_start));
        std::transform(name.begin(), name.end(), name.begin(), ascii_lower);
        const size_t end = tag_end(html, i);
        if (end == std::string_view::npos) break;  // a tag cut off by the end of the text
        const bool self_closing = end > i && html[end - 1] == '/';
        i = end + 1;

        if (name == "br") {
            builder.line_break();
        } else if (const int breaks = tag_breaks(name)) {
            builder.block(breaks);
        } else if (name == "td" || name == "th" || name == "img") {
            builder.space();
        }
        if (!closing && !self_closing && skips_content(name)) {
            const size_t close = find_case_insensitive(html, "</" + name, i);
            if (close == std::string_view::npos) {
                i = html.size();
            } else {
                const size_t close_end = html.find('>', close);
                i = close_end == std::string_view::npos ? html.size() : close_end + 1;
            }
        }
    }
    flush();
    return builder.take();
}

std::string html_to_line(std::string_view html) {
    std::string text = html_to_text(html);
    std::string line;
    line.reserve(text.size());
    for (char c : text) {
        if (c == '\n') {
            if (!line.empty() && line.back() != ' ') line += ' ';
        } else {
            line += c;
        }
    }
    return line;
}

}  // namespace kiosk
