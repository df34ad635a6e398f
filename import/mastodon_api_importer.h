#pragma once
// The "mastodon" importer: a Mastodon account through its REST API.

#include "core/importer.h"
#include "import/http_client.h"

namespace kith::import {

/// Kind "mastodon": location is the instance ("https://mastodon.social"). The access token (read
/// scope) comes from option "token", else the environment variable KITH_MASTODON_TOKEN; it is
/// sent only to that instance and never stored or printed. Reads, paging with the Link header:
///  - GET /api/v1/notifications (mention, follow) → a mention of me is mention, reply (to my
///    post) or dm (direct), in, from its author; a follow is a follows_me edge;
///  - GET /api/v1/accounts/:me/statuses → my replies, mentions, DMs and boosts, out;
///  - GET /api/v1/conversations → each conversation's last status as a dm;
///  - GET /api/v1/accounts/:me/followers and /following → follow edges seen now; the lists are
///    read whole, so edges missing from them are ended (unfollows).
/// Incremental: the cursor keeps the newest notification, status and conversation ids; the next
/// run stops paging at them (Mastodon ids are opaque but ordered: longer is newer, then
/// lexicographic). The cursor is saved only when the run completes, so a dropped connection
/// means the next run fetches the same pages again; ext ids (the status URI, as in the archive)
/// keep that from duplicating anything. Option "ca_file": a PEM CA for an instance with a private
/// CA (verification stays on). 429 waits as HttpClient says; 401/403 are errors naming
/// the token. Accounts' verified profile links (fields with verified_at) are kept as website
/// identities of the person (a contact record).
class MastodonApiImporter final : public core::Importer {
  public:
    explicit MastodonApiImporter(HttpOptions http = {}) : m_http(std::move(http)) {}
    std::string_view kind() const override { return "mastodon"; }
    std::string_view description() const override {
        return "Mastodon account via its API: mentions, DMs, replies, followers (token needed)";
    }
    core::SourceShape source_shape() const override { return core::SourceShape::url; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

  private:
    HttpOptions m_http;
};

}  // namespace kith::import
