// SPDX-License-Identifier: MIT
// One epoch of CTGAN and TVAE, preprocessing included, on an invented adult-sized table (32,561 x 15); the
// reference takes 9.4 s + 3.15 s per epoch (CTGAN) and 7.3 s + 0.49 s (TVAE) on adult. Real-file speed and
// quality: bench_ctgan_quality.
#include "bench_ctgan_table.h"

#include "core/generators/ctgan/ctgan.h"
#include "core/generators/tvae/tvae.h"

#include <benchmark/benchmark.h>

namespace {

template <typename G>
void fitOneEpoch(benchmark::State &state)
{
    static const auto data = benchTable(32561);
    core::FitOptions options;
    options.settings = { { QStringLiteral("epochs"), 1 } };
    core::SilentJob job;
    for (auto _ : state) {
        G generator;
        const auto fitted = generator.fit(data.first, data.second, options, job);
        if (!fitted.ok())
            state.SkipWithError(qPrintable(fitted.error().toString()));
    }
}

void BM_CtganOneEpoch(benchmark::State &state) { fitOneEpoch<core::Ctgan>(state); }
void BM_TvaeOneEpoch(benchmark::State &state) { fitOneEpoch<core::Tvae>(state); }

} // namespace

BENCHMARK(BM_CtganOneEpoch)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK(BM_TvaeOneEpoch)->Unit(benchmark::kSecond)->Iterations(1);
BENCHMARK_MAIN();
