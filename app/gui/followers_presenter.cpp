#include "app/gui/followers_presenter.h"

#include <fstream>

#include "db/consent_repo.h"

namespace kith::app {

namespace {

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

core::Result<void> FollowersPresenter::load(db::Database& db, core::TimePoint now) {
    auto items = load_follower_items(db, m_list, now, m_ranked);
    if (!items) return items.error();
    m_items = std::move(*items);
    return {};
}

std::vector<std::string> FollowersPresenter::columns(std::size_t i) const {
    const auto& r = m_items.at(i).row;
    std::string consent(core::to_string(r.consent));
    if (r.consent != core::ConsentStatus::unknown) consent += " " + core::format_date(r.consent_at);
    const auto& x = r.reciprocity;
    return {r.name,
            r.email.empty() ? "no email" : r.email + " (" + r.email_source + ")",
            consent,
            std::to_string(r.strength),
            plural(x.replies_from_them, "reply", "replies") + " · " +
                plural(x.comments_from_them, "comment", "comments") + " · " +
                plural(x.dms_from_them, "DM", "DMs"),
            reciprocity_line(x)};
}

core::Result<void> FollowersPresenter::record_consent(db::Database& db, std::size_t i,
                                                      core::ConsentStatus status,
                                                      const std::string& evidence,
                                                      core::TimePoint now) {
    if (i >= m_items.size())
        return core::make_error(core::ErrorCode::invalid_input, "no follower selected",
                                "Select someone in the list first.");
    if (auto r =
            db::ConsentRepo(db).record(m_items[i].row.person_id, m_list, status, now, evidence);
        !r)
        return r;
    return load(db, now);
}

core::Result<MailingListSummary> FollowersPresenter::export_list(db::Database& db,
                                                                 const std::string& path,
                                                                 core::MailingListFormat format,
                                                                 bool include_unconsented) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return core::make_error(core::ErrorCode::io, "cannot write " + path,
                                "Choose a folder you can write to.");
    auto s = export_mailing_list(db, out, format, m_list, include_unconsented);
    out.close();
    if (s && !out)
        return core::make_error(core::ErrorCode::io, "cannot write " + path,
                                "Check the free disk space.");
    return s;
}

}  // namespace kith::app
