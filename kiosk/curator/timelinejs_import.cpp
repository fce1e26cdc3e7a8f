#include "curator/timelinejs_import.h"

#include "base/utf8.h"
#include "curator/html_text.h"
#include "curator/text_encoding.h"
#include "curator/toml_text.h"
#include "pack/date.h"
#include "pack/pack_limits.h"
#include "pack/text_rules.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stb_image_write.h>

namespace kiosk {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

// --- Text helpers ---

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string trim(std::string_view s) {
    size_t begin = 0, end = s.size();
    while (begin < end && is_space(s[begin])) ++begin;
    while (end > begin && is_space(s[end - 1])) --end;
    return std::string(s.substr(begin, end - begin));
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

size_t count_chars(std::string_view s) {
    return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return !is_continuation(c); }));
}

// At most `max_chars` characters, with "…" when something was cut.
std::string clip(const std::string& s, size_t max_chars) {
    size_t chars = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (is_continuation(s[i])) continue;
        if (chars == max_chars) return trim(s.substr(0, i)) + "…";
        ++chars;
    }
    return s;
}

std::string in_quotes(const std::string& s, size_t max_chars = 60) { return "'" + clip(s, max_chars) + "'"; }

// Plain text on one line: its line breaks become spaces.
std::string one_line(const std::string& plain) {
    std::string line;
    for (char c : plain) {
        if (c != '\n') {
            line += c;
        } else if (!line.empty() && line.back() != ' ') {
            line += ' ';
        }
    }
    return line;
}

// The first `count` words, with "…" when there were more.
std::string first_words(const std::string& line, size_t count) {
    std::vector<std::string> words;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        const size_t start = i;
        while (i < line.size() && line[i] != ' ') ++i;
        if (i > start) words.push_back(line.substr(start, i - start));
    }
    std::string out;
    for (size_t w = 0; w < words.size() && w < count; ++w) out += (w ? " " : "") + words[w];
    if (words.size() > count) {
        for (bool trimmed = true; trimmed;) {  // no dangling punctuation before the ellipsis
            trimmed = false;
            for (std::string_view p : {",", ";", ":", "-", "\u2013", "\u2014"}) {
                if (ends_with(out, p)) {
                    out.resize(out.size() - p.size());
                    trimmed = true;
                }
            }
        }
        out = trim(out);
        out += "…";
    }
    return clip(out, 80);
}

// [a-z0-9-] from `text`: accented Latin letters lose their accents, apostrophes
// vanish ("Sary’s" gives "sarys"), everything else separates words.
std::string slugify(std::string_view text, size_t max_length = 48) {
    // Latin-1 letters U+00C0..U+00FF; "" separates.
    static const char* const kLatin1[64] = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
        "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
    };
    std::string slug;
    bool separate = false;
    const auto add = [&](std::string_view letters) {
        if (separate && !slug.empty()) slug += '-';
        separate = false;
        slug += letters;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            add(std::string(1, static_cast<char>(c)));
        } else if (c >= 'A' && c <= 'Z') {
            add(std::string(1, static_cast<char>(c - 'A' + 'a')));
        } else if (c == '\'') {
            // an apostrophe joins
        } else if (c == 0xC3 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0xBF) {
            const char* letters = kLatin1[static_cast<unsigned char>(text[++i]) - 0x80];
            if (*letters) {
                add(letters);
            } else {
                separate = true;
            }
        } else if (c == 0xE2 && text.substr(i, 3) == "\u2019") {
            i += 2;  // ’ joins like '
        } else {
            separate = true;
            while (i + 1 < text.size() && is_continuation(text[i + 1])) ++i;
        }
    }
    if (slug.size() > max_length) {
        const size_t cut = slug.rfind('-', max_length);
        slug.resize(cut != std::string::npos && cut > max_length / 2 ? cut : max_length);
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    return slug;
}

// `base` (or `fallback` when empty), made unique among `used` with -2, -3, ….
std::string unique_name(const std::string& base, const std::string& fallback, std::set<std::string>& used) {
    const std::string stem = base.empty() ? fallback : base;
    std::string name = stem;
    for (int n = 2; used.count(name); ++n) name = stem + "-" + std::to_string(n);
    used.insert(name);
    return name;
}

// --- JSON helpers: TimelineJS files put numbers in strings, empty strings for
// missing values, and null almost anywhere. ---

const json& member(const json& object, const char* key) {
    static const json kNull;
    if (!object.is_object()) return kNull;
    const auto it = object.find(key);
    return it == object.end() ? kNull : *it;
}

// A text field: strings as they are, numbers as written, anything else "".
std::string text_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return std::to_string(int64_t(d));
        return value.dump();
    }
    return "";
}

std::string field(const json& object, const char* key) { return text_of(member(object, key)); }

struct Number {
    enum class Kind { Missing, Value, Bad } kind = Kind::Missing;
    int64_t value = 0;
    std::string written;  // for messages
};

// A whole number given as a number or a string ("1975", "08", " 1,975 ").
Number read_number(const json& value) {
    Number n;
    if (value.is_null()) return n;
    n.kind = Number::Kind::Bad;
    if (value.is_number_integer()) {
        n.kind = Number::Kind::Value;
        n.value = value.get<int64_t>();
        return n;
    }
    if (value.is_number_unsigned()) {
        n.written = value.dump();
        if (value.get<uint64_t>() > uint64_t(INT64_MAX)) return n;
        n.kind = Number::Kind::Value;
        n.value = static_cast<int64_t>(value.get<uint64_t>());
        return n;
    }
    if (value.is_number_float()) {
        const double d = value.get<double>();
        n.written = value.dump();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) {
            n.kind = Number::Kind::Value;
            n.value = static_cast<int64_t>(d);
        }
        return n;
    }
    if (!value.is_string()) {
        n.written = value.dump();
        return n;
    }
    n.written = value.get<std::string>();
    std::string s;  // without white space and thousands commas, as TimelineJS reads it
    for (char c : n.written)
        if (!is_space(c) && c != ',') s += c;
    if (s.empty()) {
        n.kind = Number::Kind::Missing;
        return n;
    }
    size_t i = 0;
    const bool negative = s[0] == '-';
    if (s[0] == '-' || s[0] == '+') ++i;
    const size_t digits = i;
    int64_t v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (v > 100'000'000'000LL) return n;  // far beyond any date
        v = v * 10 + (s[i++] - '0');
    }
    if (i == digits) return n;
    if (i < s.size() && s[i] == '.') {  // "1975.0" from a spreadsheet
        ++i;
        while (i < s.size() && s[i] == '0') ++i;
    }
    if (i != s.size()) return n;
    n.kind = Number::Kind::Value;
    n.value = negative ? -v : v;
    return n;
}

// --- Dates ---

const char* const kMonthNames[12] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};

std::string pad(int value, int width) {
    std::string s = std::to_string(value);
    return std::string(s.size() < size_t(width) ? size_t(width) - s.size() : 0, '0') + s;
}

// As a pack writes it: "1925", "1975-08", "1925-10-24", "-3500".
std::string date_string(const Date& d) {
    if (d.year < 0) return std::to_string(d.year);
    std::string s = pad(static_cast<int>(d.year), 4);
    if (d.precision != DatePrecision::Year) s += "-" + pad(d.month, 2);
    if (d.precision == DatePrecision::Day) s += "-" + pad(d.day, 2);
    return s;
}

struct DateRead {
    bool present = false;            // false: no date object, or one without a year
    std::optional<Date> date;        // when usable
    std::string unusable;            // why a present date cannot be used at all
    std::vector<std::string> notes;  // what was dropped from a usable date
    std::string display;             // the date object's own display_date
};

