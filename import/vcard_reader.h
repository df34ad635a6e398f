#pragma once
// Streaming vCard 2.1 / 3.0 / 4.0 reader: cards as lists of unfolded, decoded properties.

#include <cstdint>
#include <istream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kith::import {

/// One content line: `item1.EMAIL;TYPE=work,pref:ana@example.org`.
struct VcardProperty {
    std::string group;  ///< "item1" (Apple's grouping), empty when none
    std::string name;   ///< upper-case: "EMAIL", "X-SOCIALPROFILE"
    /// Parameters, names upper-case. TYPE values are split at commas and lower-cased; 2.1's bare
    /// parameters ("EMAIL;INTERNET;PREF") become TYPE, ENCODING or CHARSET as they mean.
    std::vector<std::pair<std::string, std::string>> params;
    /// The value as UTF-8: quoted-printable decoded and converted from CHARSET; vCard escapes
    /// (`\,` `\;` `\n`) are still in place (their meaning depends on the property), and base64
    /// is left encoded.
    std::string value;
    std::uint64_t line = 0;  ///< where the property started

    /// The first value of parameter `name` (upper-case), or empty.
    std::string param(std::string_view key) const;
    /// True when a TYPE parameter holds `type` (lower-case).
    bool has_type(std::string_view type) const;
};

/// A card between BEGIN:VCARD and END:VCARD.
struct VcardCard {
    std::vector<VcardProperty> properties;
    std::uint64_t line = 0;  ///< the BEGIN line
    std::string version;     ///< "2.1", "3.0", "4.0" or empty
};

/// A problem with one line or card, for the importer's warnings.
struct VcardProblem {
    std::uint64_t line = 0;
    std::string message;
};

/// Reads cards one at a time. Unfolds lines continued with a space or tab (also inside a UTF-8
/// sequence) and 2.1 quoted-printable soft breaks ("=" at the line end). Memory is bounded by
/// `max_line` per property and by `max_properties` and kMaxCardBytes per card: longer lines and
/// extra properties are dropped with a problem. Text outside cards is ignored; a card the input
/// ends inside is returned with a problem. Not thread-safe.
class VcardReader {
  public:
    static constexpr std::size_t kMaxLine = 8u << 20;
    static constexpr std::size_t kMaxProperties = 5000;
    /// Values of one card beyond this many bytes are dropped (with one problem).
    static constexpr std::size_t kMaxCardBytes = 16u << 20;

    explicit VcardReader(std::istream& in, std::size_t max_line = kMaxLine,
                         std::size_t max_properties = kMaxProperties);

    /// The next card; false at the end of input. Problems found meanwhile go to `problems`.
    bool next(VcardCard& card, std::vector<VcardProblem>& problems);
    /// Bytes consumed so far.
    std::uint64_t offset() const { return m_offset; }
    bool bad() const { return m_in.bad(); }

  private:
    bool physical_line(std::string& out, bool& too_long);
    bool logical_line(std::string& out, std::uint64_t& line, std::vector<VcardProblem>& problems);

    std::istream& m_in;
    std::size_t m_max_line, m_max_properties;
    std::uint64_t m_line = 0, m_offset = 0;
};

/// Parses one unfolded content line; false when it has no ':'.
bool parse_vcard_property(std::string_view line, VcardProperty& out);

/// Undoes vCard text escapes: `\n`/`\N` → newline, `\,` `\;` `\\` `\:` → the character.
std::string vcard_unescape(std::string_view s);

/// Splits at unescaped `sep` (';' for structured values like N and ORG, ',' for lists like
/// CATEGORIES) and unescapes each part.
std::vector<std::string> vcard_split(std::string_view s, char sep);

}  // namespace kith::import
