#include "pack_loader.h"

#include "date.h"
#include "exif_orientation.h"
#include "label_lint.h"
#include "image_header.h"
#include "utf8.h"

#include <stb_image.h>
#include <toml++/toml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr int64_t kSchema = 1;

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
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
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

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
    return text;
}

// The distinct ids of `items` in file order, for "known eras: ..." lists.
template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
    std::vector<std::string> ids;
    for (const T& item : items) {
        if (!item.id.empty() && std::find(ids.begin(), ids.end(), item.id) == ids.end())
            ids.push_back(item.id);
    }
    return ids;
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
    LocalText text(std::string_view key, Need need);
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

class Loader {
public:
    explicit Loader(const std::string& dir)
        : dir_(dir), path_(dir.empty() || dir.back() == '/' ? dir + "pack.toml" : dir + "/pack.toml") {
        result_.pack.dir = dir;
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
    void report(Diagnostic::Severity severity, const toml::source_region& where, std::string message);
    void report_file(std::string message);
    std::optional<std::string> read_manifest();
    void read_document(const toml::table& root);
    bool read_schema(TableReader& root);
    void read_settings(const toml::table& table);
    void read_exhibit(const toml::table& table);
    void read_source(const toml::table& table, size_t index);
    void read_era(const toml::table& table, size_t index);
    void read_photograph(const toml::table& table, size_t index);
    void read_event(const toml::table& table, size_t index);
    void lint(const toml::table& table, std::string_view key, const LocalText& text, const std::string& owner,
              bool is_main_text);
    void read_quote(const toml::table& table, size_t index);
    std::string read_id(TableReader& reader, IdRegistry& ids);
    std::optional<DateSpan> read_span(TableReader& reader, Need need);
    void check_no_events(const TableReader& root);
    void check_within_era(const std::string& owner, const DateSpan& span, const StringField& era);
    void load_media(Photograph& photo, const toml::node& file_node);

    template <typename T>
    void check_reference(const std::string& owner, const StringField& ref, const char* kind,
                         const std::vector<T>& targets);

    std::string dir_;
    std::string path_;
    PackLoadResult result_;
    IdRegistry source_ids_, era_ids_, photo_ids_, event_ids_, quote_ids_;
};

// --- TableReader ---

void TableReader::wrong_type(std::string_view key, const toml::node& node,
                             const std::string& expected) {
    std::string message = "'" + std::string(key) + "' must be " + expected + ", not " + type_name(node);
    if (node.is_date() || node.is_date_time())
        message += "; write dates in quotes, e.g. \"1925-10-24\"";
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

LocalText TableReader::text(std::string_view key, Need need) {
    LocalText text;
    const toml::node* node = find(key, need);
    if (!node) return text;
    const std::string name(key);
    const toml::table* by_lang = node->as_table();
    if (!by_lang) {
        loader_.error(node->source(),
                      "'" + name + "' must be a table of languages, e.g. " + name + ".en = \"…\"");
        return text;
    }
    const std::vector<std::string>& languages = loader_.languages();
    for (auto&& [lang, value] : *by_lang) {
        const std::string code(lang.str());
        if (!is_language_code(code)) {
            loader_.error(lang.source(), "'" + code + "' in '" + name +
                                             "' is not a language code; use 2–3 lowercase letters, e.g. " +
                                             name + ".en");
            continue;
        }
        if (!value.is_string()) {
            wrong_type(name + "." + code, value, "a string");
            continue;
        }
        if (std::find(languages.begin(), languages.end(), code) == languages.end()) {
            loader_.warning(lang.source(), "'" + name + "' has text in '" + code +
                                               "', which is not in settings.languages");
        }
        text.by_lang[code] = value.as_string()->get();
    }
    if (!languages.empty() && text.by_lang.count(languages.front()) == 0) {
        loader_.error(node->source(), "'" + name + "' has no text in the default language '" +
                                          languages.front() + "'");
    }
    return text;
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
            loader_.error(item.source(), "each item of '" + std::string(key) + "' must be a table (" +
                                             header + "), not " + type_name(item));
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
    if (id && !id->empty()) return "in " + section + " '" + *id + "'";
    return "in " + section + " #" + std::to_string(index + 1);
}

// "event 'born'" or "event #2", for messages about what an element refers to.
std::string owner_name(const char* kind, const std::string& id, size_t index) {
    return std::string(kind) + (id.empty() ? " #" + std::to_string(index + 1) : " '" + id + "'");
}

// --- Loader ---

void Loader::report(Diagnostic::Severity severity, const toml::source_region& where,
                    std::string message) {
    Diagnostic d;
    d.severity = severity;
    d.path = path_;
    d.line = static_cast<int>(where.begin.line);
    d.column = static_cast<int>(where.begin.column);
    d.message = std::move(message);
    result_.diagnostics.push_back(std::move(d));
}

void Loader::report_file(std::string message) { error(toml::source_region{}, std::move(message)); }

PackLoadResult Loader::run() {
    try {
        if (const std::optional<std::string> text = read_manifest()) {
            toml::table root = toml::parse(std::string_view(*text), std::string_view(path_));
            read_document(root);
        }
    } catch (const toml::parse_error& e) {
        error(e.source(), std::string(e.description()));
    } catch (const std::exception& e) {
        // Only resource exhaustion gets here; the pack still must not take the kiosk down.
        report_file(std::string("cannot load the pack: ") + e.what());
    }
    std::stable_sort(result_.diagnostics.begin(), result_.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    return std::move(result_);
}

// The manifest's text when it exists and is valid UTF-8, which is checked here
// so the message can point at the bad byte.
std::optional<std::string> Loader::read_manifest() {
    std::error_code ec;
    const fs::file_status status = fs::symlink_status(path_, ec);
    if (ec || status.type() == fs::file_type::not_found) {
        report_file("pack.toml does not exist");
        return std::nullopt;
    }
    // The manifest belongs to the pack: a link to a file elsewhere would make the
    // pack show (and `build` ship) whatever that file holds.
    if (status.type() == fs::file_type::symlink) {
        report_file("pack.toml is a symbolic link; it must be a plain file inside the pack folder");
        return std::nullopt;
    }
    if (status.type() != fs::file_type::regular) {
        report_file(std::string("pack.toml is ") +
                    (status.type() == fs::file_type::directory ? "a folder" : "not a plain file (a device, pipe or socket)") +
                    "; it must be a plain text file");
        return std::nullopt;
    }
    std::ifstream in(path_, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) {
        report_file("pack.toml cannot be read");
        return std::nullopt;
    }
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
    const std::vector<const toml::table*> sources = root.tables("sources");
    for (size_t i = 0; i < sources.size(); ++i) read_source(*sources[i], i);
    const std::vector<const toml::table*> eras = root.tables("eras");
    for (size_t i = 0; i < eras.size(); ++i) read_era(*eras[i], i);
    const std::vector<const toml::table*> photos = root.tables("photographs");
    for (size_t i = 0; i < photos.size(); ++i) read_photograph(*photos[i], i);
    if (const toml::table* exhibit = root.subtable("exhibit", Need::Required)) read_exhibit(*exhibit);
    const std::vector<const toml::table*> events = root.tables("events");
    for (size_t i = 0; i < events.size(); ++i) read_event(*events[i], i);
    const std::vector<const toml::table*> quotes = root.tables("quotes");
    for (size_t i = 0; i < quotes.size(); ++i) read_quote(*quotes[i], i);
    check_no_events(root);
    root.report_unknown_keys();
    std::stable_sort(pack.events.begin(), pack.events.end(), [](const Event& a, const Event& b) {
        return compare_dates(a.when.start, b.when.start) < 0;
    });
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
    if (reader.has("languages")) {
        const toml::node& node = *table.get("languages");
        std::vector<std::string> languages;
        for (const StringField& lang : reader.strings("languages")) {
            if (!is_language_code(lang.value)) {
                error(lang.node->source(), "'" + lang.value +
                                               "' is not a language code; use 2–3 lowercase letters, e.g. \"en\"");
            } else if (std::find(languages.begin(), languages.end(), lang.value) != languages.end()) {
                error(lang.node->source(), "language '" + lang.value + "' is listed twice");
            } else {
                languages.push_back(lang.value);
            }
        }
        if (node.is_array() && node.as_array()->empty())
            error(node.source(), "'languages' must list at least one language, e.g. languages = [\"en\"]");
        // Keep the default when the list is unusable, so texts are still checked.
        if (!languages.empty()) settings.languages = languages;
    }
    reader.report_unknown_keys();
}

std::string Loader::read_id(TableReader& reader, IdRegistry& ids) {
    const std::optional<StringField> id = reader.string("id", Need::Required);
    if (!id) return "";
    const int line = static_cast<int>(id->node->source().begin.line);
    if (id->value.empty()) {
        error(id->node->source(), "'id' must not be empty");
    } else if (auto [it, inserted] = ids.emplace(id->value, line); !inserted) {
        error(id->node->source(), "duplicate id '" + id->value + "': first defined at line " +
                                      std::to_string(it->second));
    }
    return id->value;
}

void Loader::read_exhibit(const toml::table& table) {
    TableReader reader(*this, table, "in [exhibit]", "in [exhibit]");
    ExhibitInfo& exhibit = result_.pack.exhibit;
    if (const auto id = reader.string("id", Need::Required)) {
        if (!is_exhibit_id(id->value))
            error(id->node->source(), "exhibit id '" + id->value + "' may use only a-z, 0-9 and '-'");
        exhibit.id = id->value;
    }
    if (const auto version = reader.string("version", Need::Required)) {
        if (!is_exhibit_version(version->value))
            error(version->node->source(), "version '" + version->value +
                                               "' must be 1 to 32 letters, digits and . - + ~ _ (like \"1.0.0\")");
        exhibit.version = version->value;
    }
    exhibit.title = reader.text("title", Need::Required);
    exhibit.subject = reader.text("subject", Need::Required);
    exhibit.subtitle = reader.text("subtitle", Need::Optional);
    const auto born = reader.date("born", Need::Required);
    const auto died = reader.date("died", Need::Optional);
    if (born) exhibit.born = born->date;
    if (died) exhibit.died = died->date;
    if (born && died && range_ends_before_start(born->date, died->date)) {
        error(died->node->source(),
              "'died' (" + died->text + ") is before 'born' (" + born->text + ")");
    }
    exhibit.content_note = reader.text("content_note", Need::Optional);
    exhibit.credits = reader.text("credits", Need::Optional);
    exhibit.licence = reader.text("licence", Need::Optional);
    if (const auto photo = reader.string("photo", Need::Required)) {
        check_reference("exhibit", *photo, "photograph", result_.pack.photographs);
        exhibit.photo = photo->value;
    }
    reader.report_unknown_keys();
}

void Loader::read_source(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[sources]]", element_name("[[sources]]", table, index));
    Source source;
    source.id = read_id(reader, source_ids_);
    source.title = reader.text("title", Need::Required);
    if (const auto url = reader.string("url", Need::Optional)) source.url = url->value;
    source.note = reader.text("note", Need::Optional);
    reader.report_unknown_keys();
    result_.pack.sources.push_back(std::move(source));
}

void Loader::read_era(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[eras]]", element_name("[[eras]]", table, index));
    Era era;
    era.id = read_id(reader, era_ids_);
    era.name = reader.text("name", Need::Required);
    const auto start = reader.date("start", Need::Required);
    const auto end = reader.date("end", Need::Required);
    if (start) era.start = start->date;
    if (end) era.end = end->date;
    if (start && end && range_ends_before_start(start->date, end->date)) {
        error(end->node->source(),
              "range ends (" + end->text + ") before it starts (" + start->text + ")");
    }
    if (const auto color = reader.string("color", Need::Optional)) {
        if (const auto rgb = parse_color(color->value)) {
            era.color = *rgb;
        } else {
            error(color->node->source(),
                  "'color' must be #RRGGBB, e.g. \"#8a3a2c\", not '" + color->value + "'");
        }
    }
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
    lint(table, "caption", photo.caption, owner_name("photograph", photo.id, index), false);
    if (!reader.has("alt")) {
        warning(table.source(), owner_name("photograph", photo.id, index) +
                                    " has no 'alt' text describing it for visitors who cannot see it");
    }
    reader.report_unknown_keys();
    if (file) {
        photo.file = file->value;
        load_media(photo, *file->node);
    }
    result_.pack.photographs.push_back(std::move(photo));
}

std::optional<DateSpan> Loader::read_span(TableReader& reader, Need need) {
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
            error(end->node->source(),
                  "range ends (" + end->text + ") before it starts (" + start->text + ")");
        }
    }
    span.circa = circa.value_or(false);
    span.display = std::move(display);
    return span;
}

