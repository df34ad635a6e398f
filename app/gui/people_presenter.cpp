#include "app/gui/people_presenter.h"

#include <algorithm>
#include <unordered_map>

#include "app/gui/today_presenter.h"
#include "core/strength.h"

namespace kith::app {

namespace {

// Names compare without case so "ana" sorts beside "Ana"; ASCII folding is enough for order.
// Bytes compare unsigned, so names starting with a non-ASCII letter come after Z, not before A.
// Three-way, so ordering two rows compares their names once; equal bytes are skipped before
// folding (neighbours in name order share a prefix): the UI thread checks 50,000 rows' order at
// every start.
int name_compare(const std::string& a, const std::string& b) {
    const auto lower = [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u >= 'A' && u <= 'Z') ? static_cast<unsigned char>(u - 'A' + 'a') : u;
    };
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] == b[i]) continue;
        const auto x = lower(a[i]), y = lower(b[i]);
        if (x != y) return x < y ? -1 : 1;
    }
    return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// Names equal but for case ("Ana", "ana") are told apart by id, so the order never depends on
// how the rows arrived.
bool row_less(const db::PeopleListRow& x, const db::PeopleListRow& y) {
    const int c = name_compare(x.name, y.name);
    return c != 0 ? c < 0 : x.id < y.id;
}

int channel_count(unsigned channels) {
    int n = 0;
    for (; channels; channels &= channels - 1) ++n;
    return n;
}

}  // namespace

std::string channels_text(unsigned channels) {
    static constexpr std::pair<unsigned, const char*> kNames[] = {
        {db::kChannelEmail, "Email"},       {db::kChannelTwitter, "X"},
        {db::kChannelMastodon, "Mastodon"}, {db::kChannelBlog, "Blog"},
        {db::kChannelPhone, "Phone"},
    };
    std::string out;
    for (const auto& [bit, name] : kNames) {
        if (!(channels & bit)) continue;
        if (!out.empty()) out += " · ";
        out += name;
    }
    return out;
}

void PeoplePresenter::order_by_name(std::vector<db::PeopleListRow>& rows) {
    if (!std::is_sorted(rows.begin(), rows.end(), row_less))
        std::sort(rows.begin(), rows.end(), row_less);
}

void PeoplePresenter::set_people(std::vector<db::PeopleListRow> rows, core::TimePoint now) {
    order_by_name(rows);
    m_rows = std::move(rows);
    m_now = now;
    m_strength.clear();
    m_strength.reserve(m_rows.size());
    for (const auto& r : m_rows) m_strength.push_back(core::strength_score(r.strength, now));
    rebuild();
}

void PeoplePresenter::set_circle_members(const std::vector<std::int64_t>& ids) {
    m_circle_members = {ids.begin(), ids.end()};
    rebuild();
}

void PeoplePresenter::set_search_results(std::optional<std::vector<std::int64_t>> ids) {
    m_search = std::move(ids);
    m_search_ranked = true;
    rebuild();
}

void PeoplePresenter::set_filters(const PeopleFilters& filters) {
    m_filters = filters;
    rebuild();
}

void PeoplePresenter::sort_by(PeopleColumn column) {
    // While search results show in rank order, a click sorts by that column from the top.
    const bool ranked = m_search && m_search_ranked;
    m_ascending = column == m_sort && !ranked ? !m_ascending : true;
    m_sort = column;
    m_search_ranked = false;
    rebuild();
}

std::optional<std::size_t> PeoplePresenter::index_of(std::int64_t person_id) const {
    for (std::size_t i = 0; i < m_order.size(); ++i)
        if (m_rows[m_order[i]].id == person_id) return i;
    return std::nullopt;
}

