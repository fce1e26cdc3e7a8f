#include "pack/pack_loader.h"

#include "base/file_read.h"
#include "base/printable.h"
#include "base/toml_key_depth.h"
#include "base/utf8.h"
#include "pack/date.h"
#include "pack/exif_orientation.h"
#include "pack/image_header.h"
#include "pack/pack_limits.h"
#include "pack/photo_budget.h"
#include "pack/photo_decode.h"
#include "pack/photo_scaling.h"
#include "pack/text_rules.h"
#include "pack/webvtt.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <map>
#include <new>
#include <set>
#include <toml++/toml.h>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kSchema = 1;

// A manifest at every text and count limit in eight languages stays far below.
constexpr uint64_t kMaxManifestBytes = 64ULL * 1024 * 1024;

// Output stays readable and bounded whatever the pack: after this many problems
// of one kind (unknown source ids, say) one line counts the rest, and after
// kMaxDiagnostics in all, one line counts everything else.
constexpr size_t kShownPerKind = kMaxProblemsOfOneKind;
constexpr size_t kMaxDiagnostics = kMaxProblemsListed;

// Nearest known ids offered for an unknown one; a short list is offered whole.
constexpr size_t kSuggestedIds = 3;
constexpr size_t kListAllIdsUpTo = 5;

enum class Need { Optional, Required };

// How a message names the type of a TOML value.
std::string type_name(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "a string";
        case toml::node_type::integer: return "an integer";
        case toml::node_type::floating_point: return "a floating-point number";
        case toml::node_type::boolean: return "a boolean";
        case toml::node_type::table: return "a table";
        case toml::node_type::array: return "an array";
        case toml::node_type::date: return "a date";
        case toml::node_type::time: return "a time";
        case toml::node_type::date_time: return "a date-time";
        case toml::node_type::none: break;
    }
    return "nothing";
}

// Optimal string alignment distance: insertions, deletions, substitutions and
// swaps of neighbours, so 'captoin' is one edit from 'caption'.
size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[a.size()][b.size()];
}

// The known key `key` is probably a typo of, or "" when none is close. Short keys
// get less slack so 'x' is not "corrected" to 'id'.
std::string closest_key(std::string_view key, const std::vector<std::string>& known) {
    const size_t slack = key.size() <= 3 ? 1 : 2;
    std::string best;
    size_t best_distance = slack + 1;
    for (const std::string& candidate : known) {
        const size_t distance = edit_distance(key, candidate);
        if (distance < best_distance && distance < key.size()) {
            best = candidate;
            best_distance = distance;
        }
    }
    return best;
}

bool is_language_code(std::string_view s) {
    return s.size() >= 2 && s.size() <= 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_exhibit_id(std::string_view s) {
    return !s.empty() && s.size() <= kMaxIdBytes && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// One word a status line, a file name and the About screen can all carry:
// "1.0.0", "2026-03+museum", "1.2~rc1".
bool is_exhibit_version(std::string_view s) {
    return !s.empty() && s.size() <= 32 && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
               c == '+' || c == '~' || c == '_';
    });
}

std::optional<uint32_t> parse_color(std::string_view s) {
    if (s.size() != 7 || s[0] != '#') return std::nullopt;
    uint32_t rgb = 0;
    for (char c : s.substr(1)) {
        int digit = -1;
        if (c >= '0' && c <= '9') digit = c - '0';
        if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        if (digit < 0) return std::nullopt;
        rgb = rgb << 4 | static_cast<uint32_t>(digit);
    }
    return rgb;
}

// Ids quoted in messages are cut short: an id is at most kMaxIdBytes when valid,
// and an invalid one may be anything.
std::string quoted_id(const std::string& id) { return "'" + printable(id, kMaxIdBytes) + "'"; }

// "1048576" as "1 048 576", so a length far past a limit reads at a glance.
std::string grouped(uint64_t n) {
    std::string digits = std::to_string(n);
    if (digits.size() <= 4) return digits;
    for (size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, " ");
    return digits;
}

struct StringField {
    std::string value;
    const toml::node* node;
};

struct DateField {
    Date date;
    std::string text;  // as written, for messages
    const toml::node* node;
};

class Loader;

// Reads the keys of one TOML table. Every key asked for counts as known, so
// report_unknown_keys() can name the rest and suggest what was meant.
class TableReader {
public:
    // `section` names the kind of table for unknown keys ("in [[photographs]]"),
    // `name` this one table for missing keys ("in [[events]] 'born'").
    TableReader(Loader& loader, const toml::table& table, std::string section, std::string name)
            : loader_(loader), table_(table), section_(std::move(section)), name_(std::move(name)) {}

    const toml::table& table() const { return table_; }
    bool has(std::string_view key) const { return table_.contains(key); }

    const toml::node* find(std::string_view key, Need need);
    std::optional<StringField> string(std::string_view key, Need need);
    std::optional<int64_t> integer(std::string_view key, Need need);
    std::optional<bool> boolean(std::string_view key);
    std::vector<StringField> strings(std::string_view key);
    // A table of languages; `also` is one more language it may have beside the
    // pack's (a quote's own, when the pack is not in it).
    LocalText text(std::string_view key, Need need, const std::string& also = {});
    // `translated_by.<lang>` and `reviewed_by.<lang>`: an item's own word on its translations.
    ItemTranslations translations();
    std::optional<DateField> date(std::string_view key, Need need);
    const toml::table* subtable(std::string_view key, Need need);
    std::vector<const toml::table*> tables(std::string_view key);

    void report_unknown_keys();

private:
    void wrong_type(std::string_view key, const toml::node& node, const std::string& expected);

    Loader& loader_;
    const toml::table& table_;
    std::string section_;
    std::string name_;
    std::vector<std::string> known_;
};

// Ids already defined in one section, with the line of their first definition.
using IdRegistry = std::map<std::string, int>;

// What a text field may hold and where it is shown, for messages.
struct TextRule {
    int max_chars;
    const char* shown_on;  // "the Voices screen"
    bool long_text;        // tabs and line breaks allowed
    bool visible;          // must show something when given
};

// A date checked against the exhibit's plausible years once [exhibit] is read.
struct DatedThing {
    std::string owner;  // "event 'born'", "era 'dk'"
    toml::source_region where;
    Date start;
    Date end;
    bool is_era;
};

class Loader {
public:
    Loader(const std::string& dir, const PackLoadOptions& options)
            : dir_(dir),
              path_(dir.empty() || dir.back() == '/' ? dir + "pack.toml" : dir + "/pack.toml"),
              options_(options) {
        result_.pack.dir = dir;
        if (options_.max_photo_side <= 0) options_.max_photo_side = kShippedMaxSide;
        if (options_.display_width <= 0 || options_.display_height <= 0) {
            options_.display_width = kDefaultDisplayWidth;
            options_.display_height = kDefaultDisplayHeight;
        }
    }

    PackLoadResult run();

    void error(const toml::source_region& where, std::string message) {
        report(Diagnostic::Severity::Error, where, std::move(message));
    }
    void warning(const toml::source_region& where, std::string message) {
        report(Diagnostic::Severity::Warning, where, std::move(message));
    }
    const std::vector<std::string>& languages() const { return result_.pack.settings.languages; }

private:
    // `file`: the file the problem is in, when not pack.toml (a recording's captions).
    void report(Diagnostic::Severity severity, const toml::source_region& where, std::string message,
                const std::string& file = {});
    // Reports an error of a kind that can repeat thousands of times; past
    // kShownPerKind only counted. False when it will not be shown, so the
    // caller can skip composing it.
    bool counted_error(const std::string& kind, const toml::source_region& where, std::string message);
    // True for a complaint about a "TO FINISH:" value, which is reported once as unfinished instead.
    bool about_placeholder(Diagnostic::Severity severity, const toml::source_region& where,
                           const std::string& message) const;
    bool will_show(const std::string& kind) const;
    void add_summaries();
    void report_file(std::string message);
    void check_text(const toml::table& table, std::string_view key, const LocalText& text, const std::string& owner,
                    const TextRule& rule);
    void check_string(const toml::node& node, const std::string& field, const std::string& value,
                      const std::string& owner, const TextRule& rule, bool visible_required);
    void check_count(const char* what, size_t count, int limit, const char* shown_on,
                     const std::vector<const toml::table*>& tables);
    void read_years(TableReader& reader);
    void check_plausible_dates();
    void check_events_per_year(const std::vector<const toml::table*>& tables);
    void check_photo_memory();
    std::optional<std::string> read_manifest();
    void read_document(const toml::table& root);
    bool read_schema(TableReader& root);
    void read_settings(const toml::table& table);
    void read_translations(TableReader& root);
    void read_exhibit(const toml::table& table);
    void read_source(const toml::table& table, size_t index);
    void read_era(const toml::table& table, size_t index);
    void read_photograph(const toml::table& table, size_t index);
    void read_event(const toml::table& table, size_t index);
    std::vector<std::string> read_event_photos(TableReader& reader, const std::string& owner);
    void lint(const toml::table& table, std::string_view key, const LocalText& text, const std::string& owner,
              bool is_main_text);
    void read_quote(const toml::table& table, size_t index);
    std::string read_id(TableReader& reader, IdRegistry& ids);
    std::optional<DateSpan> read_span(TableReader& reader, Need need, const std::string& owner);
    void check_no_events(const TableReader& root);
    void check_attract_quotes(const std::vector<const toml::table*>& quote_tables);
    void check_within_era(const std::string& owner, const DateSpan& span, const StringField& era);
    void load_media(Photograph& photo, const toml::node& file_node);
    std::string media_path_problem(const std::string& key, const std::string& file, fs::path& resolved) const;
    void read_recordings(TableReader& root);
    bool read_recording(const toml::table& table, size_t index, std::map<std::string, int>& seen);
    // Fills the recording's table, id, field and language; "" when they name a
    // text of the pack, else why not, with `at` the key to report it at.
    std::string recording_target_problem(Recording& recording, const StringField& item, const StringField& field,
                                         const StringField& language, const StringField*& at) const;
    std::optional<FileRead> read_recording_file(const std::string& key, const std::string& file, const toml::node& node,
                                                uint64_t max_bytes, size_t head_bytes, const std::string& limit);
    bool check_recording_audio(const Recording& recording, const toml::node& file_node);
    bool read_captions(Recording& recording, const toml::node& captions_node);
    void check_reference(const std::string& owner, const StringField& ref, const char* kind, const IdRegistry& known);
    void report_placeholders(const toml::node& node);

    std::string dir_;
    std::string path_;
    PackLoadOptions options_;
    PackLoadResult result_;
    IdRegistry source_ids_, era_ids_, photo_ids_, event_ids_, quote_ids_;
    std::vector<DatedThing> dated_;
    std::map<std::string, size_t> per_kind_;  // errors reported of each counted kind
    size_t not_shown_ = 0;                    // past kMaxDiagnostics
    bool error_not_shown_ = false;
    int64_t kept_photo_bytes_ = 0;  // decoded size for the display, so far
    bool has_years_key_ = false;
    // [settings] attract_quotes as written: checked once the quotes are read.
    const toml::node* attract_node_ = nullptr;
    std::vector<StringField> attract_quotes_;
    // Where each "TO FINISH:" value starts (line, column): see report().
    std::set<std::pair<int, int>> placeholders_;
    // While a [[recordings]] table is read: its errors are warnings (the kiosk
    // leaves the recording out) unless options_.accessibility_errors, counted
    // so the recording can be dropped.
    bool in_recording_ = false;
    size_t recording_problems_ = 0;
};