void Loader::read_event(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[events]]", element_name("[[events]]", table, index));
    Event event;
    event.id = read_id(reader, event_ids_);
    const std::string owner = owner_name("event", event.id, index);
    const std::optional<DateSpan> span = read_span(reader, Need::Required);
    if (span) event.when = *span;
    event.headline = reader.text("headline", Need::Required);
    event.text = reader.text("text", Need::Required);
    event.disputed = reader.text("disputed", Need::Optional);
    lint(table, "text", event.text, owner, true);
    lint(table, "disputed", event.disputed, owner, false);
    if (!reader.has("sources"))
        warning(table.source(), owner + " names no source; visitors should see where each fact comes from");
    if (const auto era = reader.string("era", Need::Optional)) {
        event.era = era->value;
        check_reference(owner, *era, "era", result_.pack.eras);
        if (span) check_within_era(owner, *span, *era);
    }
    for (const StringField& source : reader.strings("sources")) {
        check_reference(owner, source, "source", result_.pack.sources);
        event.sources.push_back(source.value);
    }
    if (const auto photo = reader.string("photo", Need::Optional)) {
        check_reference(owner, *photo, "photograph", result_.pack.photographs);
        event.photo = photo->value;
    }
    reader.report_unknown_keys();
    result_.pack.events.push_back(std::move(event));
}

