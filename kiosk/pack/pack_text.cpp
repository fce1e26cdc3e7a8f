#include "pack/pack_text.h"

namespace kiosk {

namespace {

void append(std::string& out, const LocalText& text) {
    for (const auto& entry : text.by_lang) out += entry.second;
}

}  // namespace

std::string collect_pack_text(const Pack& p) {
    std::string s;
    for (const LocalText* t : {&p.exhibit.title, &p.exhibit.subject, &p.exhibit.subtitle, &p.exhibit.content_note,
                               &p.exhibit.credits, &p.exhibit.licence, &p.exhibit.gaps})
        append(s, *t);
    for (const Source& x : p.sources) {
        append(s, x.title);
        append(s, x.note);
        s += x.url;
    }
    for (const Era& x : p.eras) append(s, x.name);
    for (const Event& x : p.events) {
        append(s, x.headline);
        append(s, x.text);
        append(s, x.disputed);
        append(s, x.when.display);
    }
    for (const Photograph& x : p.photographs) {
        append(s, x.caption);
        append(s, x.credit);
        append(s, x.alt);
    }
    for (const Quote& x : p.quotes) {
        append(s, x.text);
        append(s, x.role);
        append(s, x.context);
        append(s, x.disputed);
        s += x.speaker;
        if (x.when) append(s, x.when->display);
    }
    return s;
}

}  // namespace kiosk
