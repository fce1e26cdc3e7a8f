#include "pack/pack.h"

#include <algorithm>

namespace kiosk {
namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, const std::string& id) {
    const auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

}  // namespace

const std::string& LocalText::get(const std::string& lang) const {
    static const std::string kEmpty;
    if (auto it = by_lang.find(lang); it != by_lang.end()) return it->second;
    if (auto it = by_lang.find("en"); it != by_lang.end()) return it->second;
    return by_lang.empty() ? kEmpty : by_lang.begin()->second;
}

const Era* Pack::find_era(const std::string& id) const { return find_by_id(eras, id); }

const Photograph* Pack::find_photo(const std::string& id) const { return find_by_id(photographs, id); }

const Source* Pack::find_source(const std::string& id) const { return find_by_id(sources, id); }

const Quote* Pack::find_quote(const std::string& id) const { return find_by_id(quotes, id); }

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

std::string life_dates(const ExhibitInfo& exhibit) {
    const int born = exhibit.born.year, died = exhibit.died.year;
    if (born && died) return std::to_string(born) + " – " + std::to_string(died);
    if (born) return std::to_string(born) + " –";
    if (died) return "– " + std::to_string(died);
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