void Loader::read_quote(const toml::table& table, size_t index) {
    TableReader reader(*this, table, "in [[quotes]]", element_name("[[quotes]]", table, index));
    Quote quote;
    quote.id = read_id(reader, quote_ids_);
    quote.text = reader.text("text", Need::Required);
    if (const auto speaker = reader.string("speaker", Need::Required)) quote.speaker = speaker->value;
    quote.role = reader.text("role", Need::Optional);
    quote.context = reader.text("context", Need::Optional);
    quote.when = read_span(reader, Need::Optional);
    if (!reader.has("sources"))
        warning(table.source(), owner_name("quote", quote.id, index) + " names no source");
    for (const StringField& source : reader.strings("sources")) {
        check_reference(owner_name("quote", quote.id, index), source, "source", result_.pack.sources);
        quote.sources.push_back(source.value);
    }
    reader.report_unknown_keys();
    result_.pack.quotes.push_back(std::move(quote));
}

// Label practice: warnings only, at the text's own line.
void Loader::lint(const toml::table& table, std::string_view key, const LocalText& text, const std::string& owner,
                  bool is_main_text) {
    const toml::node* node = table.get(key);
    if (!node) return;
    for (const auto& [lang, value] : text.by_lang)
        for (const std::string& problem : lint_label(value, is_main_text))
            warning(node->source(), owner + " '" + std::string(key) + "." + lang + "' " + problem);
}

