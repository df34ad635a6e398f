#pragma once
// The header block of a message or MIME part, split into fields without copying.

#include <cstddef>
#include <string_view>
#include <vector>

namespace kith::import {

/// The fields of an RFC 5322 header block (a message's or a MIME part's) and where its body
/// starts, as views into the caller's buffer (which must outlive the block). Splitting is what
/// GMime's parser does, without building an object per header: a blank line (LF or CRLF) ends the
/// block; lines starting with a space or tab continue the previous field (as the first line, they
/// start the body); other lines that are not "name:" (printable ASCII name, blanks allowed before
/// the colon), such as an mbox "From " line, are passed over with their continuation lines.
/// Values are raw: folded, not decoded, leading blanks removed. Reused between messages to keep
/// its storage.
class EmailHeaderBlock {
  public:
    struct Field {
        std::string_view name;
        std::string_view raw;  ///< after the colon, continuation lines included, CR LF kept
    };

    /// Splits `entity` (headers, a blank line, the body).
    void parse(std::string_view entity);

    /// The raw value of the first field called `name` (any case); empty when absent.
    std::string_view first(std::string_view name) const;
    /// How many fields are called `name`.
    std::size_t count(std::string_view name) const;
    const std::vector<Field>& fields() const { return m_fields; }
    /// What follows the blank line (empty when the data ends inside the block).
    std::string_view body() const { return m_body; }
    /// True when a blank line ended the block.
    bool has_blank_line() const { return m_blank; }

  private:
    std::vector<Field> m_fields;
    std::string_view m_body;
    bool m_blank = false;
};

/// ASCII case-insensitive equality of header names.
bool same_field_name(std::string_view a, std::string_view b);

}  // namespace kith::import
