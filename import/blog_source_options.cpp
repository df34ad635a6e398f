#include "import/blog_source_options.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "core/identity_normalizer.h"
#include "import/blog_comment.h"

namespace kith::import {

using core::ErrorCode;
using core::make_error;

core::Result<BlogSourceOptions> read_blog_source_options(const core::ImportRequest& req) {
    BlogSourceOptions o;
    for (const auto& [key, value] : req.options) {
        if (key == "me") {
            std::stringstream list(value);
            for (std::string name; std::getline(list, name, ',');) {
                std::string n(trim(name));
                std::transform(n.begin(), n.end(), n.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                if (!n.empty()) o.my_names.insert(n);
            }
        } else if (key == "mine") {
            if (value != "yes" && value != "no")
                return make_error(ErrorCode::invalid_input,
                                  "option mine=" + value + " is not known",
                                  "Use mine=yes for a feed of my own blog, mine=no for someone "
                                  "else's.");
            o.my_blog = value == "yes";
        } else if (key == "timeout") {
            int s = 0;
            try {
                s = std::stoi(value);
            } catch (...) {
                s = 0;
            }
            if (s < 1 || s > 600)
                return make_error(ErrorCode::invalid_input,
                                  "option timeout=" + value + " is not a number of seconds",
                                  "Use timeout=30 (1 to 600 seconds).");
            o.timeout = std::chrono::seconds{s};
        } else {
            return make_error(ErrorCode::invalid_input, "unknown option " + key,
                              "The web comment importers take me=NAME[,NAME], mine=yes|no and "
                              "timeout=SECONDS.");
        }
    }
    return o;
}

bool is_my_site(std::string_view url, const core::RecordSink& sink) {
    std::string c = core::canonical_url(url);
    while (!c.empty()) {
        if (sink.is_me({core::IdentityKind::website, c, c})) return true;
        const auto slash = c.rfind('/');
        if (slash == std::string::npos) break;
        c.resize(slash);
    }
    return false;
}

}  // namespace kith::import
