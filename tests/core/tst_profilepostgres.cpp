// SPDX-License-Identifier: MIT
// Profiling a PostgreSQL table, against the throw-away server of the "postgres" ctest fixture.
// The expected statistics are PostgreSQL's own aggregates over the same table (count, avg,
// stddev_samp, percentile_cont, corr), so the reference is independent of our code. Memory: the
// rows arrive through a cursor, so loading holds the table once, never a second full copy.
#include "core/data/postgresconnection.h"
#include "core/pipeline/inputloader.h"
#include "core/pipeline/profilejob.h"
#include "sanitizers.h"
#include "services.h"

#include <QFile>
#include <QTest>
#include <cmath>
#include <libpq-fe.h>

using namespace core;

namespace {

constexpr int kRows = 400000;

PostgresConnectionInfo serverInfo()
{
    auto info = PostgresConnectionInfo::fromUri(testsupport::postgresUri());
    if (!info)
        qFatal("No test PostgreSQL server (run through ctest, fixture postgres): %s",
               qPrintable(info.error().toString()));
    info.value().password = testsupport::postgresPassword();
    return info.value();
}

// Resident and peak resident memory of this process in KiB (/proc/self/status).
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

// Resets the peak to the current resident size, so the next peak is that of what follows.
void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// Bytes the table's cells take: the value vectors and the missing masks.
double tableBytes(const Table &table)
{
    double bytes = 0;
    for (const Column &c : table.columns()) {
        bytes += double(c.missingMask().size());
        bytes += double(c.numbers().size()) * sizeof(double) + double(c.codes().size()) * sizeof(std::int32_t);
        bytes += double(c.texts().size()) * sizeof(QString);
    }
    return bytes;
}

const ColumnProfile &col(const Profile &p, const char *name)
{
    const int i = p.indexOf(QString::fromUtf8(name));
    if (i < 0)
        qFatal("no column %s", name);
    return p.columns[i];
}

} // namespace