DateRead read_date(const json& node) {
    DateRead r;
    if (node.is_null()) return r;
    if (!node.is_object()) {
        r.present = true;
        r.unusable = "the date is not a date object ({\"year\": …})";
        return r;
    }
    const Number year = read_number(member(node, "year"));
    const Number month = read_number(member(node, "month"));
    const Number day = read_number(member(node, "day"));
    r.display = html_to_line(field(node, "display_date"));
    if (year.kind == Number::Kind::Missing) {
        // A date without a year is no date; say so only when it has other parts.
        if (month.kind != Number::Kind::Missing || day.kind != Number::Kind::Missing) {
            r.present = true;
            r.unusable = "the date has a month or day but no year";
        }
        return r;
    }
    r.present = true;
    if (year.kind == Number::Kind::Bad) {
        r.unusable = "year " + in_quotes(year.written) + " is not a number";
        return r;
    }
    if (year.value == 0) {
        r.unusable = "year 0 does not exist in the historians' count the kiosk shows (1 BC is -1, 1 AD is 1)";
        return r;
    }
    if (year.value < kEarliestYear) {
        r.unusable = "year " + std::to_string(year.value) + " is before " + std::to_string(kEarliestYear) +
                     ", the earliest year a pack can give";
        return r;
    }
    if (year.value > 9999) {
        r.unusable = "year " + std::to_string(year.value) + " is after 9999, the last year the kiosk's dates can show";
        return r;
    }
    // A negative TimelineJS year keeps its number: -500 is 500 BC, as its slides label it.
    Date date;
    date.year = year.value;
    if (date.year < 0) {
        if (month.kind != Number::Kind::Missing || day.kind != Number::Kind::Missing)
            r.notes.push_back("a pack gives years before 1 AD without month or day; only the year " +
                              format_year(date.year, "en") + " is kept");
        r.date = date;
        return r;
    }
    const bool month_ok = month.kind == Number::Kind::Value && month.value >= 1 && month.value <= 12;
    if (month.kind != Number::Kind::Missing && !month_ok) {
        r.notes.push_back("month " +
                          in_quotes(month.kind == Number::Kind::Bad ? month.written : std::to_string(month.value)) +
                          " is not a month from 1 to 12; only the year " + std::to_string(date.year) + " is kept");
    } else if (month_ok) {
        date.month = static_cast<int>(month.value);
        date.precision = DatePrecision::Month;
    } else if (day.kind != Number::Kind::Missing) {
        r.notes.push_back("the date has a day but no month; only the year " + std::to_string(date.year) + " is kept");
    }
    if (month_ok && day.kind != Number::Kind::Missing) {
        const std::string candidate =
            date_string(date) + "-" +
            (day.kind == Number::Kind::Value && day.value >= 1 && day.value <= 31 ? pad(static_cast<int>(day.value), 2)
                                                                                  : std::string("xx"));
        if (std::optional<Date> full = parse_date(candidate)) {
            date = *full;
        } else {
            r.notes.push_back("day " +
                              in_quotes(day.kind == Number::Kind::Bad ? day.written : std::to_string(day.value)) +
                              " does not exist in " + kMonthNames[date.month - 1] + " " + std::to_string(date.year) +
                              "; only the month is kept");
        }
    }
    r.date = date;
    return r;
}

bool same_date(const Date& a, const Date& b) { return a.precision == b.precision && compare_dates(a, b) == 0; }

// --- Media ---

struct MediaKind {
    enum class Kind { None, Local, Remote, Blockquote, Markup } kind = Kind::None;
    std::string what;  // for remote media and markup: "a YouTube video"
    std::string path;  // for local media: the path, decoded
};

// Lowercased host of an absolute or protocol-relative URL.
std::string url_host(const std::string& url) {
    const size_t start = url.find("//");
    if (start == std::string::npos) return "";
    size_t end = url.find_first_of("/?#", start + 2);
    std::string host = lower(url.substr(start + 2, end == std::string::npos ? std::string::npos : end - start - 2));
    if (const size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
    if (const size_t colon = host.find(':'); colon != std::string::npos) host.resize(colon);
    return host;
}

bool host_is(const std::string& host, const char* domain) {
    const std::string d = domain;
    return host == d || ends_with(host, "." + d);
}

// The path part of a URL or file path, without query or fragment, lowercased.
std::string path_part(const std::string& url) {
    std::string path = url;
    if (const size_t q = path.find_first_of("?#"); q != std::string::npos) path.resize(q);
    return lower(path);
}

std::string extension_of(const std::string& url) {
    const std::string path = path_part(url);
    const size_t slash = path.find_last_of('/');
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    return path.substr(dot + 1);
}

// What kind of file an extension names, for messages about files the kiosk
// cannot show; "" for JPEG, PNG and anything unknown.
std::string unusable_file_kind(const std::string& ext) {
    if (ext == "gif") return "a GIF image";
    if (ext == "webp") return "a WebP image";
    if (ext == "svg") return "an SVG drawing";
    if (ext == "bmp" || ext == "tif" || ext == "tiff" || ext == "heic") return "a " + ext + " image";
    if (ext == "mp4" || ext == "mov" || ext == "webm" || ext == "m4v") return "a video file";
    if (ext == "mp3" || ext == "m4a" || ext == "wav" || ext == "ogg") return "an audio file";
    if (ext == "pdf") return "a PDF document";
    if (ext == "html" || ext == "htm") return "a web page";
    return "";
}

std::string remote_kind(const std::string& url) {
    const std::string host = url_host(url);
    const std::string path = path_part(url);
    if (host_is(host, "youtube.com") || host_is(host, "youtu.be") || host_is(host, "youtube-nocookie.com"))
        return "a YouTube video";
    if (host_is(host, "vimeo.com")) return "a Vimeo video";
    if (host_is(host, "dailymotion.com") || host_is(host, "dai.ly")) return "a Dailymotion video";
    if (host_is(host, "vine.co")) return "a Vine video";
    if (host_is(host, "wistia.com") || host_is(host, "wistia.net")) return "a Wistia video";
    if (host_is(host, "tiktok.com")) return "a TikTok video";
    if (host_is(host, "twitter.com") || host_is(host, "x.com")) return "a tweet";
    if (host_is(host, "bsky.app")) return "a Bluesky post";
    if (host_is(host, "instagram.com") || host_is(host, "instagr.am")) return "an Instagram post";
    if (host_is(host, "soundcloud.com")) return "a SoundCloud clip";
    if (host_is(host, "spotify.com")) return "a Spotify track";
    if ((host_is(host, "google.com") && path.find("/maps") != std::string::npos) || starts_with(host, "maps.google.") ||
        host == "maps.app.goo.gl" || (host == "goo.gl" && path.find("/maps") != std::string::npos))
        return "a Google Map";
    if (host_is(host, "docs.google.com") || host_is(host, "drive.google.com")) return "a Google Drive file";
    if (host_is(host, "commons.wikimedia.org")) return "a Wikimedia Commons image";
    if (host_is(host, "wikipedia.org")) {
        return url.find("#/media/") != std::string::npos ? "a Wikipedia image" : "a Wikipedia article";
    }
    if (host_is(host, "flickr.com") || host_is(host, "flic.kr")) return "a Flickr photograph";
    if (host_is(host, "imgur.com")) return "an Imgur image";
    if (host_is(host, "documentcloud.org")) return "a DocumentCloud document";
    const std::string ext = extension_of(url);
    if (ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "gif" || ext == "webp") return "a remote image";
    if (ext == "mp4") return "a remote video file";
    if (ext == "mp3" || ext == "m4a" || ext == "wav") return "a remote audio file";
    return "a web page";
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

MediaKind classify_media(const std::string& url) {
    MediaKind m;
    if (url.empty()) return m;
    if (url.find('<') != std::string::npos) {  // markup, wherever it starts
        const std::string l = lower(url);
        m.kind = MediaKind::Kind::Markup;
        // Social networks' embed codes are blockquotes their scripts turn into posts.
        if (l.find("twitter-tweet") != std::string::npos) {
            m.what = "an embedded tweet";
        } else if (l.find("instagram-media") != std::string::npos) {
            m.what = "an embedded Instagram post";
        } else if (l.find("tiktok-embed") != std::string::npos) {
            m.what = "an embedded TikTok video";
        } else if (l.find("<blockquote") != std::string::npos) {
            m.kind = MediaKind::Kind::Blockquote;
        } else {
            m.what = l.find("<iframe") != std::string::npos ? "an embedded page (<iframe>)" : "HTML markup";
        }
        return m;
    }
    const std::string l = lower(url);
    if (starts_with(l, "data:")) {
        m.kind = MediaKind::Kind::Markup;
        m.what = "a data: URL";
        return m;
    }
    if (starts_with(l, "file://")) {
        std::string rest = url.substr(7);
        if (starts_with(lower(rest), "localhost/")) rest = rest.substr(9);
        m.kind = MediaKind::Kind::Local;
        m.path = percent_decode(rest.substr(0, rest.find_first_of("?#")));
        return m;
    }
    // A scheme: letters, then "://" (http, https, ftp) or "//" alone (protocol-relative).
    size_t i = 0;
    while (i < l.size() &&
           ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= '0' && l[i] <= '9') || l[i] == '+' || l[i] == '-' || l[i] == '.'))
        ++i;
    if (starts_with(l, "//") || (i > 1 && l.compare(i, 3, "://") == 0) || starts_with(l, "www.")) {
        m.kind = MediaKind::Kind::Remote;
        m.what = remote_kind(starts_with(l, "www.") ? "//" + url : url);
        return m;
    }
    if (i > 1 && i < l.size() && l[i] == ':') {  // mailto:, javascript:, tel:
        m.kind = MediaKind::Kind::Markup;
        m.what = "a '" + l.substr(0, i) + ":' link";
        return m;
    }
    m.kind = MediaKind::Kind::Local;
    std::string path = url;
    if (const size_t q = path.find_first_of("?#"); q != std::string::npos) path.resize(q);
    m.path = percent_decode(path);
    return m;
}