// --- TableReader ---

void TableReader::wrong_type(std::string_view key, const toml::node& node, const std::string& expected) {
    std::string message = "'" + std::string(key) + "' must be " + expected + ", not " + type_name(node);
    if (node.is_date() || node.is_date_time()) message += "; write dates in quotes, e.g. \"1925-10-24\"";
    loader_.error(node.source(), message);
}

const toml::node* TableReader::find(std::string_view key, Need need) {
    known_.emplace_back(key);
    const toml::node* node = table_.get(key);
    if (!node && need == Need::Required)
        loader_.error(table_.source(), "missing required key '" + std::string(key) + "' " + name_);
    return node;
}

std::optional<StringField> TableReader::string(std::string_view key, Need need) {
    const toml::node* node = find(key, need);
    if (!node) return std::nullopt;
    if (!node->is_string()) {
        wrong_type(key, *node, "a string");
        return std::nullopt;
    }
    return StringField{node->as_string()->get(), node};
}

std::optional<int64_t> TableReader::integer(std::string_view key, Need need) {
    const toml::node* node = find(key, need);
    if (!node) return std::nullopt;
    if (!node->is_integer()) {
        wrong_type(key, *node, "an integer");
        return std::nullopt;
    }
    return node->as_integer()->get();
}

std::optional<bool> TableReader::boolean(std::string_view key) {
    const toml::node* node = find(key, Need::Optional);
    if (!node) return std::nullopt;
    if (!node->is_boolean()) {
        wrong_type(key, *node, "true or false");
        return std::nullopt;
    }
    return node->as_boolean()->get();
}

std::vector<StringField> TableReader::strings(std::string_view key) {
    std::vector<StringField> items;
    const toml::node* node = find(key, Need::Optional);
    if (!node) return items;
    const toml::array* array = node->as_array();
    if (!array) {
        wrong_type(key, *node, "an array of strings");
        return items;
    }
    for (size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        if (item.is_string()) {
            items.push_back({item.as_string()->get(), &item});
        } else {
            loader_.error(item.source(), "'" + std::string(key) + "' must be an array of strings; item " +
                                             std::to_string(i + 1) + " is " + type_name(item));
        }
    }
    return items;
}

LocalText TableReader::text(std::string_view key, Need need, const std::string& also) {
    LocalText text;
    const toml::node* node = find(key, need);
    if (!node) return text;
    const std::string name(key);
    const toml::table* by_lang = node->as_table();
    if (!by_lang) {
        loader_.error(node->source(), "'" + name + "' must be a table of languages, e.g. " + name + ".en = \"…\"");
        return text;
    }
    const std::vector<std::string>& languages = loader_.languages();
    for (auto&& [lang, value] : *by_lang) {
        const std::string code(lang.str());
        if (!is_language_code(code)) {
            loader_.error(lang.source(), "'" + code + "' in '" + name +
                                             "' is not a language code; use 2–3 lowercase letters, e.g. " + name +
                                             ".en");
            continue;
        }
        if (!value.is_string()) {
            wrong_type(name + "." + code, value, "a string");
            continue;
        }
        if (code != also && std::find(languages.begin(), languages.end(), code) == languages.end()) {
            loader_.error(lang.source(), "'" + name + "' has text in '" + code +
                                             "', which is not in [settings] languages; add \"" + code +
                                             "\" to languages, or remove " + name + "." + code);
            continue;
        }
        text.by_lang[code] = value.as_string()->get();
    }
    if (!languages.empty() && text.by_lang.count(languages.front()) == 0) {
        loader_.error(node->source(), "'" + name + "' has no text in the default language '" + languages.front() + "'");
    }
    return text;
}

ItemTranslations TableReader::translations() {
    ItemTranslations item;
    const std::vector<std::string>& languages = loader_.languages();
    for (const char* key : {"translated_by", "reviewed_by"}) {
        const toml::node* node = find(key, Need::Optional);
        if (!node) continue;
        const toml::table* by_lang = node->as_table();
        if (!by_lang) {
            loader_.error(node->source(), "'" + std::string(key) + "' must be a table of languages, e.g. " + key +
                                              ".fr = \"Name Surname\"");
            continue;
        }
        auto& into = std::string(key) == "translated_by" ? item.by : item.reviewed_by;
        for (auto&& [lang, value] : *by_lang) {
            const std::string code(lang.str());
            if (std::find(languages.begin(), languages.end(), code) == languages.end()) {
                loader_.error(lang.source(), "'" + std::string(key) + "." + code + "' names a language not in " +
                                                 "[settings] languages; add \"" + code + "\" there, or remove it");
            } else if (!value.is_string()) {
                wrong_type(std::string(key) + "." + code, value, "a string");
            } else {
                into[code] = value.as_string()->get();
            }
        }
    }
    return item;
}

std::optional<DateField> TableReader::date(std::string_view key, Need need) {
    const std::optional<StringField> field = string(key, need);
    if (!field) return std::nullopt;
    std::string why;
    const std::optional<Date> date = parse_date(field->value, &why);
    if (!date) {
        loader_.error(field->node->source(), "invalid date '" + field->value + "': " + why);
        return std::nullopt;
    }
    return DateField{*date, field->value, field->node};
}

const toml::table* TableReader::subtable(std::string_view key, Need need) {
    const toml::node* node = find(key, need);
    if (!node) return nullptr;
    if (!node->is_table()) {
        wrong_type(key, *node, "a table ([" + std::string(key) + "])");
        return nullptr;
    }
    return node->as_table();
}

std::vector<const toml::table*> TableReader::tables(std::string_view key) {
    std::vector<const toml::table*> items;
    const toml::node* node = find(key, Need::Optional);
    if (!node) return items;
    const std::string header = "[[" + std::string(key) + "]]";
    const toml::array* array = node->as_array();
    if (!array) {
        wrong_type(key, *node, "an array of tables (" + header + ")");
        return items;
    }
    for (const toml::node& item : *array) {
        if (item.is_table()) {
            items.push_back(item.as_table());
        } else {
            loader_.error(item.source(), "each item of '" + std::string(key) + "' must be a table (" + header +
                                             "), not " + type_name(item));
        }
    }
    return items;
}

void TableReader::report_unknown_keys() {
    for (auto&& [key, value] : table_) {
        const std::string_view name = key.str();
        if (std::find(known_.begin(), known_.end(), name) != known_.end()) continue;
        std::string message = "unknown key '" + std::string(name) + "' " + section_;
        const std::string suggestion = closest_key(name, known_);
        if (!suggestion.empty()) message += "; did you mean '" + suggestion + "'?";
        loader_.error(key.source(), message);
    }
}

// "[[events]] 'born'", or "[[events]] #2" when the table has no usable id.
std::string element_name(const std::string& section, const toml::table& table, size_t index) {
    const std::string* id = table["id"].as_string() ? &table["id"].as_string()->get() : nullptr;
    if (id && !id->empty()) return "in " + section + " " + quoted_id(*id);
    return "in " + section + " #" + std::to_string(index + 1);
}

// "event 'born'" or "event #2", for messages about what an element refers to.
std::string owner_name(const char* kind, const std::string& id, size_t index) {
    return std::string(kind) + (id.empty() ? " #" + std::to_string(index + 1) : " " + quoted_id(id));
}

// True when the table's `key` (a table of languages) has something visible in
// any language.
bool has_visible_text(const toml::table& table, std::string_view key) {
    const toml::table* by_lang = table.get_as<toml::table>(key);
    if (!by_lang) return false;
    for (auto&& [lang, value] : *by_lang)
        if (const auto* text = value.as_string(); text && has_visible_character(text->get())) return true;
    return false;
}

// Where each text is shown, and how much of it fits there.
constexpr TextRule kTitleRule{kMaxTitleChars, "the attract screen", false, true};
constexpr TextRule kSubtitleRule{kMaxSubtitleChars, "the attract screen", false, true};
constexpr TextRule kAboutRule{kMaxAboutTextChars, "the About screen", true, true};
constexpr TextRule kCitationRule{kMaxCitationChars, "the Sources list", true, true};
constexpr TextRule kSourceLineRule{kMaxShortTextChars, "the Sources list", false, true};
constexpr TextRule kEraRule{kMaxShortTextChars, "the timeline", false, true};
constexpr TextRule kHeadlineRule{kMaxHeadlineChars, "an event card", false, true};
// An event may be its headline alone: its text may be empty.
constexpr TextRule kEventTextRule{kMaxEventTextChars, "an event card", true, false};
constexpr TextRule kDisputedRule{kMaxEventTextChars, "an event card", true, true};
constexpr TextRule kDateLabelRule{kMaxShortTextChars, "an event card", false, true};
constexpr TextRule kPhotoTextRule{kMaxShortTextChars, "the photo viewer", false, true};
constexpr TextRule kQuoteRule{kMaxQuoteChars, "the Voices screen", true, true};
constexpr TextRule kQuoteLineRule{kMaxShortTextChars, "the Voices screen", false, true};
constexpr TextRule kQuoteDisputedRule{kMaxEventTextChars, "the Voices screen", true, true};

// --- Placeholders and TOML syntax in plain words ---

// A value beginning "TO FINISH:" is one a curator must still write
// (assets/PACK-FORMAT.md, "Left to finish"); vitrine-pack import-timelinejs
// leaves them where it could not carry something over.
constexpr std::string_view kPlaceholderMarker = "TO FINISH:";
const std::string kPlaceholderMessage = "the import left this to finish: ";

// What a "TO FINISH:" value asks for, or nullopt when the value is no placeholder.
std::optional<std::string> placeholder_task(std::string_view value) {
    const size_t start = value.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos || value.substr(start, kPlaceholderMarker.size()) != kPlaceholderMarker)
        return std::nullopt;
    std::string_view task = value.substr(start + kPlaceholderMarker.size());
    while (!task.empty() && (task.front() == ' ' || task.front() == '\t')) task.remove_prefix(1);
    return task.empty() ? std::string("write this value") : printable(std::string(task), 300);
}

struct SyntaxMessage {
    toml::source_region where;
    std::string message;
};

// Line `line` (1-based) of `text`, without its line break.
std::string_view line_of(std::string_view text, size_t line) {
    size_t start = 0;
    for (size_t n = 1; n < line; ++n) {
        const size_t end = text.find('\n', start);
        if (end == std::string_view::npos) return {};
        start = end + 1;
    }
    std::string_view rest = text.substr(start);
    rest = rest.substr(0, rest.find('\n'));
    if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
    return rest;
}

