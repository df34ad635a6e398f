#pragma once
// Finding and decoding the text of a message that its excerpt is made from.

#include <string>

#include "import/email_header_block.h"

typedef struct _GMimeParserOptions GMimeParserOptions;

namespace kith::import {

/// The text an excerpt is made from: the first text part that is not an attachment, plain text
/// preferred, else the first HTML part; transfer encoding undone and converted to UTF-8 from its
/// declared charset (not yet validated: may hold invalid UTF-8).
struct BodyText {
    enum class Scan {
        found,   ///< `text` holds it
        none,    ///< the message has no such part
        unsure,  ///< a structure this walk does not decide (duplicate Content-Type, an
                 ///< unclosed or boundary-less multipart, deep nesting): ask GMime's full parser
    };
    std::string text;
    bool html = false;
    bool valid = false;  ///< `text` is known to be valid UTF-8 without NUL bytes
};

/// Walks the MIME structure of the message whose top-level header block is `top` the way GMime's
/// parser builds it (same content types, defaults, boundaries and attachment test; GMime parses
/// each Content-Type and decodes each part) without building GMime objects for every header and
/// part. `options` may be null (GMime's defaults). Result in `out`.
BodyText::Scan find_body_text(const EmailHeaderBlock& top, GMimeParserOptions* options,
                              BodyText& out);

}  // namespace kith::import