// The quote a TimelineJS blockquote media holds: its text, and the speaker its
// <cite> (or <footer>) names.
struct Blockquote {
    std::string text;
    std::string cite;
};

// Removes the element `tag` from `html` and returns its text.
std::string take_element(std::string& html, const std::string& tag) {
    const std::string l = lower(html);
    const size_t open = l.find("<" + tag);
    if (open == std::string::npos) return "";
    const size_t open_end = l.find('>', open);
    if (open_end == std::string::npos) return "";
    const size_t close = l.find("</" + tag, open_end);
    const size_t close_end = close == std::string::npos ? std::string::npos : l.find('>', close);
    const std::string inner =
        html.substr(open_end + 1, close == std::string::npos ? std::string::npos : close - open_end - 1);
    html.erase(open, close_end == std::string::npos ? std::string::npos : close_end + 1 - open);
    return html_to_line(inner);
}

std::string strip_leading_dashes(std::string s) {
    for (;;) {
        s = trim(s);
        if (starts_with(s, "-")) {
            s.erase(0, 1);
        } else if (starts_with(s, "\u2014") || starts_with(s, "\u2013") || starts_with(s, "\u2015")) {
            s.erase(0, 3);
        } else {
            return s;
        }
    }
}

std::string strip_quote_marks(std::string s) {
    static const std::pair<const char*, const char*> kPairs[] = {
        {"\"", "\""},         {"\u201C", "\u201D"}, {"\u201E", "\u201C"}, {"\u2018", "\u2019"},
        {"\u00AB", "\u00BB"}, {"\u201C", "\""},     {"\"", "\u201D"},     {"'", "'"},
    };
    for (const auto& [open, close] : kPairs) {
        const std::string o = open, c = close;
        if (s.size() >= o.size() + c.size() + 1 && starts_with(s, o) && ends_with(s, c))
            return trim(s.substr(o.size(), s.size() - o.size() - c.size()));
    }
    return s;
}

Blockquote read_blockquote(const std::string& html) {
    std::string inner = html;
    const std::string l = lower(inner);
    const size_t open = l.find("<blockquote");
    if (open != std::string::npos) {
        const size_t open_end = l.find('>', open);
        const size_t close = l.rfind("</blockquote");
        if (open_end != std::string::npos)
            inner = inner.substr(open_end + 1, close != std::string::npos && close > open_end ? close - open_end - 1
                                                                                              : std::string::npos);
    }
    Blockquote q;
    q.cite = strip_leading_dashes(take_element(inner, "cite"));
    if (q.cite.empty()) q.cite = strip_leading_dashes(take_element(inner, "footer"));
    q.text = strip_quote_marks(trim(html_to_text(inner)));
    return q;
}

// --- The placeholder photograph ---

void append_bytes(void* context, void* data, int size) {
    auto* out = static_cast<std::vector<uint8_t>*>(context);
    const auto* bytes = static_cast<const uint8_t*>(data);
    out->insert(out->end(), bytes, bytes + size);
}

std::vector<uint8_t> placeholder_png() {
    constexpr int kWidth = 1200, kHeight = 800;
    std::vector<uint8_t> rgb(size_t(kWidth) * kHeight * 3);
    for (size_t i = 0; i < rgb.size(); i += 3) {  // a dark warm grey
        rgb[i] = 0x3d;
        rgb[i + 1] = 0x38;
        rgb[i + 2] = 0x33;
    }
    std::vector<uint8_t> png;
    if (!stbi_write_png_to_func(append_bytes, &png, kWidth, kHeight, 3, rgb.data(), kWidth * 3)) png.clear();
    return png;
}

// Calm era colours, dark enough for light text (the kiosk darkens them further
// where it needs more contrast).
const char* const kEraColors[] = {"#5b6b4e", "#4e5f73", "#7a6a45", "#5a5569", "#6b5a3c", "#4f6b66", "#6e4f55"};

// --- The conversion ---

// One TimelineJS slide (or era, or sheet row) with where it came from.
struct SlideIn {
    json data;
    std::string where;  // "slide 4", "row 7", "title slide", "era 2"
};

struct TimelineIn {
    std::optional<SlideIn> title;
    std::vector<SlideIn> events;
    std::vector<SlideIn> eras;
    std::string scale;
    std::vector<std::string> warnings;  // from reading the file
};

struct PhotoOut {
    std::string id, file, caption, credit, alt;
};

struct EventOut {
    std::string id;
    Date start;
    std::optional<Date> end;
    std::string display, headline, text, era, photo, where;
};

struct QuoteOut {
    std::string id, text, speaker, role, context, display;
    std::optional<Date> start, end;
};

struct EraOut {
    std::string id, name, color;
    Date start, end;
};

class Importer {
public:
    Importer(const TimelineImportOptions& options, TimelineImport& result)
            : options_(options), result_(result), lang_(options.language.empty() ? "en" : options.language) {}

    void run(TimelineIn& in);

private:
    void warn(const std::string& message) { result_.warnings.push_back(message); }
    // Imported HTML as the kiosk's plain text: TimelineJS's notes to the
    // timeline's author and Wikipedia's footnote marks dropped, and counted for
    // one note each at the end; `where` names the slide for that note.
    std::string plain_text(const std::string& html, const std::string& where);
    std::string plain_line(const std::string& html, const std::string& where);
    std::string without_marks(const std::string& text, const std::string& where);
    // A "TO FINISH:" value for pack.toml asking for `task`; listed under `what`.
    std::string to_finish(const std::string& what, const std::string& task);
    void note_dropped_text();
    void read_title(const SlideIn& slide);
    void read_event(const SlideIn& slide);
    void read_era(const SlideIn& slide, size_t index);
    // The photograph id for a slide's local media, or "" (with a warning saying why).
    // `missed` says what did not come along ("https://… (a YouTube video)").
    std::string photo_from_media(const json& media, const std::string& label, const std::string& fallback_caption,
                                 bool title, std::string* missed = nullptr);
    void quote_from_media(const json& media, const std::string& label, const std::string& headline,
                          const EventOut* event);
    void note_background(const json& slide, const std::string& label);
    void choose_exhibit_photo();
    void fit_to_limits();
    std::string write_toml() const;