// The byte where 1-based code point column `column` starts in `line`.
size_t byte_of_column(std::string_view line, size_t column) {
    size_t i = 0;
    for (size_t c = 1; c < column && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// The quotation marks word processors and phones put in place of straight ones.
std::string_view curly_quote_at(std::string_view s) {
    for (std::string_view q : {"\u201C", "\u201D", "\u201E", "\u201F", "\u2018", "\u2019", "\u201A", "\u00AB", "\u00BB",
                               "\u2039", "\u203A", "\uFF02", "\u2033"})
        if (s.substr(0, q.size()) == q) return q;
    return {};
}

// The character toml++ says it saw: "saw 'R'" gives "R", "saw '\n'" gives "\n".
std::string seen_character(std::string_view description) {
    const size_t saw = description.rfind("saw '");
    if (saw == std::string_view::npos) return "";
    std::string_view rest = description.substr(saw + 5);
    if (rest.size() >= 2 && rest.back() == '\'') rest.remove_suffix(1);
    return std::string(rest);
}

// The name in the last '…' of `description`.
std::string quoted_name(std::string_view description) {
    const size_t close = description.rfind('\'');
    const size_t open =
        close == std::string_view::npos || close == 0 ? std::string_view::npos : description.rfind('\'', close - 1);
    return open == std::string_view::npos ? "" : std::string(description.substr(open + 1, close - open - 1));
}

// toml++'s description of a syntax error, in the words of someone who edits
// pack.toml in a text editor, pointing where the mistake is made: the common
// cases (curly quotes, text without quotes, an unclosed string, a missing '=',
// a quote inside text) are recognised from the description and the line; the
// rest keep toml++'s own words.
SyntaxMessage plain_syntax_message(std::string_view text, const toml::parse_error& e) {
    const std::string_view description = e.description();
    SyntaxMessage out{e.source(), std::string(description)};
    const size_t line_number = e.source().begin.line;
    const std::string_view line = line_of(text, line_number);
    const size_t at = byte_of_column(line, e.source().begin.column);
    const auto at_column_of_byte = [&](size_t byte) {
        size_t column = 1;
        for (size_t i = 0; i < byte && i < line.size(); ++i)
            if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
        out.where.begin.column = static_cast<toml::source_index>(column);
    };
    const auto has = [&](std::string_view words) { return description.find(words) != std::string_view::npos; };
    const std::string seen = seen_character(description);
    const std::string key(trimmed(line.substr(0, std::min(at, line.find('=')))));
    const bool accented = !seen.empty() && static_cast<unsigned char>(seen[0]) >= 0x80;

    // The value after '=' when the parser stopped inside it: "Test Person" is
    // read as a value that should have been true, "inf" or a number.
    const size_t equals = line.find('=');
    const bool after_equals = equals != std::string_view::npos && equals <= at;
    const size_t value_at = after_equals ? line.find_first_not_of(" \t", equals + 1) : std::string_view::npos;
    const std::string_view value =
        value_at == std::string_view::npos ? std::string_view() : trimmed(line.substr(value_at));
    const bool in_value =
        has("parsing value") || has("parsing boolean") || has("parsing floating-point") || has("parsing integer");
    if (in_value && !value.empty() && !curly_quote_at(value).empty()) {
        at_column_of_byte(value_at);
        out.message = "this text starts with " + std::string(curly_quote_at(value)) +
                      " — use straight quotes \" around text in pack.toml (a word processor or phone may have "
                      "curled them; curly quotes are fine inside the straight ones)";
    } else if (in_value && !value.empty() &&
               (std::isalpha(static_cast<unsigned char>(value[0])) || static_cast<unsigned char>(value[0]) >= 0x80)) {
        at_column_of_byte(value_at);
        out.message = "this text has no quotes around it; write it between straight quotes: " + key + " = \"" +
                      printable(std::string(value), 40) + "\"";
    } else if ((has("parsing string") || has("parsing literal string")) &&
               (has("control characters") || has("end-of-file"))) {
        const char quote = has("literal string") ? '\'' : '"';
        const std::string triple(3, quote);
        const bool end_of_line = at >= line.size();
        if (has("end-of-file")) {
            // The string that never ends opens at the last quote in the file.
            const size_t last = text.rfind(quote);
            const size_t last_triple = text.rfind(triple);
            if (last != std::string_view::npos) {
                // A one-line string reaches the end of the file only on its last line.
                const bool is_triple = last_triple != std::string_view::npos &&
                                       (last_triple + 2 == last || text.find('\n', last) != std::string_view::npos);
                const size_t opener = is_triple ? last_triple : last;
                const size_t line_start =
                    text.rfind('\n', opener) == std::string_view::npos ? 0 : text.rfind('\n', opener) + 1;
                out.where.begin.line =
                    static_cast<toml::source_index>(1 + std::count(text.begin(), text.begin() + opener, '\n'));
                size_t column = 1;
                for (size_t i = line_start; i < opener; ++i)
                    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
                out.where.begin.column = static_cast<toml::source_index>(column);
                out.message = is_triple
                                  ? "the text that starts here with " + triple + " never ends; close it with " + triple
                                  : std::string("this text has no closing ") + quote + "; end it with " + quote;
            }
        } else if (end_of_line) {
            const size_t equals = line.find('=');
            const size_t opener = line.find(quote, equals == std::string_view::npos ? 0 : equals);
            if (opener != std::string_view::npos) at_column_of_byte(opener);
            out.message = std::string("this text has no closing ") + quote +
                          " before the end of the line; end it with " + quote +
                          " (text over several lines goes between " + triple + " and " + triple + ")";
            // "Marie Curie” with the closing quote curled by a word processor.
            const std::string_view rest = trimmed(line.substr(opener == std::string_view::npos ? 0 : opener + 1));
            for (size_t i = 0; i < rest.size(); ++i) {
                const std::string_view curly = curly_quote_at(rest.substr(i));
                if (curly.empty() || i + curly.size() != rest.size()) continue;
                out.message = std::string("this text ends with ") + std::string(curly) + ", not a straight " + quote +
                              "; end it with " + quote + " (curly quotes are fine inside the straight ones)";
            }
        }
    } else if ((has("expected '=', saw") || has("expected bare key starting character")) && accented) {
        out.message = "'" + seen +
                      "' cannot be in a key: keys are plain letters a–z, digits, '_' and '-' (letters "
                      "with accents belong in the text, between quotes)";
    } else if (has("expected '=', saw")) {
        out.message = "missing '=' after '" + printable(key, 60) + "': write " + printable(key, 60) +
                      " = and the value, with text between straight quotes \"…\"";
        if (seen.size() == 1 && std::isalpha(static_cast<unsigned char>(seen[0])))
            out.message += " (a key is one word: letters, digits, '_' and '-')";
    } else if (has("expected value, saw")) {
        out.message =
            "nothing follows '" + printable(key, 60) + " ='; give the value, with text between straight quotes \"…\"";
    } else if (has("expected a comment or whitespace, saw")) {
        if (seen == ",") {
            out.message = "a ',' follows the value; each key = value goes on its own line, without commas";
        } else if (at > 0 && line[at - 1] == '"') {
            out.message =
                "more follows the end of the text: a \" inside text ends it; write \\\" for a quote "
                "inside the text, or use curly quotes “ ” there";
        } else {
            out.message = "more follows the value on this line ('" + printable(seen, 8) +
                          "'); each key = value goes on its own line";
        }
    } else if (has("cannot redefine existing table")) {
        const std::string name = quoted_name(description);
        out.message = "[" + name + "] appears twice; give each key of [" + name +
                      "] once, in one place (only lists such as [[events]], with double brackets, repeat)";
    } else if (has("cannot redefine existing")) {
        out.message = "'" + quoted_name(description) + "' is set twice in the same table; keep one";
    } else if (has("unknown escape sequence")) {
        out.message = "'" + quoted_name(description) +
                      "' in this text is no escape pack.toml knows: a backslash starts an escape, so write \\\\ for "
                      "a backslash";
    }
    return out;
}

// --- Loader ---

// Complaints about a "TO FINISH:" value are noise until it is written: at its
// position (an unknown id, a length), and warnings on its line (label practice,
// which points at the key).
bool Loader::about_placeholder(Diagnostic::Severity severity, const toml::source_region& where,
                               const std::string& message) const {
    const int line = static_cast<int>(where.begin.line);
    const auto placeholder = placeholders_.lower_bound({line, 0});
    const bool on_placeholder_line = placeholder != placeholders_.end() && placeholder->first == line;
    return on_placeholder_line && message.rfind(kPlaceholderMessage, 0) != 0 &&
           (severity == Diagnostic::Severity::Warning ||
            placeholders_.count({line, static_cast<int>(where.begin.column)}));
}

void Loader::report(Diagnostic::Severity severity, const toml::source_region& where, std::string message,
                    const std::string& file) {
    if (file.empty() && about_placeholder(severity, where, message)) return;
    if (in_recording_ && severity == Diagnostic::Severity::Error) {
        ++recording_problems_;
        if (!options_.accessibility_errors) severity = Diagnostic::Severity::Warning;
        message += "; until then the kiosk leaves this recording out";
    }
    if (result_.diagnostics.size() >= kMaxDiagnostics) {
        ++not_shown_;
        error_not_shown_ = error_not_shown_ || severity == Diagnostic::Severity::Error;
        return;
    }
    Diagnostic d;
    d.severity = severity;
    d.path = file.empty() ? path_ : file;
    d.line = static_cast<int>(where.begin.line);
    d.column = static_cast<int>(where.begin.column);
    // Messages quote pack text; whatever composed them, no control character or
    // invalid byte reaches a terminal, and no message runs for pages.
    d.message = printable(message, 2000);
    result_.diagnostics.push_back(std::move(d));
}

bool Loader::will_show(const std::string& kind) const {
    const auto it = per_kind_.find(kind);
    return it == per_kind_.end() || it->second < kShownPerKind;
}

bool Loader::counted_error(const std::string& kind, const toml::source_region& where, std::string message) {
    // A placeholder is not a mistake of this kind: counting it would push a real
    // one (a misspelt id among twenty unfinished ones) into the "… and N more" line.
    if (about_placeholder(Diagnostic::Severity::Error, where, message)) return false;
    const bool show = will_show(kind);
    ++per_kind_[kind];
    if (show) error(where, std::move(message));
    return show;
}

// One line for each kind of error past kShownPerKind, and one for everything
// past kMaxDiagnostics; at the end, after the problems they count.
void Loader::add_summaries() {
    std::vector<Diagnostic> summaries;
    for (const auto& [kind, count] : per_kind_) {
        if (count <= kShownPerKind) continue;
        summaries.push_back(
            {Diagnostic::Severity::Error, path_, 0, 0, "… and " + grouped(count - kShownPerKind) + " more " + kind});
    }
    if (not_shown_ > 0) {
        summaries.push_back({error_not_shown_ ? Diagnostic::Severity::Error : Diagnostic::Severity::Warning, path_, 0,
                             0, "… and " + grouped(not_shown_) + " more problems not shown"});
    }
    for (Diagnostic& d : summaries) result_.diagnostics.push_back(std::move(d));
}

void Loader::report_file(std::string message) { error(toml::source_region{}, std::move(message)); }

// Every "TO FINISH:" string, wherever it is: each an error at its own line, so
// a pack the import left unfinished neither validates nor builds.
void Loader::report_placeholders(const toml::node& node) {
    if (const toml::table* table = node.as_table()) {
        for (auto&& [key, value] : *table) report_placeholders(value);
    } else if (const toml::array* array = node.as_array()) {
        for (const toml::node& item : *array) report_placeholders(item);
    } else if (const toml::value<std::string>* text = node.as_string()) {
        const std::optional<std::string> what = placeholder_task(text->get());
        if (!what) return;
        const toml::source_position& at = node.source().begin;
        placeholders_.insert({static_cast<int>(at.line), static_cast<int>(at.column)});
        error(node.source(), kPlaceholderMessage + *what);
    }
}

PackLoadResult Loader::run() {
    std::optional<std::string> text;
    try {
        text = read_manifest();
        if (const auto deep = text ? find_too_deep_toml_key(*text) : std::nullopt) {
            toml::source_region where;
            where.begin = {static_cast<toml::source_index>(deep->line), static_cast<toml::source_index>(deep->column)};
            error(where, deep->message + "; pack.toml's keys are a few names, such as title.en");
        } else if (text) {
            toml::table root = toml::parse(std::string_view(*text), std::string_view(path_));
            report_placeholders(root);
            read_document(root);
        }
    } catch (const toml::parse_error& e) {
        const SyntaxMessage plain = plain_syntax_message(text ? *text : std::string(), e);
        error(plain.where, plain.message);
    } catch (const std::exception& e) {
        // Only resource exhaustion gets here; the pack still must not take the kiosk down.
        report_file(std::string("cannot load the pack: ") + e.what());
    }
    // pack.toml's problems in line order, then each other file's (captions).
    std::stable_sort(result_.diagnostics.begin(), result_.diagnostics.end(),
                     [this](const Diagnostic& a, const Diagnostic& b) {
                         if (a.path != b.path) return a.path == path_ || (b.path != path_ && a.path < b.path);
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    add_summaries();
    return std::move(result_);
}

// The manifest's text when it exists and is valid UTF-8, which is checked here
// so the message can point at the bad byte.
std::optional<std::string> Loader::read_manifest() {
    // One descriptor from open to read: a pack.toml swapped for a FIFO or a
    // link after a check cannot hang or redirect the read.
    const FileRead file = read_regular_file(path_, kMaxManifestBytes, FinalLink::Refuse);
    if (!file.ok()) {
        if (file.missing) {
            report_file("pack.toml does not exist");
        } else if (file.error.rfind("is a symbolic link", 0) == 0) {
            // A link to a file elsewhere would make the pack show (and `build`
            // ship) whatever that file holds.
            report_file("pack.toml is a symbolic link; it must be a plain file inside the pack folder");
        } else if (file.error.rfind("is ", 0) == 0) {
            report_file("pack.toml " + file.error);
        } else {
            report_file("cannot read pack.toml: " + file.error);
        }
        return std::nullopt;
    }
    std::string text = file.text();
    int line = 0, col = 0;
    if (find_invalid_utf8(text, &line, &col)) {
        toml::source_region where;
        where.begin = {static_cast<toml::source_index>(line), static_cast<toml::source_index>(col)};
        error(where, "text is not valid UTF-8");
        return std::nullopt;
    }
    return text;
}

void Loader::read_document(const toml::table& table) {
    TableReader root(*this, table, "at the top level", "at the top level");
    if (!read_schema(root)) return;
    Pack& pack = result_.pack;
    // Settings come first: they say which language every text must have. Then
    // whatever is referred to comes before what refers to it, so each reference
    // is checked where it is read. Diagnostics are put in line order at the end.
    if (const toml::table* settings = root.subtable("settings", Need::Optional)) read_settings(*settings);
    read_translations(root);
    const std::vector<const toml::table*> sources = root.tables("sources");
    check_count("sources", sources.size(), kMaxSources, "the Sources list", sources);
    for (size_t i = 0; i < sources.size(); ++i) read_source(*sources[i], i);
    const std::vector<const toml::table*> eras = root.tables("eras");
    check_count("eras", eras.size(), kMaxEras, "the timeline", eras);
    for (size_t i = 0; i < eras.size(); ++i) read_era(*eras[i], i);
    const std::vector<const toml::table*> photos = root.tables("photographs");
    check_count("photographs", photos.size(), kMaxPhotos, "the kiosk", photos);
    for (size_t i = 0; i < photos.size(); ++i) read_photograph(*photos[i], i);
    check_photo_memory();
    if (const toml::table* exhibit = root.subtable("exhibit", Need::Required)) read_exhibit(*exhibit);
    const std::vector<const toml::table*> events = root.tables("events");
    check_count("events", events.size(), kMaxEvents, "the timeline", events);
    for (size_t i = 0; i < events.size(); ++i) read_event(*events[i], i);
    check_events_per_year(events);
    const std::vector<const toml::table*> quotes = root.tables("quotes");
    check_count("quotes", quotes.size(), kMaxQuotes, "the Voices screen", quotes);
    for (size_t i = 0; i < quotes.size(); ++i) read_quote(*quotes[i], i);
    check_attract_quotes(quotes);
    read_recordings(root);
    check_no_events(root);
    check_plausible_dates();
    root.report_unknown_keys();
    std::stable_sort(pack.events.begin(), pack.events.end(),
                     [](const Event& a, const Event& b) { return compare_dates(a.when.start, b.when.start) < 0; });
}

// False when the pack is written for another schema: its other problems would
// only be noise then.
bool Loader::read_schema(TableReader& root) {
    const std::string supported = "this build of Vitrine reads schema " + std::to_string(kSchema);
    const toml::node* node = root.find("schema", Need::Optional);
    if (!node) {
        error(root.table().source(), "missing required key 'schema' at the top level; " + supported);
        return true;
    }
    if (!node->is_integer()) {
        error(node->source(), "'schema' must be an integer, not " + type_name(*node) + "; " + supported);
        return true;
    }
    const int64_t schema = node->as_integer()->get();
    if (schema != kSchema) {
        error(node->source(), "schema " + std::to_string(schema) + " is not supported; " + supported);
        return false;
    }
    return true;
}

void Loader::read_settings(const toml::table& table) {
    TableReader reader(*this, table, "in [settings]", "in [settings]");
    Settings& settings = result_.pack.settings;
    if (const auto timeout = reader.integer("idle_timeout_s", Need::Optional)) {
        if (*timeout < 20 || *timeout > 3600) {
            error(table["idle_timeout_s"].node()->source(),
                  "'idle_timeout_s' must be between 20 and 3600 seconds, not " + std::to_string(*timeout));
        } else {
            settings.idle_timeout_s = static_cast<int>(*timeout);
        }
    }
    if (const auto reduced = reader.boolean("reduced_motion")) settings.reduced_motion = *reduced;
    if (const auto at_start = reader.boolean("content_note_at_start")) settings.content_note_at_start = *at_start;
    if (const auto khmer = reader.boolean("khmer_digits")) settings.khmer_digits = *khmer;
    if (reader.has("languages")) {
        const toml::node& node = *table.get("languages");
        std::vector<std::string> languages;
        for (const StringField& lang : reader.strings("languages")) {
            if (!is_language_code(lang.value)) {
                error(lang.node->source(),
                      "'" + lang.value + "' is not a language code; use 2–3 lowercase letters, e.g. \"en\"");
            } else if (std::find(languages.begin(), languages.end(), lang.value) != languages.end()) {
                error(lang.node->source(), "language '" + lang.value + "' is listed twice");
            } else {
                languages.push_back(lang.value);
            }
        }
        if (node.is_array() && node.as_array()->empty())
            error(node.source(), "'languages' must list at least one language, e.g. languages = [\"en\"]");
        if (languages.size() > static_cast<size_t>(kMaxLanguages)) {
            error(node.source(), "'languages' lists " + std::to_string(languages.size()) + " languages; at most " +
                                     std::to_string(kMaxLanguages) + " fit the language switch");
            languages.resize(kMaxLanguages);
        }
        // Keep the default when the list is unusable, so texts are still checked.
        if (!languages.empty()) settings.languages = languages;
    }
    if (reader.has("attract_quotes")) {
        attract_node_ = table.get("attract_quotes");
        attract_quotes_ = reader.strings("attract_quotes");
    }
    reader.report_unknown_keys();
}

// [translations.<lang>]: who translated each language other than the default,
// and who reviewed it. A language without the table loads, with a warning: its
// texts show as translations not yet reviewed.
void Loader::read_translations(TableReader& root) {
    Pack& pack = result_.pack;
    const std::vector<std::string>& languages = pack.settings.languages;
    const toml::table* table = root.subtable("translations", Need::Optional);
    if (table) {
        for (auto&& [key, node] : *table) {
            const std::string code(key.str());
            const std::string header = "[translations." + code + "]";
            if (std::find(languages.begin(), languages.end(), code) == languages.end()) {
                error(key.source(), header + " is for a language not in [settings] languages; add \"" + code +
                                        "\" to languages, or remove " + header);
                continue;
            }
            if (!node.is_table()) {
                error(node.source(), "'translations." + code + "' must be a table (" + header + ") with by = \"…\"");
                continue;
            }
            TableReader reader(*this, *node.as_table(), "in " + header, "in " + header);
            Translation t;
            const Need by_need = code == pack.default_language() ? Need::Optional : Need::Required;
            if (const auto by = reader.string("by", by_need)) t.by = by->value;
            if (by_need == Need::Required && t.by.empty() && reader.has("by"))
                error(node.source(), header + " 'by' is empty; name who translated the texts into '" + code + "'");
            if (const auto reviewed = reader.string("reviewed_by", Need::Optional)) t.reviewed_by = reviewed->value;
            if (const auto note = reader.string("note", Need::Optional)) t.note = note->value;
            reader.report_unknown_keys();
            pack.translations[code] = t;
        }
    }
    for (size_t i = 1; i < languages.size(); ++i)
        if (!pack.translations.count(languages[i]))
            warning(table ? table->source() : root.table().source(),
                    "language '" + languages[i] + "' has no [translations." + languages[i] +
                        "]; add one with by = \"who translated\" and reviewed_by = \"who reviewed\" (its texts "
                        "are marked as not yet reviewed until then)");
}

std::string Loader::read_id(TableReader& reader, IdRegistry& ids) {
    const std::optional<StringField> id = reader.string("id", Need::Required);
    if (!id) return "";
    const int line = static_cast<int>(id->node->source().begin.line);
    if (id->value.empty()) {
        error(id->node->source(), "'id' must not be empty");
    } else if (!is_safe_id(id->value)) {
        // ASCII only: two ids that look alike (composed and decomposed accents,
        // a Cyrillic 'а') would otherwise be different ids.
        error(id->node->source(), "id " + quoted_id(id->value) +
                                      " may use only a-z, A-Z, 0-9, '-', '_' and '.', "
                                      "at most " +
                                      std::to_string(kMaxIdBytes) + " of them");
    } else if (auto [it, inserted] = ids.emplace(id->value, line); !inserted) {
        counted_error("duplicate ids", id->node->source(),
                      "duplicate id " + quoted_id(id->value) + ": first defined at line " + std::to_string(it->second));
    }
    return id->value;
}

void Loader::read_exhibit(const toml::table& table) {
    TableReader reader(*this, table, "in [exhibit]", "in [exhibit]");
    ExhibitInfo& exhibit = result_.pack.exhibit;
    if (const auto id = reader.string("id", Need::Required)) {
        if (!is_exhibit_id(id->value))
            error(id->node->source(), "exhibit id " + quoted_id(id->value) +
                                          " may use only a-z, 0-9 and '-', at most " + std::to_string(kMaxIdBytes) +
                                          " of them");
        exhibit.id = id->value;
    }
    if (const auto version = reader.string("version", Need::Required)) {
        if (!is_exhibit_version(version->value))
            error(version->node->source(),
                  "version '" + version->value + "' must be 1 to 32 letters, digits and . - + ~ _ (like \"1.0.0\")");
        exhibit.version = version->value;
    }
    exhibit.title = reader.text("title", Need::Required);
    exhibit.subject = reader.text("subject", Need::Required);
    exhibit.subtitle = reader.text("subtitle", Need::Optional);
    check_text(table, "title", exhibit.title, "the exhibit", kTitleRule);
    check_text(table, "subject", exhibit.subject, "the exhibit", kTitleRule);
    check_text(table, "subtitle", exhibit.subtitle, "the exhibit", kSubtitleRule);
    const auto born = reader.date("born", Need::Optional);  // an exhibit need not be a life
    const auto died = reader.date("died", Need::Optional);
    if (born) exhibit.born = born->date;
    if (died) exhibit.died = died->date;
    if (born && died && range_ends_before_start(born->date, died->date)) {
        error(died->node->source(), "'died' (" + died->text + ") is before 'born' (" + born->text + ")");
    }
    read_years(reader);
    exhibit.content_note = reader.text("content_note", Need::Optional);
    exhibit.credits = reader.text("credits", Need::Optional);
    exhibit.licence = reader.text("licence", Need::Optional);
    exhibit.gaps = reader.text("gaps", Need::Optional);
    check_text(table, "content_note", exhibit.content_note, "the exhibit", kAboutRule);
    check_text(table, "gaps", exhibit.gaps, "the exhibit", kAboutRule);
    check_text(table, "credits", exhibit.credits, "the exhibit", kAboutRule);
    check_text(table, "licence", exhibit.licence, "the exhibit", kAboutRule);
    if (const auto photo = reader.string("photo", Need::Required)) {
        check_reference("exhibit", *photo, "photograph", photo_ids_);
        exhibit.photo = photo->value;
    }
    exhibit.translations = reader.translations();
    reader.report_unknown_keys();
}

void Loader::read_source(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[sources]]", element_name("[[sources]]", table, index));
    Source source;
    source.id = read_id(reader, source_ids_);
    const std::string owner = owner_name("source", source.id, index);
    source.title = reader.text("title", Need::Required);
    if (const auto url = reader.string("url", Need::Optional)) {
        check_string(*url->node, "url", url->value, owner, kSourceLineRule, false);
        source.url = url->value;
    }
    source.note = reader.text("note", Need::Optional);
    check_text(table, "title", source.title, owner, kCitationRule);
    check_text(table, "note", source.note, owner, kCitationRule);
    reader.report_unknown_keys();
    result_.pack.sources.push_back(std::move(source));
}

void Loader::read_era(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[eras]]", element_name("[[eras]]", table, index));
    Era era;
    era.id = read_id(reader, era_ids_);
    era.name = reader.text("name", Need::Required);
    check_text(table, "name", era.name, owner_name("era", era.id, index), kEraRule);
    const auto start = reader.date("start", Need::Required);
    const auto end = reader.date("end", Need::Required);
    if (start) era.start = start->date;
    if (end) era.end = end->date;
    if (start && end && range_ends_before_start(start->date, end->date)) {
        error(end->node->source(), "range ends (" + end->text + ") before it starts (" + start->text + ")");
    } else if (start && end) {
        dated_.push_back({owner_name("era", era.id, index), start->node->source(), start->date, end->date, true});
    }
    if (const auto color = reader.string("color", Need::Optional)) {
        if (const auto rgb = parse_color(color->value)) {
            era.color = *rgb;
        } else {
            error(color->node->source(), "'color' must be #RRGGBB, e.g. \"#8a3a2c\", not '" + color->value + "'");
        }
    }
    era.translations = reader.translations();
    reader.report_unknown_keys();
    result_.pack.eras.push_back(std::move(era));
}

void Loader::read_photograph(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[photographs]]", element_name("[[photographs]]", table, index));
    Photograph photo;
    photo.id = read_id(reader, photo_ids_);
    const auto file = reader.string("file", Need::Required);
    photo.caption = reader.text("caption", Need::Required);
    photo.credit = reader.text("credit", Need::Required);
    photo.alt = reader.text("alt", Need::Optional);
    const std::string owner = owner_name("photograph", photo.id, index);
    check_text(table, "caption", photo.caption, owner, kPhotoTextRule);
    check_text(table, "credit", photo.credit, owner, kPhotoTextRule);
    check_text(table, "alt", photo.alt, owner, kPhotoTextRule);
    lint(table, "caption", photo.caption, owner, false);
    if (!reader.has("alt")) {
        const std::string message = owner +
                                    " has no 'alt' text describing it for visitors who cannot see it; write what the "
                                    "photograph shows in alt." +
                                    result_.pack.default_language() + " = \"…\" (it is what a blind visitor hears)";
        if (options_.accessibility_errors)
            error(table.source(), message);
        else
            warning(table.source(), message);
    }
    photo.translations = reader.translations();
    reader.report_unknown_keys();
    // Past the limit photographs are not decoded: the count is an error already,
    // and decoding thousands would only spend time and memory.
    if (file && index < static_cast<size_t>(kMaxPhotos)) {
        photo.file = file->value;
        load_media(photo, *file->node);
    } else if (file) {
        photo.file = file->value;
    }
    result_.pack.photographs.push_back(std::move(photo));
}

std::optional<DateSpan> Loader::read_span(TableReader& reader, Need need, const std::string& owner) {
    // A range, circa or label without a start date is incomplete, so 'date' is
    // required as soon as any of them is there.
    if (reader.has("end") || reader.has("circa") || reader.has("date_display")) need = Need::Required;
    const auto start = reader.date("date", need);
    const auto end = reader.date("end", Need::Optional);
    const auto circa = reader.boolean("circa");
    LocalText display = reader.text("date_display", Need::Optional);
    if (!start) return std::nullopt;
    DateSpan span;
    span.start = start->date;
    if (end) {
        span.end = end->date;
        if (range_ends_before_start(start->date, end->date)) {
            error(end->node->source(), "range ends (" + end->text + ") before it starts (" + start->text + ")");
        }
    }
    span.circa = circa.value_or(false);
    span.display = std::move(display);
    check_text(reader.table(), "date_display", span.display, owner, kDateLabelRule);
    return span;
}

void Loader::read_event(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[events]]", element_name("[[events]]", table, index));
    Event event;
    event.id = read_id(reader, event_ids_);
    const std::string owner = owner_name("event", event.id, index);
    const std::optional<DateSpan> span = read_span(reader, Need::Required, owner);
    if (span) event.when = *span;
    event.photos = read_event_photos(reader, owner);
    // A headline with a photograph needs no text under it. A card with neither
    // words nor photograph is said to be empty, once, rather than missing keys.
    const bool pictured = reader.has("photo") || reader.has("photos");
    const bool blank = !pictured && !reader.has("headline") && !has_visible_text(table, "text");
    if (blank)
        error(table.source(), owner +
                                  " is empty: it has no headline, no text and no photograph; a visitor would "
                                  "see a blank card (write a headline, or delete the event)");
    event.headline = reader.text("headline", blank ? Need::Optional : Need::Required);
    event.text = reader.text("text", pictured || blank ? Need::Optional : Need::Required);
    event.disputed = reader.text("disputed", Need::Optional);
    check_text(table, "headline", event.headline, owner, kHeadlineRule);
    check_text(table, "text", event.text, owner, kEventTextRule);
    check_text(table, "disputed", event.disputed, owner, kDisputedRule);
    if (span && !(span->end && range_ends_before_start(span->start, *span->end)))
        dated_.push_back({owner, table.get("date")->source(), span->start, span->end.value_or(span->start), false});
    lint(table, "text", event.text, owner, true);
    lint(table, "disputed", event.disputed, owner, false);
    if (!reader.has("sources"))
        warning(table.source(), owner + " names no source; visitors should see where each fact comes from");
    if (const auto era = reader.string("era", Need::Optional)) {
        event.era = era->value;
        check_reference(owner, *era, "era", era_ids_);
        if (span) check_within_era(owner, *span, *era);
    }
    for (const StringField& source : reader.strings("sources")) {
        check_reference(owner, source, "source", source_ids_);
        event.sources.push_back(source.value);
    }
    event.translations = reader.translations();
    reader.report_unknown_keys();
    result_.pack.events.push_back(std::move(event));
}

