#pragma once
// Running the contact importers on in-memory text, for the table-driven parser tests.

#include <cstdint>
#include <sstream>
#include <string>

#include "core/importer.h"
#include "tests/import/collecting_sink.h"

namespace kith::import::test {

struct ContactRun {
    CollectingSink sink;
    core::Result<void> result;
};

/// Feeds `text` to `Importer::import_stream` as the file `name`.
template <class Importer>
ContactRun run_contacts(const std::string& text, const std::string& name = "in") {
    std::istringstream in(text);
    core::NullProgress progress;
    ContactRun run{CollectingSink{}, {}};
    run.result = Importer::import_stream(in, name, text.size(), run.sink, progress);
    return run;
}

/// Every identity of a contact as "kind:value", space-separated, in order.
inline std::string identities_of(const core::ContactRecord& c) {
    std::string out;
    for (const auto& id : c.identities)
        out += (out.empty() ? "" : " ") + std::string(core::to_string(id.kind)) + ":" + id.value;
    return out;
}

/// Every circle, comma-separated.
inline std::string circles_of(const core::ContactRecord& c) {
    std::string out;
    for (const auto& x : c.circles) out += (out.empty() ? "" : ",") + x;
    return out;
}

/// Every warning as "location: message", newline-separated.
inline std::string warnings_of(const CollectingSink& s) {
    std::string out;
    for (const auto& w : s.warnings) out += w.location + ": " + w.message + "\n";
    return out;
}

}  // namespace kith::import::test