    const TimelineImportOptions& options_;
    TimelineImport& result_;
    const std::string lang_;  // the timeline's language: every text's key

    std::string title_, subject_, subtitle_, exhibit_photo_;
    std::vector<EventOut> events_;
    std::vector<EraOut> eras_;
    std::vector<PhotoOut> photos_;
    std::vector<QuoteOut> quotes_;
    std::set<std::string> event_ids_, photo_ids_, quote_ids_, era_ids_, media_names_;
    std::map<std::string, std::string> photo_by_source_;                  // resolved source path → photograph id
    std::vector<std::pair<std::string, std::string>> first_event_photo_;  // (photo id, slide label)
    std::vector<std::string> groups_;
    std::vector<std::string> backgrounds_;
    size_t tl_notes_ = 0, footnote_marks_ = 0;
    std::string first_tl_note_, first_footnote_mark_;  // where each was first seen
};

// "slide 4 'The fall of Phnom Penh'", or "slide 4" when it has no headline.
std::string label_for(const std::string& where, const std::string& headline) {
    return headline.empty() ? where : where + " " + in_quotes(headline);
}

std::string file_stem(const std::string& file_name) { return fs::path(file_name).stem().string(); }

std::string Importer::without_marks(const std::string& text, const std::string& where) {
    const size_t before = footnote_marks_;
    std::string kept = without_footnote_marks(text, &footnote_marks_);
    if (before == 0 && footnote_marks_ > 0) first_footnote_mark_ = where;
    return kept;
}

std::string Importer::plain_text(const std::string& html, const std::string& where) {
    const size_t before = tl_notes_;
    const std::string kept = without_elements_of_class(html, "tl-note", &tl_notes_);
    if (before == 0 && tl_notes_ > 0) first_tl_note_ = where;
    return without_marks(html_to_text(kept), where);
}

std::string Importer::plain_line(const std::string& html, const std::string& where) {
    return one_line(plain_text(html, where));
}

std::string Importer::to_finish(const std::string& what, const std::string& task) {
    result_.to_finish.push_back(what + ": " + task);
    return kToFinish + task;
}

void Importer::note_dropped_text() {
    if (tl_notes_ > 0) {
        warn(std::to_string(tl_notes_) + " TimelineJS " + (tl_notes_ == 1 ? "note" : "notes") +
             " (<span class=\"tl-note\">…</span>, first in " + first_tl_note_ +
             ") dropped: they are the template's advice to the timeline's author, not text for visitors");
    }
    if (footnote_marks_ > 0) {
        warn(std::to_string(footnote_marks_) + " footnote " + (footnote_marks_ == 1 ? "mark" : "marks") +
             " such as '[1]' or '[citation needed]' (first in " + first_footnote_mark_ +
             ") dropped: the kiosk shows no footnotes; name the works they pointed to in [[sources]]");
    }
}

void Importer::note_background(const json& slide, const std::string& label) {
    const json& background = member(slide, "background");
    if (!trim(field(background, "url")).empty() || !trim(field(background, "color")).empty())
        backgrounds_.push_back(label);
}

std::string Importer::photo_from_media(const json& media, const std::string& label, const std::string& fallback_caption,
                                       bool title, std::string* missed) {
    const std::string url = trim(media.is_string() ? media.get<std::string>() : field(media, "url"));
    const MediaKind kind = classify_media(url);
    const std::string shown = in_quotes(url, 80);
    const std::string consequence =
        title ? "it cannot be the exhibit photograph" : "the event's photo is left to finish in pack.toml";
    if (missed) *missed = clip(url, 80) + (kind.what.empty() ? "" : " (" + kind.what + ")");
    switch (kind.kind) {
        case MediaKind::Kind::None:
        case MediaKind::Kind::Blockquote:
            if (missed) missed->clear();
            return "";
        case MediaKind::Kind::Markup:
            warn(label + ": media " + shown + " is " + kind.what + ", which the kiosk cannot show; " + consequence);
            return "";
        case MediaKind::Kind::Remote: {
            std::string advice;
            if (kind.what == "a remote image")
                advice = " (save the image next to the timeline file and give its file name as the media URL)";
            warn(label + ": media " + clip(url, 80) + " is remote (" + kind.what + ") and cannot be fetched offline; " +
                 consequence + advice);
            return "";
        }
        case MediaKind::Kind::Local: break;
    }
    const std::string file_kind = unusable_file_kind(extension_of(kind.path));
    if (!file_kind.empty()) {
        warn(label + ": media " + shown + " is " + file_kind + "; the kiosk shows JPEG and PNG photographs only, so " +
             consequence);
        return "";
    }
    const fs::path written(kind.path);
    // A relative media path names a file beside the timeline: '..' would let a
    // timeline copy any file on the curator's disk into the pack.
    if (!written.is_absolute() && std::find(written.begin(), written.end(), fs::path("..")) != written.end()) {
        warn(label + ": media " + shown + " uses '..' and leaves the timeline's folder; " + consequence +
             " (put the image in the timeline's folder or below it)");
        return "";
    }
    const std::string source =
        (written.is_absolute() ? written : fs::path(options_.base_dir.empty() ? "." : options_.base_dir) / written)
            .lexically_normal()
            .string();
    if (const auto known = photo_by_source_.find(source); known != photo_by_source_.end()) {
        if (missed) missed->clear();
        return known->second;
    }
    if (options_.check_local_media) {
        const std::string problem = options_.check_local_media(source);
        if (!problem.empty()) {
            warn(label + ": media " + shown + " " + problem + "; " + consequence);
            return "";
        }
    }

    // media/<file name>, in lowercase letters, digits, '-' and '.'.
    std::string ext = extension_of(kind.path);
    if (ext != "jpg" && ext != "jpeg" && ext != "png") ext = "";
    std::string stem = slugify(written.stem().string(), 40);
    const std::string photo_id = unique_name(stem, "photo", photo_ids_);
    std::string name = (stem.empty() ? photo_id : stem);
    std::string destination;
    for (int n = 1;; ++n) {
        const std::string candidate = name + (n > 1 ? "-" + std::to_string(n) : "") + (ext.empty() ? "" : "." + ext);
        if (media_names_.insert(candidate).second) {
            destination = "media/" + candidate;
            break;
        }
    }
    result_.media.push_back({url, source, destination});
    if (missed) missed->clear();

    PhotoOut photo;
    photo.id = photo_id;
    photo.file = destination;
    photo.caption = plain_line(field(media, "caption"), label);
    if (photo.caption.empty()) {
        photo.caption = fallback_caption.empty() ? "Untitled photograph" : fallback_caption;
        warn(label + ": the image " + shown + " has no caption; " + in_quotes(photo.caption) + " is used in its place");
    }
    photo.credit = strip_leading_dashes(plain_line(field(media, "credit"), label));
    if (photo.credit.empty()) {
        photo.credit = "Unknown";
        warn(label + ": the image " + shown +
             " has no credit; it is credited to 'Unknown' until the curator "
             "names its photographer and owner");
    }
    // TimelineJS describes an image by its caption when it has no alt text.
    photo.alt = plain_line(field(media, "alt"), label);
    if (photo.alt.empty()) photo.alt = photo.caption;
    photos_.push_back(photo);
    photo_by_source_[source] = photo_id;
    return photo_id;
}

