#include "state/spoken_text.h"

#include "layout/about_measure.h"
#include "layout/content_note_measure.h"
#include "layout/explore_measure.h"
#include "layout/photo_view.h"
#include "layout/quote_measure.h"
#include "pack/date.h"
#include "text/interface_strings.h"

#include <algorithm>

namespace kiosk {

namespace {

// Collects the parts of one utterance; empty texts are left out.
struct Parts {
    const Ui& ui;
    std::vector<SpeechPart> list;

    void add(const std::string& text) {
        if (!text.empty()) list.push_back({text, "", {}});
    }
    // A text of the pack: with its recording in the visitor's language, when the pack has one.
    void pack_text(const std::string& table, const std::string& id, const std::string& field, const LocalText& t) {
        const std::string& text = ui.text(t);
        if (text.empty()) return;
        SpeechPart part{text, "", {}};
        if (const Recording* r = ui.pack.find_recording(table, id, field, ui.lang)) {
            part.recording = r->file;
            part.captions = r->captions;
        }
        list.push_back(std::move(part));
    }
    void ui_text_of(UiText key) { add(ui_text(key, ui.lang)); }
    void button(const std::string& label) { add(ui_text(UiText::SpeechButton, ui.lang, {{"label", label}})); }
    void button(UiText key) { button(ui_text(key, ui.lang)); }
    void toggle(UiText label, bool on) {
        add(ui_text(on ? UiText::SpeechSwitchOn : UiText::SpeechSwitchOff, ui.lang,
                    {{"label", ui_text(label, ui.lang)}}));
    }
    void position(UiText key, int number, int count) {
        add(ui.digits(ui_text(key, ui.lang, {{"number", std::to_string(number)}, {"count", std::to_string(count)}})));
    }
};

// Listens to a flow of text (the About column) as it would be drawn.
class FlowListener : public FlowPainter {
public:
    explicit FlowListener(Parts& parts) : parts_(parts) {}
    float text(FontRole, ImVec2, Ink, const std::string& text, float) override {
        add(text);
        return 0;
    }
    void spaced_caps(FontRole, ImVec2, Ink, const std::string& text, float) override { add(text); }
    void bar(float, float, float, float, Ink) override {}

private:
    // A text of the exhibit's own is spoken from its recording when there is one.
    void add(const std::string& text) {
        const ExhibitInfo& e = parts_.ui.pack.exhibit;
        const std::pair<const char*, const LocalText*> fields[] = {{"title", &e.title},
                                                                   {"content_note", &e.content_note},
                                                                   {"gaps", &e.gaps},
                                                                   {"credits", &e.credits},
                                                                   {"licence", &e.licence}};
        for (const auto& [field, t] : fields)
            if (!text.empty() && parts_.ui.text(*t) == text) return parts_.pack_text("exhibit", "", field, *t);
        parts_.add(text);
    }
    Parts& parts_;
};

void photograph(Parts& p, const Photograph& photo) {
    p.ui_text_of(UiText::SpeechPhotograph);
    p.pack_text("photographs", photo.id, "alt", photo.alt);
    p.pack_text("photographs", photo.id, "caption", photo.caption);
    p.pack_text("photographs", photo.id, "credit", photo.credit);
}

void event_card(Parts& p, const ExhibitState& s) {
    const Ui& ui = p.ui;
    const int count = int(ui.pack.events.size());
    const Event& e = ui.pack.events[size_t(std::clamp(s.selected_event, 0, count - 1))];
    p.add(format_date_span(e.when, ui.pack, ui.lang));
    if (const Era* era = e.era.empty() ? nullptr : ui.pack.find_era(e.era)) p.add(ui.text(era->name));
    p.pack_text("events", e.id, "headline", e.headline);
    p.pack_text("events", e.id, "text", e.text);
    if (ui.unreviewed(e.translations, {&e.headline, &e.text, &e.disputed}))
        p.ui_text_of(UiText::TranslationNotReviewed);
    if (!ui.text(e.disputed).empty()) {
        p.ui_text_of(UiText::CommonDisputed);
        p.pack_text("events", e.id, "disputed", e.disputed);
    }
    p.add(sources_line(ui, e));
    p.position(UiText::SpeechEventPosition, std::clamp(s.selected_event, 0, count - 1) + 1, count);
}

void quote(Parts& p, const ExhibitState& s) {
    const Ui& ui = p.ui;
    const int count = int(ui.pack.quotes.size());
    const Quote& q = ui.pack.quotes[size_t(std::clamp(s.quote, 0, count - 1))];
    const QuoteBlockText shown = quote_block_text(ui, q, ui.layouts.voices.quote_box.w, 1e9f, true, s.quote_original);
    // The quote in the language it shows in: its recording is of that language.
    const std::string& lang = quote_language(ui, q, s.quote_original);
    SpeechPart text{shown.text, "", {}};
    if (const Recording* r = ui.pack.find_recording("quotes", q.id, "text", lang)) {
        text.recording = r->file;
        text.captions = r->captions;
    }
    p.list.push_back(std::move(text));
    p.add(shown.speaker);
    p.add(shown.details);
    p.add(shown.disputed_mark);
    if (!shown.disputed_mark.empty()) p.pack_text("quotes", q.id, "disputed", q.disputed);
    p.add(shown.translation);
    p.position(UiText::SpeechQuotePosition, std::clamp(s.quote, 0, count - 1) + 1, count);
}

}  // namespace

std::vector<SpeechPart> item_speech(const FocusItem& item, const ExhibitState& s, const Ui& ui) {
    Parts p{ui, {}};
    switch (item.id) {
        case FocusId::Title:
            p.pack_text("exhibit", "", "title", ui.pack.exhibit.title);
            p.add(ui.digits(life_dates(ui.pack.exhibit, ui.lang)));
            p.pack_text("exhibit", "", "subtitle", ui.pack.exhibit.subtitle);
            break;
        case FocusId::Photo:
            if (const Photograph* photo = explore_photo(s, ui)) photograph(p, *photo);
            break;
        case FocusId::Card:
            if (!ui.pack.events.empty()) event_card(p, s);
            break;
        case FocusId::Prev: p.button(UiText::SpeechPreviousEvent); break;
        case FocusId::Next: p.button(UiText::SpeechNextEvent); break;
        case FocusId::Voices: p.button(UiText::ExploreVoices); break;
        case FocusId::About: p.button(UiText::ExploreAbout); break;
        case FocusId::Settings:
        case FocusId::BarSettings: p.button(UiText::SpeechScreenSettings); break;
        case FocusId::Quote:
            if (!ui.pack.quotes.empty()) quote(p, s);
            break;
        case FocusId::OriginalToggle:
            p.button(s.quote_original ? UiText::QuoteShowTranslation : UiText::QuoteShowOriginal);
            break;
        case FocusId::QuotePrev: p.button(UiText::SpeechPreviousQuote); break;
        case FocusId::QuoteNext: p.button(UiText::SpeechNextQuote); break;
        case FocusId::AboutText: {
            FlowListener listener(p);
            about_flow(ui, &listener, 0);
            break;
        }
        case FocusId::PhotoImage: {
            const std::vector<const Photograph*> shown = ui.pack.shown_photos();
            if (const Photograph* photo = shown_photo(ui, s.photo)) photograph(p, *photo);
            if ((s.photo.zoom_anim_start >= 0 ? s.photo.zoom_to : s.photo.zoom) > 1.05f)
                p.ui_text_of(UiText::SpeechZoomedIn);
            else
                p.ui_text_of(UiText::SpeechZoomedOut);
            p.position(UiText::SpeechPhotoPosition, s.photo.index + 1, int(shown.size()));
            break;
        }
        case FocusId::Back: p.button(UiText::CommonBack); break;
        case FocusId::TextSizeButton: {
            // The buttons show a type sample only: each is said by its name.
            const UiText names[int(TextSize::Count)] = {UiText::SettingsTextStandard, UiText::SettingsTextLarge,
                                                        UiText::SettingsTextExtraLarge};
            const std::string& name = ui_text(names[std::clamp(item.index, 0, int(TextSize::Count) - 1)], ui.lang);
            if (item.index == int(s.visitor.text_size))
                p.add(ui_text(UiText::SpeechSelected, ui.lang, {{"label", name}}));
            else
                p.button(name);
            break;
        }
        case FocusId::HighContrast: p.toggle(UiText::SettingsHighContrast, s.visitor.high_contrast); break;
        case FocusId::SpeechSwitch: p.toggle(UiText::SpeechLabel, s.visitor.speech); break;
        case FocusId::Language: {
            const auto& languages = ui.pack.settings.languages;
            const std::string name =
                size_t(item.index) < languages.size() ? language_name(languages[size_t(item.index)]) : "";
            if (item.index == s.visitor.language)
                p.add(ui_text(UiText::SpeechSelected, ui.lang, {{"label", name}}));
            else
                p.button(name);
            break;
        }
        case FocusId::SettingsDone: p.button(UiText::SettingsDone); break;
        case FocusId::ContentNote:
            p.ui_text_of(UiText::ContentNoteHeading);
            p.pack_text("exhibit", "", "content_note", ui.pack.exhibit.content_note);
            p.button(UiText::ContentNoteDismiss);
            break;
        case FocusId::Countdown:
            p.ui_text_of(UiText::CountdownTitle);
            p.ui_text_of(UiText::CountdownBody);
            p.ui_text_of(UiText::SpeechCountdownKeys);
            break;
        case FocusId::PinKey: {
            static const char* const kDigits[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
            if (item.index == 9)
                p.button(UiText::PinClear);
            else if (item.index == 11)
                p.button(UiText::PinOk);
            else
                p.button(kDigits[item.index]);
            break;
        }
    }
    return std::move(p.list);
}

std::vector<SpeechPart> guide_speech(const Ui& ui) { return {{ui_text(UiText::SpeechGuide, ui.lang), "", {}}}; }

std::vector<SpeechPart> help_speech(const ExhibitState& s, const Ui& ui) {
    Parts p{ui, {}};
    if (s.settings_open) {
        p.ui_text_of(UiText::SpeechScreenSettings);
    } else {
        switch (s.screen) {
            case Screen::Explore:
                p.ui_text_of(UiText::SpeechScreenExplore);
                if (!ui.pack.events.empty()) {
                    const int count = int(ui.pack.events.size());
                    p.position(UiText::SpeechEventPosition, std::clamp(s.selected_event, 0, count - 1) + 1, count);
                }
                break;
            case Screen::Photo:
                p.ui_text_of(UiText::SpeechScreenPhoto);
                p.position(UiText::SpeechPhotoPosition, s.photo.index + 1, int(ui.pack.shown_photos().size()));
                break;
            case Screen::Voices:
                p.add(ui_text(UiText::VoicesHeading, ui.lang));
                if (!ui.pack.quotes.empty())
                    p.position(UiText::SpeechQuotePosition, s.quote + 1, int(ui.pack.quotes.size()));
                break;
            case Screen::About: p.ui_text_of(UiText::ExploreAbout); break;
            case Screen::Attract: break;
        }
    }
    p.ui_text_of(UiText::SpeechKeys);
    return std::move(p.list);
}

std::vector<SpeechPart> volume_speech(int percent, const Ui& ui) {
    return {{ui_text(UiText::SpeechVolume, ui.lang, {{"percent", std::to_string(percent)}}), "", {}}};
}

std::string speech_text(const std::vector<SpeechPart>& parts) {
    std::string all;
    for (const SpeechPart& p : parts) all += p.text + "\n";
    return all;
}

}  // namespace kiosk
