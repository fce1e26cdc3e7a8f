#include "curator/pack_texts.h"

#include "base/toml_key_depth.h"

#include <algorithm>
#include <sstream>
#include <toml++/toml.h>

namespace kiosk {
namespace {

TomlPlace place(const toml::source_position& p) { return {int(p.line), int(p.column)}; }
TomlSpan span(const toml::source_region& r) { return {place(r.begin), place(r.end)}; }

bool before(const TomlPlace& a, const TomlPlace& b) { return a.line != b.line ? a.line < b.line : a.column < b.column; }

// A table of languages: every key a language code, every value a string.
bool is_language_table(const toml::table& t) {
    if (t.empty()) return false;
    for (auto&& [key, value] : t)
        if (!is_language_code_text(std::string(key.str())) || !value.is_string()) return false;
    return true;
}

// Tables of languages that are no text a visitor reads: who translated an item
// into each language and who reviewed it.
bool is_translation_note(std::string_view key) { return key == "translated_by" || key == "reviewed_by"; }

void read_item(const toml::table& item, const std::string& table, const std::string& id, std::vector<PackText>& out) {
    for (auto&& [key, value] : item) {
        if (is_translation_note(key.str())) continue;
        PackText text;
        text.table = table;
        text.id = id;
        text.field = std::string(key.str());
        if (const toml::table* languages = value.as_table(); languages && is_language_table(*languages)) {
            text.inline_table = languages->is_inline();
            for (auto&& [code, string] : *languages)
                text.languages[std::string(code.str())] = {std::string(*string.value<std::string_view>()),
                                                           span(string.source()), span(code.source())};
        } else if (table == "quotes" && text.field == "speaker" && value.is_string()) {
            // The one name the kiosk shows in every language; the translation
            // import turns it into a table when a language needs its own form.
            text.plain = true;
            text.languages[""] = {std::string(*value.value<std::string_view>()), span(value.source()),
                                  span(key.source())};
        } else {
            continue;
        }
        out.push_back(std::move(text));
    }
}

TomlPlace first_place(const PackText& text) {
    TomlPlace first{1 << 30, 0};
    for (const auto& [code, value] : text.languages)
        if (before(value.key.begin, first)) first = value.key.begin;
    return first;
}

void read_settings(const toml::table& root, PackTexts& texts) {
    const toml::node* settings_node = root.get("settings");
    const toml::table* settings = settings_node ? settings_node->as_table() : nullptr;
    if (!settings) return;
    texts.settings_inline = settings->is_inline();
    texts.settings_header = place(settings->source().begin);
    const toml::node* list_node = settings->get("languages");
    const toml::array* list = list_node ? list_node->as_array() : nullptr;
    if (!list) return;
    std::vector<std::string> languages;
    for (const toml::node& entry : *list)
        if (const auto code = entry.value<std::string>()) languages.push_back(*code);
    if (languages.empty()) return;
    texts.languages = languages;
    texts.has_language_list = true;
    texts.language_list = span(list->source());
    texts.last_language = place(list->back().source().end);
}

}  // namespace

bool is_language_code_text(const std::string& s) {
    return s.size() >= 2 && s.size() <= 3 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string PackText::name() const { return id.empty() ? table + " " + field : table + " '" + id + "' " + field; }

const PackText* PackTexts::find(const std::string& table, const std::string& id, const std::string& field) const {
    for (const PackText& t : texts)
        if (t.table == table && t.id == id && t.field == field) return &t;
    return nullptr;
}

PackTexts read_pack_texts(const std::string& manifest) {
    PackTexts texts;
    texts.languages = {"en"};  // the loader's default
    if (const auto deep = find_too_deep_toml_key(manifest)) {
        texts.error = std::to_string(deep->line) + ":" + std::to_string(deep->column) + ": " + deep->message;
        return texts;
    }
    toml::table root;
    try {
        root = toml::parse(manifest);
    } catch (const toml::parse_error& e) {
        std::ostringstream where;
        where << e.source().begin.line << ":" << e.source().begin.column << ": " << e.description();
        texts.error = where.str();
        return texts;
    }
    read_settings(root, texts);
    if (const toml::table* exhibit = root["exhibit"].as_table()) read_item(*exhibit, "exhibit", "", texts.texts);
    for (auto&& [key, value] : root) {
        const toml::array* items = value.as_array();
        if (!items || !items->is_array_of_tables()) continue;
        for (const toml::node& node : *items) {
            const toml::table& item = *node.as_table();
            const auto id = item["id"].value<std::string>();
            if (id && !id->empty()) read_item(item, std::string(key.str()), *id, texts.texts);
        }
    }
    std::stable_sort(texts.texts.begin(), texts.texts.end(),
                     [](const PackText& a, const PackText& b) { return before(first_place(a), first_place(b)); });
    return texts;
}

std::vector<std::string> text_tables(const PackTexts& texts) {
    std::vector<std::string> tables;
    for (const PackText& t : texts.texts)
        if (std::find(tables.begin(), tables.end(), t.table) == tables.end()) tables.push_back(t.table);
    return tables;
}

}  // namespace kiosk