template <typename T>
void Loader::check_reference(const std::string& owner, const StringField& ref, const char* kind,
                             const std::vector<T>& targets) {
    const auto found = std::find_if(targets.begin(), targets.end(),
                                    [&](const T& target) { return target.id == ref.value; });
    if (found != targets.end()) return;
    const std::string plural = std::string(kind) + "s";
    const std::vector<std::string> known = ids_of(targets);
    error(ref.node->source(), owner + " refers to " + kind + " '" + ref.value + "', which is not defined; " +
                                  (known.empty() ? "no " + plural + " are defined"
                                                 : "known " + plural + ": " + join(known)));
}

// A warning only: an event may belong to an era it merely leads up to, but
// usually this is a wrong date or a wrong era.
void Loader::check_within_era(const std::string& owner, const DateSpan& span,
                              const StringField& era_field) {
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
    warning(era_field.node->source(),
            owner + " (" + format_date_span(plain_event, "en") + ") lies outside era '" + era->id + "' (" +
                format_date_span(plain_era, "en") + ")");
}

void Loader::check_no_events(const TableReader& root) {
    if (!result_.pack.events.empty()) return;
    const toml::node* events = root.table().get("events");
    error(events ? events->source() : root.table().source(),
          "the exhibit has no events; add at least one [[events]]");
}

