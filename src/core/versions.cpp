#include "core/versions.hpp"

#include <archive.h>
#include <curl/curl.h>
#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#ifndef CARTRIDGE_YAML_CPP_VERSION
#error "CARTRIDGE_YAML_CPP_VERSION must come from the build (yaml-cpp has no version header)"
#endif

namespace cartridge {

nlohmann::json library_versions() {
    const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
    // yaml-cpp exposes no version at run time; emitting a node proves the library is linked.
    YAML::Emitter probe;
    probe << YAML::Flow << YAML::BeginSeq << CARTRIDGE_YAML_CPP_VERSION << YAML::EndSeq;
    return {
        {"libcurl", curl->version},
        {"libarchive", archive_version_string()},
        {"nlohmann_json", fmt::format("{}.{}.{}", NLOHMANN_JSON_VERSION_MAJOR,
                                      NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH)},
        {"yaml_cpp", probe.good() ? CARTRIDGE_YAML_CPP_VERSION : "unavailable"},
        {"fmt", fmt::format("{}.{}.{}", FMT_VERSION / 10000, FMT_VERSION / 100 % 100,
                            FMT_VERSION % 100)},
    };
}

}  // namespace cartridge
