#pragma once
// What the People list shows: which people (search, filters, the bulk-sender toggle), in which
// order (any column, either way), and each cell's text. No wxWidgets here, so it is tested
// headless; the panel's virtual list asks it for rows by index.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/time.h"
#include "db/people_list.h"

namespace kith::app {

enum class PeopleColumn { name, channels, last_contact, strength, next_due };

/// The list's filters, combined with AND.
struct PeopleFilters {
    bool needs_attention = false;  ///< going cold now (next due has passed)
    bool has_email = false;
    bool follower = false;
    unsigned channel = 0;                ///< a db::ChannelBit, 0 = any
    std::optional<std::int64_t> circle;  ///< circle id (its members come with set_circle_members)
    bool show_bulk = false;              ///< show people we only ever got bulk mail (or likes) from
};

/// The People list's model. Pure apart from the data handed in; not thread-safe (UI thread).
class PeoplePresenter {
  public:
    /// Puts rows in name order, the order set_people keeps them in. Call it where the rows are
    /// read (a worker thread), so the UI thread does not sort 50,000 names.
    static void order_by_name(std::vector<db::PeopleListRow>& rows);
    /// Replaces every person (after a load); keeps filters, search and sort. Rows not yet in
    /// name order (order_by_name) are sorted here.
    void set_people(std::vector<db::PeopleListRow> rows, core::TimePoint now);
    /// Members of the filtered circle (ignored unless filters().circle is set).
    void set_circle_members(const std::vector<std::int64_t>& ids);
    /// Search results, best first: while set, only they are shown, in this order unless a column
    /// sort was chosen after the search. nullopt ends the search.
    void set_search_results(std::optional<std::vector<std::int64_t>> ids);
    void set_filters(const PeopleFilters& filters);
    /// Sorts by `column`; the same column again flips the direction.
    void sort_by(PeopleColumn column);

    const PeopleFilters& filters() const { return m_filters; }
    PeopleColumn sort_column() const { return m_sort; }
    bool sort_ascending() const { return m_ascending; }

    /// Every person loaded, shown or not.
    const std::vector<db::PeopleListRow>& all() const { return m_rows; }
    /// Rows shown, in order.
    std::size_t size() const { return m_order.size(); }
    const db::PeopleListRow& row(std::size_t i) const { return m_rows[m_order[i]]; }
    /// The list index of a person, if shown.
    std::optional<std::size_t> index_of(std::int64_t person_id) const;
    /// A cell's text: "Ana Ruiz", "Email · Mastodon", "3 d ago", "72", "in 5 d" / "overdue 2 wk".
    std::string cell(std::size_t i, PeopleColumn column) const;
    /// The strength shown for row i, 0–100.
    int strength(std::size_t i) const { return m_strength[m_order[i]]; }
    /// How many people are hidden as bulk senders with the current filters.
    std::size_t hidden_bulk() const { return m_hidden_bulk; }
    /// "300 people", "12 of 300 people match", with the bulk note when some are hidden.
    std::string summary() const;

  private:
    void rebuild();
    bool passes(const db::PeopleListRow& r) const;

    std::vector<db::PeopleListRow> m_rows;  ///< in name order, so an index is the name's rank
    std::vector<int> m_strength;            ///< per m_rows
    std::vector<std::size_t> m_order;
    std::unordered_set<std::int64_t> m_circle_members;
    std::optional<std::vector<std::int64_t>> m_search;
    bool m_search_ranked = true;  ///< search results in rank order (no column sort since)
    PeopleFilters m_filters;
    PeopleColumn m_sort = PeopleColumn::name;
    bool m_ascending = true;
    core::TimePoint m_now{};
    std::size_t m_hidden_bulk = 0;
};

/// "Email · X · Mastodon · Blog · Phone" for ChannelBit flags, in that order. Pure.
std::string channels_text(unsigned channels);

}  // namespace kith::app
