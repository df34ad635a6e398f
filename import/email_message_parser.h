#pragma once
// One email message (RFC 5322 + MIME, parsed by GMime 3) into one interaction.

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Where a message came from, for warnings and when its own Date header is missing or broken.
struct EmailOrigin {
    std::string location;                     ///< "FILE:LINE" or a file path
    std::optional<core::TimePoint> fallback;  ///< the From_ line, file name or file time
    bool truncated = false;                   ///< only the message's first bytes are given
};

/// Turns raw messages into InteractionRecords for the "email" channel and hands them to a sink.
/// Shared by the mbox, Maildir, .eml and IMAP importers so every source gives the same record for
/// the same message (deduplicated by Message-ID across all of them).
///
/// The record: ext_ns "email", ext_id the normalized Message-ID ("<id@host>"; without one, a
/// digest of Date, From, To and Subject); participants From, To, Cc (groups expanded, RFC 2047
/// names decoded, undeclared 8-bit names read as UTF-8 else Windows-1252, my identities left
/// out); direction out when From is mine; kind reply when In-Reply-To or References name another
/// message; thread_key the References root (see thread_root); bulk after bulk_reason; personal
/// when not bulk and either mine or addressed to me in To/Cc; subject; a plain-text excerpt of
/// the first text part (HTML reduced to text when there is no plain part); url "mid:ID"
/// (RFC 2392). Gmail Takeout messages labelled Spam are skipped.
///
/// Time: the Date header; when it is missing or unparseable, a warning and the newest
/// Received header's time, else `origin.fallback`; without any, the message is skipped with a
/// warning. A message without a From address, or whose headers are cut off (`origin.truncated`
/// and no end of headers in `data`), is skipped with a warning. Never throws; GMime is
/// initialised once per process. Not thread-safe (one parser per thread).
class EmailMessageParser {
  public:
    EmailMessageParser();
    ~EmailMessageParser();
    EmailMessageParser(const EmailMessageParser&) = delete;
    EmailMessageParser& operator=(const EmailMessageParser&) = delete;

    /// Parses `data` into `out`; false when the message is to be skipped (a warning or a skip was
    /// reported to `sink`).
    bool parse(std::string_view data, const EmailOrigin& origin, core::RecordSink& sink,
               core::InteractionRecord& out);

    /// parse() then sink.interaction(); the sink's error is returned, skips are not errors.
    core::Result<void> import(std::string_view data, const EmailOrigin& origin,
                              core::RecordSink& sink);

  private:
    /// The excerpt of the message whose header block was just split.
    std::string excerpt(std::string_view data);

    struct Options;
    std::unique_ptr<Options> m_options;
};

}  // namespace kith::import