void Importer::quote_from_media(const json& media, const std::string& label, const std::string& headline,
                                const EventOut* event) {
    const std::string url = trim(media.is_string() ? media.get<std::string>() : field(media, "url"));
    if (classify_media(url).kind != MediaKind::Kind::Blockquote) return;
    const Blockquote bq = read_blockquote(url);
    if (bq.text.empty()) {
        warn(label + ": the blockquote media has no text; no quote is made from it");
        return;
    }
    QuoteOut q;
    q.id = unique_name(event ? event->id : slugify(first_words(one_line(bq.text), 6)), "quote", quote_ids_);
    q.text = without_marks(bq.text, label);
    q.speaker = strip_leading_dashes(plain_line(field(media, "credit"), label));
    if (q.speaker.empty() && !bq.cite.empty()) {
        // "Edith Clarke, first female professor of …": the speaker, then the role.
        const size_t comma = bq.cite.find(", ");
        q.speaker = trim(bq.cite.substr(0, comma));
        if (comma != std::string::npos) q.role = trim(bq.cite.substr(comma + 2));
    }
    if (q.speaker.empty()) {
        q.speaker = "Unknown";
        warn(label +
             ": the quote has no speaker (no media credit or <cite>); it is attributed to 'Unknown' in "
             "[[quotes]] '" +
             q.id + "'");
    }
    const std::string caption = plain_line(field(media, "caption"), label);
    q.context = !caption.empty() ? caption : headline;
    if (event) {
        q.start = event->start;
        q.end = event->end;
        q.display = event->display;
    }
    quotes_.push_back(q);
}

void Importer::read_title(const SlideIn& slide) {
    const json& text = member(slide.data, "text");
    title_ = plain_line(text.is_string() ? text.get<std::string>() : field(text, "headline"), slide.where);
    subtitle_ = text.is_string() ? "" : plain_line(field(text, "text"), slide.where);
    const std::string label = label_for(slide.where, title_);
    if (count_chars(subtitle_) > 160)
        warn(label + ": its text becomes the exhibit's one-line subtitle and is " +
             std::to_string(count_chars(subtitle_)) + " characters long; shorten subtitle." + lang_);
    const json& media = member(slide.data, "media");
    exhibit_photo_ = photo_from_media(media, label, title_, true);
    quote_from_media(media, label, title_, nullptr);
    note_background(slide.data, label);
}

void Importer::read_event(const SlideIn& slide) {
    const json& text_node = member(slide.data, "text");
    const bool text_is_string = text_node.is_string();  // not TimelineJS's format, but seen
    std::string headline = text_is_string ? "" : plain_line(field(text_node, "headline"), slide.where);
    std::string text =
        plain_text(text_is_string ? text_node.get<std::string>() : field(text_node, "text"), slide.where);
    std::string label = label_for(slide.where, headline);

    const DateRead start = read_date(member(slide.data, "start_date"));
    if (!start.present) {
        warn(label + ": has no start date (a year at least); the slide is skipped");
        return;
    }
    if (!start.date) {
        warn(label + ": " + start.unusable + "; the slide is skipped");
        return;
    }
    for (const std::string& note : start.notes) warn(label + ": start date: " + note);

    EventOut event;
    event.where = label;
    event.start = *start.date;
    const DateRead end = read_date(member(slide.data, "end_date"));
    if (end.present && !end.date) {
        warn(label + ": end date: " + end.unusable + "; the event has no end");
    } else if (end.date) {
        for (const std::string& note : end.notes) warn(label + ": end date: " + note);
        if (range_ends_before_start(event.start, *end.date)) {
            warn(label + ": the end date " + date_string(*end.date) + " is before the start date " +
                 date_string(event.start) + "; the event has no end");
        } else if (!same_date(event.start, *end.date)) {
            event.end = end.date;
        }
    }
    // The slide's display_date overrides its dates' own, as in TimelineJS.
    event.display = html_to_line(field(slide.data, "display_date"));
    if (event.display.empty() && !start.display.empty()) {
        event.display = start.display;
        if (event.end) event.display += " – " + (!end.display.empty() ? end.display : format_date(*event.end, lang_));
    }

    const json& media = member(slide.data, "media");
    if (!headline.empty() && text.empty()) warn(label + ": has no text; the event card shows only its headline");
    if (headline.empty()) {
        const std::string quote_text = classify_media(trim(field(media, "url"))).kind == MediaKind::Kind::Blockquote
                                           ? read_blockquote(trim(field(media, "url"))).text
                                           : "";
        if (!text.empty()) {
            headline = first_words(one_line(text), 8);
            warn(label + ": has no headline; the first words of its text are used: " + in_quotes(headline, 80));
        } else if (!quote_text.empty()) {
            headline = first_words(one_line(quote_text), 8);
            warn(label + ": has no headline; the first words of its quote are used: " + in_quotes(headline, 80));
        } else if (const std::string caption = plain_text(field(media, "caption"), slide.where); !caption.empty()) {
            // A slide that tells its story in its media's caption: that caption
            // is the only text it has, whether or not the media comes along.
            text = caption;
            headline = first_words(one_line(caption), 8);
            warn(label +
                 ": has no headline and no text; its media caption becomes the text, and its first words "
                 "the headline: " +
                 in_quotes(headline, 80));
        } else {
            // A card headed by its date alone tells a visitor nothing: the curator writes one.
            const std::string url = trim(media.is_string() ? media.get<std::string>() : field(media, "url"));
            headline = to_finish(label + " headline",
                                 "write a headline for this event (the slide had no headline and no text, only " +
                                     (url.empty() ? std::string("its date") : "its media " + clip(url, 60)) + ")");
        }
    }
    const bool headline_to_finish = starts_with(headline, kToFinish);
    event.headline = headline;
    event.text = text;
    const std::string unique_id = slugify(field(slide.data, "unique_id"));
    const std::string id_base = !unique_id.empty()   ? unique_id
                                : headline_to_finish ? slugify(date_string(event.start))
                                                     : slugify(headline);
    event.id = unique_name(id_base, "event", event_ids_);
    std::string missed;
    event.photo = photo_from_media(media, label, headline_to_finish ? "" : headline, false, &missed);
    if (!missed.empty()) {
        // Its caption and credit go with the placeholder: the curator who finds
        // the image needs them, and the timeline file may be gone by then.
        std::string kept;
        for (const char* key : {"caption", "credit"}) {
            const std::string value = one_line(html_to_line(field(media, key)));
            if (!value.empty())
                kept += std::string(kept.empty() ? ", with its " : " and ") + key + " " + in_quotes(value, 120);
        }
        if (!kept.empty()) kept += ",";
        event.photo = to_finish(label + " photo", "the slide's media " + missed + kept +
                                                      " did not come along: save a JPEG or PNG in media/, list it in "
                                                      "[[photographs]] and give its id here, or delete this line");
    }
    quote_from_media(media, label, headline, &event);

    const std::string group = trim(html_to_line(field(slide.data, "group")));
    if (!group.empty() && std::find(groups_.begin(), groups_.end(), group) == groups_.end()) groups_.push_back(group);
    note_background(slide.data, label);
    if (!event.photo.empty() && missed.empty()) first_event_photo_.emplace_back(event.photo, label);
    events_.push_back(std::move(event));
}