// `photo = "id"` or `photos = ["a", "b"]`, not both: two lists would leave the
// order a visitor pages through in doubt.
std::vector<std::string> Loader::read_event_photos(TableReader& reader, const std::string& owner) {
    std::vector<std::string> ids;
    const auto photo = reader.string("photo", Need::Optional);
    const std::vector<StringField> photos = reader.strings("photos");
    if (photo && reader.has("photos")) {
        error(photo->node->source(),
              owner + " has both 'photo' and 'photos'; use photos = [...] alone for more than one photograph");
        return ids;
    }
    std::vector<StringField> named = photos;
    if (photo) named.push_back(*photo);
    for (const StringField& ref : named) {
        check_reference(owner, ref, "photograph", photo_ids_);
        if (std::find(ids.begin(), ids.end(), ref.value) != ids.end())
            error(ref.node->source(), owner + " names photograph '" + ref.value + "' twice in 'photos'");
        else
            ids.push_back(ref.value);
    }
    return ids;
}

void Loader::read_quote(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[quotes]]", element_name("[[quotes]]", table, index));
    Quote quote;
    quote.id = read_id(reader, quote_ids_);
    const std::string owner = owner_name("quote", quote.id, index);
    // The language it was spoken or written in comes first: its text may be in
    // a language the pack is not shown in, as the original one tap away.
    quote.language = result_.pack.default_language();
    if (const auto language = reader.string("language", Need::Optional)) {
        if (is_language_code(language->value))
            quote.language = language->value;
        else
            error(language->node->source(), "'" + language->value +
                                                "' is not a language code; use 2–3 lowercase letters, e.g. "
                                                "language = \"fr\" for a quote spoken in French");
    }
    quote.text = reader.text("text", Need::Required, quote.language);
    check_text(table, "text", quote.text, owner, kQuoteRule);
    if (reader.has("text") && !quote.text.empty() && !quote.text.has(quote.language))
        error(table.get("text")->source(), owner + " is in '" + quote.language + "' (its language) but has no text." +
                                               quote.language + "; add the words as they were spoken or written");
    // A plain name is the name in the default language; speaker.km = "…" gives
    // the name in another script.
    if (const toml::node* speaker = table.get("speaker"); speaker && speaker->is_string()) {
        const StringField name{*reader.string("speaker", Need::Required)};
        check_string(*name.node, "speaker", name.value, owner, kQuoteLineRule, true);
        quote.speaker.by_lang[result_.pack.default_language()] = name.value;
    } else {
        quote.speaker = reader.text("speaker", Need::Required, quote.language);
        check_text(table, "speaker", quote.speaker, owner, kQuoteLineRule);
    }
    quote.role = reader.text("role", Need::Optional);
    quote.context = reader.text("context", Need::Optional);
    check_text(table, "role", quote.role, owner, kQuoteLineRule);
    check_text(table, "context", quote.context, owner, kQuoteLineRule);
    quote.disputed = reader.text("disputed", Need::Optional);
    check_text(table, "disputed", quote.disputed, owner, kQuoteDisputedRule);
    lint(table, "disputed", quote.disputed, owner, false);
    quote.when = read_span(reader, Need::Optional, owner);
    if (quote.when && !(quote.when->end && range_ends_before_start(quote.when->start, *quote.when->end)))
        dated_.push_back({owner, table.get("date")->source(), quote.when->start,
                          quote.when->end.value_or(quote.when->start), false});
    if (!reader.has("sources")) warning(table.source(), owner + " names no source");
    for (const StringField& source : reader.strings("sources")) {
        check_reference(owner, source, "source", source_ids_);
        quote.sources.push_back(source.value);
    }
    quote.translations = reader.translations();
    reader.report_unknown_keys();
    result_.pack.quotes.push_back(std::move(quote));
}

