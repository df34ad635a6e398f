#pragma once
// The "Followers → email" view's logic, without wxWidgets (tested headless).

#include <cstddef>
#include <string>
#include <vector>

#include "app/shared/followers_view.h"
#include "app/shared/mailing_list_export.h"
#include "core/consent.h"
#include "core/result.h"
#include "db/database.h"

namespace kith::app {

/// Holds the followers shown, ranked or by name, and turns the view's actions into database
/// writes and files. UI thread only (one connection).
class FollowersPresenter {
  public:
    /// Reads the followers again (consent of the default mailing list).
    core::Result<void> load(db::Database& db, core::TimePoint now);
    /// Ranked = only those worth asking, best first; takes effect on the next load.
    void set_ranked(bool ranked) { m_ranked = ranked; }
    bool ranked() const { return m_ranked; }
    const std::vector<FollowerItem>& items() const { return m_items; }

    /// Row `i` as shown: name, email (and where it came from) or "no email", consent (with its
    /// date), strength, engagement ("2 replies · 3 comments · 1 DM"), reciprocity.
    std::vector<std::string> columns(std::size_t i) const;

    /// Records consent for row `i` dated `now` with `evidence`, then reloads.
    core::Result<void> record_consent(db::Database& db, std::size_t i, core::ConsentStatus status,
                                      const std::string& evidence, core::TimePoint now);
    /// Writes the mailing-list CSV to `path` (see export_mailing_list). Errors: io, database.
    core::Result<MailingListSummary> export_list(db::Database& db, const std::string& path,
                                                 core::MailingListFormat format,
                                                 bool include_unconsented) const;

  private:
    std::vector<FollowerItem> m_items;
    std::string m_list{core::kDefaultMailingList};
    bool m_ranked = true;
};

}  // namespace kith::app
