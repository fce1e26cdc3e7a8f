#include "layout/quote_measure.h"

#include "layout/text_measure.h"
#include "pack/date.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

std::string attribution_details(const Ui& ui, const Quote& q) {
    std::string cut;
    std::string d = laid_out(ui.text(q.role), cut, bytes_for_chars(kMaxShortTextChars));
    const std::string& context = laid_out(ui.text(q.context), cut, bytes_for_chars(kMaxShortTextChars));
    if (!context.empty()) d += (d.empty() ? "" : "\n") + context;
    return d;
}

// The quote's type size: as large as the design asks, smaller for a long quote so
// it never spills out of its box; a quote too long even at the caption size is
// cut to the box with "…" (the validator keeps a pack's quotes short enough).
float quote_floor(const Ui& ui) { return std::min(ui.fonts.size(FontRole::Body), ui.fonts.size(FontRole::Caption)); }

float quote_size(const Ui& ui, const std::string& text, float width, float height) {
    float size = ui.fonts.size(FontRole::Headline);
    const float floor = quote_floor(ui);
    while (size > floor && text_height_at(ui.fonts, FontRole::Headline, size, text, width) > height) size *= 0.92f;
    return std::max(std::round(size), floor);
}

// The speaker on one line, then the date when the quote has one: a long name
// is cut with "…" so the date stays readable.
std::string speaker_line(const Ui& ui, const Quote& q, float width) {
    const Fonts& f = ui.fonts;
    const std::string date = q.when ? " · " + format_date_span(*q.when, ui.pack, ui.lang) : "";
    const float name_w = std::max(width * 0.3f, width - text_width(f, FontRole::Body, date));
    return fit_lines(f, FontRole::Body, ui.text(q.speaker), name_w, 1, false) + date;
}

// A quote that starts mid-sentence ("very regretful for…") is shown with a
// leading ellipsis, as print does, so it does not read as a typo.
std::string shown_text(const Ui& ui, const Quote& q, bool original) {
    std::string cut;
    const std::string& text = laid_out(q.text.get(quote_language(ui, q, original), ui.pack.default_language()), cut,
                                       bytes_for_chars(kMaxQuoteChars));
    return !text.empty() && text[0] >= 'a' && text[0] <= 'z' ? "…" + text : text;
}

// What a quote in translation says of itself, in the visitor's language.
std::string translation_line(const Ui& ui, const Quote& q, bool original) {
    const std::string& shown = q.text.shown_language(quote_language(ui, q, original), ui.pack.default_language());
    if (shown.empty() || shown == q.language) return "";
    std::string line = ui_text(UiText::QuoteTranslatedFrom, ui.lang, {{"language", language_name(q.language)}});
    if (!ui.pack.reviewed(q.translations, shown))
        line += ui_text(UiText::TranslationSeparator, ui.lang) + ui_text(UiText::TranslationNotReviewed, ui.lang);
    return line;
}

}  // namespace

float speaker_mark_width(const Ui& ui, const std::string& mark) {
    return std::round(24 * ui.layouts.unit) + spaced_caps_width(ui.fonts, FontRole::SmallCaps, mark, 0.08f);
}

const std::string& quote_language(const Ui& ui, const Quote& q, bool original) {
    if (original && q.text.has(q.language)) return q.language;
    return q.text.shown_language(ui.lang, ui.pack.default_language());
}

bool has_original_toggle(const Ui& ui, const Quote& q) {
    return q.text.has(q.language) && quote_language(ui, q, false) != q.language;
}

Rect original_toggle(const Ui& ui, const Quote& q, const Rect& row, bool original) {
    if (row.h <= 0 || !has_original_toggle(ui, q)) return {};
    const std::string& label = ui_text(original ? UiText::QuoteShowTranslation : UiText::QuoteShowOriginal, ui.lang);
    const float w = text_width(ui.fonts, FontRole::Button, label) + 2 * std::round(26 * ui.layouts.unit);
    return {row.x, row.y, std::min(row.w, std::max(w, row.h)), row.h};
}

// Measures (and draws, when `paint` is given) the disputed note as the event card
// does: a "Disputed" mark over the note, an accent bar beside both.
float disputed_flow(FlowPainter* paint, const Ui& ui, const std::string& mark, const std::string& note, float x,
                    float y, float width) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    const float bar = std::max(std::round(5 * u), 3.f);
    const float inset = bar + std::round(22 * u);
    float by = y + 8 * u;
    if (paint) paint->spaced_caps(FontRole::SmallCaps, ImVec2(x + inset, by), Ink::AccentText, mark, 0.08f);
    by += f.size(FontRole::SmallCaps) * 1.3f + 4 * u;
    by += paint ? paint->text(FontRole::Caption, ImVec2(x + inset, by), Ink::Paper, note, width - inset)
                : text_height(f, FontRole::Caption, note, width - inset);
    by += 8 * u;
    if (paint) paint->bar(x, y, x + bar, by, Ink::Accent);
    return by - y;
}

