// diff_schemas and render_erd(dot) on two scans of a 10,000-table schema (100,000 columns,
// 30,000 constraints, 20,000 indexes, 10,999 relationships), the second after a migration of
// 1,750 changes. Each prints `vs_copy`: its time over that of a deep copy of the scan
// measured in the same run (the floor for reading every name once).
#include "bench_schema.hpp"
#include "core/erd.hpp"
#include "core/schema_diff.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <string>

namespace {

using namespace cartridge;
using cartridge::bench::bench_schema;
using Clock = std::chrono::steady_clock;

constexpr int tables = 10'000;

Schema old_scan() {
    Schema s = bench_schema(tables);
    for (Relation& r : s.relations) {
        Index pk;
        pk.name = r.name + "_pkey";
        pk.method = "btree";
        pk.unique = pk.primary = true;
        pk.columns = {"id"};
        Index code = pk;
        code.name = r.name + "_Code_key";
        code.primary = false;
        code.columns = {"Code"};
        r.indexes = {pk, code};
    }
    return s;
}

// One table in 100 renamed, one in 200 dropped, 50 created; in others a column renamed,
// a type changed, a NOT NULL added, a check list changed, an index dropped.
Schema migrated(Schema s, std::size_t* expected_changes) {
    auto number = [](const std::string& table) { return std::stoi(table.substr(5)) - 1; };  // "Table<n>"
    std::size_t n = 0;
    std::vector<Relation> kept;
    for (Relation& r : s.relations) {
        switch (number(r.name) % 200) {
        case 0: n++; continue;  // dropped (its relationships go with it)
        case 1: case 101: r.name += "_renamed"; n++; break;
        case 2: case 102: r.columns[4].name = "label"; n++; break;
        case 3: case 103: r.columns[6].data_type = "numeric(14,2)"; n++; break;
        case 4: case 104: r.columns[5].nullable = false; n++; break;
        case 5: case 105: r.constraints[2].accepted_values.push_back("archived"); n++; break;
        case 6: case 106: r.indexes.pop_back(); n++; break;
        }
        kept.push_back(std::move(r));
    }
    for (int i = 1; i <= 50; i++) {
        Relation r = bench_schema(1).relations[0];
        r.oid = 900'000 + static_cast<uint32_t>(i);
        r.name = "New" + std::to_string(i);
        kept.push_back(std::move(r));
        n++;
    }
    s.relations = std::move(kept);
    std::sort(s.relations.begin(), s.relations.end(),
              [](const Relation& a, const Relation& b) { return a.name < b.name; });
    // Relationships from or to a dropped table go; those of renamed tables follow them.
    std::vector<Relationship> edges;
    for (Relationship& e : s.relationships) {
        const int from = number(e.from_table), to = number(e.to_table);
        if (from % 200 == 0)
            continue;
        if (to % 200 == 0) {
            n++;  // removed from a table that stays
            continue;
        }
        if (from % 100 == 1)
            e.from_table += "_renamed";
        if (to % 100 == 1)
            e.to_table += "_renamed";
        edges.push_back(std::move(e));
    }
    s.relationships = std::move(edges);
    *expected_changes = n;
    return s;
}

// Seconds of one deep copy of the scan: the median of five.
double copy_seconds(const Schema& s) {
    std::vector<double> runs;
    for (int i = 0; i < 5; i++) {
        const auto start = Clock::now();
        Schema copy = s;
        benchmark::DoNotOptimize(copy);
        runs.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    std::sort(runs.begin(), runs.end());
    return runs[2];
}

template <typename F>
void measure_against_copy(benchmark::State& state, const Schema& copied, F work) {
    const double baseline = copy_seconds(copied);
    const auto start = Clock::now();
    for (auto _ : state)
        work();
    const double each = std::chrono::duration<double>(Clock::now() - start).count() / state.iterations();
    state.counters["vs_copy"] = each / baseline;
    state.counters["copy_ms"] = baseline * 1000;
}

void BM_DiffSchemas(benchmark::State& state) {
    const Schema before = old_scan();
    std::size_t expected = 0;
    const Schema after = migrated(old_scan(), &expected);
    const std::size_t found = diff_schemas(before, after).size();
    if (found != expected)
        state.SkipWithError(("expected " + std::to_string(expected) + " changes, found " + std::to_string(found)).c_str());
    measure_against_copy(state, after, [&] { benchmark::DoNotOptimize(diff_schemas(before, after)); });
    state.counters["changes"] = static_cast<double>(found);
}
BENCHMARK(BM_DiffSchemas)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DiffIdenticalSchemas(benchmark::State& state) {
    const Schema scan = old_scan();
    if (!diff_schemas(scan, scan).empty())
        state.SkipWithError("identical scans gave changes");
    measure_against_copy(state, scan, [&] { benchmark::DoNotOptimize(diff_schemas(scan, scan)); });
}
BENCHMARK(BM_DiffIdenticalSchemas)->Unit(benchmark::kMillisecond)->UseRealTime();

// render_erd(dot) with max_tables: the default 100 (columns of keys), and every table with
// every column.
void BM_RenderErdDot(benchmark::State& state) {
    const Schema scan = old_scan();
    ErdOptions options;
    options.format = ErdFormat::dot;
    if (state.range(0) > 0) {
        options.max_tables = static_cast<std::size_t>(state.range(0));
        options.columns = ErdColumns::all;
    }
    measure_against_copy(state, scan, [&] { benchmark::DoNotOptimize(render_erd(scan, options)); });
    state.counters["bytes"] = static_cast<double>(render_erd(scan, options).size());
}
BENCHMARK(BM_RenderErdDot)->Arg(0)->Arg(tables)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
