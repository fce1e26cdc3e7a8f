// HTML reduced to the plain text the kiosk can show. Imported content (TimelineJS
// headlines, texts, captions) is written in HTML; a pack's texts are plain
// UTF-8 with line breaks.
#pragma once

#include <string>
#include <string_view>

namespace kiosk {

// The text of an HTML fragment: <p>, headings, <blockquote>, lists and tables
// separate paragraphs with a blank line; <br>, <div>, <li> and table rows end a
// line (two <br> make a blank line). Tags are stripped and the text of emphasis
// and links kept; comments, <script> and <style> are dropped; character
// references are decoded; runs of white space (&nbsp; included) collapse to one
// space and lines are trimmed. Never fails: broken markup gives its best reading,
// and a '<' that does not start a tag is text ("1 < 2").
std::string html_to_text(std::string_view html);

// html_to_text() on one line: its line and paragraph breaks become spaces.
std::string html_to_line(std::string_view html);

// Decodes character references: named ones (&amp; &eacute; &rsquo; … the HTML 4
// set and &apos;) when they end in ';', and decimal or hex ones (&#8217;
// &#x2019;). Numbers 128–159 are read as Windows-1252, as browsers do (&#146; is
// ’); zero, surrogates and numbers beyond U+10FFFF give U+FFFD. References that
// are not known stay as written, so "AT&T" is unchanged.
std::string decode_html_entities(std::string_view text);

// `html` without the elements whose class attribute lists `class_name`, their
// content and nested elements with them: TimelineJS's template keeps advice for
// the timeline's author in <span class="tl-note">…</span>. Adds the number of
// elements removed to `*removed`.
std::string without_elements_of_class(std::string_view html, std::string_view class_name, size_t* removed);

// Plain text without Wikipedia's footnote marks: "[1]", "[23]", "[a]",
// "[note 3]", "[nb 1]", "[citation needed]" and the other "[… needed]",
// "[who?]", "[when?]", "[according to whom?]", "[dubious – discuss]". A space
// left before punctuation goes with the mark. Adds the number removed to
// `*removed`. Any other bracketed text ("[sic]", "[the king]") stays.
std::string without_footnote_marks(std::string_view text, size_t* removed);

}  // namespace kiosk