void Importer::read_era(const SlideIn& slide, size_t index) {
    const json& text = member(slide.data, "text");
    std::string name = plain_line(text.is_string() ? text.get<std::string>() : field(text, "headline"), slide.where);
    const std::string label = label_for(slide.where, name);
    const DateRead start = read_date(member(slide.data, "start_date"));
    const DateRead end = read_date(member(slide.data, "end_date"));
    if (!start.date || !end.date) {
        const DateRead& bad = !start.date ? start : end;
        const char* which = !start.date ? "start" : "end";
        warn(label + ": " +
             (bad.present ? std::string(which) + " date: " + bad.unusable
                          : "has no " + std::string(which) + " date (an era needs both)") +
             "; the era is skipped");
        return;
    }
    for (const std::string& note : start.notes) warn(label + ": start date: " + note);
    for (const std::string& note : end.notes) warn(label + ": end date: " + note);
    if (range_ends_before_start(*start.date, *end.date)) {
        warn(label + ": ends (" + date_string(*end.date) + ") before it starts (" + date_string(*start.date) +
             "); the era is skipped");
        return;
    }
    EraOut era;
    era.start = *start.date;
    era.end = *end.date;
    if (name.empty()) {
        name = format_date_span(DateSpan{era.start, era.end, false, {}}, lang_);
        warn(label + ": has no headline; the era is named after its dates, " + in_quotes(name));
    }
    era.name = name;
    era.id = unique_name(slugify(name), "era", era_ids_);
    era.color = kEraColors[index % (sizeof kEraColors / sizeof kEraColors[0])];
    eras_.push_back(era);
}

void Importer::choose_exhibit_photo() {
    if (!exhibit_photo_.empty()) return;
    if (!first_event_photo_.empty()) {
        exhibit_photo_ = first_event_photo_.front().first;
        warn("the exhibit photograph (exhibit.photo) is the image of " + first_event_photo_.front().second +
             ", as the title slide has no local image; point exhibit.photo at the photograph that stands for the whole "
             "exhibit");
        return;
    }
    const std::string id = unique_name("placeholder", "placeholder", photo_ids_);
    std::string name = "placeholder.png";
    for (int n = 2; !media_names_.insert(name).second; ++n) name = "placeholder-" + std::to_string(n) + ".png";
    PhotoOut photo;
    photo.id = id;
    photo.file = "media/" + name;
    photo.caption =
        to_finish("photograph '" + id + "' caption",
                  "add a photograph that stands for the whole exhibit to media/, list it in [[photographs]] and point "
                  "exhibit.photo at it; then delete this placeholder photograph and " +
                      photo.file);
    photo.credit = "Placeholder";
    photo.alt = "A plain dark grey rectangle standing in for a photograph";
    photos_.push_back(photo);
    result_.generated.push_back({photo.file, placeholder_png()});
    exhibit_photo_ = id;
    warn("the timeline has no local image for the exhibit photograph; a plain placeholder (" + photo.file +
         ") stands in until the curator adds a photograph that stands for the whole exhibit and points exhibit.photo "
         "at it");
}

// The pack's limits (pack_limits.h), applied while the curator is here to read
// why: characters no pack text may hold are dropped and over-long texts are cut
// with "…", each named, so the imported pack passes the validator.
void Importer::fit_to_limits() {
    const auto fit = [&](std::string& text, int max_chars, bool long_text, const std::string& what) {
        if (starts_with(text, kToFinish)) return;  // the curator replaces it; the loader says so
        std::string kept = without_forbidden_characters(text, long_text);
        if (kept.size() != text.size()) warn(what + ": control characters or direction overrides removed");
        const size_t chars = count_code_points(kept);
        if (chars > size_t(max_chars)) {
            kept = clip(kept, size_t(max_chars) - 1);
            warn(what + ": " + std::to_string(chars) + " characters cut to " + std::to_string(max_chars) +
                 ", the most the kiosk shows there");
        }
        text = std::move(kept);
    };
    fit(title_, kMaxTitleChars, false, "the title");
    fit(subtitle_, kMaxSubtitleChars, false, "the subtitle");
    for (EventOut& e : events_) {
        const std::string where = label_for(e.where, "");
        fit(e.headline, kMaxHeadlineChars, false, where + " headline");
        fit(e.text, kMaxEventTextChars, true, where + " text");
        fit(e.display, kMaxShortTextChars, false, where + " date label");
    }
    for (PhotoOut& p : photos_) {
        fit(p.caption, kMaxShortTextChars, false, "photograph '" + p.id + "' caption");
        fit(p.credit, kMaxShortTextChars, false, "photograph '" + p.id + "' credit");
        fit(p.alt, kMaxShortTextChars, false, "photograph '" + p.id + "' alt text");
    }
    for (QuoteOut& q : quotes_) {
        fit(q.text, kMaxQuoteChars, true, "quote '" + q.id + "' text");
        fit(q.speaker, kMaxShortTextChars, false, "quote '" + q.id + "' speaker");
        fit(q.role, kMaxShortTextChars, false, "quote '" + q.id + "' role");
        fit(q.context, kMaxShortTextChars, false, "quote '" + q.id + "' context");
        fit(q.display, kMaxShortTextChars, false, "quote '" + q.id + "' date label");
    }
    for (EraOut& era : eras_) fit(era.name, kMaxShortTextChars, false, "era '" + era.id + "' name");
}

void Importer::run(TimelineIn& in) {
    for (std::string& w : in.warnings) warn(w);
    if (lower(trim(in.scale)) == "cosmological")
        warn("the timeline uses the cosmological scale; only slides dated between 1 and 9999 AD come along");
    if (in.title) {
        read_title(*in.title);
    }
    for (const SlideIn& slide : in.events) read_event(slide);
    for (size_t i = 0; i < in.eras.size(); ++i) read_era(in.eras[i], i);

    if (events_.empty()) {
        result_.error = in.events.empty() ? "the timeline has no events"
                                          : "none of the timeline's " + std::to_string(in.events.size()) +
                                                " slides has a date the kiosk can show";
        return;
    }
    if (title_.empty()) {
        // A file name is no title a visitor should see: the curator writes one.
        const std::string why = !in.title ? "the timeline has no title slide" : "the title slide has no headline";
        title_ = to_finish("exhibit.title", "give the exhibit a title (" + why + ")");
        subject_ = to_finish("exhibit.subject", "name who or what the exhibit is about (" + why + ")");
    }

    std::stable_sort(events_.begin(), events_.end(),
                     [](const EventOut& a, const EventOut& b) { return compare_dates(a.start, b.start) < 0; });
    // Each event belongs to the first era its start date falls in.
    for (EventOut& event : events_) {
        for (const EraOut& era : eras_) {
            if (!range_ends_before_start(era.start, event.start) && !range_ends_before_start(event.start, era.end)) {
                event.era = era.id;
                break;
            }
        }
    }
    choose_exhibit_photo();
    fit_to_limits();
    note_dropped_text();
    warn(
        "exhibit.born is left out: if the exhibit is a person's life, put the date of birth there, and 'died' if "
        "it applies (the earliest event, " +
        events_.front().where + ", is " + date_string(events_.front().start) +
        "); without them the kiosk shows no dates beside the title");
    if (!groups_.empty()) {
        std::string list;
        for (const std::string& g : groups_) list += (list.empty() ? "" : ", ") + in_quotes(g);
        warn("groups are not shown by the kiosk: " + list + " are dropped");
    }
    if (!backgrounds_.empty()) {
        warn(std::to_string(backgrounds_.size()) + (backgrounds_.size() == 1 ? " slide has" : " slides have") +
             " a background image or colour, which the kiosk does not show (" + backgrounds_.front() +
             (backgrounds_.size() > 1 ? ", …" : "") + ")");
    }

    result_.events = events_.size();
    result_.eras = eras_.size();
    result_.quotes = quotes_.size();
    result_.photographs = photos_.size();
    result_.pack_toml = write_toml();
}