// The attract loop runs unattended: what it shows is the curator's choice, and
// a disputed quote shows its mark there. Without a choice the loop shows every
// quote in file order, so a disputed first quote would lead it: warned about.
void Loader::check_attract_quotes(const std::vector<const toml::table*>& quote_tables) {
    Settings& settings = result_.pack.settings;
    if (!attract_node_) {
        const std::vector<Quote>& quotes = result_.pack.quotes;
        if (!quotes.empty() && !quotes.front().disputed.empty() && !quote_tables.empty())
            warning(quote_tables.front()->source(),
                    owner_name("quote", quotes.front().id, 0) +
                        " is disputed and leads the attract loop, which shows every quote in file order; name the "
                        "quotes it shows with [settings] attract_quotes = [\"id\", …]");
        return;
    }
    if (!attract_node_->is_array()) return;  // reported by the reader
    if (attract_node_->as_array()->empty()) {
        error(attract_node_->source(),
              "'attract_quotes' must name at least one quote; leave it out to show every "
              "quote in file order");
        return;
    }
    if (attract_quotes_.size() > static_cast<size_t>(kMaxQuotes)) {
        error(attract_node_->source(), "'attract_quotes' lists " + grouped(attract_quotes_.size()) +
                                           " quotes; at most " + std::to_string(kMaxQuotes) + " fit the attract loop");
        return;
    }
    std::map<std::string, int> listed;  // id -> line first listed
    for (const StringField& ref : attract_quotes_) {
        const int line = static_cast<int>(ref.node->source().begin.line);
        if (auto [it, inserted] = listed.emplace(ref.value, line); !inserted) {
            counted_error("duplicate attract quotes", ref.node->source(),
                          "quote " + quoted_id(ref.value) + " is listed twice in 'attract_quotes' (first at line " +
                              std::to_string(it->second) + ")");
            continue;
        }
        check_reference("[settings] 'attract_quotes'", ref, "quote", quote_ids_);
        if (quote_ids_.count(ref.value)) settings.attract_quotes.push_back(ref.value);
    }
}

