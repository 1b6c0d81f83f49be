// cartridge_diff(old_scan, new_scan): the drift between two stored scans of a database, and
// cartridge_erd(scan_id, format, options): the scan as a Mermaid or Graphviz diagram. Both
// read the scans as the caller (row-level security: a scan the caller may not see does not
// exist for it); the comparison and the rendering are the core's (schema_diff, erd).
#include "pg/datum.hpp"
#include "pg/owner_scope.hpp"
#include "pg/scan_model.hpp"
#include "pg/spi.hpp"

#include "core/erd.hpp"
#include "core/error.hpp"
#include "core/schema_diff.hpp"

#include <fmt/format.h>

extern "C" {
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"
}

namespace {

using cartridge::Error;

int64_t scan_arg_pg(FunctionCallInfo fcinfo, int n, const char* name) {
    if (PG_ARGISNULL(n))
        throw Error(cartridge::sqlstate::invalid_parameter_value, fmt::format("{} must not be null", name),
                    "SELECT id, database_name, started_at FROM cartridge.scans lists the scans you can see.");
    return PG_GETARG_INT64(n);
}

// A scan the caller sees and that succeeded, as the core's model.
cartridge::Schema load_finished_scan_pg(int64_t scan_id) {
    const std::string id = std::to_string(scan_id);
    auto rows = cartridge::pg::spi_query_pg("SELECT status FROM cartridge.scans WHERE id = $1", {{INT8OID, id.c_str()}});
    if (!rows.empty() && rows[0][0] != std::optional<std::string>("succeeded"))
        throw Error(cartridge::sqlstate::object_not_in_prerequisite_state,
                    fmt::format("scan {} has not succeeded: its status is {}", scan_id, rows[0][0].value_or("")),
                    fmt::format("Wait for it with SELECT cartridge_wait_scan({}), or scan again.", scan_id));
    return cartridge::pg::load_scan_pg(scan_id);  // raises undefined_object for an unknown scan
}

}  // namespace

CARTRIDGE_FUNCTION(cartridge_diff) {
    const int64_t old_id = scan_arg_pg(fcinfo, 0, "old_scan");
    const int64_t new_id = scan_arg_pg(fcinfo, 1, "new_scan");
    std::vector<cartridge::Change> changes;
    {
        cartridge::pg::SpiScope spi;
        (void)cartridge::pg::extension_roles_pg();
        const cartridge::Schema old_scan = load_finished_scan_pg(old_id);
        const cartridge::Schema new_scan = load_finished_scan_pg(new_id);
        if (old_scan.database != new_scan.database)
            throw Error(cartridge::sqlstate::invalid_parameter_value,
                        fmt::format("scans {} and {} are of different databases ({} and {})", old_id, new_id,
                                    old_scan.database, new_scan.database),
                        "cartridge_diff compares two scans of one database; SELECT id, database_name FROM "
                        "cartridge.scans lists them.");
        changes = cartridge::diff_schemas(old_scan, new_scan);
    }
    std::vector<std::string> details;
    details.reserve(changes.size());
    for (const cartridge::Change& c : changes)
        details.push_back(c.detail.dump());
    const std::vector<cartridge::Change>* rows = &changes;
    const std::vector<std::string>* detail_text = &details;
    cartridge::pg::pg_call([fcinfo, rows, detail_text] {
        InitMaterializedSRF(fcinfo, 0);
        ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
        for (std::size_t i = 0; i < rows->size(); ++i) {
            const cartridge::Change& c = (*rows)[i];
            Datum values[4] = {PointerGetDatum(cstring_to_text(c.change.c_str())),
                               PointerGetDatum(cstring_to_text(c.object_type.c_str())),
                               PointerGetDatum(cstring_to_text(c.object.c_str())),
                               DirectFunctionCall1(jsonb_in, CStringGetDatum((*detail_text)[i].c_str()))};
            bool nulls[4] = {false, false, false, false};
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
        }
    });
    return (Datum)0;
}

CARTRIDGE_FUNCTION(cartridge_erd) {
    const int64_t scan_id = scan_arg_pg(fcinfo, 0, "scan_id");
    const std::optional<std::string> format = cartridge::pg::text_arg_pg(fcinfo, 1);
    const std::string options_text = cartridge::pg::jsonb_arg_as_text_pg(fcinfo, 2).value_or("{}");
    const cartridge::ErdOptions options =
        cartridge::parse_erd_options(format.value_or("mermaid"), nlohmann::json::parse(options_text));
    std::string diagram;
    {
        cartridge::pg::SpiScope spi;
        (void)cartridge::pg::extension_roles_pg();
        diagram = cartridge::render_erd(load_finished_scan_pg(scan_id), options);
    }
    return cartridge::pg::text_result_pg(diagram);
}
