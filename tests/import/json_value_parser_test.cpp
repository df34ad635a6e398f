// The archive importers' JSON parser: one quirk a row (FORMATS.md's Twitter and Mastodon
// sections, RFC 8259), and the chunked element stream cutting values at every byte.

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "import/json_element_stream.h"
#include "import/json_value_parser.h"

using kith::import::JsonKeyFilter;
using kith::import::JsonValueParser;
using json = nlohmann::json;

namespace {

struct Parsed {
    JsonValueParser::Status status;
    json value;
    std::string error;
};

Parsed parse(const std::string& text, bool at_eof = true, const JsonKeyFilter* filter = nullptr) {
    JsonValueParser p;
    Parsed out{};
    out.status = p.parse(text.data(), text.size(), at_eof, true, filter, out.value);
    out.error = p.error();
    return out;
}

}  // namespace

TEST_CASE("json value parser: values as the importers need them") {
    struct Row {
        const char* quirk;
        std::string input;
        json expected;
    };
    const std::vector<Row> table = {
        // Twitter ids above 2^53 (a double would round them): exact 64-bit integers.
        {"id above 2^53", R"({"id":1500000000000000007})",
         json{{"id", std::uint64_t{1500000000000000007}}}},
        {"largest unsigned 64-bit id", "18446744073709551615",
         json(std::uint64_t{18446744073709551615u})},
        // Above 2^64, or with a fraction/exponent: the text, never a rounded double.
        {"id above 2^64 kept as text", "18446744073709551616", json("18446744073709551616")},
        {"exponent kept as text", "1.5e18", json("1.5e18")},
        {"most negative integer", "-9223372036854775808",
         json(std::numeric_limits<std::int64_t>::min())},
        {"below the most negative integer", "-9223372036854775809", json("-9223372036854775809")},
        // Twitter writes numbers as strings ("favorite_count":"0"): they stay strings.
        {"number as string", R"({"n":"0"})", json{{"n", "0"}}},
        // Tweets are HTML-escaped; JSON escapes are decoded, \u surrogate pairs joined.
        {"escapes", R"("a\"b\\c\/d\n\u00e9")", json("a\"b\\c/d\n\xC3\xA9")},
        {"surrogate pair", R"("\ud83d\ude00")", json("\xF0\x9F\x98\x80")},
        {"raw UTF-8 kept", "\"Z\xC3\xBCrich \xF0\x9F\x98\x80\"",
         json("Z\xC3\xBCrich \xF0\x9F\x98\x80")},
        {"duplicate key: the last wins", R"({"a":1,"a":2})", json{{"a", 2u}}},
        {"empty containers and literals", R"([{},[],true,false,null])",
         json::array({json::object(), json::array(), true, false, nullptr})},
        {"white space everywhere", " {\n\t\"a\" :\r [ 1 , 2 ] } ", json{{"a", {1u, 2u}}}},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        std::string in = row.input;
        in.erase(0, in.find_first_not_of(" \t\r\n"));
        const auto r = parse(in);
        REQUIRE(r.status == JsonValueParser::Status::done);
        CHECK(r.value == row.expected);
    }
}

