#include "bench/gen/corpus_manifest.h"

#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace kith::bench {

using json = nlohmann::json;

void write_manifest(const std::filesystem::path& dir, const CorpusManifest& m) {
    json inputs = json::array();
    for (const auto& i : m.inputs)
        inputs.push_back({{"kind", i.kind},
                          {"file", i.file},
                          {"options", i.options},
                          {"records", i.records},
                          {"interactions", i.interactions},
                          {"follows", i.follows},
                          {"skipped", i.skipped},
                          {"exact", i.exact}});
    const json j = {
        {"size", m.size}, {"seed", m.seed}, {"my_identities", m.my_identities}, {"inputs", inputs}};
    std::ofstream out(dir / "manifest.json");
    out << j.dump(2) << "\n";
    if (!out) throw std::runtime_error("cannot write " + (dir / "manifest.json").string());
}

CorpusManifest read_manifest(const std::filesystem::path& dir) {
    std::ifstream in(dir / "manifest.json");
    if (!in) throw std::runtime_error("no manifest.json in " + dir.string() + ": run kith-gen");
    const json j = json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        throw std::runtime_error((dir / "manifest.json").string() + " is not valid JSON");
    try {
        CorpusManifest m;
        m.size = j.at("size").get<std::string>();
        m.seed = j.at("seed").get<std::uint64_t>();
        m.my_identities = j.at("my_identities").get<std::vector<std::string>>();
        for (const auto& i : j.at("inputs")) {
            InputExpectation e;
            e.kind = i.at("kind").get<std::string>();
            e.file = i.at("file").get<std::string>();
            e.options = i.at("options").get<std::map<std::string, std::string>>();
            e.records = i.at("records").get<std::uint64_t>();
            e.interactions = i.at("interactions").get<std::uint64_t>();
            e.follows = i.at("follows").get<std::uint64_t>();
            e.skipped = i.at("skipped").get<std::uint64_t>();
            e.exact = i.at("exact").get<bool>();
            m.inputs.push_back(std::move(e));
        }
        return m;
    } catch (const json::exception& e) {
        throw std::runtime_error((dir / "manifest.json").string() + ": " + e.what());
    }
}

}  // namespace kith::bench
