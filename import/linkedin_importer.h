#pragma once
// The "linkedin" importer: Connections.csv from LinkedIn's "Get a copy of your data".

#include <cstdint>
#include <istream>
#include <optional>
#include <string>

#include "core/importer.h"

namespace kith::import {

/// Kind "linkedin": reads Connections.csv of every generation: the 2018/2020 header
/// `First Name,Last Name,Email Address,Company,Position,Connected On`, and the 2024 one with
/// `URL` after `Last Name` and a "Notes:" preamble (skipped) before the header. Each row is a
/// contact: name, the profile URL as a linkedin identity, the email when shared (mostly not),
/// Company → organization, Position → title. "Connected On" (`1/8/18, 6:14 PM`, `07 Mar 2020`,
/// `30 May 2024`) becomes a "Connected on LinkedIn" interaction (channel other, kind follow, so it
/// shows on the timeline but does not count as keeping in touch). Rows are keyed by profile URL,
/// else email, else name. Bad fields are warnings "Connections.csv:LINE". Progress in bytes.
class LinkedinImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "linkedin"; }
    std::string_view description() const override {
        return "LinkedIn connections export (Connections.csv)";
    }
    std::string_view file_patterns() const override { return "*.csv"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;

    /// The import of `in` (named `name` in warnings, `total` bytes or 0), for tests and fuzzing.
    static core::Result<void> import_stream(std::istream& in, const std::string& name,
                                            std::uint64_t total, core::RecordSink& sink,
                                            core::Progress& progress);
};

/// "Connected On" as a time (noon UTC of that day when no time is given; US month/day order
/// for the numeric form, as LinkedIn writes it), or nullopt.
std::optional<core::TimePoint> parse_linkedin_date(std::string_view text);

}  // namespace kith::import
