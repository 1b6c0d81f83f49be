// Versions of the libraries the extension is linked with, as the running process sees them.
#pragma once

#include <nlohmann/json.hpp>

namespace cartridge {

// {"libcurl": ..., "libarchive": ..., "nlohmann_json": ..., "yaml_cpp": ..., "fmt": ...}
nlohmann::json library_versions();

}  // namespace cartridge
