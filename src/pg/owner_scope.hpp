// Who the extension's code runs as.
//
// Only the extension writes its tables: no other role holds INSERT or UPDATE on them. The
// cartridge functions read the user's data (the catalog's privileges, samples, pg_stats)
// as the calling role, and switch to the extension's owner only around their writes to the
// cartridge tables and their reads of rows they have already checked the caller may see —
// the way pg_cron runs a job as its owner and VACUUM runs index functions as a table's
// owner: SetUserIdAndSecContext with SECURITY_RESTRICTED_OPERATION, restored by the
// destructor (and by the transaction's abort when an ERROR ends it).
//
// Nothing run as the owner may execute code another role wrote. The statements run in an
// OwnerScope touch the cartridge tables and pg_catalog only, and call built-in functions:
// deparsing (pg_get_expr, pg_get_viewdef, ...) opens relations but evaluates nothing
// (partition keys, index expressions and policies are loaded lazily, by the planner, since
// PostgreSQL 13), and check_accepted_values only prints constants with their types' output
// functions (which only a superuser can write).
#pragma once

#include "pg/postgres.hpp"

namespace cartridge::pg {

// The extension's owner and the role that called the function. Looked up once per call;
// raises an error when the SQL objects installed in this database are not of this
// library's version (after a package upgrade, before ALTER EXTENSION cartridge UPDATE).
struct Roles {
    Oid caller = InvalidOid;
    Oid owner = InvalidOid;
};
Roles extension_roles_pg();

// Runs as the extension's owner for its lifetime.
class OwnerScope {
public:
    explicit OwnerScope(const Roles& roles);
    ~OwnerScope();
    OwnerScope(const OwnerScope&) = delete;
    OwnerScope& operator=(const OwnerScope&) = delete;

private:
    Oid saved_user_;
    int saved_context_;
};

}  // namespace cartridge::pg
