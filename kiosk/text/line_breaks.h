// Where lines may break, by the Unicode line breaking rules (UAX #14) as ICU
// implements them: Khmer, written without spaces between words, is broken
// between the words ICU's dictionary finds, and never inside a cluster.
//
// ICU's iterators are costly to open (the Khmer dictionary), so one
// LineBreaks opens them once and is reused.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace kiosk {

class LineBreaks {
public:
    LineBreaks();
    LineBreaks(const LineBreaks&) = delete;
    LineBreaks& operator=(const LineBreaks&) = delete;
    ~LineBreaks();

    // Byte offsets in `text` where a line may begin, ascending, after 0, ending
    // with text.size().
    std::vector<uint32_t> opportunities(std::string_view text);
    // Byte offsets where a grapheme cluster (what a reader takes for one
    // character: a Khmer consonant with its subscripts and vowels) ends,
    // ascending, ending with text.size(): where a word too long for its line
    // may be cut.
    std::vector<uint32_t> clusters(std::string_view text);
    // The words of `text` by ICU's word rules (dictionary for Khmer): how many.
    int count_words(std::string_view text);

private:
    struct Iterators;
    std::unique_ptr<Iterators> it_;
};

// Where grapheme clusters end, as LineBreaks::clusters gives them, without the
// cost of opening the line and word iterators: ICU's character iterator, one
// for each thread, kept.
std::vector<uint32_t> grapheme_clusters(std::string_view text);

}  // namespace kiosk
