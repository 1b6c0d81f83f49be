// What a stored project gives back: cartridge_archive (tar.gz or zip bytea),
// cartridge_files (every file) and cartridge_info (one jsonb summary). Row-level security
// applies: a project the caller may not see does not exist for it.
#include "pg/datum.hpp"
#include "pg/spi.hpp"

#include "core/archive_writer.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

extern "C" {
#include "catalog/pg_type_d.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"
}

namespace {

using cartridge::Error;

struct ProjectState {
    std::string name;
    std::string status;
};

ProjectState find_project_pg(const std::string& id) {
    auto rows = cartridge::pg::spi_query_pg("SELECT name, status FROM cartridge.projects WHERE id = $1",
                                            {{INT8OID, id.c_str()}});
    if (rows.empty())
        throw Error(cartridge::sqlstate::undefined_object, "project " + id + " does not exist",
                    "SELECT id, name, status FROM cartridge.projects lists the projects you can see.");
    return {rows[0][0].value_or(""), rows[0][1].value_or("")};
}

struct FileRow {
    std::string path;
    std::string kind;
    std::string content;
};

std::vector<FileRow> project_files_pg(const std::string& id) {
    std::vector<FileRow> files;
    for (auto& row : cartridge::pg::spi_query_pg(
             "SELECT path, kind, content FROM cartridge.files WHERE project_id = $1 ORDER BY path COLLATE \"C\"",
             {{INT8OID, id.c_str()}}))
        files.push_back({std::move(row[0].value()), std::move(row[1].value()), std::move(row[2].value())});
    return files;
}

Datum bytea_result_pg(const std::string& bytes) {
    const char* data = bytes.data();
    const size_t size = bytes.size();
    return cartridge::pg::pg_call([data, size] {
        if (size > MaxAllocSize - VARHDRSZ)
            ereport(ERROR, (errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
                            errmsg("the archive is too large for a bytea (%zu bytes)", size)));
        bytea* result = static_cast<bytea*>(palloc(size + VARHDRSZ));
        SET_VARSIZE(result, size + VARHDRSZ);
        memcpy(VARDATA(result), data, size);
        return PointerGetDatum(result);
    });
}

}  // namespace

CARTRIDGE_FUNCTION(cartridge_archive) {
    const std::string id = std::to_string(PG_GETARG_INT64(0));
    const cartridge::ArchiveFormat format =
        cartridge::parse_archive_format(cartridge::pg::text_arg_pg(fcinfo, 1).value_or(""));
    std::string top_folder;
    std::vector<cartridge::ArchiveFile> files;
    {
        cartridge::pg::SpiScope spi;
        ProjectState project = find_project_pg(id);
        if (project.status != "succeeded")
            throw Error(cartridge::sqlstate::object_not_in_prerequisite_state,
                        fmt::format("project {} has no archive: its status is {}", id, project.status),
                        project.status == "queued" || project.status == "running"
                            ? fmt::format("Wait for it with SELECT cartridge_wait({});", id)
                            : std::string("Only a succeeded project has an archive; generate it again with "
                                          "cartridge_generate()."));
        top_folder = project.name;
        for (FileRow& f : project_files_pg(id))
            files.push_back({std::move(f.path), std::move(f.content)});
    }
    const std::string bytes = cartridge::write_archive(top_folder, std::move(files), format);
    return bytea_result_pg(bytes);
}

CARTRIDGE_FUNCTION(cartridge_files) {
    const std::string id = std::to_string(PG_GETARG_INT64(0));
    std::vector<FileRow> files;
    {
        cartridge::pg::SpiScope spi;
        find_project_pg(id);
        files = project_files_pg(id);
    }
    const std::vector<FileRow>* rows = &files;
    cartridge::pg::pg_call([fcinfo, rows] {
        InitMaterializedSRF(fcinfo, 0);
        ReturnSetInfo* rsinfo = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
        for (size_t i = 0; i < rows->size(); i++) {
            const FileRow& f = (*rows)[i];
            Datum values[3] = {
                PointerGetDatum(cstring_to_text_with_len(f.path.data(), static_cast<int>(f.path.size()))),
                PointerGetDatum(cstring_to_text_with_len(f.kind.data(), static_cast<int>(f.kind.size()))),
                PointerGetDatum(cstring_to_text_with_len(f.content.data(), static_cast<int>(f.content.size())))};
            bool nulls[3] = {false, false, false};
            tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
            for (Datum value : values)  // the tuplestore keeps its own copy
                pfree(DatumGetPointer(value));
        }
    });
    return (Datum)0;
}

CARTRIDGE_FUNCTION(cartridge_info) {
    static const char* const sql = R"SQL(
SELECT pg_catalog.jsonb_build_object(
    'id', p.id,
    'name', p.name,
    'scan_id', p.scan_id,
    'provider', p.provider,
    'model', p.model,
    'async', p.async,
    'status', p.status,
    'progress', p.progress,
    'stage', p.stage,
    'message', p.message,
    'error', p.error,
    'options', p.options,
    'counts', pg_catalog.jsonb_build_object(
        'files', (SELECT count(*) FROM cartridge.files f WHERE f.project_id = p.id),
        'models', (SELECT pg_catalog.jsonb_build_object(
                       'total', count(*),
                       'staging', count(*) FILTER (WHERE m.layer = 'staging'),
                       'intermediate', count(*) FILTER (WHERE m.layer = 'intermediate'),
                       'marts', count(*) FILTER (WHERE m.layer = 'marts'))
                     FROM cartridge.models m WHERE m.project_id = p.id),
        'tests', (SELECT pg_catalog.jsonb_build_object(
                      'total', count(*),
                      'warn', count(*) FILTER (WHERE t.severity = 'warn'),
                      'by_name', coalesce((SELECT pg_catalog.jsonb_object_agg(n.test_name, n.count)
                                             FROM (SELECT test_name, count(*) AS count FROM cartridge.tests
                                                    WHERE project_id = p.id GROUP BY test_name) n), '{}'))
                    FROM cartridge.tests t WHERE t.project_id = p.id)),
    'warnings', p.warnings,
    'last_test_run', (SELECT pg_catalog.jsonb_build_object(
                          'id', r.id, 'status', r.status, 'totals', r.totals, 'message', r.message,
                          'error', r.error, 'finished_at', r.finished_at)
                        FROM cartridge.test_runs r WHERE r.project_id = p.id
                       ORDER BY r.id DESC LIMIT 1),
    'usage', p.usage,
    'timings', p.timings,
    'attempts', p.attempts,
    'submitted_by', p.submitted_by,
    'created_at', p.created_at,
    'started_at', p.started_at,
    'finished_at', p.finished_at)::text
  FROM cartridge.projects p
 WHERE p.id = $1
)SQL";
    const std::string id = std::to_string(PG_GETARG_INT64(0));
    std::string info;
    {
        cartridge::pg::SpiScope spi;
        auto rows = cartridge::pg::spi_query_pg(sql, {{INT8OID, id.c_str()}});
        if (rows.empty())
            find_project_pg(id);  // raises the error of an unknown project
        info = rows.at(0).at(0).value();
    }
    return cartridge::pg::jsonb_result_pg(info);
}
