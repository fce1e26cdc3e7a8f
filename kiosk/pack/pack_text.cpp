#include "pack/pack_text.h"

namespace kiosk {

void for_each_pack_text(const Pack& p, const std::function<void(const std::string&)>& visit) {
    const auto each = [&](const LocalText& text) {
        for (const auto& entry : text.by_lang) visit(entry.second);
    };
    for (const LocalText* t : {&p.exhibit.title, &p.exhibit.subject, &p.exhibit.subtitle, &p.exhibit.content_note,
                               &p.exhibit.credits, &p.exhibit.licence, &p.exhibit.gaps})
        each(*t);
    // Who translated and reviewed: About names them.
    for (const auto& [lang, t] : p.translations) {
        visit(t.by);
        visit(t.reviewed_by);
        visit(t.note);
    }
    const auto each_item = [&](const ItemTranslations& t) {
        for (const auto& entry : t.by) visit(entry.second);
        for (const auto& entry : t.reviewed_by) visit(entry.second);
    };
    each_item(p.exhibit.translations);
    for (const Event& x : p.events) each_item(x.translations);
    for (const Quote& x : p.quotes) each_item(x.translations);
    for (const Photograph& x : p.photographs) each_item(x.translations);
    for (const Era& x : p.eras) each_item(x.translations);
    for (const Source& x : p.sources) {
        each(x.title);
        each(x.note);
        visit(x.url);
    }
    for (const Era& x : p.eras) each(x.name);
    for (const Event& x : p.events) {
        each(x.headline);
        each(x.text);
        each(x.disputed);
        each(x.when.display);
    }
    for (const Photograph& x : p.photographs) {
        each(x.caption);
        each(x.credit);
        each(x.alt);
    }
    for (const Quote& x : p.quotes) {
        each(x.text);
        each(x.role);
        each(x.context);
        each(x.disputed);
        each(x.speaker);
        if (x.when) each(x.when->display);
    }
}

std::string collect_pack_text(const Pack& p) {
    std::string s;
    for_each_pack_text(p, [&](const std::string& text) { s += text; });
    return s;
}

}  // namespace kiosk
