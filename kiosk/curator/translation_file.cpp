#include "curator/translation_file.h"

#include "base/utf8.h"
#include "curator/toml_text.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace kiosk {
namespace {

using ordered_json = nlohmann::ordered_json;

constexpr size_t kMaxErrors = 20;

// --- Places in pack.toml as byte offsets ---

class ManifestText {
public:
    explicit ManifestText(const std::string& text) : text_(text) {
        line_starts_.push_back(0);
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') line_starts_.push_back(i + 1);
    }

    // toml++ counts columns in code points from 1.
    size_t offset(const TomlPlace& p) const {
        if (p.line < 1 || size_t(p.line) > line_starts_.size()) return text_.size();
        size_t pos = line_starts_[size_t(p.line) - 1];
        for (int c = 1; c < p.column && pos < text_.size() && text_[pos] != '\n'; ++c) next_code_point(text_, pos);
        return pos;
    }
    size_t line_start(size_t at) const {
        const size_t nl = at == 0 ? std::string::npos : text_.rfind('\n', at - 1);
        return nl == std::string::npos ? 0 : nl + 1;
    }
    // Where a new line goes after the line holding `at` (before its line break),
    // and the line break the file uses there.
    size_t line_end(size_t at, std::string* newline) const {
        const size_t nl = text_.find('\n', at);
        if (nl == std::string::npos) {
            *newline = "\n";
            return text_.size();
        }
        const bool crlf = nl > 0 && text_[nl - 1] == '\r';
        *newline = crlf ? "\r\n" : "\n";
        return crlf ? nl - 1 : nl;
    }
    const std::string& text() const { return text_; }

private:
    const std::string& text_;
    std::vector<size_t> line_starts_;
};

struct Edit {
    size_t at = 0;
    size_t remove = 0;
    std::string insert;
};

std::string apply(const std::string& text, std::vector<Edit> edits) {
    std::stable_sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.at > b.at; });
    std::string out = text;
    for (const Edit& e : edits) out.replace(e.at, e.remove, e.insert);
    return out;
}

// --- Writing one translation ---