bool PeoplePresenter::passes(const db::PeopleListRow& r) const {
    const auto& f = m_filters;
    if (f.needs_attention && !(r.next_due && *r.next_due <= m_now)) return false;
    if (f.has_email && !(r.channels & db::kChannelEmail)) return false;
    if (f.follower && !r.follows_me) return false;
    if (f.channel && !(r.channels & f.channel)) return false;
    if (f.circle && !m_circle_members.count(r.id)) return false;
    return true;
}

void PeoplePresenter::rebuild() {
    m_order.clear();
    m_hidden_bulk = 0;
    auto take = [&](std::size_t i) {
        const auto& r = m_rows[i];
        if (!passes(r)) return;
        if (r.bulk_only && !m_filters.show_bulk) {
            ++m_hidden_bulk;
            return;
        }
        m_order.push_back(i);
    };
    if (m_search) {
        std::unordered_map<std::int64_t, std::size_t> at;
        for (std::size_t i = 0; i < m_rows.size(); ++i) at.emplace(m_rows[i].id, i);
        for (const auto id : *m_search)
            if (auto it = at.find(id); it != at.end()) take(it->second);
        if (m_search_ranked) return;
    } else {
        for (std::size_t i = 0; i < m_rows.size(); ++i) take(i);
    }

    auto less = [&](std::size_t a, std::size_t b) {
        const auto& x = m_rows[a];
        const auto& y = m_rows[b];
        switch (m_sort) {
            case PeopleColumn::name:
                break;
            case PeopleColumn::channels:
                if (channel_count(x.channels) != channel_count(y.channels))
                    return channel_count(x.channels) < channel_count(y.channels);
                break;
            case PeopleColumn::last_contact:
                // Never contacted sorts as the oldest.
                if (x.last_contact != y.last_contact) return x.last_contact < y.last_contact;
                break;
            case PeopleColumn::strength:
                if (m_strength[a] != m_strength[b]) return m_strength[a] < m_strength[b];
                break;
            case PeopleColumn::next_due:
                // No cadence sorts after every date.
                if (x.next_due != y.next_due) {
                    if (!x.next_due) return false;
                    if (!y.next_due) return true;
                    return *x.next_due < *y.next_due;
                }
                break;
        }
        return a < b;  // m_rows is in name order
    };
    // Without a search, m_order is already in name order.
    if (!m_search && m_sort == PeopleColumn::name && m_ascending) return;
    if (m_ascending)
        std::stable_sort(m_order.begin(), m_order.end(), less);
    else
        std::stable_sort(m_order.begin(), m_order.end(),
                         [&](std::size_t a, std::size_t b) { return less(b, a); });
}

std::string PeoplePresenter::cell(std::size_t i, PeopleColumn column) const {
    const auto& r = row(i);
    switch (column) {
        case PeopleColumn::name:
            return r.name;
        case PeopleColumn::channels:
            return channels_text(r.channels);
        case PeopleColumn::last_contact:
            return r.last_contact ? age_text(*r.last_contact, m_now) : std::string("—");
        case PeopleColumn::strength:
            return std::to_string(strength(i));
        case PeopleColumn::next_due:
            if (!r.next_due) return "—";
            if (*r.next_due > m_now) return age_text(*r.next_due, m_now);
            return "overdue " + core::format_age(*r.next_due, m_now);
    }
    return {};
}

std::string PeoplePresenter::summary() const {
    std::string s;
    const bool narrowed = m_search || m_filters.needs_attention || m_filters.has_email ||
                          m_filters.follower || m_filters.channel || m_filters.circle;
    if (narrowed)
        s = format_count(static_cast<std::int64_t>(size())) + " of " +
            format_count(static_cast<std::int64_t>(m_rows.size())) + " people match";
    else
        s = format_count(static_cast<std::int64_t>(size())) + (size() == 1 ? " person" : " people");
    if (m_hidden_bulk > 0)
        s +=
            " · " + format_count(static_cast<std::int64_t>(m_hidden_bulk)) + " bulk senders hidden";
    return s;
}

}  // namespace kith::app
