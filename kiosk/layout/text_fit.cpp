#include "layout/text_fit.h"

#include "layout/date_label.h"
#include "layout/text_measure.h"
#include "pack/date.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

size_t characters(const std::string& text) {
    return size_t(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// About how many characters like `text`'s fit on `lines` lines of `width`.
size_t room_for(const Fonts& fonts, FontRole role, const std::string& text, float width, int lines) {
    const float per_char = text_width(fonts, role, text) / float(std::max<size_t>(1, characters(text)));
    const size_t room = size_t(float(lines) * width / std::max(per_char, 1.f));
    return room > 20 ? room / 5 * 5 : room;
}

std::string lines_word(int lines) {
    return lines == 1 ? "one line" : lines == 2 ? "two lines" : std::to_string(lines) + " lines";
}

std::string cut_message(const Fonts& fonts, const ExploreLayout& l, const std::string& what, const std::string& lang,
                        FontRole role, const std::string& text, float width, int lines, const char* where) {
    const std::string size = std::to_string(l.display.width) + "x" + std::to_string(l.display.height);
    return what + " (" + lang + ") does not fit " + where + " at " + size + ": " + std::to_string(characters(text)) +
           " characters, room for about " + std::to_string(room_for(fonts, role, text, width, lines)) + " on " +
           lines_word(lines) + "; shorten it";
}

}  // namespace

std::vector<std::string> cut_pack_texts(const ScreenLayouts& layouts, const Fonts& fonts, const Pack& pack) {
    std::vector<std::string> problems;
    const ExploreLayout& l = layouts.explore;
    const char* beside = l.portrait ? "across the screen" : "beside the buttons";
    for (const TitleText& t : l.titles) {
        if (t.title_cut)
            problems.push_back(cut_message(fonts, l, "title", t.lang, t.title_role,
                                           pack.text(pack.exhibit.title, t.lang), l.title_room.w, kMaxTitleLines,
                                           beside));
        if (t.subtitle_cut)
            problems.push_back(cut_message(fonts, l, "subtitle", t.lang, FontRole::Subtitle,
                                           pack.text(pack.exhibit.subtitle, t.lang), l.title_room.w, kMaxSubtitleLines,
                                           beside));
    }
    // Each event's date on its card, in every language: one a visitor would see
    // ending in "…" even broken after its dash and set tighter.
    for (const std::string& lang : pack.settings.languages)
        for (const Event& e : pack.events) {
            const std::string date = format_date_span(e.when, pack, lang);
            const DateLabel label = card_date_label(fonts, date, l.card.w);
            if (label.cut)
                problems.push_back(cut_message(fonts, l, "date of event '" + e.id + "'", lang, kCardDateRole, date,
                                               l.card.w, int(label.lines.size()), "on the event card"));
        }
    return problems;
}

}  // namespace kiosk