// The value written the way the default language's is: a long text as a
// wrapped """ string, a short one on its line.
std::string toml_value_like(const ManifestText& m, const PackText::Value& model, const std::string& text) {
    const size_t at = m.offset(model.value.begin);
    const bool multi_line = m.text().compare(at, 3, "\"\"\"") == 0 || m.text().compare(at, 3, "'''") == 0;
    return multi_line || text.find('\n') != std::string::npos ? toml_wrapped_text(text) : toml_string(text);
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// The edits that put `text` into pack.toml as `field.<language>`.
void translation_edits(const ManifestText& m, const PackText& field, const std::string& default_language,
                       const std::string& language, const std::string& text, std::vector<Edit>& edits) {
    const PackText::Value& model = field.languages.at(field.plain ? "" : default_language);
    if (const auto existing = field.languages.find(language); existing != field.languages.end()) {
        const size_t begin = m.offset(existing->second.value.begin);
        edits.push_back({begin, m.offset(existing->second.value.end) - begin, toml_value_like(m, model, text)});
        return;
    }
    // The new key is written as the default language's is, "text." and all:
    // the line's indent and everything up to the language code.
    const size_t key_at = m.offset(model.key.begin);
    size_t line = m.line_start(key_at);
    const size_t indent_end = line + size_t(std::find_if_not(m.text().begin() + long(line), m.text().end(), is_blank) -
                                            (m.text().begin() + long(line)));
    const std::string indent = m.text().substr(line, indent_end - line);
    std::string prefix;
    if (field.plain) {
        // speaker = "X" becomes speaker.en = "X", and the new language follows.
        const size_t key_end = m.offset(model.key.end);
        prefix = m.text().substr(indent_end, key_end - indent_end) + ".";
        edits.push_back({key_end, 0, "." + default_language});
    } else {
        prefix = m.text().substr(indent_end, key_at - indent_end);
    }
    std::string newline;
    const size_t end = m.line_end(m.offset(model.value.end), &newline);
    edits.push_back({end, 0, newline + indent + prefix + language + " = " + toml_value_like(m, model, text)});
}

// [settings] languages gains `language` at its end.
bool language_edit(const ManifestText& m, const PackTexts& texts, const std::string& language, std::vector<Edit>& edits,
                   std::string* error) {
    if (texts.has_language_list) {
        const std::string entry = ", " + toml_string(language);
        edits.push_back({m.offset(texts.last_language), 0, entry});
        // A comment aligned after the list keeps its column when the spaces
        // before it allow.
        const std::string& t = m.text();
        const size_t after = m.offset(texts.language_list.end);
        size_t spaces = 0;
        while (after + spaces < t.size() && t[after + spaces] == ' ') ++spaces;
        if (after + spaces < t.size() && t[after + spaces] == '#' && spaces > entry.size())
            edits.push_back({after, entry.size(), ""});
        return true;
    }
    std::string list = "languages = [";
    for (const std::string& code : texts.languages) list += toml_string(code) + ", ";
    list += toml_string(language) + "]";
    if (texts.settings_header.line > 0) {
        if (texts.settings_inline) {
            *error = "[settings] is written as an inline table: add \"" + language +
                     "\" to its languages by hand, then import again";
            return false;
        }
        std::string newline;
        edits.push_back({m.line_end(m.offset(texts.settings_header), &newline), 0, newline + list});
        return true;
    }
    // A new [settings] at the end, with the file's own line breaks.
    const std::string& t = m.text();
    const std::string nl = t.find("\r\n") != std::string::npos ? "\r\n" : "\n";
    edits.push_back({t.size(), 0, (!t.empty() && t.back() != '\n' ? nl : "") + nl + "[settings]" + nl + list + nl});
    return true;
}

// --- Reading the translator's file ---

std::string json_error_message(const std::string& what) {
    const size_t bracket = what.find("] ");
    return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

std::string known_list(std::vector<std::string> names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out.empty() ? "none" : out;
}

struct Wanted {
    const PackText* field;
    std::string text;
};

class ImportReader {
public:
    ImportReader(const PackTexts& texts, TranslationImport& result) : texts_(texts), result_(result) {}

    void read(const ordered_json& root) {
        const std::vector<std::string> tables = text_tables(texts_);
        for (const auto& [table, items] : root.items()) {
            if (table == "language" || table == "missing") continue;
            if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
                error("unknown table '" + table + "': pack.toml has texts in " + known_list(tables));
                continue;
            }
            if (!items.is_object()) {
                error("'" + table + "' must be an object of " + (table == "exhibit" ? "fields" : "ids"));
                continue;
            }
            if (table == "exhibit") {
                read_fields(table, "", items);
                continue;
            }
            for (const auto& [id, fields] : items.items()) {
                if (!has_item(table, id)) {
                    error(table + ": pack.toml has no item with id '" + id + "'");
                } else if (!fields.is_object()) {
                    error(table + " '" + id + "' must be an object of fields, e.g. {\"" + fields_of(table, id).front() +
                          "\": \"…\"}");
                } else {
                    read_fields(table, id, fields);
                }
            }
        }
    }

    const std::vector<Wanted>& wanted() const { return wanted_; }

    void error(const std::string& message) {
        if (result_.errors.size() < kMaxErrors)
            result_.errors.push_back(message);
        else
            ++more_errors_;
    }
    size_t more_errors() const { return more_errors_; }

private:
    bool has_item(const std::string& table, const std::string& id) const {
        return std::any_of(texts_.texts.begin(), texts_.texts.end(),
                           [&](const PackText& t) { return t.table == table && t.id == id; });
    }
    std::vector<std::string> fields_of(const std::string& table, const std::string& id) const {
        std::vector<std::string> fields;
        for (const PackText& t : texts_.texts)
            if (t.table == table && t.id == id) fields.push_back(t.field);
        return fields;
    }

    void read_fields(const std::string& table, const std::string& id, const ordered_json& fields) {
        const std::string item = id.empty() ? table : table + " '" + id + "'";
        for (const auto& [name, value] : fields.items()) {
            const PackText* field = texts_.find(table, id, name);
            if (!field) {
                error(item + ": pack.toml has no text '" + name + "' (its texts: " + known_list(fields_of(table, id)) +
                      ")");
            } else if (!value.is_string()) {
                error(field->name() + ": expected a string, found " + std::string(value.type_name()));
            } else if (field->inline_table) {
                error(field->name() + " is written as an inline table ({ " + texts_.default_language() +
                      " = … }) in pack.toml: write it as " + name + "." + texts_.default_language() +
                      " = \"…\" so a translation can go beside it");
            } else if (!field->plain && field->languages.count(texts_.default_language()) == 0) {
                error(field->name() + " has no '" + texts_.default_language() +
                      "' text in pack.toml to put the translation beside");
            } else {
                wanted_.push_back({field, value.get<std::string>()});
            }
        }
    }

    const PackTexts& texts_;
    TranslationImport& result_;
    std::vector<Wanted> wanted_;
    size_t more_errors_ = 0;
};

const std::string* text_in(const PackText& field, const std::string& language) {
    const auto it = field.languages.find(language);
    return it == field.languages.end() ? nullptr : &it->second.text;
}

const std::string& default_text(const PackText& field, const std::string& default_language) {
    return field.plain ? field.languages.at("").text : field.languages.at(default_language).text;
}

// After the edits, pack.toml must hold every text it held, and each
// translation as given: anything else is a mistake of this import, and nothing
// is written.
std::string check_result(const PackTexts& before, const std::string& manifest, const std::string& language,
                         const std::vector<Wanted>& written) {
    const PackTexts after = read_pack_texts(manifest);
    if (!after.ok()) return "the edited pack.toml would not parse (" + after.error + ")";
    if (!written.empty() &&
        std::find(after.languages.begin(), after.languages.end(), language) == after.languages.end())
        return "the edited pack.toml does not list '" + language + "' in [settings] languages";
    for (const PackText& old : before.texts) {
        const PackText* now = after.find(old.table, old.id, old.field);
        if (!now) return "the edited pack.toml lost " + old.name();
        for (const auto& [code, value] : old.languages) {
            const std::string& was_code = old.plain && !now->plain ? before.default_language() : code;
            const std::string* text = text_in(*now, was_code);
            if (code != language && (!text || *text != value.text))
                return "the edited pack.toml changed " + old.name() + " in '" + (code.empty() ? was_code : code) + "'";
        }
    }
    for (const Wanted& w : written) {
        const PackText* now = after.find(w.field->table, w.field->id, w.field->field);
        const std::string* text = now ? text_in(*now, language) : nullptr;
        if (!text || *text != w.text) return "the edited pack.toml does not read back " + w.field->name();
    }
    return "";
}

}  // namespace

