#pragma once
// The "imap" importer: mail on an IMAP server, incrementally.

#include <cstddef>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "imap": location "imaps://user@host[:port]/MAILBOX" (or imap:// with STARTTLS, which is
/// then required). Reads the mailbox named in the URL, or INBOX and every folder the server marks
/// \Sent (else one named "Sent") when none is named; option "folders" (comma-separated)
/// overrides both. Options: "password" (required; the command line fills it from a prompt or
/// KITH_IMAP_PASSWORD, it is never stored or logged), "ca_file" (a PEM CA file for a server
/// with its own certificate authority; TLS is always verified).
///
/// Incremental: the cursor holds, per folder, UIDVALIDITY and the highest UID imported; a run
/// fetches only UIDs above it, and a changed UIDVALIDITY re-reads that folder (deduplication by
/// Message-ID prevents duplicates). Mailboxes are opened read-only (EXAMINE, BODY.PEEK), so
/// nothing is marked read. Each message's header and the first kTextBytes of its body are
/// fetched in batches of kBatch messages per command and parsed by EmailMessageParser.
/// Warnings are located "imaps://host:port/MAILBOX;UID=n". Progress counts messages; cancel is
/// checked between messages. A lost connection fails the run without saving the cursor; running
/// again completes it without duplicates.
class ImapImporter final : public core::Importer {
  public:
    static constexpr std::size_t kBatch = 100;
    static constexpr std::size_t kTextBytes = 16 * 1024;

    std::string_view kind() const override { return "imap"; }
    std::string_view description() const override {
        return "Email on an IMAP server (imaps://user@host/INBOX), fetched incrementally";
    }
    core::SourceShape source_shape() const override { return core::SourceShape::url; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
