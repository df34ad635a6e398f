#pragma once
// The "mastodon-csv" importer: Mastodon's follows and followers CSV exports.

#include "core/importer.h"

namespace kith::import {

/// Kind "mastodon-csv": reads following_accounts.csv (header "Account address,Show boosts,Notify
/// on new posts,Languages") or followers.csv (header "Account address") from Preferences →
/// Import and export → Data export. The first column is the account ("user@host"); other
/// columns are ignored. The direction comes from option "direction" (follows_me or i_follow),
/// else from the file name (a name with "follower" → follows_me, else i_follow). Accounts
/// without a domain get option "instance" ("mastodon.social") when given, else are warnings.
/// Each export is a complete list: after the last row, edges of that direction last seen before
/// the file's modification time are ended (unfollows). Lines longer than 4 KiB and bad
/// addresses are warnings located "FILE:LINE".
class MastodonCsvImporter final : public core::Importer {
  public:
    std::string_view kind() const override { return "mastodon-csv"; }
    std::string_view description() const override {
        return "Mastodon follows/followers export (following_accounts.csv, followers.csv)";
    }
    std::string_view file_patterns() const override { return "*.csv"; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
