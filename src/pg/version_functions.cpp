// cartridge_version(): proves the build links what it should.
#include "pg/datum.hpp"

#include "core/versions.hpp"

extern "C" {
#include "utils/guc.h"
}

CARTRIDGE_FUNCTION(cartridge_version) {
    nlohmann::json versions = cartridge::library_versions();
    versions["extension"] = CARTRIDGE_VERSION;
    const char* server = cartridge::pg::pg_call(
        [] { return GetConfigOption("server_version", false, false); });
    versions["server"] = server;
    return cartridge::pg::jsonb_result_pg(versions.dump());
}
