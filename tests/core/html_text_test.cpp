// HTML reduced to what the kiosk shows: TimelineJS headlines, texts and captions
// are HTML, a pack's texts are plain.
#include "curator/html_text.h"

#include "base/utf8.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using kiosk::decode_html_entities;
using kiosk::html_to_line;
using kiosk::html_to_text;

TEST_CASE("paragraphs, line breaks, divs and list items become blank lines and line breaks", "[html]") {
    CHECK(html_to_text("<p>One</p><p>Two</p>") == "One\n\nTwo");
    CHECK(html_to_text("<P>One</P>\n  <P>Two</P>") == "One\n\nTwo");
    CHECK(html_to_text("a<br>b<br/>c<BR />d") == "a\nb\nc\nd");
    CHECK(html_to_text("a<br><br>b") == "a\n\nb");
    CHECK(html_to_text("a<br><br><br><br>b") == "a\n\nb");
    CHECK(html_to_text("<div>a</div><div>b</div>") == "a\nb");
    CHECK(html_to_text("<ul><li>first</li><li>second</li></ul>") == "first\nsecond");
    CHECK(html_to_text("Intro<ul><li>x</li></ul>After") == "Intro\n\nx\n\nAfter");
    CHECK(html_to_text("Before<p>inside</p>after") == "Before\n\ninside\n\nafter");
    CHECK(html_to_text("<h2>Title</h2>Body") == "Title\n\nBody");
    CHECK(html_to_text("<blockquote>Said</blockquote>Then") == "Said\n\nThen");
    // No break leads or trails, however many tags there are.
    CHECK(html_to_text("<p><br><p>Text<br></p><div></div></p>") == "Text");
    CHECK(html_to_text("<p></p>") == "");
    CHECK(html_to_text("") == "");
}

