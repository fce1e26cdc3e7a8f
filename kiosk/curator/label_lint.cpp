#include "curator/label_lint.h"

#include <algorithm>
#include <cctype>

namespace kiosk {

int count_words(const std::string& text) {
    int words = 0;
    bool in_word = false;
    for (unsigned char c : text) {
        const bool space = std::isspace(c) != 0;
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

std::vector<int> sentence_lengths(const std::string& text) {
    std::vector<int> lengths;
    std::string sentence;
    for (size_t i = 0; i < text.size(); ++i) {
        sentence += text[i];
        const bool stop = text[i] == '.' || text[i] == '!' || text[i] == '?';
        // "No. 2" and "e.g." do not end sentences: a stop must be followed by a space
        // and a capital (or a quote mark), or by the end.
        const bool at_end = i + 1 == text.size();
        const bool next_starts = i + 2 < text.size() && std::isspace(static_cast<unsigned char>(text[i + 1])) &&
                                 (std::isupper(static_cast<unsigned char>(text[i + 2])) || text[i + 2] == '"' ||
                                  static_cast<unsigned char>(text[i + 2]) >= 0x80);
        if ((stop && (next_starts || at_end)) || at_end) {
            if (count_words(sentence) > 0) lengths.push_back(count_words(sentence));
            sentence.clear();
        }
    }
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
