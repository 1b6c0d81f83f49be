// The builtin provider's core without a server: rendering a 1,000-table project and writing
// its archive, next to a baseline measured in the same run (concatenating the same files:
// the floor for touching every byte once). The end-to-end figure, with the scan of the same
// schema as baseline, is test/bench/generate_bench.py.
#include "bench_schema.hpp"
#include "core/archive_writer.hpp"
#include "core/dbt_project.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

using namespace cartridge;
using cartridge::bench::bench_schema;

void BM_GenerateProject(benchmark::State& state) {
    const Schema schema = bench_schema(static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(generate_dbt_project(schema, {}));
}
BENCHMARK(BM_GenerateProject)->Arg(1000)->Unit(benchmark::kMillisecond);

std::vector<ArchiveFile> project_files(int tables) {
    std::vector<ArchiveFile> files;
    for (const GeneratedFile& f : generate_dbt_project(bench_schema(tables), {}).files)
        files.push_back({f.path, f.content});
    return files;
}

void BM_ArchiveTarGz(benchmark::State& state) {
    const auto files = project_files(static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(write_archive("bench", files, ArchiveFormat::tar_gz));
}
BENCHMARK(BM_ArchiveTarGz)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_ArchiveZip(benchmark::State& state) {
    const auto files = project_files(static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(write_archive("bench", files, ArchiveFormat::zip));
}
BENCHMARK(BM_ArchiveZip)->Arg(1000)->Unit(benchmark::kMillisecond);

// Baseline: concatenating every file's bytes once.
void BM_BaselineConcatenate(benchmark::State& state) {
    const auto files = project_files(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        std::string all;
        for (const ArchiveFile& f : files)
            all += f.content;
        benchmark::DoNotOptimize(all);
    }
}
BENCHMARK(BM_BaselineConcatenate)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