TEST_CASE("json value parser: bad input is an error at its offset, a cut value asks for more") {
    struct Row {
        const char* quirk;
        std::string input;
        std::string error;  ///< empty: need_more (the input is only cut short)
    };
    const std::vector<Row> table = {
        {"truncated object", R"({"a":1,)", ""},
        {"truncated string", R"(["ab)", ""},
        {"truncated escape", R"(["\u00)", ""},
        {"number at the buffer's end may go on", "[12", ""},
        {"cut UTF-8 sequence", "[\"\xC3", ""},
        {"trailing comma", "[1,]", "unexpected ']'"},
        {"missing colon", R"({"a" 1})", "expected ':'"},
        {"leading zero", "[01]", "expected ',' or ']'"},
        {"lone low surrogate", R"(["\udc00"])", "surrogate"},
        {"high surrogate without low", R"(["\ud83dx"])", "surrogate"},
        {"raw control character", "[\"a\x01\"]", "control character"},
        {"overlong UTF-8", "[\"\xC0\xAF\"]", "invalid UTF-8"},
        {"UTF-8 surrogate", "[\"\xED\xA0\x80\"]", "invalid UTF-8"},
        {"bad literal", "[nul1]", "invalid literal"},
        {"bad escape", R"(["\x"])", "invalid escape"},
        {"fraction without digits", "[1.]", "digit must follow"},
    };
    for (const auto& row : table) {
        const std::string quirk = row.quirk;
        CAPTURE(quirk);
        const auto r = parse(row.input, false);
        if (row.error.empty()) {
            CHECK(r.status == JsonValueParser::Status::need_more);
            CHECK(parse(row.input, true).status == JsonValueParser::Status::error);
        } else {
            CHECK(r.status == JsonValueParser::Status::error);
            CHECK(r.error.find(row.error) != std::string::npos);
        }
    }
}

TEST_CASE("json value parser: the key filter keeps what the importer reads, checks the rest") {
    const JsonKeyFilter keep{"tweet", "id_str", "entities", "user_mentions", "screen_name"};
    const std::string tweet =
        R"({"tweet":{"edit_info":{"initial":{"editTweetIds":["1"]}},"id_str":"9",)"
        R"("entities":{"hashtags":[],"user_mentions":[{"screen_name":"a","indices":["0","2"]}]}}})";
    const auto r = parse(tweet, true, &keep);
    REQUIRE(r.status == JsonValueParser::Status::done);
    CHECK(r.value == json::parse(R"({"tweet":{"id_str":"9","entities":{"user_mentions":)"
                                 R"([{"screen_name":"a"}]}}})"));
    // A dropped value is still checked: bad JSON inside it is an error.
    CHECK(parse(R"({"tweet":{"source":"a)"
                "\x01"
                R"("}})",
                true, &keep)
              .status == JsonValueParser::Status::error);
}

TEST_CASE("json element stream: elements cut at every byte of a small window read the same") {
    // The stream reads in chunks and parses each element again once a chunk cuts it; an
    // element split anywhere (inside a \u escape, a UTF-8 sequence, a number) must not matter.
    std::string doc = "window.YTD.tweets.part0 = [";
    for (int i = 0; i < 5000; ++i) {
        if (i) doc += " ,\n";
        doc += R"({"id":)" + std::to_string(1500000000000000000ULL + static_cast<unsigned>(i)) +
               R"(,"t":"caf\u00e9 Z)"
               "\xC3\xBC"
               R"(rich \ud83d\ude00","n":-12.5e3})";
    }
    doc += "];";
    std::istringstream in(doc);
    kith::import::ElementStreamOptions opt;
    opt.skip_js_assignment = true;
    std::uint64_t n = 0;
    auto r = kith::import::stream_json_elements(
        in, "tweets.js", opt, [] { return std::uint64_t{0}; },
        [&](json& e, std::uint64_t i) -> kith::core::Result<void> {
            CHECK(i == n);
            CHECK(e["id"] == 1500000000000000000ULL + n);
            CHECK(e["t"] == "caf\xC3\xA9 Z\xC3\xBCrich \xF0\x9F\x98\x80");
            CHECK(e["n"] == "-12.5e3");
            ++n;
            return {};
        });
    CHECK(static_cast<bool>(r));
    CHECK(n == 5000);  // ~400 KB: crosses the 256 KiB window's end inside an element

    std::istringstream cut(doc.substr(0, doc.size() / 2));
    auto bad = kith::import::stream_json_elements(
        cut, "tweets.js", opt, [] { return std::uint64_t{0}; },
        [](json&, std::uint64_t) -> kith::core::Result<void> { return {}; });
    REQUIRE_FALSE(static_cast<bool>(bad));
    CHECK(bad.error().message.find("tweets.js: invalid JSON at byte") != std::string::npos);
}
