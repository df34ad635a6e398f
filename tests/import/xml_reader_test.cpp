// XmlReader on its own: the nodes, text, attributes, lines and errors the blog importers rely on,
// from libxml2's SAX2 push parser (one quirk a row).
#include "import/xml_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using kith::import::XmlReader;

namespace {

/// Every node as a token: "name" for a start ("name/" when empty, "name#ID" with an id
/// attribute), ")" for an end. Stops at the first error, returned after a '!'.
std::string outline(XmlReader& r) {
    std::string out;
    for (;;) {
        auto more = r.next();
        if (!more) return out + "!" + more.error().message;
        if (!*more) return out;
        if (r.is_start()) {
            out += std::string(r.name()) + (r.is_empty() ? "/" : "");
            if (const auto id = r.attribute("id")) out += "#" + *id;
            out += ' ';
        } else if (r.is_end()) {
            out += ") ";
        }
    }
}

/// The text() of the document's root element.
std::string root_text(const std::string& xml) {
    auto r = XmlReader::from_memory(xml, "t.xml");
    auto more = r->next();
    REQUIRE(more);
    REQUIRE(*more);
    auto t = r->text();
    REQUIRE(t);
    return *t;
}

}  // namespace

TEST_CASE("xml reader: elements, one quirk a row") {
    struct Row {
        const char* quirk;
        std::string xml, outline;
    };
    const std::vector<Row> rows = {
        {"nested elements end at their depth", "<r><a><b>x</b></a></r>", "r a b ) ) ) "},
        // WXR 1.0, 1.1 and 1.2 differ only in the namespace URI: matched by local name.
        {"namespaced names by local name",
         "<r xmlns:wp=\"http://wordpress.org/export/1.0/\"><wp:comment>x</wp:comment></r>",
         "r comment ) ) "},
        {"self-closing and empty elements have no end", "<r><a/><b></b><c> </c></r>",
         "r a/ b/ c ) ) "},
        // Disqus: <thread dsq:id="7"/> refers to a thread by a namespaced attribute.
        {"attributes by local name",
         "<r xmlns:dsq=\"http://disqus.com/disqus-internals\"><t dsq:id=\"7\"/></r>", "r t/#7 ) "},
        {"references in attributes are decoded", "<r><t id=\"a&amp;b&#38;c&lt;\"/></r>",
         "r t/#a&b&c< ) "},
        {"comments and processing instructions are not nodes",
         "<?xml version=\"1.0\"?><r><!-- c --><?pi x?><a/></r>", "r a/ ) "},
        // A WordPress plugin writing wp: elements without declaring the prefix.
        {"an undeclared prefix still gives the local name", "<r><wp:a>x</wp:a></r>", "r a ) ) "},
        {"a stray byte before <?xml is skipped (Disqus)", "?<?xml version=\"1.0\"?><r/>", "r/ "},
    };
    for (const auto& row : rows) {
        CAPTURE(row.quirk);
        auto r = XmlReader::from_memory(row.xml, "t.xml");
        CHECK(outline(*r) == row.outline);
    }
}

TEST_CASE("xml reader: text of an element, one quirk a row") {
    struct Row {
        const char* quirk;
        std::string xml, text;
    };
    const std::vector<Row> rows = {
        {"CDATA and raw text join", "<r>a<![CDATA[<b>&]]>c</r>", "a<b>&c"},
        {"predefined and numeric references", "<r>&amp;&lt;&gt;&quot;&apos;&#233;&#xE9;</r>",
         "&<>\"'éé"},
        {"nested elements' text is included", "<r>a<x>b<y/>c</x>d</r>", "abcd"},
        // WordPress writes HTML entities XML does not define; the repair makes them numeric.
        {"an HTML entity", "<r>a&nbsp;b&hellip;</r>",
         "a\xC2\xA0"
         "b…"},
        {"white space is kept (trimming is text_into's)", "<r> \n a \n</r>", " \n a \n"},
        {"a text node across many parser chunks",
         "<r>" + std::string(100000, 'x') + "é" + std::string(100000, 'y') + "</r>",
         std::string(100000, 'x') + "é" + std::string(100000, 'y')},
        {"a huge text node is cut at kMaxText", "<r>" + std::string(300000, 'z') + "</r>",
         std::string(XmlReader::kMaxText, 'z')},
        {"an empty element has empty text", "<r/>", ""},
    };
    for (const auto& row : rows) {
        CAPTURE(row.quirk);
        CHECK(root_text(row.xml) == row.text);
    }
}

TEST_CASE("xml reader: lines, errors read past and errors that stop") {
    SUBCASE("a node's line is the line of its start tag") {
        auto r = XmlReader::from_memory("<r>\n\n<a>\n</a>\n<b/></r>", "t.xml");
        std::vector<std::pair<std::string, int>> starts;
        for (auto more = r->next(); more && *more; more = r->next())
            if (r->is_start()) starts.emplace_back(std::string(r->name()), r->line());
        CHECK(starts == std::vector<std::pair<std::string, int>>{{"r", 1}, {"a", 3}, {"b", 5}});
    }
    SUBCASE("a namespace error is read past and reported with its line") {
        auto r = XmlReader::from_memory("<r>\n<wp:a>x</wp:a></r>", "t.xml");
        CHECK(outline(*r) == "r a ) ) ");
        const auto errors = r->take_errors();
        REQUIRE(errors.size() == 1);
        CHECK(errors[0].first == 2);
        CHECK(errors[0].second.find("wp") != std::string::npos);
    }
    SUBCASE("a document cut short: the nodes before the cut, then an error with its line") {
        auto r = XmlReader::from_memory("<r>\n<a id=\"1\"/>\n<a id=\"2\"/>\n<a id=\"3\">", "t.xml");
        const auto o = outline(*r);
        CHECK(o.rfind("r a/#1 a/#2 a#3 !", 0) == 0);
        CHECK(o.find("t.xml:4: XML error") != std::string::npos);
    }
    SUBCASE("a mismatched end tag stops reading at its line") {
        auto r = XmlReader::from_memory("<r>\n<a/>\n<b></c>\n<d/></r>", "t.xml");
        const auto o = outline(*r);
        CHECK(o.rfind("r a/ b !", 0) == 0);
        CHECK(o.find("t.xml:3: XML error") != std::string::npos);
    }
    SUBCASE("nesting deeper than 256 levels is refused (no tree limits it for a SAX parser)") {
        std::string xml;
        for (int i = 0; i < 300; ++i) xml += "<a>\n";
        auto r = XmlReader::from_memory(xml, "t.xml");
        const auto o = outline(*r);
        CHECK(o.find("nested deeper than 256") != std::string::npos);
        CHECK(o.find("t.xml:257:") != std::string::npos);
    }
    SUBCASE("a DOCTYPE is refused before libxml2 sees it") {
        auto r = XmlReader::from_memory(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>", "t.xml");
        const auto o = outline(*r);
        CHECK(o.rfind("!t.xml: the document has a DOCTYPE", 0) == 0);
    }
    SUBCASE("no root element is an error, not an empty document") {
        auto r = XmlReader::from_memory("<?xml version=\"1.0\"?>\n", "t.xml");
        CHECK(outline(*r).find("XML error") != std::string::npos);
    }
}