// Label practice: warnings only, at the text's own line. It judges the curator's
// own writing, the default language's: a translation follows its original's
// sentences, and word counts differ between languages for the same sentence
// (ICU finds more words in Khmer than a reader of English would count).
void Loader::lint(const toml::table& table, std::string_view key, const LocalText& text, const std::string& owner,
                  bool is_main_text) {
    const toml::node* node = table.get(key);
    if (!node || !options_.label_check) return;
    const std::string lang = languages().empty() ? std::string("en") : languages().front();
    const auto it = text.by_lang.find(lang);
    if (it == text.by_lang.end()) return;
    for (const std::string& problem : options_.label_check(it->second, is_main_text))
        warning(node->source(), owner + " '" + std::string(key) + "." + lang + "' " + problem);
}

// Names the unknown id and, instead of every known one, the few nearest: a
// pack with thousands of dangling references must not print millions of ids.
void Loader::check_reference(const std::string& owner, const StringField& ref, const char* kind,
                             const IdRegistry& known) {
    if (known.count(ref.value)) return;
    const std::string plural = std::string(kind) + "s";
    const std::string counted = "unknown " + std::string(kind) + " ids";
    if (!will_show(counted)) {
        counted_error(counted, ref.node->source(), "");
        return;
    }
    std::string hint;
    if (known.empty()) {
        hint = "no " + plural + " are defined";
    } else if (known.size() <= kListAllIdsUpTo) {
        std::vector<std::pair<int, std::string>> in_file_order;
        for (const auto& [id, line] : known) in_file_order.emplace_back(line, id);
        std::sort(in_file_order.begin(), in_file_order.end());
        for (const auto& entry : in_file_order) hint += (hint.empty() ? "" : ", ") + entry.second;
        hint = "known " + plural + ": " + hint;
    } else {
        // Edit distance only to ids of about the same length, so thousands of
        // ids cost little; a reference too long to be an id gets no guess.
        std::vector<std::pair<size_t, std::string>> near;
        const size_t slack = ref.value.size() <= 3 ? 1 : 2;
        if (ref.value.size() <= kMaxIdBytes) {
            for (const auto& entry : known) {
                const std::string& id = entry.first;
                const size_t gap =
                    id.size() > ref.value.size() ? id.size() - ref.value.size() : ref.value.size() - id.size();
                if (gap > slack) continue;
                const size_t distance = edit_distance(ref.value, id);
                if (distance <= slack && distance < ref.value.size()) near.emplace_back(distance, id);
            }
        }
        // Only the nearest: 'src-12' for 'src-2' is no help when 'src-2x' is closer.
        std::sort(near.begin(), near.end());
        const size_t best = near.empty() ? 0 : near[0].first;
        const auto farther = std::find_if(near.begin(), near.end(), [&](const auto& n) { return n.first > best; });
        near.erase(farther, near.end());
        if (near.size() > kSuggestedIds) near.resize(kSuggestedIds);
        for (size_t i = 0; i < near.size(); ++i)
            hint += std::string(i == 0 ? "" : i + 1 == near.size() ? " or " : ", ") + quoted_id(near[i].second);
        hint = near.empty() ? "none of the " + grouped(known.size()) + " " + plural + " has a similar id"
                            : "did you mean " + hint + "?";
    }
    counted_error(counted, ref.node->source(),
                  owner + " refers to " + kind + " " + quoted_id(ref.value) + ", which is not defined; " + hint);
}

// A warning only: an event may belong to an era it merely leads up to, but
// usually this is a wrong date or a wrong era.
void Loader::check_within_era(const std::string& owner, const DateSpan& span, const StringField& era_field) {
    const Era* era = result_.pack.find_era(era_field.value);
    if (!era) return;
    // A range that ends before it starts is an error already; comparing it
    // with anything would only add noise.
    if (range_ends_before_start(era->start, era->end)) return;
    if (span.end && range_ends_before_start(span.start, *span.end)) return;
    const Date& last = span.end ? *span.end : span.start;
    if (!range_ends_before_start(era->start, last) && !range_ends_before_start(span.start, era->end)) return;
    DateSpan plain_event{span.start, span.end, false, {}};
    DateSpan plain_era{era->start, era->end, false, {}};
    warning(era_field.node->source(), owner + " (" + format_date_span(plain_event, "en") + ") lies outside era '" +
                                          era->id + "' (" + format_date_span(plain_era, "en") + ")");
}

// Length, forbidden characters and something visible, for each language of a
// text that is there (an absent optional text is fine).
void Loader::check_text(const toml::table& table, std::string_view key, const LocalText& text, const std::string& owner,
                        const TextRule& rule) {
    const toml::node* node = table.get(key);
    if (!node) return;
    const toml::table* by_lang = node->as_table();
    for (const auto& [lang, value] : text.by_lang) {
        const toml::node* value_node = by_lang ? by_lang->get(lang) : nullptr;
        check_string(value_node ? *value_node : *node, std::string(key) + "." + lang, value, owner, rule, rule.visible);
    }
}

void Loader::check_string(const toml::node& node, const std::string& field, const std::string& value,
                          const std::string& owner, const TextRule& rule, bool visible_required) {
    const std::string name = owner + " '" + field + "'";
    const size_t chars = count_code_points(value);
    if (chars > static_cast<size_t>(rule.max_chars)) {
        error(node.source(), name + " is " + grouped(chars) + " characters; at most " + grouped(rule.max_chars) +
                                 " fit " + rule.shown_on);
    }
    if (const auto bad = find_forbidden_character(value, rule.long_text)) {
        error(node.source(), name + " has " + describe_forbidden(bad->code_point) + " at character " +
                                 grouped(bad->position) +
                                 (rule.long_text ? "; only tabs and line breaks may break the text"
                                                 : "; this text must be one line without control characters"));
    }
    if (const auto stacked = find_stacked_character(value)) {
        error(node.source(), name + " has " + describe_stacked(*stacked) + " (at character " +
                                 grouped(stacked->position) +
                                 "); more marks are drawn far outside the line, and the kiosk leaves the pack out");
    }
    if (visible_required && !has_visible_character(value)) {
        error(node.source(), name +
                                 " has nothing visible in it (only spaces, line breaks, zero-width or format "
                                 "characters); write the text or leave the key out where it is optional");
    }
}

// The count of one kind of table, reported at the first one past the limit.
void Loader::check_count(const char* what, size_t count, int limit, const char* shown_on,
                         const std::vector<const toml::table*>& tables) {
    if (count <= static_cast<size_t>(limit)) return;
    error(tables[static_cast<size_t>(limit)]->source(),
          "the pack has " + grouped(count) + " " + what + "; at most " + grouped(limit) + " fit " + shown_on);
}

// A timeline cluster holds the events that start in one calendar year.
void Loader::check_events_per_year(const std::vector<const toml::table*>& tables) {
    std::map<int64_t, std::vector<size_t>> by_year;  // year → indexes in file order
    const std::vector<Event>& events = result_.pack.events;
    for (size_t i = 0; i < events.size() && i < tables.size(); ++i)
        if (tables[i]->contains("date")) by_year[events[i].when.start.year].push_back(i);
    for (const auto& [year, indexes] : by_year) {
        if (indexes.size() <= static_cast<size_t>(kMaxEventsPerYear)) continue;
        error(tables[indexes[static_cast<size_t>(kMaxEventsPerYear)]]->source(),
              format_year(year, "en") + " has " + grouped(indexes.size()) + " events starting in it; at most " +
                  std::to_string(kMaxEventsPerYear) + " fit one year's cluster on the timeline");
    }
}

// [exhibit] years = [first, last]: the years the exhibit's dates may fall in.
void Loader::read_years(TableReader& reader) {
    ExhibitInfo& exhibit = result_.pack.exhibit;
    const toml::node* node = reader.find("years", Need::Optional);
    if (node) {
        const toml::array* years = node->as_array();
        const bool two_integers =
            years && years->size() == 2 && years->get(0)->is_integer() && years->get(1)->is_integer();
        const int64_t first = two_integers ? years->get(0)->as_integer()->get() : 0;
        const int64_t last = two_integers ? years->get(1)->as_integer()->get() : 0;
        if (!two_integers) {
            error(node->source(),
                  "'years' must be two years, the first and the last the exhibit's dates fall in, "
                  "e.g. years = [1900, 2020]");
        } else if (first < kEarliestYear || last > 9999 || first == 0 || last == 0 || first > last) {
            error(node->source(), "'years' must be two years from " + std::to_string(kEarliestYear) +
                                      " to 9999, not 0 (1 BC is -1), the first not after the last, not [" +
                                      std::to_string(first) + ", " + std::to_string(last) + "]");
        } else {
            exhibit.first_year = first;
            exhibit.last_year = last;
            has_years_key_ = true;
            return;
        }
    }
    // Without 'years': from ten years before birth (parents, birthplace) to fifty
    // after death (trials, memorials), or to this year for the living.
    // A death before the birth is an error already; no span follows from it.
    if (exhibit.born.year == 0 || (exhibit.died.year != 0 && exhibit.died.year < exhibit.born.year)) return;
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    exhibit.first_year = add_years(exhibit.born.year, -10);
    exhibit.last_year =
        exhibit.died.year != 0 ? std::min<int64_t>(9999, add_years(exhibit.died.year, 50)) : utc.tm_year + 1900;
}

