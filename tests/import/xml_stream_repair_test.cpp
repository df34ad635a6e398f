#include "import/xml_stream_repair.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "import/html_text.h"

using kith::import::XmlStreamRepair;

namespace {

/// The filter run over `input` handed over `step` bytes per read (1 = every construct split),
/// read out through a 7-byte buffer.
struct Filtered {
    std::string input;
    std::size_t step;
    std::size_t pos = 0;
    XmlStreamRepair repair{[this](char* buf, std::size_t n) -> long {
        const std::size_t take = std::min({n, step, input.size() - pos});
        std::copy_n(input.data() + pos, take, buf);
        pos += take;
        return static_cast<long>(take);
    }};
    std::string out;

    Filtered(std::string in, std::size_t s) : input(std::move(in)), step(s) {
        char buf[7];
        for (long got; (got = repair.read(buf, sizeof buf)) > 0;)
            out.append(buf, static_cast<std::size_t>(got));
    }
};

struct Row {
    const char* quirk;
    std::string in, out;
    std::uint64_t repairs;
};

}  // namespace

TEST_CASE("xml repair: one quirk a row, whole and split at every byte") {
    const std::vector<Row> rows = {
        {"clean XML passes unchanged", "<?xml version=\"1.0\"?><a x=\"1\">t &amp; &#233;</a>",
         "<?xml version=\"1.0\"?><a x=\"1\">t &amp; &#233;</a>", 0},
        {"a stray byte before <?xml", "?<a/>", "<a/>", 1},
        {"a UTF-8 BOM is dropped silently", "\xEF\xBB\xBF<a/>", "<a/>", 0},
        {"bare ampersands", "<a>Tom & Jerry &</a>", "<a>Tom &amp; Jerry &amp;</a>", 2},
        {"an ampersand far from any semicolon", "<a>&" + std::string(40, 'x') + ";</a>",
         "<a>&amp;" + std::string(40, 'x') + ";</a>", 1},
        {"HTML entities become numeric", "<a>&nbsp;&hellip;</a>", "<a>&#160;&#8230;</a>", 2},
        {"unknown entities become text", "<a>&bogus;</a>", "<a>&amp;bogus;</a>", 1},
        {"references to forbidden characters are dropped", "<a>x&#11;y&#x1F;z&#65;</a>",
         "<a>xyz&#65;</a>", 2},
        {"control characters are dropped", "<a>x\x0By\x1Fz\tw</a>", "<a>xyz\tw</a>", 2},
        {"'<' that starts no tag", "<a>1 < 2 <3</a>", "<a>1 &lt; 2 &lt;3</a>", 2},
        {"CDATA keeps & and <, still loses control characters",
         "<a><![CDATA[a & b < c \x01]]> & </a>", "<a><![CDATA[a & b < c ]]> &amp; </a>", 2},
        {"comments and processing instructions are left alone", "<a><!-- & < --><?pi & ?></a>",
         "<a><!-- & < --><?pi & ?></a>", 0},
        {"invalid UTF-8: lone continuation, overlong, surrogate, truncated",
         "<a>\x80|\xC0\xAF|\xED\xA0\x80|\xE2\x82</a>",
         "<a>\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
         "\xEF\xBF\xBD"
         "\xEF\xBF\xBD</a>",
         8},
        {"valid multi-byte UTF-8 passes", "<a>é€😀</a>", "<a>é€😀</a>", 0},
        {"U+FFFF is not an XML character", "<a>\xEF\xBF\xBF</a>", "<a>\xEF\xBF\xBD</a>", 1},
        // Rows longer than 16 bytes: the 16-byte scan must stop at each byte worth a look,
        // wherever it falls in a block, and let the rest pass.
        {"long text with quirks at every offset of a 16-byte block",
         "<a>" + std::string(13, 'x') + "\x0B" + std::string(17, 'y') + "&" + std::string(5, 'z') +
             "\xC3\xA9" + std::string(11, 'w') + "\x80</a>",
         "<a>" + std::string(13, 'x') + std::string(17, 'y') + "&amp;" + std::string(5, 'z') +
             "\xC3\xA9" + std::string(11, 'w') + "\xEF\xBF\xBD</a>",
         3},
        {"long CDATA and comments with their own special bytes",
         "<a><![CDATA[" + std::string(20, 'c') + "] ]] \x01" + std::string(20, 'd') + "]]><!--" +
             std::string(18, 'e') + "- -" + std::string(18, 'f') + "--></a>",
         "<a><![CDATA[" + std::string(20, 'c') + "] ]] " + std::string(20, 'd') + "]]><!--" +
             std::string(18, 'e') + "- -" + std::string(18, 'f') + "--></a>",
         1},
        {"long tags and multi-byte text pass in runs",
         "<wp:comment_content>" + std::string(40, 'a') + "ü€😀</wp:comment_content>",
         "<wp:comment_content>" + std::string(40, 'a') + "ü€😀</wp:comment_content>", 0},
        {"another declared encoding is not checked as UTF-8",
         "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>",
         "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf\xE9</a>", 0},
    };
    for (const auto& row : rows) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        for (const std::size_t step : {std::size_t{1}, std::size_t{3}, std::size_t{1} << 20}) {
            CAPTURE(step);
            const Filtered f(row.in, step);
            CHECK(f.out == row.out);
            CHECK(f.repair.repairs() == row.repairs);
            CHECK_FALSE(f.repair.refused());
        }
    }
}

