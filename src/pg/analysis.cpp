#include "pg/analysis.hpp"

#include "core/analysis_options.hpp"
#include "core/classification.hpp"
#include "core/inference.hpp"
#include "pg/containment.hpp"
#include "pg/profile.hpp"
#include "pg/scan_model.hpp"
#include "pg/spi.hpp"
#include "pg/subtransaction.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <map>

extern "C" {
#include "catalog/pg_type_d.h"
}

namespace cartridge::pg {

namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

double rounded(double ms) {
    return std::round(ms * 1000) / 1000;
}

double ms_since(Clock::time_point started) {
    return rounded(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
}

const char* const insert_edges_sql = R"SQL(
INSERT INTO cartridge.relationships
    (scan_id, from_schema, from_table, from_columns, to_schema, to_table, to_columns, source,
     confidence, cardinality, evidence)
SELECT $1, x.from_schema, x.from_table,
       ARRAY(SELECT pg_catalog.jsonb_array_elements_text(x.from_columns)),
       x.to_schema, x.to_table,
       ARRAY(SELECT pg_catalog.jsonb_array_elements_text(x.to_columns)),
       'inferred', x.confidence, x.cardinality, x.evidence
  FROM pg_catalog.jsonb_to_recordset($2)
       AS x(from_schema text, from_table text, from_columns jsonb, to_schema text, to_table text,
            to_columns jsonb, confidence real, cardinality text, evidence jsonb)
 ORDER BY x.from_schema, x.from_table, x.from_columns::text
)SQL";

const char* const store_classification_sql = R"SQL(
UPDATE cartridge.relations r
   SET classification = x.label, classification_confidence = x.confidence,
       classification_evidence = x.evidence
  FROM pg_catalog.jsonb_to_recordset($2) AS x(s text, t text, label text, confidence real, evidence jsonb)
 WHERE r.scan_id = $1 AND r.schema_name = x.s AND r.table_name = x.t
)SQL";

// Runs sql($1 = scan id, $2 = a jsonb array of row(i) for i < count) on 2,000 rows at a
// time, each row dumped as soon as it is made: a JSON array of every row held at once costs
// several times its text (ten thousand classification evidences were 60 MB of a scan's
// memory peak), and the server then holds one batch, never the whole document.
void store_json_rows_pg(const char* sql, int64_t scan_id, size_t count, const std::function<json(size_t)>& row,
                        const Roles& roles) {
    constexpr size_t batch = 2000;
    const std::string id = std::to_string(scan_id);
    for (size_t start = 0; start < count; start += batch) {
        std::string text = "[";
        for (size_t i = start; i < std::min(count, start + batch); i++) {
            if (i > start)
                text += ',';
            text += row(i).dump();
        }
        text += ']';
        OwnerScope as_owner(roles);
        spi_execute_pg(sql, false, {{INT8OID, id.c_str()}, {JSONBOID, text.c_str()}});
        check_for_interrupts_pg();
    }
}

void store_edges_pg(int64_t scan_id, const std::vector<Relationship>& edges, const Roles& roles) {
    store_json_rows_pg(insert_edges_sql, scan_id, edges.size(), [&](size_t i) -> json {
        const Relationship& e = edges[i];
        return {{"from_schema", e.from_schema},
                {"from_table", e.from_table},
                {"from_columns", e.from_columns},
                {"to_schema", e.to_schema},
                {"to_table", e.to_table},
                {"to_columns", e.to_columns},
                {"confidence", std::round(e.confidence * 1000) / 1000},
                {"cardinality", e.cardinality},
                {"evidence", e.evidence}};
    }, roles);
}

// Consumes the labels: each evidence is moved into its row and freed once dumped.
json store_classifications_pg(int64_t scan_id, const Schema& schema, std::vector<Classification> labels,
                              const Roles& roles) {
    std::map<std::string, int> counts;
    store_json_rows_pg(store_classification_sql, scan_id, labels.size(), [&](size_t i) -> json {
        counts[labels[i].label]++;
        json row = {{"s", schema.relations[i].schema},
                    {"t", schema.relations[i].name},
                    {"label", labels[i].label},
                    {"confidence", labels[i].confidence},
                    {"evidence", std::move(labels[i].evidence)}};
        labels[i].evidence = json();
        return row;
    }, roles);
    return counts;
}

}  // namespace

std::vector<std::string> analysis_option_keys() {
    return cartridge::analysis_option_keys();
}

void infer_and_classify_pg(int64_t scan_id, const json& options, const Roles& roles, CatalogReader& reader,
                           const ProfileRun* profiled, Schema schema) {
    const AnalysisOptions opts = parse_analysis_options(options);
    // Counts are stored apart from durations: tests and reports compare the counts.
    json stats = json::object();
    json timings = json::object();
    SpiScope spi;
    // Relations whose reading would run another role's code are not read for containment.
    const Unreadable none;
    const Unreadable& unreadable = profiled ? profiled->unreadable : none;
    if (profiled) {
        stats["profiling"] = profiled->stats;
        for (const auto& [part, ms] : profiled->timings_ms.items())
            timings[part == "total" ? std::string("profile") : "profile_" + part] = rounded(ms.get<double>());
    }

    Clock::time_point started;

    json inference = {{"enabled", opts.infer}, {"min_confidence", opts.min_confidence}};
    if (opts.infer) {
        started = Clock::now();
        InferenceOptions inference_options;
        inference_options.min_confidence = opts.min_confidence;
        std::vector<Candidate> candidates = relationship_candidates(schema, inference_options);
        timings["candidates"] = ms_since(started);
        json data = json::object();
        std::vector<Containment> evidence = measure_containment_pg(reader, schema, candidates, opts, unreadable, data);
        timings["containment"] = rounded(data["ms"].get<double>());
        data.erase("ms");
        inference.update(data);
        started = Clock::now();
        std::vector<Relationship> edges = decide_relationships(schema, candidates, evidence, inference_options);
        timings["decide"] = ms_since(started);
        inference["inferred"] = edges.size();
        started = Clock::now();
        store_edges_pg(scan_id, edges, roles);
        timings["store_edges"] = ms_since(started);
        for (Relationship& e : edges)
            schema.relationships.push_back(std::move(e));
    }
    stats["inference"] = inference;

    started = Clock::now();
    stats["classification"] = store_classifications_pg(scan_id, schema, classify_relations(schema), roles);
    timings["classification"] = ms_since(started);
    stats["timings_ms"] = timings;

    // Merged into stats, timings into stats->'timings_ms' next to the catalog's own.
    const std::string id = std::to_string(scan_id);
    const std::string text = stats.dump();
    OwnerScope as_owner(roles);
    spi_execute_pg(
        "UPDATE cartridge.scans SET stats = stats OPERATOR(pg_catalog.||) ($2 OPERATOR(pg_catalog.-) 'timings_ms') "
        "OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object('timings_ms', "
        "coalesce(stats OPERATOR(pg_catalog.->) 'timings_ms', '{}') "
        "OPERATOR(pg_catalog.||) ($2 OPERATOR(pg_catalog.->) 'timings_ms')) WHERE id = $1",
        false, {{INT8OID, id.c_str()}, {JSONBOID, text.c_str()}});
}

}  // namespace cartridge::pg
