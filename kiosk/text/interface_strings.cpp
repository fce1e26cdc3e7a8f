#include "text/interface_strings.h"

#include "base/log.h"
#include "base/toml_key_depth.h"

#include <algorithm>
#include <string_view>
#include <toml++/toml.h>

namespace kiosk {

namespace {

struct KeyInfo {
    const char* key;
    const char* placeholders;
};
constexpr KeyInfo kKeys[] = {
#define VITRINE_UI_TEXT_INFO(name, key, placeholders) {key, placeholders},
    VITRINE_INTERFACE_STRINGS(VITRINE_UI_TEXT_INFO)
#undef VITRINE_UI_TEXT_INFO
};
static_assert(sizeof kKeys / sizeof *kKeys == size_t(kUiTextCount), "one entry per key");

constexpr const char* kEnglish = "en";

// One language's texts, by key; `present` says which keys the table had.
struct Table {
    std::string lang;
    std::vector<std::string> text = std::vector<std::string>(size_t(kUiTextCount));
    std::vector<bool> present = std::vector<bool>(size_t(kUiTextCount), false);
};

int key_index(const std::string& key) {
    for (int i = 0; i < kUiTextCount; ++i)
        if (key == kKeys[i].key) return i;
    return -1;
}

std::vector<std::string> sorted(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
}

void problem(std::vector<Diagnostic>& out, const InterfaceTableSource& src, const toml::source_region& where,
             const std::string& message) {
    out.push_back({Diagnostic::Severity::Error, src.path, int(where.begin.line), int(where.begin.column), message});
}

// Reads `src` into `out` (when given) and says what is wrong with it.
std::vector<Diagnostic> read_table(const InterfaceTableSource& src, Table* out) {
    std::vector<Diagnostic> problems;
    if (const auto deep = find_too_deep_toml_key(src.toml)) {
        problems.push_back({Diagnostic::Severity::Error, src.path, deep->line, deep->column, deep->message});
        return problems;
    }
    toml::table root;
    try {
        root = toml::parse(std::string_view(src.toml), std::string_view(src.path));
    } catch (const toml::parse_error& e) {
        problem(problems, src, e.source(), std::string(e.description()));
        return problems;
    }
    std::vector<int> group_line(size_t(kUiTextCount), 0);
    for (const auto& [group_key, group_node] : root) {
        const toml::table* group = group_node.as_table();
        if (!group) {
            problem(problems, src, group_node.source(),
                    "'" + std::string(group_key.str()) + "' is not a table of texts: every text is in a [table]");
            continue;
        }
        for (int i = 0; i < kUiTextCount; ++i)
            if (std::string(kKeys[i].key).rfind(std::string(group_key.str()) + ".", 0) == 0)
                group_line[size_t(i)] = int(group->source().begin.line);
        for (const auto& [key, node] : *group) {
            const std::string full = std::string(group_key.str()) + "." + std::string(key.str());
            const int i = key_index(full);
            if (i < 0) {
                problem(problems, src, node.source(),
                        "'" + full + "' is not a key the kiosk declares (kiosk/text/interface_strings.h)");
                continue;
            }
            const std::optional<std::string> value = node.value<std::string>();
            if (!node.is_string() || !value) {
                problem(problems, src, node.source(), "'" + full + "' is not a string");
                continue;
            }
            if (sorted(placeholders_in(*value)) != sorted(placeholders_in(kKeys[i].placeholders))) {
                const std::string declared = kKeys[i].placeholders;
                problem(problems, src, node.source(),
                        "'" + full + "' must have the placeholders " + (declared.empty() ? "none" : declared) +
                            ", no others");
                continue;
            }
            if (out) {
                out->text[size_t(i)] = *value;
                out->present[size_t(i)] = true;
            }
        }
    }
    if (std::string(src.lang) == kEnglish) {
        for (int i = 0; i < kUiTextCount; ++i) {
            if (root.at_path(kKeys[i].key).is_string()) continue;
            // At its table's header when the table is there.
            const int line = group_line[size_t(i)];
            problems.push_back({Diagnostic::Severity::Error, src.path, line, line > 0 ? 1 : 0,
                                "'" + std::string(kKeys[i].key) + "' is missing: every key has an English text"});
        }
    }
    return problems;
}

// Every table, English first, read once. A problem (the tests keep there being
// none) is logged; an English text that is missing shows its key, never nothing.
const std::vector<Table>& tables() {
    static const std::vector<Table> all = [] {
        std::vector<Table> t;
        for (size_t n = 0; n < kInterfaceTableCount; ++n) {
            Table table;
            table.lang = kInterfaceTables[n].lang;
            for (const Diagnostic& d : read_table(kInterfaceTables[n], &table))
                log_error(log_from::kApp, d.to_string());
            t.push_back(std::move(table));
        }
        auto english = std::find_if(t.begin(), t.end(), [](const Table& x) { return x.lang == kEnglish; });
        if (english == t.end()) english = t.insert(t.end(), Table{kEnglish});
        for (int i = 0; i < kUiTextCount; ++i)
            if (!english->present[size_t(i)]) english->text[size_t(i)] = kKeys[i].key;
        std::rotate(t.begin(), english, english + 1);
        return t;
    }();
    return all;
}

const Table* table_for(const std::string& lang) {
    for (const Table& t : tables())
        if (t.lang == lang) return &t;
    return nullptr;
}

}  // namespace

const std::string& ui_text(UiText key, const std::string& lang) {
    const size_t i = size_t(key);
    const Table* t = table_for(lang);
    return t && t->present[i] ? t->text[i] : tables().front().text[i];
}

std::string ui_text(UiText key, const std::string& lang, std::initializer_list<UiTextValue> values) {
    return fill_placeholders(ui_text(key, lang), values);
}

std::string fill_placeholders(const std::string& pattern, std::initializer_list<UiTextValue> values) {
    std::string out;
    size_t at = 0;
    while (at < pattern.size()) {
        const size_t open = pattern.find('{', at);
        const size_t close = open == std::string::npos ? open : pattern.find('}', open);
        if (close == std::string::npos) break;
        out.append(pattern, at, open - at);
        const std::string name = pattern.substr(open + 1, close - open - 1);
        const auto value =
            std::find_if(values.begin(), values.end(), [&](const UiTextValue& v) { return name == v.name; });
        out += value != values.end() ? value->value : pattern.substr(open, close - open + 1);
        at = close + 1;
    }
    return out.append(pattern, std::min(at, pattern.size()), std::string::npos);
}

std::string language_name(const std::string& code) {
    const size_t i = size_t(UiText::LanguageName);
    if (const Table* t = table_for(code); t && t->present[i]) return t->text[i];
    // For a language without its table yet: the name its speakers use.
    static const struct {
        const char* code;
        const char* name;
    } kNames[] = {{"en", "English"}, {"km", "ខ្មែរ"},       {"fr", "Français"},   {"de", "Deutsch"},
                  {"es", "Español"}, {"vi", "Tiếng Việt"}, {"th", "ไทย"},        {"zh", "中文"},
                  {"ja", "日本語"},  {"it", "Italiano"},   {"nl", "Nederlands"}, {"pt", "Português"}};
    for (const auto& n : kNames)
        if (code == n.code) return n.name;
    return code;
}

const std::string& month_name(int month, const std::string& lang) {
    return ui_text(UiText(int(UiText::DatesJanuary) + std::clamp(month, 1, 12) - 1), lang);
}

std::string interface_glyph_text(const std::vector<std::string>& langs) {
    std::string text;
    for (const Table& t : tables()) {
        if (t.lang != kEnglish && std::find(langs.begin(), langs.end(), t.lang) == langs.end()) continue;
        for (const std::string& s : t.text) text += s + " ";
    }
    return text;
}

const char* ui_text_key(UiText key) { return kKeys[size_t(key)].key; }
const char* ui_text_placeholders(UiText key) { return kKeys[size_t(key)].placeholders; }

std::vector<std::string> placeholders_in(const std::string& text) {
    std::vector<std::string> found;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        found.push_back(text.substr(open, close - open + 1));
    }
    return found;
}

std::vector<Diagnostic> check_interface_table(const InterfaceTableSource& table) { return read_table(table, nullptr); }

}  // namespace kiosk