TEST_CASE("xml repair: read_view hands over the same bytes as read, without a copy") {
    std::string in = "<a>";
    for (int i = 0; i < 20000; ++i) in += "x & y é\n";  // several 64 KiB input chunks
    in += "</a>";
    const Filtered copied(in, std::size_t{1} << 20);
    std::size_t pos = 0;
    XmlStreamRepair repair([&](char* buf, std::size_t n) -> long {
        const std::size_t take = std::min(n, in.size() - pos);
        std::copy_n(in.data() + pos, take, buf);
        pos += take;
        return static_cast<long>(take);
    });
    std::string viewed;
    const char* data = nullptr;
    int reads = 0;
    for (long got; (got = repair.read_view(&data)) > 0; ++reads)
        viewed.append(data, static_cast<std::size_t>(got));
    CHECK(reads > 1);
    CHECK(viewed == copied.out);
    CHECK(repair.repairs() == 20000);
    CHECK(repair.read_view(&data) == 0);
}

TEST_CASE("xml repair: a DOCTYPE stops the stream, wherever the read boundaries fall") {
    for (const std::size_t step : {std::size_t{1}, std::size_t{4096}}) {
        const Filtered f(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "
            "\"file:///etc/passwd\">]><a>&x;</a>",
            step);
        CHECK(f.repair.refused());
        CHECK(f.out.find("passwd") == std::string::npos);
        CHECK(f.repair.refusal().find("line 2") != std::string::npos);
    }
}

TEST_CASE("xml repair: repairs are noted with their lines, the first twenty only") {
    std::string in = "<a>\n";
    for (int i = 0; i < 30; ++i) in += "x & y\n";
    in += "</a>";
    const Filtered f(in, 5);
    CHECK(f.repair.repairs() == 30);
    REQUIRE(f.repair.noted().size() == XmlStreamRepair::kMaxNoted);
    CHECK(f.repair.noted()[0].line == 2);
    CHECK(f.repair.noted()[19].line == 21);
}

TEST_CASE("comment_html_to_text: excerpts of comment HTML") {
    using kith::import::comment_html_to_text;
    CHECK(comment_html_to_text("<p>Hello <b>wor</b>ld</p><p>Next&nbsp;line</p>") ==
          "Hello world Next line");
    CHECK(comment_html_to_text("a &lt;b&gt; &amp;amp; &#x41;&#66; &unknown; & done") ==
          "a <b> &amp; AB &unknown; & done");
    CHECK(comment_html_to_text("<style>p{}</style><script>x()</script>text<!-- hidden -->") ==
          "text");
    CHECK(comment_html_to_text("1 < 2 and <br/>3") == "1 < 2 and 3");
    CHECK(comment_html_to_text("   spaced\n\n  out   ") == "spaced out");
    CHECK(comment_html_to_text(std::string(600, 'a'), 10) == "aaaaaaaaaa…");
    CHECK(comment_html_to_text("ééééé", 5) == "éé…");  // never half a character
    CHECK(comment_html_to_text("unclosed <a href=\"x") == "unclosed");
}
