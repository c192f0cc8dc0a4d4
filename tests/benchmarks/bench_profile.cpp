// SPDX-License-Identifier: MIT
// Profiling speed and memory (issue #4). Two modes:
//   bench_profile --once FILE [--threads N] [--json OUT] [--repeat N]
//                                            read FILE with CsvReader, then profile it; prints JSON with
//                                            load and profile seconds and the profile's extra peak
//                                            memory (bench_profile_pandas.py runs this beside pandas);
//                                            --json writes the profile itself (profileToJson) to OUT;
//                                            --repeat profiles N times and reports the fastest
//   bench_profile [benchmark flags]          Google Benchmark: profile a generated 200k x 20 table
#include "core/data/csvreader.h"
#include "core/profile/profile.h"
#include "core/profile/profilejson.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <sys/resource.h>

namespace {

// Resident and peak resident memory of this process in KiB, from /proc/self/status.
std::pair<qint64, qint64> residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    qint64 rss = -1, hwm = -1;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmRSS:"))
                rss = line.mid(6).trimmed().split(' ').value(0).toLongLong();
            else if (line.startsWith("VmHWM:"))
                hwm = line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return { rss, hwm };
}

// CPU seconds (user + system, all threads) used by this process so far.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Resets VmHWM to the current RSS, so the next reading is the peak of what follows.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// Notes how long each stage of the profile took (stages are the progress messages).
class StageTimer final : public core::JobContext {
public:
    StageTimer()
    {
        m_timer.start();
        m_stage = QStringLiteral("start");
    }
    bool isCancelled() const override { return false; }
    void reportProgress(double, const QString &stage) override
    {
        if (stage == m_stage)
            return;
        finish();
        m_stage = stage;
    }
    void finish()
    {
        if (!m_stage.isEmpty())
            m_parts.append(QStringLiteral("\"%1\": %2")
                               .arg(m_stage)
                               .arg(double(m_timer.nsecsElapsed()) / 1e9, 0, 'f', 3));
        m_timer.restart();
    }
    QString json() const { return u'{' + m_parts.join(QStringLiteral(", ")) + u'}'; }

private:
    QElapsedTimer m_timer;
    QString m_stage;
    QStringList m_parts;
};

int profileOnce(const QString &path, int threads, const QString &jsonPath, int repeat)
{
    core::SilentJob job;
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = cpuSeconds();
    auto read = core::CsvReader::read(path, core::CsvOptions {}, job);
    const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double loadCpu = cpuSeconds() - cpu0;
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(read.error().toString()));
        return 1;
    }
    const core::CsvReadResult &r = read.value();
    resetPeak();
    const qint64 before = residentKiB().first;
    core::ProfileOptions options;
    options.threads = threads;
    options.source.encoding = r.encoding;
    options.source.diagnostics = r.diagnostics;
    // On a loaded machine one run says little: profile `repeat` times and keep the fastest (wall and
    // CPU each), as the pandas script does with its runs.
    QString stagesJson;
    core::Result<core::Profile> profile = core::Error {};
    double profileSeconds = 0, profileCpu = 0;
    for (int run = 0; run < std::max(1, repeat); ++run) {
        StageTimer runStages;
        timer.restart();
        const double cpu1 = cpuSeconds();
        profile = core::profileTable(r.table, r.schema, options, runStages);
        const double wall = double(timer.nsecsElapsed()) / 1e9, cpu = cpuSeconds() - cpu1;
        runStages.finish();
        if (run == 0 || wall < profileSeconds) {
            profileSeconds = wall;
            stagesJson = runStages.json();
        }
        profileCpu = run == 0 ? cpu : std::min(profileCpu, cpu);
    }
    if (!profile.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(profile.error().toString()));
        return 1;
    }
    const qint64 peak = residentKiB().second;
    if (!jsonPath.isEmpty()) {
        QFile out(jsonPath);
        if (!out.open(QIODevice::WriteOnly)) {
            std::fprintf(stderr, "Cannot write %s\n", qPrintable(jsonPath));
            return 1;
        }
        out.write(QJsonDocument(core::profileToJson(profile.value())).toJson(QJsonDocument::Indented));
    }
    std::printf("{\"load_seconds\": %.4f, \"profile_seconds\": %.4f, \"load_cpu_seconds\": %.4f, "
                "\"profile_cpu_seconds\": %.4f, \"rows\": %lld, \"columns\": %d, "
                "\"threads\": %d, \"rss_before_profile_mib\": %.1f, \"profile_extra_peak_mib\": %.1f, "
                "\"alerts\": %lld, \"associations\": %lld, \"stages\": %s}\n",
        loadSeconds, profileSeconds, loadCpu, profileCpu, static_cast<long long>(r.table.rowCount()),
        r.table.columnCount(), threads, double(before) / 1024.0, double(peak - before) / 1024.0,
        static_cast<long long>(profile.value().alerts.size()),
        static_cast<long long>(profile.value().associations.size()), qPrintable(stagesJson));
    return 0;
}

core::Table generatedTable(qint64 rows)
{
    QRandomGenerator rng(7);
    core::Table table;
    for (int c = 0; c < 14; ++c) {
        core::Column column(QStringLiteral("x%1").arg(c), core::ColumnStorage::Number);
        column.reserve(rows);
        for (qint64 i = 0; i < rows; ++i) {
            if (rng.bounded(25) == 0)
                column.appendMissing();
            else
                column.appendNumber(std::round(rng.generateDouble() * 1000.0 * (c + 1)) / 10.0);
        }
        table.addColumn(std::move(column));
    }
    for (int c = 0; c < 5; ++c) {
        core::Column column(QStringLiteral("c%1").arg(c), core::ColumnStorage::Category);
        for (int l = 0; l < 3 + 40 * c; ++l)
            column.codeFor(QStringLiteral("L%1").arg(l));
        column.reserve(rows);
        for (qint64 i = 0; i < rows; ++i)
            column.appendCode(std::int32_t(rng.bounded(3 + 40 * c)));
        table.addColumn(std::move(column));
    }
    core::Column dates(QStringLiteral("admit_date"), core::ColumnStorage::DateTime);
    for (qint64 i = 0; i < rows; ++i)
        dates.appendNumber(1.42e9 + 86400.0 * double(rng.bounded(3000)));
    table.addColumn(std::move(dates));
    return table;
}

void BM_ProfileGenerated(benchmark::State &state)
{
    const core::Table table = generatedTable(200'000);
    core::ProfileOptions options;
    options.threads = int(state.range(0));
    for (auto _ : state) {
        core::SilentJob job;
        auto profile = core::profileTable(table, core::Schema {}, options, job);
        benchmark::DoNotOptimize(profile);
    }
}
BENCHMARK(BM_ProfileGenerated)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int once = int(args.indexOf(QStringLiteral("--once")));
    if (once >= 0 && once + 1 < args.size()) {
        const int t = int(args.indexOf(QStringLiteral("--threads")));
        const int j = int(args.indexOf(QStringLiteral("--json")));
        const int r = int(args.indexOf(QStringLiteral("--repeat")));
        return profileOnce(args.at(once + 1), t >= 0 && t + 1 < args.size() ? args.at(t + 1).toInt() : 0,
            j >= 0 && j + 1 < args.size() ? args.at(j + 1) : QString(),
            r >= 0 && r + 1 < args.size() ? args.at(r + 1).toInt() : 1);
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
