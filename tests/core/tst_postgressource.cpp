// SPDX-License-Identifier: MIT
// PostgresSource against the throw-away server of the "postgres" ctest fixture.
#include "core/data/postgressource.h"
#include "services.h"

#include <QTest>
#include <cmath>
#include <libpq-fe.h>

using namespace core;

namespace {

/// Cancels at the first progress report.
class CancelOnProgress final : public JobContext {
public:
    bool isCancelled() const override { return m_cancel; }
    void reportProgress(double, const QString &) override { m_cancel = true; }

private:
    bool m_cancel = false;
};

PostgresConnectionInfo serverInfo()
{
    auto info = PostgresConnectionInfo::fromUri(testsupport::postgresUri());
    if (!info)
        qFatal("No test PostgreSQL server (run through ctest, fixture postgres): %s",
            qPrintable(info.error().toString()));
    info.value().password = testsupport::postgresPassword();
    return info.value();
}

/// After the first chunk arrives, ends the reading session from a second connection.
class TerminateOnProgress final : public JobContext {
public:
    TerminateOnProgress(const PostgresConnection &admin, const QString &application)
        : m_admin(admin)
        , m_application(application)
    {
    }
    bool isCancelled() const override { return false; }
    void reportProgress(double, const QString &) override
    {
        if (m_terminated)
            return;
        auto ended = m_admin.query("SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                                   " WHERE application_name = $1) AS t",
                                   { m_application.toUtf8() }, QStringLiteral("terminating the reader"));
        if (ended.ok()) {
            m_terminated = QByteArray(PQgetvalue(ended.value(), 0, 0)) == "1";
            PQclear(ended.value());
        }
    }
    bool terminated() const { return m_terminated; }

private:
    const PostgresConnection &m_admin;
    QString m_application;
    bool m_terminated = false;
};

void execOrFail(const PostgresConnection &connection, const char *sql)
{
    auto ok = connection.exec(sql, QStringLiteral("test setup"));
    if (!ok)
        qFatal("%s", qPrintable(ok.error().toString()));
}

} // namespace

class TestPostgresSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        auto connection = PostgresConnection::open(serverInfo());
        QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
        execOrFail(connection.value(),
            "DROP SCHEMA IF EXISTS src_test CASCADE; CREATE SCHEMA src_test;"
            "CREATE TYPE src_test.mood AS ENUM ('sad', 'ok', 'happy');"
            "CREATE TABLE src_test.typed (i2 smallint, i4 integer, i8 bigint, n numeric(6,2), nu numeric,"
            " f4 real, f8 double precision, b boolean, d date, ts timestamp, tz timestamptz,"
            " t text, v varchar(10), c char(3), m src_test.mood);"
            "INSERT INTO src_test.typed VALUES"
            " (1, 100000, 9000000000, 12.5, 7, 1.5, 0.1, true, '2024-03-01', '1969-07-20 20:17:40.5',"
            "  '2024-03-01 12:00:00+02', 'tab\there', 'v1', 'ab', 'happy'),"
            " (NULL, NULL, NULL, NULL, 8, NULL, 'NaN', false, '1900-02-28', '2024-02-29 23:59:59.25',"
            "  NULL, 'é ü', NULL, NULL, 'sad'),"
            " (-3, -2147483648, -1, -0.01, 9, -2.25, 1e300, NULL, NULL, NULL, NULL, NULL, 'v1', 'xyz', NULL);"
            "CREATE TABLE src_test.big AS SELECT g AS id, (g % 7)::text AS grp FROM generate_series(1, "
            "25000) g;"
            "ANALYZE src_test.big;");
    }

    void uriFields_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("sslmode");
        QTest::newRow("full") << "postgresql://ana:s%40cret@db.example:6543/study?sslmode=require"
                              << "db.example" << 6543 << "study"
                              << "ana"
                              << "s@cret"
                              << "require";
        QTest::newRow("defaults") << "postgres://bob@localhost/"
                                  << "localhost" << 5432 << "bob"
                                  << "bob"
                                  << ""
                                  << "";
        QTest::newRow("query host") << "postgresql:///warehouse?host=/var/run/postgresql&user=etl"
                                    << "/var/run/postgresql" << 5432 << "warehouse"
                                    << "etl"
                                    << ""
                                    << "";
    }
    void uriFields()
    {
        QFETCH(QString, uri);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, sslmode);
        auto info = PostgresConnectionInfo::fromUri(uri);
        QVERIFY(info.ok());
        QCOMPARE(info.value().host, host);
        QCOMPARE(info.value().port, port);
        QCOMPARE(info.value().database, database);
        QCOMPARE(info.value().user, user);
        QCOMPARE(info.value().password, password);
        QCOMPARE(info.value().options.value(QStringLiteral("sslmode")), sslmode);
        if (!password.isEmpty())
            QVERIFY(!info.value().toUri().contains(password));
        QVERIFY(!PostgresConnectionInfo::fromUri(QStringLiteral("mysql://x@y/z")).ok());
    }

    void listsSchemasAndTables()
    {
        PostgresSource source(serverInfo());
        auto schemas = source.schemas();
        QVERIFY2(schemas.ok(), qPrintable(schemas.ok() ? QString() : schemas.error().toString()));
        QVERIFY(schemas.value().contains(QStringLiteral("src_test")));
        QVERIFY(schemas.value().contains(QStringLiteral("public")));
        QVERIFY(!schemas.value().contains(QStringLiteral("pg_catalog")));
        auto tables = source.tables(QStringLiteral("src_test"));
        QVERIFY(tables.ok());
        QCOMPARE(tables.value().size(), 2);
        QCOMPARE(tables.value()[0].name, QStringLiteral("big"));
        QCOMPARE(tables.value()[0].estimatedRows, 25000);
        QCOMPARE(tables.value()[1].name, QStringLiteral("typed"));
    }

    void mapsTypes()
    {
        PostgresSource source(serverInfo());
        SilentJob job;
        auto loaded = source.loadTable(QStringLiteral("src_test"), QStringLiteral("typed"), job);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        const Table &t = loaded.value().table;
        QCOMPARE(t.rowCount(), 3);
        QCOMPARE(t.columnCount(), 15);
        QCOMPARE(t.columnNames().join(u','), QStringLiteral("i2,i4,i8,n,nu,f4,f8,b,d,ts,tz,t,v,c,m"));

        const Column &i2 = t.column(0);
        QCOMPARE(i2.storage(), ColumnStorage::Number);
        QVERIFY(i2.isInteger());
        QCOMPARE(i2.numbers()[0], 1.0);
        QVERIFY(i2.isMissing(1));
        QCOMPARE(i2.numbers()[2], -3.0);
        QCOMPARE(t.column(1).numbers()[2], -2147483648.0);
        QCOMPARE(t.column(2).numbers()[0], 9000000000.0);

        const Column &n = t.column(3); // numeric(6,2)
        QVERIFY(!n.isInteger());
        QCOMPARE(n.decimals(), 2);
        QCOMPARE(n.numbers()[0], 12.5);
        QCOMPARE(n.numbers()[2], -0.01);
        QVERIFY(t.column(4).isInteger()); // unconstrained numeric holding 7, 8, 9

        QCOMPARE(t.column(5).numbers()[2], -2.25);
        const Column &f8 = t.column(6);
        QCOMPARE(f8.numbers()[0], 0.1); // extra_float_digits: exact round trip
        QVERIFY(f8.isMissing(1)); // NaN is read as missing, with a diagnostic
        QCOMPARE(f8.numbers()[2], 1e300);

        const Column &b = t.column(7);
        QCOMPARE(b.storage(), ColumnStorage::Boolean);
        QCOMPARE(b.labels(), QStringList({ QStringLiteral("false"), QStringLiteral("true") }));
        QCOMPARE(b.codes()[0], 1);
        QCOMPARE(b.codes()[1], 0);
        QVERIFY(b.isMissing(2));

        // Seconds since the epoch computed with Python's datetime (fromisoformat(...) - epoch).
        const Column &d = t.column(8);
        QCOMPARE(d.storage(), ColumnStorage::DateTime);
        QCOMPARE(d.dateFormat(), QStringLiteral("%Y-%m-%d"));
        QCOMPARE(d.numbers()[0], 1709251200.0);
        QCOMPARE(d.numbers()[1], -2203977600.0);
        QVERIFY(d.isMissing(2));
        const Column &ts = t.column(9);
        QCOMPARE(ts.dateFormat(), QStringLiteral("%Y-%m-%d %H:%M:%S.%f"));
        QCOMPARE(ts.numbers()[0], -14182939.5);
        QCOMPARE(ts.numbers()[1], 1709251199.25);
        const Column &tz = t.column(10);
        QCOMPARE(tz.dateFormat(), QStringLiteral("%Y-%m-%d %H:%M:%S"));
        QCOMPARE(tz.numbers()[0], 1709287200.0); // 12:00+02 = 10:00 UTC

        const Column &text = t.column(11);
        QCOMPARE(text.storage(), ColumnStorage::Category);
        QCOMPARE(text.cellText(0), QStringLiteral("tab\there"));
        QCOMPARE(text.cellText(1), QStringLiteral("é ü"));
        QVERIFY(text.isMissing(2));
        QCOMPARE(t.column(12).cellText(2), QStringLiteral("v1"));
        QCOMPARE(t.column(13).cellText(0), QStringLiteral("ab ")); // char(3) keeps its padding

        const Column &m = t.column(14);
        QCOMPARE(m.storage(), ColumnStorage::Category);
        QCOMPARE(m.labels(),
            QStringList({ QStringLiteral("sad"), QStringLiteral("ok"), QStringLiteral("happy") }));
        QCOMPARE(m.codes()[0], 2);
        QCOMPARE(m.codes()[1], 0);
        QVERIFY(m.isMissing(2));

        bool sawNan = false;
        for (const Diagnostic &diagnostic : loaded.value().diagnostics)
            sawNan = sawNan || (diagnostic.kind == u"pg_non_finite" && diagnostic.column == u"f8");
        QVERIFY(sawNan);
        QCOMPARE(loaded.value().schema.columns.size(), 15);
    }

    void fetchesInChunks()
    {
        PostgresSource source(serverInfo());
        SilentJob job;
        auto loaded = source.loadTable(QStringLiteral("src_test"), QStringLiteral("big"), job);
        QVERIFY(loaded.ok());
        const Table &t = loaded.value().table;
        QCOMPARE(t.rowCount(), 25000); // three FETCHes of 10,000
        double sum = 0;
        for (double v : t.column(0).numbers())
            sum += v;
        QCOMPARE(sum, 312512500.0); // 25000 * 25001 / 2
        QCOMPARE(t.column(1).labels().size(), 7);

        auto limited = source.loadQuery(
            QStringLiteral("SELECT id FROM src_test.big WHERE id > 100 ORDER BY id;"), job, 15000);
        QVERIFY(limited.ok());
        QCOMPARE(limited.value().table.rowCount(), 15000);
        QCOMPARE(limited.value().table.column(0).numbers().back(), 15100.0);
    }

    void manyDistinctStringsBecomeText()
    {
        PostgresSource source(serverInfo());
        SilentJob job;
        auto loaded = source.loadQuery(
            QStringLiteral("SELECT 'id-' || g AS code FROM generate_series(1, 3000) g"), job);
        QVERIFY(loaded.ok());
        const Column &code = loaded.value().table.column(0);
        QCOMPARE(code.storage(), ColumnStorage::Text);
        QCOMPARE(code.cellText(2999), QStringLiteral("id-3000"));
    }

    void cancels()
    {
        PostgresSource source(serverInfo());
        CancelOnProgress job;
        auto loaded = source.loadTable(QStringLiteral("src_test"), QStringLiteral("big"), job);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, Error::Code::Cancelled);
    }

    void errorsNameTheCulprit()
    {
        PostgresSource source(serverInfo());
        SilentJob job;
        auto missing = source.loadTable(QStringLiteral("src_test"), QStringLiteral("nope"), job);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(QStringLiteral("\"src_test\".\"nope\"")),
            qPrintable(missing.error().message));
        QVERIFY(missing.error().message.contains(serverInfo().describe()));

        auto bad = source.loadQuery(QStringLiteral("SELECT no_such_column FROM src_test.big"), job);
        QVERIFY(!bad.ok());
        QVERIFY2(
            bad.error().detail.contains(QStringLiteral("SQLSTATE 42703")), qPrintable(bad.error().detail));

        PostgresConnectionInfo wrong = serverInfo();
        wrong.password = QStringLiteral("Wr0ng-Pa55-%1").arg(QCoreApplication::applicationPid());
        auto denied = PostgresSource(wrong).loadTable(QStringLiteral("src_test"), QStringLiteral("big"), job);
        QVERIFY(!denied.ok());
        QVERIFY(denied.error().message.contains(wrong.describe()));
        QVERIFY2(denied.error().detail.contains(QStringLiteral("password authentication failed")),
            qPrintable(denied.error().detail));
        QVERIFY(!denied.error().toString().contains(wrong.password));
    }

    // The server ends the session between two fetches (as on a restart or an administrator's
    // pg_terminate_backend): the read fails naming the server, the table and the lost connection.
    void serverGoingAwayMidReadIsNamed()
    {
        PostgresConnectionInfo info = serverInfo();
        const QString application = QStringLiteral("healthsynth-goaway-%1").arg(QCoreApplication::applicationPid());
        info.options.insert(QStringLiteral("application_name"), application);
        auto admin = PostgresConnection::open(serverInfo());
        QVERIFY(admin.ok());
        TerminateOnProgress job(admin.value(), application);
        auto loaded = PostgresSource(info).loadTable(QStringLiteral("src_test"), QStringLiteral("big"), job);
        QVERIFY(job.terminated());
        QVERIFY(!loaded.ok());
        const Error &error = loaded.error();
        QCOMPARE(error.code, Error::Code::Database);
        QVERIFY2(error.message.contains(QStringLiteral("connection to %1 was lost").arg(info.describe())),
                 qPrintable(error.toString()));
        QVERIFY2(error.message.contains(QStringLiteral("big")), qPrintable(error.toString()));
        QVERIFY2(error.detail.contains(QStringLiteral("connection lost")), qPrintable(error.detail));
        QVERIFY(!error.toString().contains(info.password));
    }
};

QTEST_GUILESS_MAIN(TestPostgresSource)
#include "tst_postgressource.moc"
