#pragma once
// The "vcard" importer: address-book exports (.vcf) from phones, Apple Contacts, Google, Outlook.

#include <cstdint>
#include <istream>
#include <string>

#include "core/importer.h"
#include "import/vcard_reader.h"

namespace kith::import {

/// Kind "vcard": reads a .vcf file of any number of vCard 2.1, 3.0 or 4.0 cards, streaming, and
/// sends one contact per card. Mapping: FN (or, when missing, N's parts) → name; EMAIL, TEL, URL,
/// X-SOCIALPROFILE (TYPE twitter/x, mastodon, linkedin or guessed from the URL), IMPP and
/// X-TWITTER/X-MASTODON → identities; CATEGORIES → circles; NOTE → notes; ORG (first unit),
/// TITLE, BDAY (19800322, 1980-03-22, --0322); PHOTO (base64 or a data: URI; never fetched from
/// a URL) → a ≤ 96 px PNG thumbnail; X-KITH-CADENCE → cadence (written by `export vcard`).
/// Records are keyed ("vcard", UID), or by name and first identity when a card has no UID.
/// Bad values (an invalid email, a damaged photo) are warnings located "FILE:LINE"; a card with
/// neither name nor identity is skipped with a warning. Progress in bytes; cancel between cards.
class VcardImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "vcard"; }
    std::string_view description() const override {
        return "Address book export (.vcf, vCard 2.1/3.0/4.0)";
    }
    std::string_view file_patterns() const override { return "*.vcf;*.vcard"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

    /// The import of `in` (named `name` in warnings, `total` bytes or 0), for tests and fuzzing.
    static core::Result<void> import_stream(std::istream& in, const std::string& name,
                                            std::uint64_t total, core::RecordSink& sink,
                                            core::Progress& progress);
};

/// The contact a card describes; problems with single values go to `problems`.
core::ContactRecord contact_from_vcard(const VcardCard& card, std::vector<VcardProblem>& problems);

}  // namespace kith::import
