#include "import/importer_registry.h"

#include <algorithm>
#include <array>

#include "import/comment_feed_importer.h"
#include "import/demo_importer.h"
#include "import/disqus_importer.h"
#include "import/eml_importer.h"
#include "import/google_csv_importer.h"
#include "import/ics_importer.h"
#include "import/imap_importer.h"
#include "import/jsonl_importer.h"
#include "import/linkedin_importer.h"
#include "import/maildir_importer.h"
#include "import/mastodon_api_importer.h"
#include "import/mastodon_archive_importer.h"
#include "import/mastodon_csv_importer.h"
#include "import/mbox_importer.h"
#include "import/twitter_archive_importer.h"
#include "import/vcard_importer.h"
#include "import/wp_rest_importer.h"
#include "import/wxr_importer.h"

namespace kith::import {

namespace {

using Factory = std::unique_ptr<core::Importer> (*)();

template <class T>
std::unique_ptr<core::Importer> make() {
    return std::make_unique<T>();
}

// One line per importer. The kind string lives only in the importer itself, so the table cannot
// disagree with it; constructing an importer is cheap (they hold no state between runs).
constexpr std::array kFactories = {
    Factory{&make<CommentFeedImporter>}, Factory{&make<DemoImporter>},
    Factory{&make<DisqusImporter>},      Factory{&make<JsonlImporter>},
    Factory{&make<MboxImporter>},        Factory{&make<MaildirImporter>},
    Factory{&make<EmlImporter>},         Factory{&make<ImapImporter>},
    Factory{&make<MastodonApiImporter>}, Factory{&make<MastodonArchiveImporter>},
    Factory{&make<MastodonCsvImporter>}, Factory{&make<TwitterArchiveImporter>},
    Factory{&make<WpRestImporter>},      Factory{&make<WxrImporter>},
    Factory{&make<IcsImporter>},         Factory{&make<VcardImporter>},
    Factory{&make<LinkedinImporter>},    Factory{&make<GoogleCsvImporter>},
};

}  // namespace

std::unique_ptr<core::Importer> make_importer(std::string_view kind) {
    for (const Factory factory : kFactories) {
        auto importer = factory();
        if (importer->kind() == kind) return importer;
    }
    return nullptr;
}

std::vector<ImporterInfo> importer_kinds() {
    std::vector<ImporterInfo> out;
    out.reserve(kFactories.size());
    for (const Factory factory : kFactories) {
        const auto importer = factory();
        out.push_back({std::string(importer->kind()), std::string(importer->description()),
                       importer->source_shape(), std::string(importer->file_patterns())});
    }
    std::sort(out.begin(), out.end(),
              [](const ImporterInfo& a, const ImporterInfo& b) { return a.kind < b.kind; });
    return out;
}

}  // namespace kith::import