// True when `path` is `root` or lies under it; both must be canonical.
bool is_inside(const fs::path& path, const fs::path& root) {
    const fs::path relative = path.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
}

void Loader::load_media(Photograph& photo, const toml::node& file_node) {
    const auto fail = [&](const std::string& message) { error(file_node.source(), message); };
    const std::string quoted = "'" + photo.file + "'";
    const fs::path relative(photo.file);
    if (photo.file.empty()) return fail("'file' must not be empty");
    if (relative.has_root_path())
        return fail("'file' must be a path relative to the pack folder, not an absolute path " + quoted);
    if (std::find(relative.begin(), relative.end(), fs::path("..")) != relative.end())
        return fail("'file' must stay inside the pack folder, but " + quoted + " uses '..'");

    // Resolving symlinks is what catches a link inside the pack that leads out.
    std::error_code ec;
    const fs::path root = fs::canonical(dir_, ec);
    const fs::path resolved = ec ? fs::path() : fs::weakly_canonical(root / relative, ec);
    if (ec) return fail(quoted + " cannot be resolved: " + ec.message());
    if (!is_inside(resolved, root)) return fail(quoted + " leads outside the pack folder through a symbolic link");
    if (!fs::exists(resolved, ec)) return fail(quoted + " does not exist");
    if (!fs::is_regular_file(resolved, ec)) return fail(quoted + " is not a file");
    const uintmax_t size = fs::file_size(resolved, ec);
    if (ec) return fail(quoted + " cannot be read: " + ec.message());
    constexpr uintmax_t kMiB = 1024 * 1024;
    if (size > static_cast<uintmax_t>(kMaxImageFileBytes)) {
        return fail(quoted + " is " + std::to_string((size + kMiB - 1) / kMiB) +
                    " MiB; a media file may be at most " + std::to_string(kMaxImageFileBytes / kMiB) + " MiB");
    }

    // Reads no more than the size checked above, even if the file grows meanwhile.
    std::vector<uint8_t> bytes(size);
    std::ifstream in(resolved, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size())))
        return fail(quoted + " cannot be read");

    const ImageHeader header = read_image_header(bytes.data(), bytes.size());
    if (header.format == ImageHeader::Format::Unknown)
        return fail(quoted + " is not a PNG or JPEG image (checked by content, not by name)");
    if (!header.problem.empty()) return fail(quoted + " is corrupt: " + header.problem);
    if (!within_image_limits(header)) {
        return fail(quoted + " is " + std::to_string(header.width) + "×" + std::to_string(header.height) +
                    " pixels; images may be at most " + std::to_string(kMaxImageSide) +
                    " pixels a side and 40 megapixels");
    }

    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &width,
                                            &height, &channels, 4);
    if (!pixels) return fail(quoted + " is corrupt: " + stbi_failure_reason());
    photo.width = width;
    photo.height = height;
    photo.rgba.assign(pixels, pixels + size_t(width) * size_t(height) * 4);
    stbi_image_free(pixels);
    apply_orientation(photo.rgba, photo.width, photo.height, exif_orientation(bytes.data(), bytes.size()));
}

}  // namespace

PackLoadResult load_pack(const std::string& dir) { return Loader(dir).run(); }

}  // namespace kiosk