std::string Importer::write_toml() const {
    std::string t;
    const auto line = [&](const std::string& key, const std::string& value) { t += key + " = " + value + "\n"; };
    const auto text = [&](const std::string& key, const std::string& value) {
        line(key + "." + lang_, toml_text(value));
    };

    t += "# Exhibit pack imported from the TimelineJS file " + toml_string(options_.file_name) + "\n";
    t += "# by vitrine-pack import-timelinejs. The format is described in PACK-FORMAT.md.\n";
    t += "# Before it goes near a kiosk: if it is a person's life, put their dates in\n";
    t += "# exhibit.born (and died);\n";
    t += "# check every date, text and credit against the sources, and see the import's\n";
    t += "# warnings for what did not come along. Then: vitrine-pack validate <this folder>\n\n";
    line("schema", "1");

    t += "\n[exhibit]\n";
    const bool titled = !starts_with(title_, kToFinish);
    const std::string id = slugify(titled ? title_ : file_stem(options_.file_name));
    line("id", toml_string(id.empty() ? "imported-timeline" : id));
    line("version", toml_string("0.1.0"));
    text("title", title_);
    text("subject", subject_.empty() ? title_ : subject_);
    if (!subtitle_.empty()) text("subtitle", subtitle_);
    // A date of birth the timeline does not give is not made up: an exhibit need
    // not be a life, and "1867 –" would read as a person still alive.
    t += "# born = " + toml_string(date_string(events_.front().start)) +
         "  # the earliest event's date; if this is a life, the date of birth\n";
    line("photo", toml_string(exhibit_photo_));
    if (lang_ != "en") {
        t += "\n[settings]\n";
        line("languages", "[" + toml_string(lang_) + "]");
    }

    t += "\n[[sources]]\n";
    line("id", toml_string("timelinejs"));
    text("title", (!titled ? std::string("TimelineJS timeline") : "TimelineJS timeline “" + title_ + "”") + ", file " +
                      options_.file_name);
    text("note",
         "Imported with vitrine-pack import-timelinejs. Name the sources the timeline itself relied on, "
         "and refer to them from each event.");

    for (const EraOut& era : eras_) {
        t += "\n[[eras]]\n";
        line("id", toml_string(era.id));
        text("name", era.name);
        line("start", toml_string(date_string(era.start)));
        line("end", toml_string(date_string(era.end)));
        line("color", toml_string(era.color));
    }
    for (const EventOut& event : events_) {
        t += "\n[[events]]\n";
        line("id", toml_string(event.id));
        line("date", toml_string(date_string(event.start)));
        if (event.end) line("end", toml_string(date_string(*event.end)));
        if (!event.display.empty()) text("date_display", event.display);
        if (!event.era.empty()) line("era", toml_string(event.era));
        text("headline", event.headline);
        text("text", event.text);
        line("sources", "[" + toml_string("timelinejs") + "]");
        if (!event.photo.empty()) line("photo", toml_string(event.photo));
    }
    for (const PhotoOut& photo : photos_) {
        t += "\n[[photographs]]\n";
        line("id", toml_string(photo.id));
        line("file", toml_string(photo.file));
        text("caption", photo.caption);
        text("credit", photo.credit);
        if (!photo.alt.empty()) text("alt", photo.alt);
    }
    for (const QuoteOut& quote : quotes_) {
        t += "\n[[quotes]]\n";
        line("id", toml_string(quote.id));
        text("text", quote.text);
        line("speaker", toml_string(quote.speaker));
        if (!quote.role.empty()) text("role", quote.role);
        if (!quote.context.empty()) text("context", quote.context);
        if (quote.start) {
            line("date", toml_string(date_string(*quote.start)));
            if (quote.end) line("end", toml_string(date_string(*quote.end)));
            if (!quote.display.empty()) text("date_display", quote.display);
        }
        line("sources", "[" + toml_string("timelinejs") + "]");
    }
    return t;
}

// --- Reading the file ---

// "[json.exception.parse_error.101] parse error at line 3, column 5: syntax
// error …" without its prefix.
std::string json_error_message(const std::string& what) {
    const size_t column = what.find("column ");
    const size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    if (colon != std::string::npos) return what.substr(colon + 2);
    const size_t bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

void position_of_byte(const std::string& text, size_t byte, int* line, int* column) {
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++*line;
            *column = 1;
        } else if (!is_continuation(text[i])) {
            ++*column;
        }
    }
}

bool read_json(const std::string& text, TimelineIn& in, TimelineImport& result) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        result.error = "not valid JSON: " + json_error_message(e.what());
        position_of_byte(text, e.byte > 0 ? e.byte - 1 : 0, &result.error_line, &result.error_column);
        return false;
    } catch (const std::exception& e) {
        result.error = std::string("cannot read the JSON: ") + e.what();
        return false;
    }
    if (!root.is_object()) {
        result.error = "a TimelineJS file holds one JSON object with an \"events\" list, not " +
                       std::string(root.type_name() == std::string("array") ? "an array" : root.type_name());
        return false;
    }
    // TimelineJS's welcome example wraps a TimelineJS 3 timeline in {"timeline": …};
    // some files call the events "slides", as TimelineJS's documentation does.
    const auto slides_of = [](const json& object) -> const json& {
        const json& events = member(object, "events");
        return events.is_array() || !member(object, "slides").is_array() ? events : member(object, "slides");
    };
    const bool wrapped = member(root, "timeline").is_object();
    if (!slides_of(root).is_array() && slides_of(member(root, "timeline")).is_array()) {
        json inner = member(root, "timeline");
        root = std::move(inner);
    }
    const json& events = slides_of(root);
    if (!events.is_array()) {
        if (wrapped) {
            result.error =
                "this is a TimelineJS 2 file (a \"timeline\" object with \"date\" slides); only the "
                "TimelineJS 3 format, with an \"events\" list, can be imported";
        } else {
            result.error = events.is_null() ? "the file has no \"events\" list, which every TimelineJS file needs"
                                            : "\"events\" must be a list of slides";
        }
        return false;
    }
    for (size_t i = 0; i < events.size(); ++i) {
        if (!events[i].is_object()) {
            in.warnings.push_back("slide " + std::to_string(i + 1) + ": is not a slide object; skipped");
            continue;
        }
        in.events.push_back({events[i], "slide " + std::to_string(i + 1)});
    }
    const json& title = member(root, "title");
    if (title.is_object()) in.title = SlideIn{title, "title slide"};
    const json& eras = member(root, "eras");
    if (eras.is_array()) {
        for (size_t i = 0; i < eras.size(); ++i) {
            if (!eras[i].is_object()) {
                in.warnings.push_back("era " + std::to_string(i + 1) + ": is not an era object; skipped");
                continue;
            }
            in.eras.push_back({eras[i], "era " + std::to_string(i + 1)});
        }
    }
    in.scale = field(root, "scale");
    return true;
}

// A column's name as TimelineJS compares them: lowercase, no spaces.
std::string column_key(const std::string& name) {
    std::string key;
    for (char c : lower(trim(name)))
        if (!is_space(c)) key += c;
    return key;
}

bool blank(const CsvRecord& r) {
    return std::all_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return trim(f).empty(); });
}

// The first record that is not blank: blank lines before the header are not rows of the sheet.
size_t header_index_of(const std::vector<CsvRecord>& records) {
    size_t index = 0;
    while (index < records.size() && blank(records[index])) ++index;
    return index;
}

// The header's columns by column_key(); the first of two same-named columns wins.
std::map<std::string, size_t> columns_of(const CsvRecord& header) {
    std::map<std::string, size_t> columns;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        const std::string key = column_key(header.fields[i]);
        if (!key.empty()) columns.emplace(key, i);
    }
    return columns;
}

std::vector<std::string> missing_columns(const std::map<std::string, size_t>& columns) {
    std::vector<std::string> missing;
    for (const char* required : {"Year", "Headline", "Text"})
        if (!columns.count(column_key(required))) missing.push_back(required);
    return missing;
}

bool has_required_columns(const std::vector<CsvRecord>& records) {
    const size_t header = header_index_of(records);
    return header < records.size() && missing_columns(columns_of(records[header])).empty();
}