TranslationImport import_translation(const std::string& manifest, const std::string& json_text) {
    TranslationImport result;
    ordered_json root;  // errors in the order of the file
    try {
        root = ordered_json::parse(json_text);
    } catch (const std::exception& e) {
        result.errors.push_back("not valid JSON: " + json_error_message(e.what()));
        return result;
    }
    if (!root.is_object() || !root.contains("language") || !root["language"].is_string()) {
        result.errors.push_back("a translation file is one JSON object naming its language: {\"language\": \"km\", …}");
        return result;
    }
    result.language = root["language"].get<std::string>();
    const PackTexts texts = read_pack_texts(manifest);
    if (!texts.ok()) {
        result.errors.push_back("pack.toml:" + texts.error);
        return result;
    }
    if (!is_language_code_text(result.language)) {
        result.errors.push_back("\"language\": '" + result.language +
                                "' is not a language code; use 2–3 lowercase letters, e.g. \"km\"");
        return result;
    }
    if (result.language == texts.default_language()) {
        result.errors.push_back("'" + result.language +
                                "' is the pack's default language: a translation goes beside it, not over it");
        return result;
    }

    ImportReader reader(texts, result);
    reader.read(root);
    if (reader.more_errors() > 0) result.errors.push_back("… and " + std::to_string(reader.more_errors()) + " more");
    if (!result.ok()) return result;

    const ManifestText m(manifest);
    std::vector<Edit> edits;
    std::vector<Wanted> written;
    for (const Wanted& w : reader.wanted()) {
        const std::string* existing = text_in(*w.field, result.language);
        if (existing && *existing == w.text) {
            ++result.unchanged;
        } else if (w.text.empty() || (!existing && w.text == default_text(*w.field, texts.default_language()))) {
            ++result.not_translated;
        } else {
            translation_edits(m, *w.field, texts.default_language(), result.language, w.text, edits);
            written.push_back(w);
        }
    }
    const std::vector<std::string>& languages = texts.languages;
    if (!written.empty() && std::find(languages.begin(), languages.end(), result.language) == languages.end()) {
        std::string error;
        if (!language_edit(m, texts, result.language, edits, &error)) {
            result.errors.push_back(error);
            return result;
        }
        result.added_language = true;
    }
    result.written = int(written.size());
    result.manifest = apply(manifest, edits);
    if (const std::string problem = check_result(texts, result.manifest, result.language, written); !problem.empty())
        result.errors.push_back(problem + "; pack.toml is left as it was");
    return result;
}