class TestProfilePostgres : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PGPASSWORD", testsupport::postgresPassword().toUtf8());
        auto connection = PostgresConnection::open(serverInfo());
        QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
        const QByteArray sql = "DROP SCHEMA IF EXISTS prof_test CASCADE; CREATE SCHEMA prof_test;"
                               "CREATE TABLE prof_test.visits AS SELECT g AS id,"
                               " (g::bigint * 7919 % 97)::int + 1 AS age,"
                               " CASE WHEN g % 13 = 0 THEN NULL"
                               "  ELSE round((15 + (g::bigint * 104729 % 3000) / 100.0)::numeric, 1) END AS bmi,"
                               " CASE WHEN g % 101 = 0 THEN -9 ELSE g * 31 % 200 + 1 END AS code,"
                               " (ARRAY['north','south','east','west'])[1 + g % 4] AS region,"
                               " (g % 3 = 0) AS flag,"
                               " date '2020-01-01' + (g * 17 % 1500) AS visit"
                               " FROM generate_series(1, "
            + QByteArray::number(kRows) + ") g; ANALYZE prof_test.visits;";
        auto ok = connection.value().exec(sql, QStringLiteral("test setup"));
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : ok.error().toString()));
    }

    void profileMatchesPostgresAggregates()
    {
        InputSpec spec;
        spec.location = testsupport::postgresUri();
        spec.table = QStringLiteral("prof_test.visits");

        SilentJob job;
        resetPeak();
        const qint64 before = residentKiB().first;
        Result<LoadedInput> loaded = InputLoader::load(spec, job);
        const qint64 loadPeak = residentKiB().second;
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        const Table &table = loaded.value().table;
        QCOMPARE(table.rowCount(), kRows);
        const double bytes = tableBytes(table);
        // One copy of the table plus a cursor batch: a second full copy would at least double it.
        const double loadGrowth = double(loadPeak - before) * 1024.0;
        qInfo("load: table %.1f MiB, peak growth %.1f MiB", bytes / 1048576.0, loadGrowth / 1048576.0);
        if (!testsupport::kAddressSanitizer)
            QVERIFY2(loadGrowth < 1.5 * bytes + 16.0 * 1048576.0, qPrintable(QString::number(loadGrowth / bytes)));

        resetPeak();
        const qint64 beforeProfile = residentKiB().first;
        Result<Profile> profiled = ProfileJob::run(spec, loaded.value(), {}, job);
        const double profileGrowth = double(residentKiB().second - beforeProfile) * 1024.0;
        qInfo("profile: peak growth %.1f MiB", profileGrowth / 1048576.0);
        QVERIFY(profiled.ok());
        const Profile &p = profiled.value();
        QCOMPARE(p.rows, kRows);
        // Working memory proportional to the table: sort buffers per thread, ranks kept for the
        // correlations (1.7x this table when measured; no copy of the rows).
        if (!testsupport::kAddressSanitizer)
            QVERIFY2(profileGrowth < 2.5 * bytes + 16.0 * 1048576.0, qPrintable(QString::number(profileGrowth / bytes)));

        auto connection = PostgresConnection::open(serverInfo());
        QVERIFY(connection.ok());
        auto expected = connection.value().query(
            "SELECT count(bmi), count(*) - count(bmi), count(DISTINCT bmi), avg(bmi)::float8, stddev_samp(bmi)::float8,"
            " min(bmi)::float8, max(bmi)::float8,"
            " percentile_cont(ARRAY[0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]) WITHIN GROUP (ORDER BY bmi),"
            " count(DISTINCT age), avg(age)::float8, stddev_samp(age)::float8, corr(age, bmi),"
            " count(*) FILTER (WHERE code = -9), count(DISTINCT region), count(*) FILTER (WHERE flag),"
            " min(visit)::text, max(visit)::text, count(DISTINCT visit)"
            " FROM prof_test.visits",
            {}, QStringLiteral("expected values"));
        QVERIFY(expected.ok());
        PGresult *r = expected.value();
        auto number = [r](int field) { return QByteArray(PQgetvalue(r, 0, field)).toDouble(); };
        auto text = [r](int field) { return QString::fromUtf8(PQgetvalue(r, 0, field)); };

        const ColumnProfile &bmi = col(p, "bmi");
        QCOMPARE(bmi.count, qint64(number(0)));
        QCOMPARE(bmi.missing, qint64(number(1)));
        QCOMPARE(bmi.distinct, qint64(number(2)));
        QVERIFY(qFuzzyCompare(bmi.numeric->mean, number(3)));
        QVERIFY(qFuzzyCompare(bmi.numeric->std, number(4)));
        QCOMPARE(bmi.numeric->min, number(5));
        QCOMPARE(bmi.numeric->max, number(6));
        const QStringList quantiles = text(7).mid(1, text(7).size() - 2).split(u',');
        QCOMPARE(quantiles.size(), 7);
        for (int i = 0; i < 7; ++i)
            QVERIFY2(std::abs(bmi.numeric->quantiles[size_t(i)] - quantiles[i].toDouble()) < 1e-9, qPrintable(quantiles[i]));

        const ColumnProfile &age = col(p, "age");
        QCOMPARE(age.distinct, qint64(number(8)));
        QVERIFY(qFuzzyCompare(age.numeric->mean, number(9)));
        QVERIFY(qFuzzyCompare(age.numeric->std, number(10)));
        double pearson = NAN;
        for (const Association &a : p.associations) {
            if (a.method == Association::Method::Pearson
                && ((a.first == p.indexOf(QStringLiteral("age")) && a.second == p.indexOf(QStringLiteral("bmi")))
                    || (a.first == p.indexOf(QStringLiteral("bmi")) && a.second == p.indexOf(QStringLiteral("age")))))
                pearson = a.value;
        }
        QVERIFY2(std::abs(pearson - number(11)) < 1e-9, qPrintable(QString::number(pearson)));

        // -9 in a column of 1..200 is a code set apart: an undeclared missing marker.
        const QList<Alert> markers = p.alertsOf(QStringLiteral("missing_marker"), QStringLiteral("code"));
        QCOMPARE(markers.size(), 1);
        const QVariantMap marker = markers.front().evidence.value(QStringLiteral("markers")).toList().value(0).toMap();
        QCOMPARE(marker.value(QStringLiteral("value")).toString(), QStringLiteral("-9"));
        QCOMPARE(marker.value(QStringLiteral("count")).toLongLong(), qint64(number(12)));

        QCOMPARE(col(p, "region").distinct, qint64(number(13)));
        const ColumnProfile &flag = col(p, "flag");
        qint64 trueCount = 0;
        for (const ValueCount &v : flag.topValues)
            trueCount += v.value == QStringLiteral("true") ? v.count : 0;
        QCOMPARE(trueCount, qint64(number(14)));
        const ColumnProfile &visit = col(p, "visit");
        QCOMPARE(visit.dates->minText, text(15));
        QCOMPARE(visit.dates->maxText, text(16));
        QCOMPARE(visit.distinct, qint64(number(17)));
        QVERIFY(!p.alertsOf(QStringLiteral("unique"), QStringLiteral("id")).isEmpty());
        PQclear(r);
    }

    void cleanupTestCase()
    {
        auto connection = PostgresConnection::open(serverInfo());
        if (connection.ok())
            (void)connection.value().exec("DROP SCHEMA IF EXISTS prof_test CASCADE", QStringLiteral("cleanup"));
    }
};

QTEST_GUILESS_MAIN(TestProfilePostgres)
#include "tst_profilepostgres.moc"
