// Every text a visitor reads, found in pack.toml with where it is written and in
// which languages: what the translation import and export and validate's list of
// missing translations work from. Read from the TOML itself, not the pack model,
// so each text keeps its line and the way it is written.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kiosk {

// A place in pack.toml: 1-based line, and column in code points, as toml++ counts.
struct TomlPlace {
    int line = 0;
    int column = 0;
};

struct TomlSpan {
    TomlPlace begin;
    TomlPlace end;  // one past the last character
};

// One text field of one item: `headline.en = "…"` with its other languages.
struct PackText {
    std::string table;  // "exhibit", or the array's name: "events", "quotes", …
    std::string id;     // the item's id; empty for the exhibit
    std::string field;  // the key without its language: "headline"
    // A quote's `speaker = "Ieng Sary"`: one plain string for every language,
    // not yet a table of languages.
    bool plain = false;
    bool inline_table = false;  // written `headline = { en = "…" }`
    // By language code: the text, the span of its value and of its key.
    struct Value {
        std::string text;
        TomlSpan value;
        TomlSpan key;  // for a plain text: the field's own key
    };
    std::map<std::string, Value> languages;

    // "events 'born' headline"; "exhibit title".
    std::string name() const;
};

struct PackTexts {
    std::vector<std::string> languages;  // [settings] languages; the first is the default
    std::vector<PackText> texts;         // in the order of the file
    // [settings] languages: where the list is, when pack.toml gives one.
    bool has_language_list = false;
    TomlSpan language_list;
    TomlPlace last_language;       // the end of the list's last entry
    bool settings_inline = false;  // [settings] is written as an inline table
    TomlPlace settings_header;     // where a [settings] table begins, when there is one
    std::string error;             // the TOML does not parse: the parser's words, with line and column

    bool ok() const { return error.empty(); }
    const std::string& default_language() const { return languages.front(); }
    const PackText* find(const std::string& table, const std::string& id, const std::string& field) const;
};

PackTexts read_pack_texts(const std::string& manifest);

// The item kinds that hold texts: "exhibit" and pack.toml's arrays of tables, in
// the order the file first names them.
std::vector<std::string> text_tables(const PackTexts& texts);

// 2–3 lowercase ASCII letters, as the loader wants them: "en", "km", "fr".
bool is_language_code_text(const std::string& s);

}  // namespace kiosk