// Warnings: a year typed 2925 for 1925, or an era from 0001 to 9999, is almost
// always a slip, and would stretch the timeline to show it.
void Loader::check_plausible_dates() {
    const ExhibitInfo& exhibit = result_.pack.exhibit;
    if (exhibit.first_year == 0) return;
    const std::string span = format_year(exhibit.first_year, "en") + "–" + format_year(exhibit.last_year, "en");
    const std::string from = exhibit.born.year != 0 && !has_years_key_
                                 ? " (from 'born' and 'died'; set [exhibit] years = [first, last] to change them)"
                                 : " ([exhibit] years)";
    for (const DatedThing& thing : dated_) {
        const bool outside = thing.start.year < exhibit.first_year || thing.end.year > exhibit.last_year;
        DateSpan plain{thing.start, std::nullopt, false, {}};
        if (compare_dates(thing.start, thing.end) != 0) plain.end = thing.end;
        const std::string when = format_date_span(plain, "en");
        if (outside) {
            warning(thing.where, thing.owner + " (" + when + ") lies outside the exhibit's years " + span + from);
        } else if (thing.is_era && years_between(thing.start.year, thing.end.year) >
                                       years_between(exhibit.first_year, exhibit.last_year)) {
            warning(thing.where, thing.owner + " (" + when + ") is longer than the exhibit's years " + span + from);
        }
    }
}

// The photographs' decoded size on the panel, all together, against the budget.
void Loader::check_photo_memory() {
    const PhotoMemory memory = photo_memory(result_.pack, options_.display_width, options_.display_height);
    if (memory.total_bytes <= kPhotoMemoryBudgetBytes) return;
    std::string biggest;
    for (const PhotoMemory::Item& item : memory.biggest) {
        biggest += (biggest.empty() ? "" : ", ") + std::string("'") + printable(item.file, 80) + "' (" +
                   std::to_string(item.width) + "×" + std::to_string(item.height) + ", " + memory_in_words(item.bytes) +
                   ")";
    }
    report_file("the photographs take " + memory_in_words(memory.total_bytes) + " once decoded for a " +
                std::to_string(options_.display_width) + "×" + std::to_string(options_.display_height) +
                " panel; at most " + memory_in_words(kPhotoMemoryBudgetBytes) +
                " fit beside the kiosk on a small board; scale down or remove photographs; the biggest: " + biggest);
}

void Loader::check_no_events(const TableReader& root) {
    if (!result_.pack.events.empty()) return;
    const toml::node* events = root.table().get("events");
    error(events ? events->source() : root.table().source(), "the exhibit has no events; add at least one [[events]]");
}

// True when `path` is `root` or lies under it; both must be canonical.
bool is_inside(const fs::path& path, const fs::path& root) {
    const fs::path relative = path.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
}

// Why `file`, named by `key` in pack.toml, cannot be a file of the pack; "" when
// it can, with `resolved` its canonical path inside the pack folder.
std::string Loader::media_path_problem(const std::string& key, const std::string& file, fs::path& resolved) const {
    const std::string quoted = "'" + printable(file) + "'";
    const std::string named = "'" + key + "'";
    const fs::path relative(file);
    if (file.empty()) return named + " must not be empty";
    // open() would stop at a NUL and load another file than the one named.
    if (const auto bad = find_forbidden_character(file, false))
        return named + " holds " + describe_forbidden(bad->code_point) + " at character " +
               std::to_string(bad->position) + "; a media path is plain text";
    // The names vitrine-pack build packs are printable ASCII; hidden names are
    // refused too, as they may clash with the records install keeps in .vitrine.
    if (std::any_of(file.begin(), file.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x7f; }))
        return named + " " + quoted +
               " has a character other than printable ASCII; "
               "vitrine-pack build packs only such names";
    for (const fs::path& part : relative)
        if (const std::string name = part.string(); name.size() > 1 && name != ".." && name[0] == '.')
            return named + " " + quoted + " names a hidden file or folder ('" + name +
                   "'); a media name may not start with '.'";
    if (relative.has_root_path())
        return named + " must be a path relative to the pack folder, not an absolute path " + quoted;
    if (std::find(relative.begin(), relative.end(), fs::path("..")) != relative.end())
        return named + " must stay inside the pack folder, but " + quoted + " uses '..'";

    // Resolving symlinks is what catches a link inside the pack that leads out.
    std::error_code ec;
    const fs::path root = fs::canonical(dir_, ec);
    resolved = ec ? fs::path() : fs::weakly_canonical(root / relative, ec);
    if (ec) return quoted + " cannot be resolved: " + ec.message();
    if (!is_inside(resolved, root)) return quoted + " leads outside the pack folder through a symbolic link";
    return "";
}

void Loader::load_media(Photograph& photo, const toml::node& file_node) {
    const auto fail = [&](const std::string& message) { error(file_node.source(), message); };
    const std::string quoted = "'" + printable(photo.file) + "'";
    fs::path resolved;
    if (const std::string problem = media_path_problem("file", photo.file, resolved); !problem.empty())
        return fail(problem);

    // Opened, checked and read through one descriptor: a file swapped for a
    // FIFO or a link after the checks above cannot hang or redirect the read.
    const FileRead file = read_regular_file(resolved.string(), static_cast<uint64_t>(kMaxImageFileBytes));
    if (file.missing) return fail(quoted + " does not exist");
    if (!file.ok()) {
        constexpr uint64_t kMiB = 1024 * 1024;
        if (file.error.rfind("is a", 0) == 0 && file.error.find("MiB") == std::string::npos)
            return fail(quoted + " " + file.error);
        if (file.error.rfind("is ", 0) == 0)
            return fail(quoted + " " + file.error.substr(0, file.error.find(';')) + "; a media file may be at most " +
                        std::to_string(kMaxImageFileBytes / kMiB) + " MiB");
        return fail("cannot read " + quoted + ": " + file.error);
    }
    const std::vector<uint8_t>& bytes = file.bytes;

    const ImageHeader header = read_image_header(bytes.data(), bytes.size());
    if (header.format == ImageHeader::Format::Unknown)
        return fail(quoted + " is not a PNG or JPEG image (checked by content, not by name)");
    if (!header.problem.empty()) return fail(quoted + " is corrupt: " + header.problem);
    const std::string size = std::to_string(header.width) + "×" + std::to_string(header.height);
    if (!within_image_limits(header)) {
        return fail(quoted + " is " + size + " pixels; images may be at most " + std::to_string(kMaxImageSide) +
                    " pixels a side and 40 megapixels");
    }
    const int shortest = std::min(header.width, header.height), longest = std::max(header.width, header.height);
    if (shortest < kMinPhotoSide) {
        return fail(quoted + " is " + size + " pixels; each side must be at least " + std::to_string(kMinPhotoSide) +
                    " pixels to be seen");
    }
    if (longest > int64_t(shortest) * kMaxPhotoAspect) {
        return fail(quoted + " is " + size + " pixels; the longest side may be at most " +
                    std::to_string(kMaxPhotoAspect) + " times the shortest");
    }

    photo.path = resolved.string();
    const int orientation = exif_orientation(bytes.data(), bytes.size());
    const bool turned = orientation >= 5 && orientation <= 8;
    photo.file_width = int(turned ? header.height : header.width);
    photo.file_height = int(turned ? header.width : header.height);
    kept_photo_bytes_ +=
        fitted_rgba_bytes(photo.file_width, photo.file_height, options_.display_width, options_.display_height);
    // The kiosk trusts a pack's image headers here and decodes later, once, on
    // first use (a photograph that will not decode then is left out of the
    // screens, with a log line); the curators' tools decode every image now.
    if (!options_.decode_photos) {
        // The size it would have been kept at: what the screens lay it out by.
        fit_size(photo.file_width, photo.file_height, options_.max_photo_side, options_.max_photo_side, photo.width,
                 photo.height);
        return;
    }

    // One full-size decode at a time, scaled down at once: the pack's peak is
    // one decode plus the scaled set, not every photograph at full size.
    const std::string no_memory = "not enough memory to decode " + quoted + " (" + size + " pixels)";
    try {
        const DecodedPhoto decoded(bytes.data(), bytes.size());
        if (!decoded.ok())
            return fail(decoded.out_of_memory() ? no_memory : quoted + " is corrupt: " + decoded.error());
        // Past the budget the pack is invalid (check_photo_memory says so), and
        // keeping more would only bring the board closer to running out.
        if (kept_photo_bytes_ > kPhotoMemoryBudgetBytes) return;
        // Checked and dropped (the validator): its size still lays the screens out.
        if (!options_.keep_pixels)
            return fit_size(photo.file_width, photo.file_height, options_.max_photo_side, options_.max_photo_side,
                            photo.width, photo.height);
        ScaledImage kept = decoded.fitted(options_.max_photo_side, options_.max_photo_side);
        photo.width = kept.width;
        photo.height = kept.height;
        photo.rgba = std::move(kept.rgba);
    } catch (const std::bad_alloc&) {
        return fail(no_memory);
    }
}

// --- Recordings ---

// A recording's item as pack.toml names it: "events.defection", "exhibit".
struct RecordedItem {
    std::string table;
    std::string id;
};

// The texts an item has, by key; `found` false when there is no such item.
std::map<std::string, const LocalText*> item_texts(const Pack& pack, const RecordedItem& item, bool& found) {
    std::map<std::string, const LocalText*> texts;
    found = true;
    const auto dated = [&](const std::optional<DateSpan>& when) {
        if (when && !when->display.empty()) texts["date_display"] = &when->display;
    };
    const ExhibitInfo& exhibit = pack.exhibit;
    // The About screen's texts are the exhibit's own.
    const std::map<std::string, const LocalText*> about = {{"content_note", &exhibit.content_note},
                                                           {"gaps", &exhibit.gaps},
                                                           {"credits", &exhibit.credits},
                                                           {"licence", &exhibit.licence}};
    if (item.table == "about") {
        texts = about;
    } else if (item.table == "exhibit") {
        texts = about;
        texts.insert({{"title", &exhibit.title}, {"subject", &exhibit.subject}, {"subtitle", &exhibit.subtitle}});
    } else if (item.table == "events") {
        const auto it = std::find_if(pack.events.begin(), pack.events.end(), [&](auto& e) { return e.id == item.id; });
        if (it == pack.events.end()) {
            found = false;
            return texts;
        }
        texts = {{"headline", &it->headline}, {"text", &it->text}, {"disputed", &it->disputed}};
        dated(it->when);
    } else if (item.table == "quotes") {
        const Quote* q = pack.find_quote(item.id);
        if (!q) {
            found = false;
            return texts;
        }
        texts = {{"text", &q->text},
                 {"speaker", &q->speaker},
                 {"role", &q->role},
                 {"context", &q->context},
                 {"disputed", &q->disputed}};
        dated(q->when);
    } else if (item.table == "photographs") {
        const Photograph* p = pack.find_photo(item.id);
        if (!p) {
            found = false;
            return texts;
        }
        texts = {{"caption", &p->caption}, {"credit", &p->credit}, {"alt", &p->alt}};
    } else if (item.table == "eras") {
        const Era* e = pack.find_era(item.id);
        if (!e) {
            found = false;
            return texts;
        }
        texts = {{"name", &e->name}};
    } else if (item.table == "sources") {
        const Source* src = pack.find_source(item.id);
        if (!src) {
            found = false;
            return texts;
        }
        texts = {{"title", &src->title}, {"note", &src->note}};
    } else {
        found = false;
    }
    return texts;
}

const std::vector<std::string> kRecordedTables = {"exhibit",     "about", "events", "quotes",
                                                  "photographs", "eras",  "sources"};

