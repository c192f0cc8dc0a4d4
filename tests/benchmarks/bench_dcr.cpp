// SPDX-License-Identifier: MIT
// DCR (synthetic -> real) on health-like mixed tables of 20 columns: 14 numerical, 6 categorical.
// bench_dcr_vs_sklearn.py runs this and scikit-learn's NearestNeighbors on the same rows.
// With HEALTHSYNTH_BENCH_DUMP_DIR set, each 2-thread case writes real.csv, synthetic.csv and
// dcr.csv (our distances) there for that script.
#include "core/evaluation/privacy/dcr.h"

#include <benchmark/benchmark.h>

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <random>

namespace {

constexpr int kNumerical = 14;
constexpr int kCategorical = 6;
const int kCardinality[kCategorical] = { 2, 4, 2, 50, 2, 5 };

// Correlated health-like values: a latent "risk" drives several measurements.
core::Table makeTable(qint64 rows, quint64 seed, double shift)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::vector<std::vector<double>> numbers(kNumerical, std::vector<double>(size_t(rows)));
    std::vector<std::vector<int>> codes(kCategorical, std::vector<int>(size_t(rows)));
    for (qint64 r = 0; r < rows; ++r) {
        const double risk = normal(rng) + shift;
        for (int c = 0; c < kNumerical; ++c) {
            double v = 50.0 + 10.0 * (0.6 * risk * (c % 3 == 0 ? 1.0 : -0.5) + normal(rng)) * (1.0 + c * 0.2);
            if (c < 5)
                v = std::round(v); // integer-valued columns give ties, as real data does
            numbers[size_t(c)][size_t(r)] = v;
        }
        for (int c = 0; c < kCategorical; ++c) {
            const double u = std::clamp(0.5 + 0.25 * risk + 0.2 * normal(rng), 0.0, 0.999999);
            codes[size_t(c)][size_t(r)] = int(u * kCardinality[c]);
        }
    }
    core::Table table;
    for (int c = 0; c < kNumerical; ++c) {
        core::Column column(QStringLiteral("n%1").arg(c), core::ColumnStorage::Number);
        column.reserve(rows);
        for (double v : numbers[size_t(c)])
            column.appendNumber(v);
        table.addColumn(std::move(column));
    }
    for (int c = 0; c < kCategorical; ++c) {
        core::Column column(QStringLiteral("k%1").arg(c), core::ColumnStorage::Category);
        for (int k = 0; k < kCardinality[c]; ++k)
            column.codeFor(QStringLiteral("v%1").arg(k));
        for (int v : codes[size_t(c)])
            column.appendCode(v);
        table.addColumn(std::move(column));
    }
    return table;
}

// Keeps synthetic numbers inside the real ranges, where the cap of the DCR distance never
// applies: then it equals scikit-learn's Manhattan distance on [scaled numbers, one-hot / 2].
void clampToReal(core::Table &synthetic, const core::Table &real)
{
    for (int c = 0; c < kNumerical; ++c) {
        const auto &rv = real.column(c).numbers();
        const auto [lo, hi] = std::minmax_element(rv.begin(), rv.end());
        for (double &v : synthetic.column(c).numbers())
            v = std::clamp(v, *lo, *hi);
    }
}

core::Schema schema()
{
    core::Schema s;
    for (int c = 0; c < kNumerical; ++c) {
        core::ColumnMeta m;
        m.name = QStringLiteral("n%1").arg(c);
        m.type = core::SemanticType::Numerical;
        s.columns.append(m);
    }
    for (int c = 0; c < kCategorical; ++c) {
        core::ColumnMeta m;
        m.name = QStringLiteral("k%1").arg(c);
        m.type = core::SemanticType::Categorical;
        s.columns.append(m);
    }
    return s;
}

void writeCsv(const core::Table &table, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return;
    QTextStream out(&file);
    out << table.columnNames().join(u',') << '\n';
    for (qint64 r = 0; r < table.rowCount(); ++r) {
        for (int c = 0; c < table.columnCount(); ++c) {
            const core::Column &column = table.column(c);
            if (c)
                out << ',';
            if (column.storage() == core::ColumnStorage::Number)
                out << QString::number(column.numbers()[size_t(r)], 'g', 17);
            else
                out << column.labels()[column.codes()[size_t(r)]];
        }
        out << '\n';
    }
}

void BM_DcrMixed20(benchmark::State &state)
{
    const qint64 rows = state.range(0);
    const int threads = int(state.range(1));
    const core::Table real = makeTable(rows, 1, 0.0);
    core::Table synthetic = makeTable(rows, 2, 0.1);
    clampToReal(synthetic, real);
    const core::Schema s = schema();
    core::privacy::DcrOptions options;
    options.threads = threads;
    core::SilentJob job;
    Eigen::VectorXd dcr;
    for (auto _ : state) {
        auto result = core::privacy::distanceToClosestRecord(synthetic, real, s, job, options);
        if (!result.ok()) {
            state.SkipWithError(result.error().toString().toUtf8().constData());
            return;
        }
        dcr = std::move(result.value());
        benchmark::DoNotOptimize(dcr.data());
    }
    state.counters["median_dcr"] = core::privacy::summarizeDistances(dcr).median;
    state.counters["pairs_per_s"]
        = benchmark::Counter(double(rows) * double(rows) * double(state.iterations()), benchmark::Counter::kIsRate);
    const QString dump = qEnvironmentVariable("HEALTHSYNTH_BENCH_DUMP_DIR");
    if (!dump.isEmpty() && threads == 2) {
        writeCsv(real, dump + QStringLiteral("/real.csv"));
        writeCsv(synthetic, dump + QStringLiteral("/synthetic.csv"));
        QFile file(dump + QStringLiteral("/dcr.csv"));
        if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
            QTextStream out(&file);
            out << "dcr\n";
            for (Eigen::Index i = 0; i < dcr.size(); ++i)
                out << QString::number(dcr[i], 'g', 17) << '\n';
        }
    }
}

} // namespace

// rows, threads. One iteration each: the 100,000-row case is the 30-second budget.
BENCHMARK(BM_DcrMixed20)
    ->Args({ 20000, 1 })
    ->Args({ 20000, 2 })
    ->Args({ 100000, 2 })
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

BENCHMARK_MAIN();