TEST_CASE("emphasis and links keep their text, other tags are stripped", "[html]") {
    CHECK(html_to_text("<p>Known as <em>Pol Pot</em>, <b>Brother</b> <strong>No. 1</strong> <i>then</i></p>") ==
          "Known as Pol Pot, Brother No. 1 then");
    CHECK(html_to_text("Take <a href=\"https://en.wikipedia.org/wiki/Ada_Lovelace\">Ada Lovelace</a>: daughter") ==
          "Take Ada Lovelace: daughter");
    CHECK(html_to_text("<span class=\"tl-note\">A note</span>") == "A note");
    CHECK(html_to_text("<a href='x' title=\"a > b\">link</a> text") == "link text");
    CHECK(html_to_text("x<img src=\"a.jpg\" alt=\"A\">y") == "x y");
    CHECK(html_to_text("<p class=\"lead\">In this sample timeline, we’ll walk you through</p>") ==
          "In this sample timeline, we’ll walk you through");
    CHECK(html_to_text("a<!-- a comment <p> -->b") == "ab");
    CHECK(html_to_text("<script>var x = '<p>';</script>Shown<style>p { color: red }</style>") == "Shown");
    CHECK(html_to_text("<!DOCTYPE html><html><head><title>T</title></head><body>Body</body></html>") == "Body");
    CHECK(html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc");
}

TEST_CASE("entities are decoded: named, decimal, hex, and Windows-1252 numbers", "[html]") {
    CHECK(decode_html_entities("&amp; &lt; &gt; &quot; &#39; &apos;") == "& < > \" ' '");
    CHECK(decode_html_entities("&#8217; &#x2019; &#X2019; &rsquo; &lsquo; &ldquo; &rdquo;") == "’ ’ ’ ’ ‘ “ ”");
    CHECK(decode_html_entities("&mdash; &ndash; &hellip; &eacute;&Eacute; &ccedil; &uuml; &szlig;") ==
          "— – … éÉ ç ü ß");
    CHECK(decode_html_entities("&copy; &euro; &pound; &deg; &times; &frac12; &middot; &laquo;&raquo; &bull;") ==
          "© € £ ° × ½ · «» •");
    CHECK(decode_html_entities("&nbsp;") == "\u00A0");
    CHECK(decode_html_entities("&#146;&#150;&#151;&#128;") == "’–—€");  // as browsers read them
    CHECK(decode_html_entities("&#0;&#xD800;&#x110000;&#99999999999999;") == "\uFFFD\uFFFD\uFFFD\uFFFD");
    CHECK(decode_html_entities("&#39 and &#x41") == "' and A");  // numeric ones may omit the ';'
    CHECK(decode_html_entities("&#128512;") == "😀");
    // What is not a known reference stays as written.
    CHECK(decode_html_entities("AT&T, Q&A; &amp &bogus; &; &#; &#x; & ;") == "AT&T, Q&A; &amp &bogus; &; &#; &#x; & ;");
    CHECK(decode_html_entities("&AMP;") == "&AMP;");
    // Decoded once: "&amp;lt;" is the text "&lt;", not "<".
    CHECK(decode_html_entities("&amp;lt;") == "&lt;");
    CHECK(html_to_text("&lt;p&gt; is a tag") == "<p> is a tag");
    CHECK(html_to_text("Cambodia&rsquo;s cities &amp; towns") == "Cambodia’s cities & towns");
}

TEST_CASE("white space collapses, no-break spaces included, and lines are trimmed", "[html]") {
    CHECK(html_to_text("  a \n\t b  ") == "a b");
    CHECK(html_to_text("&nbsp;&nbsp;a&nbsp;&nbsp;b&nbsp;") == "a b");
    CHECK(html_to_text("a\u00A0b") == "a b");
    CHECK(html_to_text("<p>  a  </p>  <p>  b  </p>") == "a\n\nb");
    CHECK(html_to_text("a <br> b") == "a\nb");
    CHECK(html_to_text("a<b> b</b>") == "a b");
    CHECK(html_to_text("soft&shy;hyphen") == "softhyphen");
    CHECK(html_to_text("ctrl\x01\x7f chars") == "ctrl chars");
    CHECK(html_to_line("<p>One</p><p>Two<br>three</p>") == "One Two three");
    CHECK(html_to_line("  Ieng   Sary  ") == "Ieng Sary");
}

TEST_CASE("broken HTML gives its best reading and never crashes", "[html]") {
    CHECK(html_to_text("<p>unclosed <b>bold") == "unclosed bold");
    CHECK(html_to_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2");
    CHECK(html_to_text("a <") == "a <");
    CHECK(html_to_text("<") == "<");
    CHECK(html_to_text("< p>x") == "< p>x");
    CHECK(html_to_text("text <p") == "text");  // a tag cut off by the end
    CHECK(html_to_text("a <!-- never closed") == "a");
    CHECK(html_to_text("<a href=\"x>text</a> more") == "text more");  // an unbalanced quote
    CHECK(html_to_text("<script>never closed") == "");
    CHECK(html_to_text("</p></div>text</b>") == "text");
    CHECK(html_to_text("<<<>>>") == "<<<>>>");

    // Random soups of markup characters: anything may come out, but valid UTF-8
    // in must give valid UTF-8 out, and nothing may read out of bounds (ASan).
    std::mt19937 rng(20250314);
    const std::vector<std::string> pieces = {"<",   ">",   "/", "p",      "br",  "div", "\"", "'",    "=",
                                             "&",   ";",   "#", "x",      "27",  "amp", " ",  "\n",   "<!--",
                                             "-->", "<p>", "é", "&nbsp;", "<b>", "li",  "\t", "&#x2", "script"};
    for (int round = 0; round < 3000; ++round) {
        std::string soup;
        const int length = static_cast<int>(rng() % 40);
        for (int i = 0; i < length; ++i) soup += pieces[rng() % pieces.size()];
        const std::string text = html_to_text(soup);
        const std::string line = html_to_line(soup);
        int l = 0, c = 0;
        INFO(soup);
        CHECK_FALSE(kiosk::find_invalid_utf8(text, &l, &c));
        CHECK(line.find('\n') == std::string::npos);
        CHECK((text.empty() ||
               (text.front() != ' ' && text.front() != '\n' && text.back() != ' ' && text.back() != '\n')));
    }
}
