// SPDX-License-Identifier: MIT
// PostgreSQL export speed (issue #7): exportToPostgres (COPY FROM STDIN) against row-by-row
// prepared INSERTs and `psql \copy` of the same CSV, same server, same run.
//
// Needs a server: run through ctest (fixture postgres: `ctest -R bench_pgexport`) or
// bench_pgexport.sh, or set HEALTHSYNTH_TEST_PG_URI and HEALTHSYNTH_TEST_PG_PASSWORD.
// The table is the mixed health-like CSV from ../shared/bench/make_mixed_csv.py
// (HEALTHSYNTH_BENCH_ROWS rows, default 1,000,000, seed 7), or HEALTHSYNTH_BENCH_CSV.
// INSERTs are timed on HEALTHSYNTH_BENCH_INSERT_ROWS rows (default 100,000) and compared
// per row, since a million single-row round trips would take minutes.
//
// Measured 2026-12-03 on the shared 2-core build VM (load average 11-15 from other builds),
// PostgreSQL 15 fixture on loopback, 1,000,000 x 20 mixed CSV (seed 7), medians of 3:
//   exportToPostgres (binary COPY)   6.78 s   147k rows/s   (6.19 s / 161k rows/s in a later run)
//   psql \copy of the same CSV      11.43 s    87k rows/s   -> COPY export 1.7x faster
//   prepared INSERT, 100k rows      18.20 s   5.5k rows/s   -> COPY export 27x faster per row
//   PostgresSource::loadTable of the exported table: 10.3 s (97k rows/s)
#include "core/data/csvreader.h"
#include "core/data/postgressource.h"
#include "core/export/postgresexport.h"
#include "services.h"
#include "testpaths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <cstdio>
#include <libpq-fe.h>

using namespace core;

