// A build step: a YAML data file of corpus/ written again as JSON, every scalar a
// string, for the binary to embed. yaml-cpp took 8.5 ms to read the message
// catalogue, which every command reads as it starts (its help is in it), and
// nlohmann's JSON reader 0.6 ms (docs/performance.md, "Starting the binary"). The
// YAML stays the file people edit.
// Usage: congvan_yaml_to_json IN.yaml OUT.json
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace {

nlohmann::ordered_json as_json(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map: {
            auto out = nlohmann::ordered_json::object();
            for (const auto& entry : node) out[entry.first.as<std::string>()] = as_json(entry.second);
            return out;
        }
        case YAML::NodeType::Sequence: {
            auto out = nlohmann::ordered_json::array();
            for (const auto& item : node) out.push_back(as_json(item));
            return out;
        }
        case YAML::NodeType::Scalar:
            return node.as<std::string>();
        default:
            return nullptr;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: congvan_yaml_to_json IN.yaml OUT.json\n";
        return 2;
    }
    try {
        auto json = as_json(YAML::LoadFile(argv[1]));
        std::ofstream out(argv[2], std::ios::binary);
        out << json.dump(1) << '\n';
        if (!out) throw std::runtime_error(std::string("cannot write ") + argv[2]);
    } catch (const std::exception& e) {
        std::cerr << argv[1] << ": " << e.what() << '\n';
        return 1;
    }
    return 0;
}