// The sheet read with the separator its header row is written with: commas,
// or else semicolons (what French and German Excel save as CSV) or tabs
// ("Text (Tab delimited)"). When no separator gives the required columns, the
// commas' reading stands, and its error names them.
std::optional<std::vector<CsvRecord>> read_sheet_records(const std::string& text, std::string* error, int* error_line) {
    std::optional<std::vector<CsvRecord>> commas = read_csv(text, error, error_line);
    if (!commas || has_required_columns(*commas)) return commas;  // an unclosed quote is one whatever the separator
    for (char separator : {';', '\t'}) {
        std::optional<std::vector<CsvRecord>> records = read_csv(text, nullptr, nullptr, separator);
        if (records && has_required_columns(*records)) return records;
    }
    return commas;
}

bool read_sheet(const std::string& text, TimelineIn& in, TimelineImport& result) {
    std::string error;
    int error_line = 0;
    std::optional<std::vector<CsvRecord>> records = read_sheet_records(text, &error, &error_line);
    if (!records) {
        result.error = error;
        result.error_line = error_line;
        return false;
    }
    const size_t header_index = header_index_of(*records);
    if (header_index == records->size()) {
        result.error = "the sheet is empty";
        return false;
    }
    const CsvRecord& header = (*records)[header_index];
    const std::map<std::string, size_t> columns = columns_of(header);
    const std::vector<std::string> missing = missing_columns(columns);
    if (!missing.empty()) {
        std::string list;
        for (const std::string& m : missing) list += (list.empty() ? "'" : ", '") + m + "'";
        result.error = "the sheet has no " + list + " column" + (missing.size() > 1 ? "s" : "") +
                       "; a TimelineJS sheet's first row is Year,Month,Day,Time,End Year,End Month,End Day,"
                       "End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,"
                       "Type,Group,Background";
        result.error_line = header.line;
        result.error_column = 1;
        return false;
    }

    for (size_t r = header_index + 1; r < records->size(); ++r) {
        const CsvRecord& record = (*records)[r];
        if (blank(record)) continue;
        const auto cell = [&](const char* column) {
            const auto it = columns.find(column_key(column));
            return it == columns.end() || it->second >= record.fields.size() ? std::string()
                                                                             : trim(record.fields[it->second]);
        };
        const std::string where = "row " + std::to_string(r + 1 - header_index);
        json slide = json::object();
        if (!cell("Year").empty()) {
            slide["start_date"] = {{"year", cell("Year")}, {"month", cell("Month")}, {"day", cell("Day")}};
        } else if (!cell("Month").empty() || !cell("Day").empty()) {
            slide["start_date"] = {{"month", cell("Month")}, {"day", cell("Day")}};
        }
        if (!cell("End Year").empty()) {
            slide["end_date"] = {{"year", cell("End Year")}, {"month", cell("End Month")}, {"day", cell("End Day")}};
        } else if (!cell("End Month").empty() || !cell("End Day").empty()) {
            in.warnings.push_back(label_for(where, html_to_line(cell("Headline"))) +
                                  ": has an End Month or End Day but no End Year; the end is ignored");
        }
        slide["display_date"] = cell("Display Date");
        slide["text"] = {{"headline", cell("Headline")}, {"text", cell("Text")}};
        std::string alt = cell("Alt Text");
        if (alt.empty()) alt = cell("Media Alt");
        slide["media"] = {{"url", cell("Media")},
                          {"credit", cell("Media Credit")},
                          {"caption", cell("Media Caption")},
                          {"thumbnail", cell("Media Thumbnail")},
                          {"alt", alt}};
        std::string group = cell("Group");
        if (group.empty()) group = cell("Tag");  // the older template's name
        slide["group"] = group;
        const std::string background = cell("Background");
        if (!background.empty()) {
            // As TimelineJS reads it: a URL, else a colour.
            const bool url =
                starts_with(background, "http:") || starts_with(background, "https:") || starts_with(background, "/");
            slide["background"] = {{url ? "url" : "color", background}};
        }
        const std::string type = lower(cell("Type"));
        SlideIn in_slide{slide, where};
        if (type == "title") {
            if (!in.title) {
                in.title = in_slide;
                continue;
            }
            in.warnings.push_back(label_for(where, html_to_line(cell("Headline"))) +
                                  ": a second title row; TimelineJS shows it as an event, and so does the import");
        } else if (type == "era") {
            in.eras.push_back(in_slide);
            continue;
        } else if (!type.empty()) {
            in.warnings.push_back(label_for(where, html_to_line(cell("Headline"))) + ": type " +
                                  in_quotes(cell("Type")) + " is not 'title' or 'era'; the row is read as an event");
        }
        in.events.push_back(in_slide);
    }
    return true;
}

}  // namespace

std::optional<TimelineFormat> timeline_format_from_name(const std::string& path) {
    const std::string ext = lower(fs::path(path).extension().string());
    if (ext == ".json") return TimelineFormat::Json;
    if (ext == ".csv") return TimelineFormat::Csv;
    return std::nullopt;
}

std::optional<std::vector<CsvRecord>> read_csv(const std::string& text, std::string* error, int* error_line,
                                               char separator) {
    std::vector<CsvRecord> records;
    size_t i = starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
    int line = 1;
    CsvRecord record;
    std::string field;
    bool quoted_field = false;  // the current field was quoted: keeps an empty "" as a field
    const auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
        quoted_field = false;
    };
    const auto end_record = [&] {
        end_field();
        records.push_back(std::move(record));
        record = CsvRecord{};
        record.line = line;
    };
    bool any = false;  // something since the last record ended
    while (i < text.size()) {
        const char c = text[i];
        if (c == '"' && field.empty() && !quoted_field) {
            const int start_line = line;
            quoted_field = true;
            any = true;
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    if (error) *error = "a quoted field starting on line " + std::to_string(start_line) + " never ends";
                    if (error_line) *error_line = start_line;
                    return std::nullopt;
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                    field += '\n';  // a line break inside a cell, CRLF or not
                    i += 2;
                    ++line;
                    continue;
                }
                if (text[i] == '\n' || text[i] == '\r') {
                    field += '\n';
                    ++line;
                    ++i;
                    continue;
                }
                field += text[i++];
            }
            continue;
        }
        if (c == separator) {
            end_field();
            any = true;
            ++i;
        } else if (c == '\r' || c == '\n') {
            i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
            ++line;
            end_record();
            any = false;
        } else {
            field += c;  // text after a closing quote is kept, as spreadsheets do
            any = true;
            ++i;
        }
    }
    if (any) end_record();
    return records;
}

TimelineImport import_timelinejs(const std::string& text, TimelineFormat format, const TimelineImportOptions& options) {
    TimelineImport result;
    try {
        TimelineIn in;
        // Refused rather than guessed: a sheet in another code page read as
        // Windows-1252 would put wrong letters in a signed pack without a word.
        const EncodingProblem encoding = find_encoding_problem(
            text, format == TimelineFormat::Csv
                      ? "save it as UTF-8 CSV (in Excel: Save As, \"CSV UTF-8 (Comma delimited)\"; in LibreOffice: "
                        "Save As, Text CSV, character set Unicode (UTF-8))"
                      : "save it as UTF-8");
        if (!encoding.message.empty()) {
            result.error = encoding.message;
            result.error_line = encoding.line;
            result.error_column = encoding.column;
            return result;
        }
        if (format == TimelineFormat::Csv) {
            if (!read_sheet(text, in, result)) return result;
        } else {
            if (!read_json(text, in, result)) return result;
        }
        Importer(options, result).run(in);
    } catch (const std::exception& e) {
        // Only resource exhaustion or a bug gets here: report it, never crash the tool.
        result = TimelineImport{};
        result.error = std::string("cannot import the timeline: ") + e.what();
    }
    if (!result.ok()) {
        result.pack_toml.clear();
        result.media.clear();
        result.generated.clear();
    }
    return result;
}

}  // namespace kiosk