// A source's title is a bibliographic title, cited as it was published: a
// translation may give one, but none is missing without it.
namespace {
bool cited_as_published(const PackText& t) { return t.table == "sources" && t.field == "title"; }
}  // namespace

std::vector<const PackText*> missing_translations(const PackTexts& texts, const std::string& language) {
    std::vector<const PackText*> missing;
    for (const PackText& t : texts.texts)
        if (!t.plain && !cited_as_published(t) && t.languages.count(language) == 0 &&
            t.languages.count(texts.default_language()) != 0)
            missing.push_back(&t);
    return missing;
}

TranslationExport export_translation(const std::string& manifest, const std::string& language) {
    TranslationExport result;
    const PackTexts texts = read_pack_texts(manifest);
    if (!texts.ok()) {
        result.error = "pack.toml:" + texts.error;
        return result;
    }
    if (!is_language_code_text(language)) {
        result.error = "'" + language + "' is not a language code; use 2–3 lowercase letters, e.g. km";
        return result;
    }
    ordered_json root;
    root["language"] = language;
    for (const PackText& t : texts.texts) {
        const std::string* translated = text_in(t, language);
        const std::string* source = t.plain ? text_in(t, "") : text_in(t, texts.default_language());
        if (!translated && !source) continue;
        ordered_json& item = t.id.empty() ? root[t.table] : root[t.table][t.id];
        item[t.field] = translated ? *translated : *source;
    }
    ordered_json missing = ordered_json::array();
    for (const PackText* t : missing_translations(texts, language))
        missing.push_back(t->table + "/" + (t->id.empty() ? "" : t->id + "/") + t->field);
    result.missing = int(missing.size());
    root["missing"] = missing;
    result.json = root.dump(2) + "\n";
    return result;
}

std::string language_name_in_english(const std::string& code) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"en", "English"}, {"km", "Khmer"},   {"fr", "French"}, {"th", "Thai"},    {"vi", "Vietnamese"},
        {"lo", "Lao"},     {"zh", "Chinese"}, {"de", "German"}, {"es", "Spanish"}, {"ja", "Japanese"}};
    for (const auto& [c, name] : kNames)
        if (code == c) return name;
    return "'" + code + "'";
}

}  // namespace kiosk
