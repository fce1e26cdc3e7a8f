// Museum label practice, as warnings a curator can act on: short sentences,
// short labels. Warnings never make a pack invalid.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

constexpr int kMaxSentenceWords = 25;
constexpr int kMaxLabelWords = 100;

// Words in any language, by ICU's word breaks: Khmer, written without spaces,
// counts its words too; punctuation is no word; "present-day" is one.
int count_words(const std::string& text);
// The word count of each sentence (ended by . ! ?, Khmer's ។ and ៕, or the end
// of the text).
std::vector<int> sentence_lengths(const std::string& text);

// Problems with one label text, phrased for the curator; empty when it reads well.
std::vector<std::string> lint_label(const std::string& text, bool is_main_text);

}  // namespace kiosk