// `scrolls`: the box scrolls, so a quote too long for it even at the smallest
// size stays whole; otherwise it is cut to the box with "…".
QuoteBlock arrange_quote(const Ui& ui, const Quote& q, float width, float height, bool scrolls, bool original) {
    const Fonts& f = ui.fonts;
    const float u = ui.layouts.unit;
    QuoteBlock b;
    b.speaker = speaker_line(ui, q, width);
    b.details = attribution_details(ui, q);
    b.speaker_h = f.size(FontRole::Body) * 1.4f;
    std::string cut;
    b.disputed = laid_out(ui.text(q.disputed), cut, bytes_for_chars(kMaxEventTextChars));
    b.mark = f.size(FontRole::Title) * 1.2f;
    b.text = shown_text(ui, q, original);
    b.translation = translation_line(ui, q, original);
    if (!b.translation.empty()) {
        b.translation = fit_lines(f, FontRole::Small, b.translation, width, 2);
        b.translation_h = 10 * u + text_height(f, FontRole::Small, b.translation, width);
    }
    // The attract loop cannot scroll: there the quote keeps the lines it needs
    // at its smallest size first, and the role and context, then a disputed
    // note (with its mark), the lines left, ending in "…"; all of them are
    // whole on Voices.
    const float line = line_height(f, FontRole::Caption, b.details + b.disputed);  // Khmer's lines are taller
    const float note_room = b.disputed.empty() ? 0 : 18 * u + 16 * u + f.size(FontRole::SmallCaps) * 1.3f + line;
    const float quote_at_floor = text_height_at(f, FontRole::Headline, quote_floor(ui), b.text, width);
    int spare_lines =
        int((height - b.mark * 0.6f - quote_at_floor - 28 * u - b.speaker_h - b.translation_h - note_room) / line);
    if (!scrolls) {
        const int detail_lines = std::max(1, spare_lines);
        if (text_height(f, FontRole::Caption, b.details, width) > float(detail_lines) * line)
            b.details = fit_lines(f, FontRole::Caption, b.details, width, detail_lines);
        spare_lines -= int(std::round(text_height(f, FontRole::Caption, b.details, width) / line));
    }
    b.attribution_h = 28 * u + b.speaker_h + text_height(f, FontRole::Caption, b.details, width) + b.translation_h;
    if (!b.disputed.empty()) {
        b.disputed_mark = ui_text(UiText::CommonDisputed, ui.lang);
        if (!scrolls)
            b.disputed = fit_lines(f, FontRole::Caption, b.disputed, width - 30 * u, std::clamp(spare_lines + 1, 1, 3));
        b.disputed_h = 18 * u + disputed_flow(nullptr, ui, b.disputed_mark, b.disputed, 0, 0, width);
        b.attribution_h += b.disputed_h;
    }
    const float room = height - b.attribution_h - b.mark * 0.6f;
    b.size = quote_size(ui, b.text, width, room);
    b.text_h = text_height_at(f, FontRole::Headline, b.size, b.text, width);
    if (b.text_h > room && !scrolls) {
        const float line = line_height(f, FontRole::Headline, b.text, b.size);
        b.text = fit_lines_at(f, FontRole::Headline, b.size, b.text, width, std::max(1, int(room / line)));
        b.text_h = text_height_at(f, FontRole::Headline, b.size, b.text, 0);
    }
    // Scrolled, the block starts with its hung quotation mark at the box's top
    // (see quote_overflow); the note's mark lies 26 units into its part.
    const float note_mark_bottom =
        b.mark * 0.25f + b.total() - b.disputed_h + 26 * u + f.size(FontRole::SmallCaps) * 1.3f;
    if (!b.disputed_mark.empty() && scrolls && note_mark_bottom > height) {
        b.speaker_mark = b.disputed_mark;
        b.speaker = speaker_line(ui, q, width - speaker_mark_width(ui, b.speaker_mark));
    }
    return b;
}

float quote_block_height(const Ui& ui, const Quote& q, float width, float height) {
    return arrange_quote(ui, q, width, height, false).total();
}

QuoteBlockText quote_block_text(const Ui& ui, const Quote& q, float width, float height, bool scrolls, bool original) {
    QuoteBlock b = arrange_quote(ui, q, width, height, scrolls, original);
    return {std::move(b.text),     std::move(b.speaker),      std::move(b.details),    std::move(b.disputed_mark),
            std::move(b.disputed), std::move(b.speaker_mark), std::move(b.translation)};
}

float quote_overflow(const Ui& ui, const Quote& q, bool original) {
    const Rect& box = ui.layouts.voices.quote_box;
    // Scrolled, the block starts with its hung quotation mark at the box's top.
    const QuoteBlock b = arrange_quote(ui, q, box.w, box.h, true, original);
    return std::max(0.f, b.total() + b.mark * 0.25f - box.h);
}

}  // namespace kiosk
