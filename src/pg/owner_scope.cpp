#include "pg/owner_scope.hpp"

#include "core/error.hpp"
#include "pg/spi.hpp"

#include <fmt/format.h>

namespace cartridge::pg {

Roles extension_roles_pg() {
    Roles roles;
    roles.caller = GetUserId();
    auto rows = spi_query_pg(
        "SELECT e.extowner, e.extversion FROM pg_catalog.pg_extension e WHERE e.extname = 'cartridge'");
    if (rows.empty() || !rows[0][0])
        throw Error(sqlstate::object_not_in_prerequisite_state, "extension \"cartridge\" is not installed in this database",
                    "CREATE EXTENSION cartridge; (as a superuser)");
    const std::string version = rows[0][1].value_or("");
    if (version != CARTRIDGE_VERSION)
        throw Error(sqlstate::object_not_in_prerequisite_state,
                    fmt::format("the SQL objects of extension \"cartridge\" are version {}, its library is version {}",
                                version, CARTRIDGE_VERSION),
                    "Update them with ALTER EXTENSION cartridge UPDATE; (as a superuser).");
    roles.owner = static_cast<Oid>(std::stoul(*rows[0][0]));
    return roles;
}

OwnerScope::OwnerScope(const Roles& roles) {
    // Plain assignments to backend globals: neither call can raise an ERROR.
    GetUserIdAndSecContext(&saved_user_, &saved_context_);
    SetUserIdAndSecContext(roles.owner,
                           saved_context_ | SECURITY_LOCAL_USERID_CHANGE | SECURITY_RESTRICTED_OPERATION);
}

OwnerScope::~OwnerScope() {
    SetUserIdAndSecContext(saved_user_, saved_context_);
}

}  // namespace cartridge::pg

// cartridge.scan_being_written() and cartridge.project_being_written() belong to the SQL
// objects of version 0.1.0, whose insert policies called them; version 0.2.0 dropped them.
// They stay in the library so that version 0.1.0 can still be installed (and then updated),
// and answer NULL, which those policies admit nothing with.
CARTRIDGE_FUNCTION(cartridge_scan_being_written) {
    PG_RETURN_NULL();
}

CARTRIDGE_FUNCTION(cartridge_project_being_written) {
    PG_RETURN_NULL();
}