namespace {

Table s_table;
QString s_csvPath;
PostgresConnectionInfo s_info;

void execOrDie(const PostgresConnection &connection, const QByteArray &sql)
{
    if (auto ok = connection.exec(sql, QStringLiteral("benchmark setup")); !ok)
        qFatal("%s", qPrintable(ok.error().toString()));
}

void BM_CopyExport(benchmark::State &state)
{
    PostgresTarget target;
    target.connection = s_info;
    target.schema = QStringLiteral("bench");
    target.table = QStringLiteral("copy_export");
    auto opened = PostgresConnection::open(s_info);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    for (auto _ : state) {
        // Like the others, the previous table is dropped outside the timed part.
        state.PauseTiming();
        execOrDie(opened.value(), "DROP TABLE IF EXISTS bench.copy_export");
        state.ResumeTiming();
        SilentJob job;
        auto done = exportToPostgres(s_table, {}, target, ExportMode::Create, job);
        if (!done) {
            state.SkipWithError(qPrintable(done.error().toString()));
            return;
        }
    }
    state.counters["rows_per_s"]
        = benchmark::Counter(double(s_table.rowCount()), benchmark::Counter::kIsIterationInvariantRate);
}

// Reading the exported table back (server-side cursor, 10,000 rows per FETCH).
void BM_SourceLoad(benchmark::State &state)
{
    for (auto _ : state) {
        SilentJob job;
        auto loaded
            = PostgresSource(s_info).loadTable(QStringLiteral("bench"), QStringLiteral("copy_export"), job);
        if (!loaded) {
            state.SkipWithError(qPrintable(loaded.error().toString()));
            return;
        }
        benchmark::DoNotOptimize(loaded.value().table.rowCount());
    }
    state.counters["rows_per_s"]
        = benchmark::Counter(double(s_table.rowCount()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_PsqlCopy(benchmark::State &state)
{
    auto opened = PostgresConnection::open(s_info);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    for (auto _ : state) {
        state.PauseTiming();
        execOrDie(opened.value(),
            "DROP TABLE IF EXISTS bench.psql_copy; "
            "CREATE TABLE bench.psql_copy (LIKE bench.copy_export)");
        state.ResumeTiming();
        QProcess psql;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), s_info.password);
        psql.setProcessEnvironment(env);
        psql.start(QStringLiteral("psql"),
            { QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), s_info.toUri(), QStringLiteral("-c"),
                QStringLiteral("\\copy bench.psql_copy FROM '%1' WITH (FORMAT csv, HEADER true)")
                    .arg(s_csvPath) });
        psql.waitForFinished(-1);
        if (psql.exitCode() != 0) {
            state.SkipWithError(psql.readAllStandardError().constData());
            return;
        }
    }
    state.counters["rows_per_s"]
        = benchmark::Counter(double(s_table.rowCount()), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_PreparedInserts(benchmark::State &state)
{
    const qint64 rows = std::min<qint64>(s_table.rowCount(), state.range(0));
    auto opened = PostgresConnection::open(s_info);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().toString()));
    const PostgresConnection &connection = opened.value();
    const int columns = s_table.columnCount();
    QByteArray placeholders;
    for (int c = 0; c < columns; ++c)
        placeholders += (c ? ", $" : "$") + QByteArray::number(c + 1);
    for (auto _ : state) {
        state.PauseTiming();
        execOrDie(connection,
            "DROP TABLE IF EXISTS bench.inserts; CREATE TABLE bench.inserts (LIKE bench.copy_export)");
        state.ResumeTiming();
        execOrDie(connection, "BEGIN");
        PGresult *prepared = PQprepare(connection.native(), "insert_row",
            "INSERT INTO bench.inserts VALUES (" + placeholders + ")", columns, nullptr);
        PQclear(prepared);
        std::vector<QByteArray> cells(static_cast<size_t>(columns));
        std::vector<const char *> values(static_cast<size_t>(columns), nullptr);
        for (qint64 r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                const Column &column = s_table.column(c);
                if (column.isMissing(r)) {
                    values[size_t(c)] = nullptr;
                } else {
                    cells[size_t(c)] = column.cellText(r).toUtf8();
                    values[size_t(c)] = cells[size_t(c)].constData();
                }
            }
            PGresult *result = PQexecPrepared(
                connection.native(), "insert_row", columns, values.data(), nullptr, nullptr, 0);
            if (PQresultStatus(result) != PGRES_COMMAND_OK) {
                state.SkipWithError(PQresultErrorMessage(result));
                PQclear(result);
                return;
            }
            PQclear(result);
        }
        execOrDie(connection, "COMMIT; DEALLOCATE insert_row");
    }
    state.counters["rows_per_s"]
        = benchmark::Counter(double(rows), benchmark::Counter::kIsIterationInvariantRate);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);

    auto info = PostgresConnectionInfo::fromUri(testsupport::postgresUri());
    if (!info) {
        std::fprintf(
            stderr, "No PostgreSQL server: run through ctest (fixture postgres) or bench_pgexport.sh\n");
        return 1;
    }
    s_info = info.value();
    s_info.password = testsupport::postgresPassword();

    QTemporaryDir dir;
    s_csvPath = qEnvironmentVariable("HEALTHSYNTH_BENCH_CSV");
    const QString rows = qEnvironmentVariable("HEALTHSYNTH_BENCH_ROWS", QStringLiteral("1000000"));
    if (s_csvPath.isEmpty()) {
        s_csvPath = dir.filePath(QStringLiteral("mixed.csv"));
        const int status = QProcess::execute(QStringLiteral("python3"),
            { testsupport::sharedDir() + QStringLiteral("/bench/make_mixed_csv.py"), rows, s_csvPath,
                QStringLiteral("7") });
        if (status != 0) {
            std::fprintf(stderr, "make_mixed_csv.py failed\n");
            return 1;
        }
    }
    SilentJob job;
    auto read = CsvReader::read(s_csvPath, CsvOptions {}, job);
    if (!read) {
        std::fprintf(stderr, "%s\n", qPrintable(read.error().toString()));
        return 1;
    }
    s_table = std::move(read.value().table);
    std::fprintf(stderr, "table: %lld rows x %d columns\n", static_cast<long long>(s_table.rowCount()),
        s_table.columnCount());
    {
        auto connection = PostgresConnection::open(s_info);
        if (!connection) {
            std::fprintf(stderr, "%s\n", qPrintable(connection.error().toString()));
            return 1;
        }
        execOrDie(connection.value(), "CREATE SCHEMA IF NOT EXISTS bench");
    }

    const qint64 insertRows
        = qEnvironmentVariable("HEALTHSYNTH_BENCH_INSERT_ROWS", QStringLiteral("100000")).toLongLong();
    benchmark::RegisterBenchmark("CopyExport", BM_CopyExport)
        ->Iterations(1)
        ->Repetitions(3)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("SourceLoad", BM_SourceLoad)
        ->Iterations(1)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("PsqlCopy", BM_PsqlCopy)
        ->Iterations(1)
        ->Repetitions(3)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("PreparedInserts", BM_PreparedInserts)
        ->Arg(insertRows)
        ->Iterations(1)
        ->UseRealTime()
        ->Unit(benchmark::kMillisecond);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
