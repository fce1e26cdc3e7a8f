#include "curator/label_lint.h"

#include <memory>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace kiosk {
namespace {

// Words as ICU's word break iterator finds them: by the Unicode rules and, for
// scripts written without spaces (Khmer, Thai, Lao, …), by its dictionaries, so
// a Khmer sentence of twenty words counts twenty, not one. One iterator per
// thread: making one loads the rules.
icu::BreakIterator* word_breaks() {
    thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) made.reset();
        return made;
    }();
    return iterator.get();
}

bool is_hyphen(UChar32 c) { return c == '-' || c == 0x2010 || c == 0x2011; }

// Where a sentence ends: Khmer's khan (។) and bariyoosan (៕) always; a full
// stop, ! or ? when followed by a space and a capital (or a quote mark or a
// letter of another script), or by the end: "No. 2" and "e.g." do not.
bool ends_sentence(const icu::UnicodeString& text, int32_t start, int32_t end) {
    if (end - start != 1) return false;
    const UChar c = text.charAt(start);
    if (c == 0x17D4 || c == 0x17D5) return true;
    if (c != '.' && c != '!' && c != '?') return false;
    if (end == text.length()) return true;
    if (end + 1 >= text.length() || !u_isWhitespace(text.char32At(end))) return false;
    const UChar32 next = text.char32At(end + 1);
    return u_isupper(next) || next == '"' || next >= 0x80;
}

// Walks the text's words: `on_word` for each word, `on_stop` at each end of a
// sentence. "present-day" is one word, as a reader counts it.
template <typename Word, typename Stop>
void walk_words(const std::string& utf8, Word on_word, Stop on_stop) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    icu::BreakIterator* breaks = word_breaks();
    if (!breaks) return;
    breaks->setText(text);
    int32_t previous_word_end = -1, hyphen_end = -1;
    int32_t start = breaks->first();
    for (int32_t end = breaks->next(); end != icu::BreakIterator::DONE; start = end, end = breaks->next()) {
        if (breaks->getRuleStatus() != UBRK_WORD_NONE) {
            if (hyphen_end != start) on_word();
            previous_word_end = end;
            hyphen_end = -1;
            continue;
        }
        hyphen_end = previous_word_end == start && end - start == 1 && is_hyphen(text.charAt(start)) ? end : -1;
        if (ends_sentence(text, start, end)) on_stop();
    }
}

}  // namespace

int count_words(const std::string& text) {
    int words = 0;
    walk_words(
        text, [&] { ++words; }, [] {});
    return words;
}

std::vector<int> sentence_lengths(const std::string& text) {
    std::vector<int> lengths;
    int words = 0;
    const auto stop = [&] {
        if (words > 0) lengths.push_back(words);
        words = 0;
    };
    walk_words(
        text, [&] { ++words; }, stop);
    stop();
    return lengths;
}

std::vector<std::string> lint_label(const std::string& text, bool is_main_text) {
    std::vector<std::string> problems;
    for (int words : sentence_lengths(text)) {
        if (words > kMaxSentenceWords) {
            problems.push_back("has a sentence of " + std::to_string(words) + " words; labels read best under " +
                               std::to_string(kMaxSentenceWords));
            break;
        }
    }
    const int words = count_words(text);
    if (is_main_text && words > kMaxLabelWords)
        problems.push_back("is " + std::to_string(words) + " words long; a label should stay under " +
                           std::to_string(kMaxLabelWords));
    return problems;
}

}  // namespace kiosk
