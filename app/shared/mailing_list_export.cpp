#include "app/shared/mailing_list_export.h"

#include <ostream>

#include "db/mailing_list_query.h"

namespace kith::app {

core::Result<MailingListSummary> export_mailing_list(db::Database& db, std::ostream& out,
                                                     core::MailingListFormat format,
                                                     const std::string& list,
                                                     bool include_unconsented) {
    auto contacts = db::load_mailing_list(db, list, include_unconsented);
    if (!contacts) return contacts.error();
    core::write_mailing_list_csv(out, format, *contacts);
    MailingListSummary s;
    s.rows = contacts->size();
    for (const auto& c : *contacts)
        if (c.consent != core::ConsentStatus::opted_in) ++s.unconsented;
    return s;
}

}  // namespace kith::app
