// HTML to plain text and character references: the one implementation behind comment, mail and
// Mastodon excerpts. One quirk a row, with where it comes from.
#include <doctest/doctest.h>

#include <string>

#include "import/html_entities.h"
#include "import/html_text.h"
#include "import/social_text.h"

using kith::import::decode_html_reference;
using kith::import::html_to_text;
using kith::import::html_unescape;
using kith::import::HtmlTextOptions;

TEST_CASE("html_to_text with line breaks: Mastodon posts and HTML mail") {
    const HtmlTextOptions lines{.line_breaks = true};
    struct Row {
        const char* html;
        const char* text;
        const char* where;
    };
    const Row rows[] = {
        {"<p>First</p><p>Second<br>third</p>", "First\nSecond\nthird",
         "Mastodon: paragraphs and <br>, no break before the first or after the last"},
        {"<p><span class=\"h-card\"><a "
         "href=\"https://m.example/@ana\">@<span>ana</span></a></span> "
         "hi</p>",
         "@ana hi", "Mastodon mention markup: inline tags join '@' and the name"},
        {"<p>a<br><br><br>b</p>", "a\nb", "runs of breaks are one break"},
        {"<div>x  \n  y</div>", "x y", "white space in text collapses"},
        {"<p>Tom &amp; Jerry &lt;3</p>", "Tom & Jerry <3", "references decode after tags go"},
        {"<p>&lt;b&gt;not bold&lt;/b&gt;</p>", "<b>not bold</b>",
         "escaped markup stays text, never a tag"},
        {"<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc",
         "cells separate words, rows break lines"},
        {"<head><title>Newsletter</title></head><body>Hi</body>", "Hi",
         "HTML mail: head and title are not text"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        CHECK(html_to_text(row.html, lines) == row.text);
    }
}

TEST_CASE("html_to_text leaves out quoted mail only when asked") {
    const std::string html = "Yes<blockquote>On Tue, Ana wrote:<br>old</blockquote>sure";
    CHECK(html_to_text(html, {.line_breaks = true, .drop_quotes = true}) == "Yes\nsure");
    CHECK(html_to_text(html, {.line_breaks = true}) == "Yes\nOn Tue, Ana wrote:\nold\nsure");
    // Nested quotes, and a stray closing tag that must not make the depth negative.
    CHECK(html_to_text("</blockquote>a<blockquote>b<blockquote>c</blockquote>d</blockquote>e",
                       {.drop_quotes = true}) == "a e");
}

TEST_CASE("html_to_text cuts on a character boundary and says so") {
    CHECK(html_to_text("<p>one two three</p>", {.max_bytes = 8}) == "one two…");
    CHECK(html_to_text("<p>one two</p>", {.max_bytes = 7}) == "one two");  // fits exactly
    CHECK(html_to_text("ﬀﬀﬀ", {.max_bytes = 4}) == "ﬀ…");  // 3-byte letters: never half of one
}

TEST_CASE("character references: what decodes and what stays text") {
    struct Row {
        const char* in;
        const char* out;
        const char* where;
    };
    const Row rows[] = {
        {"&amp;&lt;&gt;&quot;&apos;", "&<>\"'", "XML's five"},
        {"&#8217;&#x2019;&#X2019;", "’’’", "decimal, hex, upper-case X (WordPress, Twitter)"},
        {"&hellip;&nbsp;", "…\xC2\xA0", "HTML names comment editors write"},
        {"&bogus; & alone &", "&bogus; & alone &", "unknown names and bare ampersands stay"},
        {"&#0;&#xD800;&#x110000;", "&#0;&#xD800;&#x110000;",
         "NUL, a surrogate and beyond Unicode are not characters: kept as written"},
        {"&#99999999999999999999;", "&#99999999999999999999;", "a huge number never overflows"},
        {"&#x;&#;", "&#x;&#;", "no digits"},
        {"&amp", "&amp", "no ';' (cut-off text)"},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.where));
        CHECK(html_unescape(row.in) == row.out);
    }
    std::string out;
    CHECK(decode_html_reference("x&amp;y", 1, out) == 5);
    CHECK(out == "&");
    CHECK(decode_html_reference("&zz;", 0, out) == 0);
}

TEST_CASE("a Mastodon post's text is cut at the post excerpt length") {
    const std::string long_post = "<p>" + std::string(2000, 'a') + "</p>";
    const auto text = kith::import::post_html_to_text(long_post);
    CHECK(text.size() == kith::import::kPostExcerptBytes + std::string("…").size());
    CHECK(text.substr(text.size() - 3) == "…");
}