// Why an audio file's first bytes are not the start of an Ogg Vorbis stream;
// "" when they are. Nothing is decoded: the kiosk's audio layer does that.
std::string ogg_vorbis_problem(const std::vector<uint8_t>& b) {
    const auto at = [&](size_t offset, std::string_view magic) {
        return b.size() >= offset + magic.size() && std::equal(magic.begin(), magic.end(), b.begin() + long(offset),
                                                               [](char m, uint8_t c) { return uint8_t(m) == c; });
    };
    const std::string convert = "; convert it to Ogg Vorbis, e.g. oggenc -q 4 recording.wav";
    if (b.empty()) return "is empty" + convert;
    if (!at(0, "OggS")) {
        std::string kind = "not an Ogg file";
        if (at(0, "RIFF") && at(8, "WAVE"))
            kind = "a WAV file, not Ogg Vorbis";
        else if (at(0, "ID3") || (b.size() >= 2 && b[0] == 0xFF && (b[1] & 0xE0) == 0xE0))
            kind = "an MP3 file, not Ogg Vorbis";
        else if (at(0, "fLaC"))
            kind = "a FLAC file, not Ogg Vorbis";
        else if (at(4, "ftyp"))
            kind = "an MP4 or M4A file, not Ogg Vorbis";
        return "is " + kind + " (checked by content, not by name)" + convert;
    }
    // The first page begins the stream (version 0, "beginning of stream" flag)
    // and its first packet is Vorbis's identification header, 30 bytes.
    if (b.size() < 27 || b[4] != 0 || (b[5] & 0x02) == 0)
        return "is a damaged Ogg file: its first page does not begin a stream" + convert;
    const size_t packet = 27 + size_t(b[26]);
    if (at(packet, "OpusHead")) return "is Ogg Opus; the kiosk plays Ogg Vorbis only" + convert;
    if (!at(packet, "\x01vorbis") || b.size() < packet + 30) return "is an Ogg file without a Vorbis stream" + convert;
    const uint32_t rate = uint32_t(b[packet + 12]) | uint32_t(b[packet + 13]) << 8 | uint32_t(b[packet + 14]) << 16 |
                          uint32_t(b[packet + 15]) << 24;
    if (b[packet + 11] == 0 || rate == 0)
        return "has a damaged Vorbis header (no channels or no sample rate)" + convert;
    return "";
}

// [[recordings]]: each is checked alone and a broken one left out with a
// warning; none stops the exhibit loading, as the kiosk can still synthesise
// the text or say that speech is unavailable.
void Loader::read_recordings(TableReader& root) {
    in_recording_ = true;
    std::vector<const toml::table*> tables = root.tables("recordings");
    in_recording_ = false;
    if (tables.size() > static_cast<size_t>(kMaxRecordings)) {
        const std::string message = "the pack has " + grouped(tables.size()) + " recordings; at most " +
                                    grouped(kMaxRecordings) + " fit a pack file; the kiosk leaves out the rest";
        if (options_.accessibility_errors)
            error(tables[static_cast<size_t>(kMaxRecordings)]->source(), message);
        else
            warning(tables[static_cast<size_t>(kMaxRecordings)]->source(), message);
        tables.resize(static_cast<size_t>(kMaxRecordings));
    }
    std::map<std::string, int> seen;  // table/id/field/language → line
    for (size_t i = 0; i < tables.size(); ++i) {
        in_recording_ = true;
        read_recording(*tables[i], i, seen);
        in_recording_ = false;
    }
}

bool Loader::read_recording(const toml::table& table, size_t index, std::map<std::string, int>& seen) {
    const size_t problems_before = recording_problems_;
    TableReader reader(*this, table, "in [[recordings]]", "in [[recordings]] #" + std::to_string(index + 1));
    const auto item = reader.string("item", Need::Required);
    const auto field = reader.string("field", Need::Required);
    const auto language = reader.string("language", Need::Required);
    const auto file = reader.string("file", Need::Required);
    const auto captions = reader.string("captions", Need::Required);
    reader.report_unknown_keys();
    if (!item || !field || !language || !file || !captions) return false;

    Recording recording;
    const StringField* at = nullptr;
    if (const std::string problem = recording_target_problem(recording, *item, *field, *language, at);
        !problem.empty()) {
        error(at->node->source(), problem);
        return false;
    }
    const std::string key = recording.table + "/" + recording.id + "/" + recording.field + "/" + recording.language;
    const int line = static_cast<int>(table.source().begin.line);
    if (auto [it, inserted] = seen.emplace(key, line); !inserted) {
        error(table.source(), "a recording of " + item->value + " '" + recording.field + "' in '" + recording.language +
                                  "' is given already at line " + std::to_string(it->second) +
                                  "; keep one [[recordings]] for each text and language");
        return false;
    }
    recording.file = file->value;
    recording.captions_file = captions->value;
    if (!check_recording_audio(recording, *file->node) || !read_captions(recording, *captions->node)) return false;
    if (recording_problems_ != problems_before) return false;
    result_.pack.recordings.push_back(std::move(recording));
    return true;
}

std::string Loader::recording_target_problem(Recording& recording, const StringField& item, const StringField& field,
                                             const StringField& language, const StringField*& at) const {
    const Pack& pack = result_.pack;
    const std::string quoted = "'" + printable(item.value, 2 * kMaxIdBytes) + "'";
    at = &item;
    const size_t dot = item.value.find('.');
    RecordedItem target{item.value.substr(0, dot), dot == std::string::npos ? "" : item.value.substr(dot + 1)};
    std::string tables;
    for (const std::string& t : kRecordedTables) tables += (tables.empty() ? "" : ", ") + t;
    if (std::find(kRecordedTables.begin(), kRecordedTables.end(), target.table) == kRecordedTables.end()) {
        const std::string plural = target.table + "s";
        const bool singular =
            std::find(kRecordedTables.begin(), kRecordedTables.end(), plural) != kRecordedTables.end();
        return "'item' " + quoted + " names no kind of item a recording can speak; write " +
               (singular ? "'" + plural + (target.id.empty() ? "" : "." + target.id) + "'"
                         : std::string("'events.<id>', 'quotes.<id>', 'exhibit' or 'about'")) +
               " (kinds: " + tables + ")";
    }
    const bool whole = target.table == "exhibit" || target.table == "about";
    if (whole && !target.id.empty())
        return "'item' " + quoted + ": '" + target.table + "' is one item; write item = \"" + target.table + "\"";
    if (!whole && target.id.empty())
        return "'item' " + quoted + " names no item; write the item's id after a dot, e.g. \"" + target.table +
               ".<id>\"";
    bool found = false;
    const std::map<std::string, const LocalText*> texts = item_texts(pack, target, found);
    if (!found)
        return "'item' " + quoted + ": there is no " + target.table + " with id " + quoted_id(target.id) +
               " in pack.toml; check the id";
    at = &field;
    std::string names;
    for (const auto& [name, text] : texts) names += (names.empty() ? "" : ", ") + name;
    const auto it = texts.find(field.value);
    if (it == texts.end())
        return "'field' '" + printable(field.value, 40) + "' is not a text of " + item.value +
               "; the texts it can have: " + names;
    at = &language;
    if (!is_language_code(language.value))
        return "'" + printable(language.value, 20) +
               "' is not a language code; use 2–3 lowercase letters, e.g. language = \"km\"";
    const Quote* quote = target.table == "quotes" ? pack.find_quote(target.id) : nullptr;
    const bool quote_language = quote && quote->language == language.value;
    if (pack.language_index(language.value) < 0 && !quote_language)
        return "language '" + language.value + "' is not in [settings] languages; add it there, or record " +
               "the text in one of the pack's languages";
    if (!it->second->has(language.value))
        return item.value + " has no " + field.value + "." + language.value +
               " to record; write the text in pack.toml first (the recording speaks it)";
    // "about" names the exhibit's texts on the About screen: kept as the
    // exhibit's, where the kiosk looks for them.
    recording.table = target.table == "about" ? "exhibit" : target.table;
    recording.id = target.id;
    recording.field = field.value;
    recording.language = language.value;
    return "";
}

// A recording's audio or captions file, named by `key` at `node`, after the
// path checks: its first `head_bytes` (of at most `max_bytes`); nullopt after
// reporting a problem, `limit` saying what to do about a file too large.
std::optional<FileRead> Loader::read_recording_file(const std::string& key, const std::string& file,
                                                    const toml::node& node, uint64_t max_bytes, size_t head_bytes,
                                                    const std::string& limit) {
    fs::path resolved;
    std::string problem = media_path_problem(key, file, resolved);
    const std::string quoted = "'" + printable(file) + "'";
    std::optional<FileRead> read;
    if (problem.empty()) read = read_regular_file_start(resolved.string(), max_bytes, head_bytes);
    if (read && read->missing) {
        problem = quoted + " does not exist; check the path, relative to the pack folder";
    } else if (read && !read->ok()) {
        const bool too_large = read->error.rfind("is ", 0) == 0 && read->error.find("; at most") != std::string::npos;
        problem = too_large ? quoted + " " + read->error.substr(0, read->error.find(';')) + "; " + limit
                            : "cannot read " + quoted + ": " + read->error;
    }
    if (problem.empty()) return read;
    error(node.source(), problem);
    return std::nullopt;
}

bool Loader::check_recording_audio(const Recording& recording, const toml::node& file_node) {
    // The first page is enough to know the format; the audio layer reads the rest.
    const std::optional<FileRead> head =
        read_recording_file("file", recording.file, file_node, uint64_t(kMaxRecordingFileBytes), 4096,
                            "a recording may be at most " + std::to_string(kMaxRecordingFileBytes / (1024 * 1024)) +
                                " MiB: encode it at a lower quality (oggenc -q 2) or split the text");
    if (!head) return false;
    if (const std::string problem = ogg_vorbis_problem(head->bytes); !problem.empty()) {
        error(file_node.source(), "'" + printable(recording.file) + "' " + problem);
        return false;
    }
    return true;
}

bool Loader::read_captions(Recording& recording, const toml::node& captions_node) {
    const std::optional<FileRead> file = read_recording_file(
        "captions", recording.captions_file, captions_node, uint64_t(kMaxCaptionFileBytes), SIZE_MAX,
        "captions may be at most " + std::to_string(kMaxCaptionFileBytes / 1024) +
            " KiB: split the recording and its captions");
    if (!file) return false;
    WebVttResult vtt = parse_webvtt(file->text());
    if (vtt.ok() && vtt.cues.empty()) {
        vtt.error = "the captions have no cues; add one for each sentence, e.g. 00:00.000 --> 00:04.500";
        vtt.line = 0;
    }
    if (!vtt.ok()) {
        toml::source_region where;
        where.begin = {static_cast<toml::source_index>(vtt.line), static_cast<toml::source_index>(vtt.line ? 1 : 0)};
        const std::string path =
            dir_.empty() || dir_.back() == '/' ? dir_ + recording.captions_file : dir_ + "/" + recording.captions_file;
        // Said in the captions file itself, at its line.
        report(Diagnostic::Severity::Error, where,
               vtt.error + " (the captions of the recording at pack.toml line " +
                   std::to_string(captions_node.source().begin.line) + ")",
               path);
        return false;
    }
    recording.captions = std::move(vtt.cues);
    return true;
}

}  // namespace

PackLoadResult load_pack(const std::string& dir, const PackLoadOptions& options) { return Loader(dir, options).run(); }

PackLoadResult load_pack(const std::string& dir) { return Loader(dir, PackLoadOptions{}).run(); }

}  // namespace kiosk
