#include "layout/attract_layout.h"

#include "layout/quote_measure.h"
#include "layout/text_measure.h"
#include "text/interface_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

// The subtitle and the exhibit's dates as the pack states them (an exhibit that
// is not a life may have neither).
std::string subtitle_line(const Ui& ui) {
    std::string cut;
    std::string line = laid_out(ui.text(ui.pack.exhibit.subtitle), cut, bytes_for_chars(kMaxSubtitleChars));
    const std::string life = ui.digits(life_dates(ui.pack.exhibit, ui.lang));
    if (!life.empty()) line += (line.empty() ? "" : " · ") + life;
    return line;
}

// Beside the photograph when the quote is whole there, else across the screen.
float quote_width(const Ui& ui, const Quote& quote, float full_w, float height) {
    if (ui.layouts.portrait) return full_w;
    const float beside = std::min(float(ui.layouts.display.width) * 0.62f, 1300 * ui.layouts.unit);
    if (beside >= full_w) return full_w;
    return arrange_quote(ui, quote, beside, height, true).total() <= height ? beside : full_w;
}

// "Caption · Credit", the caption cut so the credit stays whole.
std::string photo_line(const Ui& ui, const Photograph& photo, float width) {
    const Fonts& f = ui.fonts;
    std::string cut;
    const std::string credit = laid_out(ui.text(photo.credit), cut, bytes_for_chars(kMaxShortTextChars));
    const std::string caption = laid_out(ui.text(photo.caption), cut, bytes_for_chars(kMaxShortTextChars));
    if (credit.empty()) return fit_lines(f, FontRole::Small, caption, width, 1, false);
    if (caption.empty()) return fit_lines(f, FontRole::Small, credit, width, 1, false);
    const std::string joint = " · " + credit;
    const float caption_w = width - text_width(f, FontRole::Small, joint);
    if (caption_w < width * 0.3f) return fit_lines(f, FontRole::Small, caption + joint, width, 1, false);
    return fit_lines(f, FontRole::Small, caption, caption_w, 1, false) + joint;
}

}  // namespace

AttractLayout attract_layout(const Ui& ui, const Quote* quote, const Photograph* photo) {
    const Fonts& f = ui.fonts;
    const float W = float(ui.layouts.display.width), H = float(ui.layouts.display.height);
    const float u = ui.layouts.unit;
    const float pad = std::round(std::max(96 * u, 20.f));
    AttractLayout a;
    a.left = pad;
    a.line_w = W - 2 * pad;
    a.title_y = pad * (ui.layouts.portrait ? 1.5f : 1.f);
    a.title = fit_lines(f, FontRole::Title, ui.text(ui.pack.exhibit.title), a.line_w, 1, false);
    const float below_title = a.title_y + text_height(f, FontRole::Title, a.title, 0);
    a.subtitle_y = below_title + 8 * u;
    a.subtitle = fit_lines(f, FontRole::Subtitle, subtitle_line(ui), a.line_w, 1, false);

    const float invite_h = std::round(std::max(72 * u, ui.layouts.target * 0.8f));
    float invite_w = 0;
    for (const std::string& lang : ui.pack.settings.languages)
        invite_w = std::max(invite_w, text_width(f, FontRole::Button, ui_text(UiText::AttractInvite, lang)));
    a.invite = {W / 2 - invite_w / 2 - 40 * u, H - pad - invite_h, invite_w + 80 * u, invite_h};

    if (photo) {
        a.photo_line = photo_line(ui, *photo, a.line_w);
        const float h = text_height(f, FontRole::Small, a.photo_line, 0);
        a.photo_line_x = W - pad - text_width(f, FontRole::Small, a.photo_line);
        a.photo_line_y = std::min(a.invite.bottom() + (pad - h) / 2, H - h - 2 * u);
    }
    if (quote) {
        const float top = below_title + f.size(FontRole::Subtitle) * 2.5f + 40 * u;
        const float height = a.invite.y - top - 40 * u;
        a.quote = {a.left, top, quote_width(ui, *quote, a.line_w, height), height};
    }
    return a;
}

namespace {

// How much of a quote the loop shows: its words, speaker, role and context
// whole; only its words whole; or less.
enum class QuoteShown { Whole, WordsWhole, Cut };

QuoteShown how_shown(const Ui& ui, const Quote& quote) {
    const AttractLayout a = attract_layout(ui, &quote, nullptr);
    const QuoteBlockText shown = quote_block_text(ui, quote, a.quote.w, a.quote.h, false);
    const QuoteBlockText whole = quote_block_text(ui, quote, a.quote.w, 1e9f, true);
    if (shown.text != whole.text) return QuoteShown::Cut;
    return shown.speaker == whole.speaker && shown.details == whole.details ? QuoteShown::Whole
                                                                            : QuoteShown::WordsWhole;
}

}  // namespace

bool attract_quote_fits(const Ui& ui, const Quote& quote) { return how_shown(ui, quote) == QuoteShown::Whole; }

const Quote* attract_quote_shown_at(const Ui& ui, int64_t ms) {
    const std::vector<const Quote*> chosen = ui.pack.attract_quotes();
    if (chosen.empty()) return nullptr;
    // The best any chosen quote is shown, and the quotes shown that well.
    std::vector<QuoteShown> shown;
    for (const Quote* q : chosen) shown.push_back(how_shown(ui, *q));
    const QuoteShown best = *std::min_element(shown.begin(), shown.end());
    std::vector<const Quote*> quotes;
    for (size_t i = 0; i < chosen.size(); ++i)
        if (shown[i] == best) quotes.push_back(chosen[i]);
    return quotes[size_t((std::max<int64_t>(0, ms) / kAttractQuoteMs) % int64_t(quotes.size()))];
}

}  // namespace kiosk
