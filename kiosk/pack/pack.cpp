#include "pack/pack.h"

#include "base/digits.h"
#include "pack/date.h"

#include <algorithm>

namespace kiosk {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const std::string& LocalText::shown_language(const std::string& lang, const std::string& fallback) const {
    static const std::string kNone;
    if (auto it = by_lang.find(lang); it != by_lang.end()) return it->first;
    if (auto it = by_lang.find(fallback); it != by_lang.end()) return it->first;
    return by_lang.empty() ? kNone : by_lang.begin()->first;
}

const std::string& LocalText::get(const std::string& lang, const std::string& fallback) const {
    static const std::string kEmpty;
    const std::string& shown = shown_language(lang, fallback);
    return shown.empty() ? kEmpty : by_lang.at(shown);
}

const std::string& LocalText::in(const std::string& lang) const {
    static const std::string kEmpty;
    const auto it = by_lang.find(lang);
    return it == by_lang.end() ? kEmpty : it->second;
}

const std::string& Pack::default_language() const {
    static const std::string kEnglish = "en";  // a Pack made in code, before any language is set
    return settings.languages.empty() ? kEnglish : settings.languages.front();
}

const std::string& Pack::text(const LocalText& t, const std::string& lang) const {
    return t.get(lang, default_language());
}

Translation Pack::translation(const ItemTranslations& item, const std::string& lang) const {
    Translation t;
    if (auto it = translations.find(lang); it != translations.end()) t = it->second;
    if (auto it = item.by.find(lang); it != item.by.end()) t.by = it->second;
    if (auto it = item.reviewed_by.find(lang); it != item.reviewed_by.end()) t.reviewed_by = it->second;
    return t;
}

bool Pack::reviewed(const ItemTranslations& item, const std::string& lang) const {
    if (auto it = item.reviewed_by.find(lang); it != item.reviewed_by.end()) return !it->second.empty();
    if (auto it = translations.find(lang); it != translations.end()) return !it->second.reviewed_by.empty();
    return lang == default_language();
}

bool Pack::unreviewed_translation(const LocalText& t, const ItemTranslations& item, const std::string& lang,
                                  const std::string& source) const {
    const std::string& shown = t.shown_language(lang, default_language());
    return !shown.empty() && shown != source && !reviewed(item, shown);
}

int Pack::language_index(const std::string& code) const {
    const auto it = std::find(settings.languages.begin(), settings.languages.end(), code);
    return it == settings.languages.end() ? -1 : int(it - settings.languages.begin());
}

std::string Pack::language_problem(const std::string& code) const {
    if (language_index(code) >= 0) return "";
    std::string known;
    for (const std::string& lang : settings.languages) known += (known.empty() ? "" : ", ") + lang;
    return "this exhibit is not in '" + code + "'; its languages are " + known;
}

std::string Pack::digits(const std::string& text, const std::string& lang) const {
    return localise_digits(text, settings.khmer_digits && lang == "km");
}

const Era* Pack::find_era(const std::string& id) const { return find_by_id(eras, id); }

const Photograph* Pack::find_photo(const std::string& id) const { return find_by_id(photographs, id); }

const Source* Pack::find_source(const std::string& id) const { return find_by_id(sources, id); }

const Quote* Pack::find_quote(const std::string& id) const { return find_by_id(quotes, id); }

std::vector<std::string> pack_media_files(const Pack& pack) {
    std::vector<std::string> files;
    for (const Photograph& photo : pack.photographs)
        if (!photo.file.empty()) files.push_back(photo.file);
    for (const Recording& recording : pack.recordings) {
        files.push_back(recording.file);
        files.push_back(recording.captions_file);
    }
    return files;
}

const Recording* Pack::find_recording(const std::string& table, const std::string& id, const std::string& field,
                                      const std::string& lang) const {
    for (const Recording& r : recordings)
        if (r.table == table && r.id == id && r.field == field && r.language == lang) return &r;
    return nullptr;
}

std::vector<const Photograph*> Pack::shown_photos() const {
    std::vector<const Photograph*> shown;
    auto add = [&](const std::string& id) {
        const Photograph* p = find_photo(id);
        if (p && std::find(shown.begin(), shown.end(), p) == shown.end()) shown.push_back(p);
    };
    const bool on_an_event = std::any_of(events.begin(), events.end(), [&](const Event& e) {
        return std::find(e.photos.begin(), e.photos.end(), exhibit.photo) != e.photos.end();
    });
    if (!on_an_event) add(exhibit.photo);
    for (const Event& e : events)
        for (const std::string& id : e.photos) add(id);
    return shown;
}

const Photograph* Pack::event_photo(const Event& event, int page) const {
    const Photograph* own = event.photos.empty()
                                ? nullptr
                                : find_photo(event.photos[size_t(std::clamp(page, 0, int(event.photos.size()) - 1))]);
    return own ? own : find_photo(exhibit.photo);
}

std::string life_dates(const ExhibitInfo& exhibit, const std::string& lang) {
    const int64_t born = exhibit.born.year, died = exhibit.died.year;
    if (born && died) return format_year(born, lang) + " – " + format_year(died, lang);
    if (born) return format_year(born, lang) + " –";
    if (died) return "– " + format_year(died, lang);
    return "";
}

std::vector<const Quote*> Pack::attract_quotes() const {
    std::vector<const Quote*> shown;
    for (const std::string& id : settings.attract_quotes)
        if (const Quote* q = find_quote(id)) shown.push_back(q);
    if (settings.attract_quotes.empty())
        for (const Quote& q : quotes) shown.push_back(&q);
    return shown;
}

}  // namespace kiosk
