#pragma once
// The "wp-rest" importer: comments through the WordPress REST API.

#include <cstddef>
#include <string_view>

#include "core/importer.h"

namespace kith::import {

/// Kind "wp-rest": reads the public comments of a WordPress site, given its address
/// ("https://blog.example"), from `/wp-json/wp/v2/comments?per_page=100&page=N&orderby=date_gmt
/// &order=asc`, following `X-WP-TotalPages`, through libcurl (16 MiB per page, timeout 30 s or
/// option timeout=SECONDS). Incremental: the cursor keeps the newest `date_gmt` seen and the
/// next run asks only for comments `after=` it.
///
/// - Threads: "post#comment-ROOT" as the wxr importer makes them; a parent not in this run is
///   fetched (`/comments/ID`, at most kMaxParentFetches a run) to find the root.
/// - Ids: the canonical comment permalink (kWordPressNs), shared with wxr and feed.
/// - Me: a commenter whose URL is mine or whose name is given with option me=NAME; on my blog
///   (its address is one of my website identities, or option mine=yes) also any registered user
///   (`author` ≠ 0). On my blog the other comments are inbound and personal; on someone else's
///   only replies to my comments are imported (inbound, personal) besides my own.
/// - Errors: an address that is not a WordPress REST API (HTML, no route), HTTP errors and
///   timeouts are network/format errors naming the address; a page with a bad comment skips
///   that comment with a warning.
class WpRestImporter final : public core::Importer {
  public:
    static constexpr std::size_t kMaxPages = 10000;
    static constexpr std::size_t kMaxParentFetches = 200;
    static constexpr std::size_t kMaxRemembered = 2000;

    std::string_view kind() const override { return "wp-rest"; }
    std::string_view description() const override {
        return "WordPress site address (REST API): comments, incrementally";
    }
    core::SourceShape source_shape() const override { return core::SourceShape::url; }
    core::Result<void> run(const core::ImportRequest& req, core::RecordSink& sink,
                           core::Progress& progress) override;
};

}  // namespace kith::import
