#include "text/line_breaks.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

namespace kiosk {

struct LineBreaks::Iterators {
    UBreakIterator* line = nullptr;
    UBreakIterator* character = nullptr;
    UBreakIterator* word = nullptr;
};

namespace {

UBreakIterator* open_iterator(UBreakIteratorType type) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator* it = ubrk_open(type, "km", nullptr, 0, &status);
    return U_SUCCESS(status) ? it : nullptr;
}

// Walks `it` over the UTF-8 `text` (UText keeps offsets in bytes) and returns
// the boundaries after 0; text.size() is always last.
std::vector<uint32_t> boundaries(UBreakIterator* it, std::string_view text) {
    std::vector<uint32_t> out;
    if (it && !text.empty()) {
        UErrorCode status = U_ZERO_ERROR;
        UText* ut = utext_openUTF8(nullptr, text.data(), int64_t(text.size()), &status);
        ubrk_setUText(it, ut, &status);
        if (U_SUCCESS(status)) {
            for (int32_t b = ubrk_next(it); b != UBRK_DONE; b = ubrk_next(it))
                if (b > 0 && uint32_t(b) < text.size()) out.push_back(uint32_t(b));
        }
        // The iterator must not keep a pointer into text that is about to go.
        ubrk_setText(it, nullptr, 0, &status);
        utext_close(ut);
    }
    out.push_back(uint32_t(text.size()));
    return out;
}

}  // namespace

LineBreaks::LineBreaks() : it_(std::make_unique<Iterators>()) {
    it_->line = open_iterator(UBRK_LINE);
    it_->character = open_iterator(UBRK_CHARACTER);
    it_->word = open_iterator(UBRK_WORD);
}

LineBreaks::~LineBreaks() {
    if (it_->line) ubrk_close(it_->line);
    if (it_->character) ubrk_close(it_->character);
    if (it_->word) ubrk_close(it_->word);
}

std::vector<uint32_t> LineBreaks::opportunities(std::string_view text) { return boundaries(it_->line, text); }

std::vector<uint32_t> LineBreaks::clusters(std::string_view text) { return boundaries(it_->character, text); }

std::vector<uint32_t> grapheme_clusters(std::string_view text) {
    static thread_local const std::unique_ptr<UBreakIterator, void (*)(UBreakIterator*)> character(
        open_iterator(UBRK_CHARACTER), ubrk_close);
    return boundaries(character.get(), text);
}

int LineBreaks::count_words(std::string_view text) {
    if (!it_->word || text.empty()) return 0;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), int64_t(text.size()), &status);
    ubrk_setUText(it_->word, ut, &status);
    int words = 0;
    if (U_SUCCESS(status)) {
        for (int32_t b = ubrk_next(it_->word); b != UBRK_DONE; b = ubrk_next(it_->word))
            if (ubrk_getRuleStatus(it_->word) != UBRK_WORD_NONE) ++words;  // not spaces or punctuation
    }
    ubrk_setText(it_->word, nullptr, 0, &status);
    utext_close(ut);
    return words;
}

}  // namespace kiosk
