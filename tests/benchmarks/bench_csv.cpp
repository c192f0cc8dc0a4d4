// SPDX-License-Identifier: MIT
// CSV reading speed (issue #2). Two modes:
//   bench_csv --once FILE [--summary]   read FILE once, print JSON with seconds, rows, columns and
//                                       the loaded table's bytes (compare_csv_pandas.py runs this
//                                       under /usr/bin/time -v beside pandas.read_csv)
//   bench_csv [benchmark flags]         Google Benchmark on a generated 100k-row mixed file
#include "core/data/csvreader.h"
#include "core/data/csvwriter.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

namespace {

qint64 tableBytes(const core::Table &table)
{
    qint64 bytes = 0;
    for (const core::Column &c : table.columns()) {
        bytes += qint64(c.numbers().capacity() * sizeof(double) + c.codes().capacity() * sizeof(std::int32_t)
                        + c.missingMask().capacity());
        for (const QString &t : c.texts())
            bytes += qint64(sizeof(QString)) + t.capacity() * 2;
        for (const QString &l : c.labels())
            bytes += qint64(sizeof(QString)) + l.capacity() * 2;
    }
    return bytes;
}

int readOnce(const QString &path, bool summary)
{
    core::SilentJob job;
    QElapsedTimer timer;
    timer.start();
    auto result = core::CsvReader::read(path, core::CsvOptions {}, job);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(result.error().toString()));
        return 1;
    }
    const core::CsvReadResult &r = result.value();
    std::printf("{\"seconds\": %.4f, \"rows\": %lld, \"columns\": %d, \"table_bytes\": %lld}\n", seconds,
                static_cast<long long>(r.table.rowCount()), r.table.columnCount(),
                static_cast<long long>(tableBytes(r.table)));
    if (summary) {
        std::printf("delimiter '%s' decimal '%s' encoding %s header %d skipped %lld\n",
                    qPrintable(QString(r.delimiter)), qPrintable(QString(r.decimalMark)), qPrintable(r.encoding),
                    int(r.hasHeader), static_cast<long long>(r.skippedRows));
        for (int j = 0; j < r.table.columnCount(); ++j) {
            const core::Column &c = r.table.column(j);
            const core::ColumnMeta &m = r.schema.columns[j];
            std::printf("  %-28s %-9s %-12s int=%d dec=%d miss=%lld fmt=%s labels=%lld pii=%s pat=%s conf=%.2f\n",
                        qPrintable(c.name()), qPrintable(core::storageName(c.storage())),
                        qPrintable(core::semanticTypeKey(m.type)), int(c.isInteger()), c.decimals(),
                        static_cast<long long>(c.missingCount()), qPrintable(c.dateFormat()),
                        static_cast<long long>(c.labels().size()), qPrintable(m.piiKind), qPrintable(m.pattern),
                        m.confidence);
        }
        for (const core::Diagnostic &d : r.diagnostics)
            std::printf("  [%s] %s\n", qPrintable(d.kind), qPrintable(d.message));
    }
    return 0;
}

// A 100k-row file like ../shared/bench/make_mixed_csv.py writes (same column kinds).
QString makeMixedFile(const QString &dir)
{
    const QString path = dir + QStringLiteral("/mixed.csv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator rng(7);
    QByteArray out = "patient_id,age,sex,bmi,sbp,glucose,smoker,diabetic,admit_date,dx_code,cost,readmit\n";
    static const char *smoke[] = { "never", "former", "current", "" };
    for (int i = 0; i < 100000; ++i) {
        out += QByteArray::number(100000 + i) + ',' + QByteArray::number(18 + rng.bounded(80)) + ','
            + (rng.bounded(2) ? "F" : "M") + ',' + QByteArray::number(18.0 + rng.bounded(200) / 10.0, 'f', 1) + ','
            + QByteArray::number(90 + rng.bounded(90)) + ','
            + (rng.bounded(25) == 0 ? QByteArray() : QByteArray::number(60 + rng.bounded(2000) / 10.0, 'f', 1))
            + ',' + smoke[rng.bounded(4)] + ',' + (rng.bounded(3) ? "no" : "yes") + ",20"
            + QByteArray::number(15 + rng.bounded(8)) + "-0" + QByteArray::number(1 + rng.bounded(9)) + '-'
            + QByteArray::number(10 + rng.bounded(18)) + ",I" + QByteArray::number(10 + rng.bounded(50)) + '.'
            + QByteArray::number(rng.bounded(10)) + ',' + QByteArray::number(rng.bounded(5000000) / 100.0, 'f', 2)
            + ',' + (rng.bounded(8) ? "0" : "1") + '\n';
    }
    file.write(out);
    return path;
}

void BM_ReadMixed(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = makeMixedFile(dir.path());
    core::SilentJob job;
    for (auto _ : state) {
        auto result = core::CsvReader::read(path, core::CsvOptions {}, job);
        if (!result.ok()) {
            state.SkipWithError("read failed");
            return;
        }
        benchmark::DoNotOptimize(result.value().table.rowCount());
    }
    state.SetBytesProcessed(state.iterations() * QFileInfo(path).size());
}
BENCHMARK(BM_ReadMixed)->Unit(benchmark::kMillisecond);

void BM_WriteMixed(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = makeMixedFile(dir.path());
    core::SilentJob job;
    auto result = core::CsvReader::read(path, core::CsvOptions {}, job);
    if (!result.ok()) {
        state.SkipWithError("read failed");
        return;
    }
    for (auto _ : state) {
        auto written = core::CsvWriter::write(result.value().table, dir.path() + QStringLiteral("/out.csv"), job);
        benchmark::DoNotOptimize(written.ok());
    }
}
BENCHMARK(BM_WriteMixed)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && QByteArray(argv[1]) == "--once")
        return readOnce(QString::fromLocal8Bit(argv[2]), argc >= 4 && QByteArray(argv[3]) == "--summary");
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
