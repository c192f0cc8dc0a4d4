// SPDX-License-Identifier: MIT
// exportToPostgres against the throw-away server of the "postgres" ctest fixture: types,
// quoting, modes, atomicity on failure and cancel, and the read-back.
#include "core/data/postgressource.h"
#include "core/export/postgresexport.h"
#include "services.h"

#include <QTest>
#include <libpq-fe.h>

using namespace core;

namespace {

class CancelAfter final : public JobContext {
public:
    explicit CancelAfter(int reports)
        : m_left(reports)
    {
    }
    bool isCancelled() const override { return m_left <= 0; }
    void reportProgress(double fraction, const QString &) override
    {
        if (fraction > 0.05)
            --m_left;
    }

private:
    int m_left;
};

PostgresConnectionInfo serverInfo()
{
    auto info = PostgresConnectionInfo::fromUri(testsupport::postgresUri());
    if (!info)
        qFatal("No test PostgreSQL server (run through ctest, fixture postgres)");
    info.value().password = testsupport::postgresPassword();
    return info.value();
}

PostgresTarget target(const QString &schema, const QString &table)
{
    PostgresTarget t;
    t.connection = serverInfo();
    t.schema = schema;
    t.table = table;
    return t;
}

/// One value of a single-row, single-column query (empty on error; NULL as "<null>").
QString scalar(const QString &sql)
{
    auto connection = PostgresConnection::open(serverInfo());
    if (!connection)
        return QStringLiteral("<connect failed>");
    auto result = connection.value().query(sql.toUtf8(), {}, QStringLiteral("test"));
    if (!result)
        return QStringLiteral("<error: %1>").arg(result.error().detail);
    const QString value = PQntuples(result.value()) == 0 ? QStringLiteral("<no row>")
        : PQgetisnull(result.value(), 0, 0)              ? QStringLiteral("<null>")
                                            : QString::fromUtf8(PQgetvalue(result.value(), 0, 0));
    PQclear(result.value());
    return value;
}

void exec(const char *sql)
{
    auto connection = PostgresConnection::open(serverInfo());
    if (!connection)
        qFatal("%s", qPrintable(connection.error().toString()));
    if (auto ok = connection.value().exec(sql, QStringLiteral("test setup")); !ok)
        qFatal("%s", qPrintable(ok.error().toString()));
}

/// A small table with every storage, awkward text and missing cells.
Table sampleTable()
{
    Table t;
    Column small(QStringLiteral("age"), ColumnStorage::Number);
    small.setInteger(true);
    for (double v : { 34.0, 0.0, -5.0 })
        small.appendNumber(v);
    small.appendMissing();
    t.addColumn(small);

    Column big(QStringLiteral("Record ID"), ColumnStorage::Number);
    big.setInteger(true);
    for (double v : { 9007199254740991.0, 1.0, -3000000000.0, 2.0 })
        big.appendNumber(v);
    t.addColumn(big);

    Column real(QStringLiteral("bmi"), ColumnStorage::Number);
    for (double v : { 0.1, 22.75, -1e-300 })
        real.appendNumber(v);
    real.appendMissing();
    t.addColumn(real);

    Column flag(QStringLiteral("smoker"), ColumnStorage::Boolean);
    flag.labels() = QStringList { QStringLiteral("N"), QStringLiteral("Y") };
    flag.appendCode(1);
    flag.appendCode(0);
    flag.appendMissing();
    flag.appendCode(1);
    t.addColumn(flag);

    Column day(QStringLiteral("visit"), ColumnStorage::DateTime);
    day.setDateFormat(QStringLiteral("%d/%m/%Y"));
    for (double v : { 1709251200.0, -2203977600.0, 0.0 }) // 2024-03-01, 1900-02-28, 1970-01-01
        day.appendNumber(v);
    day.appendMissing();
    t.addColumn(day);

    Column stamp(QStringLiteral("admitted"), ColumnStorage::DateTime);
    stamp.setDateFormat(QStringLiteral("%Y-%m-%d %H:%M:%S"));
    for (double v : { -14182939.5, 1709251199.25, 86400.0, 1.0 })
        stamp.appendNumber(v);
    t.addColumn(stamp);

    Column ward(QStringLiteral("ward \"A\"; drop"), ColumnStorage::Category);
    for (const char *label : { "ICU\ttab", "back\\slash", "new\nline", "Émile ü" })
        ward.appendCode(ward.codeFor(QString::fromUtf8(label)));
    t.addColumn(ward);

    Column note(QStringLiteral("note"), ColumnStorage::Text);
    note.appendText(QStringLiteral("\\N is not null"));
    note.appendMissing();
    note.appendText(QStringLiteral("carriage\rreturn"));
    note.appendText(QStringLiteral("plain"));
    t.addColumn(note);
    return t;
}

Table countingTable(qint64 rows)
{
    Table t;
    Column id(QStringLiteral("id"), ColumnStorage::Number);
    id.setInteger(true);
    Column label(QStringLiteral("label"), ColumnStorage::Text);
    for (qint64 i = 0; i < rows; ++i) {
        id.appendNumber(double(i));
        label.appendText(QStringLiteral("row number %1 with some padding text").arg(i));
    }
    t.addColumn(id);
    t.addColumn(label);
    return t;
}

} // namespace

class TestPostgresExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { exec("DROP SCHEMA IF EXISTS exp_test CASCADE; CREATE SCHEMA exp_test"); }

    void typesAndReadBack()
    {
        const Table table = sampleTable();
        SilentJob job;
        auto done = exportToPostgres(table, Schema {},
            target(QStringLiteral("exp_test"), QStringLiteral("Mixed \"T\"")), ExportMode::Create, job);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QCOMPARE(done.value().rows, 4);
        QVERIFY(done.value().created);

        const QString types = scalar(
            QStringLiteral("SELECT string_agg(attname || ':' || format_type(atttypid, atttypmod), ',' ORDER "
                           "BY attnum) FROM pg_attribute "
                           "WHERE attrelid = '\"exp_test\".\"Mixed \"\"T\"\"\"'::regclass AND attnum > 0"));
        QCOMPARE(types,
            QStringLiteral("age:integer,Record ID:bigint,bmi:double precision,smoker:boolean,visit:date,"
                           "admitted:timestamp without time zone,ward \"A\"; drop:text,note:text"));
        // Spot checks in PostgreSQL's own text form.
        QCOMPARE(scalar(QStringLiteral("SELECT visit::text FROM exp_test.\"Mixed \"\"T\"\"\" WHERE age = 0")),
            QStringLiteral("1900-02-28"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT admitted::text FROM exp_test.\"Mixed \"\"T\"\"\" WHERE age = 34")),
            QStringLiteral("1969-07-20 20:17:40.5"));
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM exp_test.\"Mixed \"\"T\"\"\" WHERE note IS NULL")),
            QStringLiteral("1"));

        // Read back through PostgresSource: every cell equal, storages as expected.
        SilentJob readJob;
        auto back
            = PostgresSource(serverInfo())
                  .loadQuery(QStringLiteral(
                                 "SELECT * FROM exp_test.\"Mixed \"\"T\"\"\" ORDER BY \"Record ID\" DESC"),
                      readJob);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        const Table &read = back.value().table;
        QCOMPARE(read.columnNames(), table.columnNames());
        QCOMPARE(read.rowCount(), 4);
        // ORDER BY "Record ID" DESC gives rows 0, 3, 1, 2 of the original.
        const std::vector<qint64> order { 0, 3, 1, 2 };
        for (int c = 0; c < table.columnCount(); ++c) {
            const Column &a = table.column(c);
            const Column &b = read.column(c);
            const ColumnStorage expected
                = a.storage() == ColumnStorage::Text ? ColumnStorage::Category : a.storage();
            QCOMPARE(b.storage(), expected);
            for (qint64 r = 0; r < 4; ++r) {
                const qint64 src = order[size_t(r)];
                QCOMPARE(b.isMissing(r), a.isMissing(src));
                if (a.isMissing(src))
                    continue;
                switch (a.storage()) {
                case ColumnStorage::Number:
                case ColumnStorage::DateTime:
                    QCOMPARE(b.numbers()[size_t(r)], a.numbers()[size_t(src)]);
                    break;
                case ColumnStorage::Boolean:
                    QCOMPARE(b.codes()[size_t(r)], a.codes()[size_t(src)]);
                    break;
                case ColumnStorage::Category:
                case ColumnStorage::Text:
                    QCOMPARE(b.cellText(r),
                        a.storage() == ColumnStorage::Text ? a.texts()[size_t(src)]
                                                           : a.labels()[a.codes()[size_t(src)]]);
                    break;
                }
            }
        }
        QVERIFY(read.column(0).isInteger());
        QVERIFY(read.column(1).isInteger());
        QVERIFY(!read.column(2).isInteger());
    }

    void modes()
    {
        const Table table = countingTable(10);
        SilentJob job;
        const PostgresTarget t = target(QStringLiteral("exp_test"), QStringLiteral("counting"));
        QVERIFY(exportToPostgres(table, {}, t, ExportMode::Create, job).ok());
        auto again = exportToPostgres(table, {}, t, ExportMode::Create, job);
        QVERIFY(!again.ok());
        QVERIFY2(again.error().message.contains(QStringLiteral("\"exp_test\".\"counting\" already exists")),
            qPrintable(again.error().message));
        QVERIFY(exportToPostgres(table, {}, t, ExportMode::Append, job).ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM exp_test.counting")), QStringLiteral("20"));
        QVERIFY(exportToPostgres(countingTable(3), {}, t, ExportMode::Replace, job).ok());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM exp_test.counting")), QStringLiteral("3"));

        // Excluded columns are not written.
        Schema schema;
        ColumnMeta excluded;
        excluded.name = QStringLiteral("label");
        excluded.excluded = true;
        schema.columns << excluded;
        QVERIFY(exportToPostgres(table, schema,
            target(QStringLiteral("exp_test"), QStringLiteral("ids_only")), ExportMode::Create, job)
                    .ok());
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM pg_attribute WHERE attrelid = 'exp_test.ids_only'::regclass "
                     "AND attnum > 0")),
            QStringLiteral("1"));
    }

    void metadataDecidesIntegers()
    {
        Column whole(QStringLiteral("visits"), ColumnStorage::Number); // not flagged integer
        whole.appendNumber(3.0);
        whole.appendNumber(-4.0);
        Column fractional(QStringLiteral("dose"), ColumnStorage::Number);
        fractional.appendNumber(2.5);
        fractional.appendNumber(1.0);
        ColumnMeta meta;
        meta.integer = true;
        QCOMPARE(postgresTypeFor(whole), QStringLiteral("double precision"));
        QCOMPARE(postgresTypeFor(whole, &meta), QStringLiteral("integer"));
        QCOMPARE(postgresTypeFor(fractional, &meta), QStringLiteral("double precision")); // 2.5 is not whole
        Column big(QStringLiteral("id"), ColumnStorage::Number);
        big.setInteger(true);
        big.appendNumber(2147483648.0); // 2^31: one past int4's maximum
        QCOMPARE(postgresTypeFor(big), QStringLiteral("bigint"));
    }

    void appendToWiderTypesUsesTextCopy()
    {
        // Existing types differ from ours (bigint, numeric, varchar): rows go in as text COPY.
        exec("CREATE TABLE exp_test.wide (label varchar(100), id numeric, extra text DEFAULT 'd')");
        SilentJob job;
        auto done = exportToPostgres(countingTable(3), {},
            target(QStringLiteral("exp_test"), QStringLiteral("wide")), ExportMode::Append, job);
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().toString()));
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT string_agg(id::text || '=' || label || '/' || extra, ';' ORDER BY id) "
                     "FROM exp_test.wide")),
            QStringLiteral("0=row number 0 with some padding text/d;1=row number 1 with some padding text/d;"
                           "2=row number 2 with some padding text/d"));
    }

    void appendRefusesIncompatibleTable()
    {
        exec("CREATE TABLE exp_test.other (id integer, label integer)");
        SilentJob job;
        auto wrongType = exportToPostgres(countingTable(5), {},
            target(QStringLiteral("exp_test"), QStringLiteral("other")), ExportMode::Append, job);
        QVERIFY(!wrongType.ok());
        QVERIFY2(wrongType.error().message.contains(
                     QStringLiteral("column \"label\" is integer there but the data "
                                    "needs text")),
            qPrintable(wrongType.error().message));

        exec("CREATE TABLE exp_test.narrow (id integer)");
        auto missing = exportToPostgres(countingTable(5), {},
            target(QStringLiteral("exp_test"), QStringLiteral("narrow")), ExportMode::Append, job);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(QStringLiteral("no column \"label\"")),
            qPrintable(missing.error().message));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM exp_test.narrow")), QStringLiteral("0"));
    }

    void failureLeavesDatabaseUnchanged()
    {
        // A CHECK constraint rejects the last row: the COPY fails, nothing of the append remains.
        exec("CREATE TABLE exp_test.checked (id bigint CHECK (id < 49999), label text);"
             "INSERT INTO exp_test.checked VALUES (-1, 'kept')");
        SilentJob job;
        auto failed = exportToPostgres(countingTable(50000), {},
            target(QStringLiteral("exp_test"), QStringLiteral("checked")), ExportMode::Append, job);
        QVERIFY(!failed.ok());
        QCOMPARE(failed.error().code, Error::Code::Database);
        QVERIFY2(failed.error().detail.contains(QStringLiteral("SQLSTATE 23514")),
            qPrintable(failed.error().detail));
        QVERIFY(failed.error().message.contains(QStringLiteral("\"exp_test\".\"checked\"")));
        QCOMPARE(scalar(QStringLiteral("SELECT string_agg(label, ',') FROM exp_test.checked")),
            QStringLiteral("kept"));

        // Replace cannot drop a table a view depends on: the old table stays as it was.
        exec("CREATE VIEW exp_test.checked_view AS SELECT * FROM exp_test.checked");
        auto blocked = exportToPostgres(countingTable(10), {},
            target(QStringLiteral("exp_test"), QStringLiteral("checked")), ExportMode::Replace, job);
        QVERIFY(!blocked.ok());
        QVERIFY2(blocked.error().detail.contains(QStringLiteral("SQLSTATE 2BP01")),
            qPrintable(blocked.error().detail));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM exp_test.checked")), QStringLiteral("1"));
    }

    void cancelLeavesDatabaseUnchanged()
    {
        const Table table = countingTable(200000); // ~10 MB of COPY data, several chunks
        SilentJob job;
        const PostgresTarget t = target(QStringLiteral("exp_test"), QStringLiteral("cancelled"));
        CancelAfter cancelNew(2);
        auto created = exportToPostgres(table, {}, t, ExportMode::Create, cancelNew);
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, Error::Code::Cancelled);
        QCOMPARE(
            scalar(QStringLiteral("SELECT to_regclass('exp_test.cancelled') IS NULL")), QStringLiteral("t"));

        QVERIFY(exportToPostgres(countingTable(7), {}, t, ExportMode::Create, job).ok());
        CancelAfter cancelReplace(2);
        auto replaced = exportToPostgres(table, {}, t, ExportMode::Replace, cancelReplace);
        QCOMPARE(replaced.error().code, Error::Code::Cancelled);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM exp_test.cancelled")), QStringLiteral("7"));
    }

    void passwordNeverInErrors()
    {
        PostgresTarget t = target(QStringLiteral("exp_test"), QStringLiteral("never"));
        t.connection.password = QStringLiteral("Leak-Me-Not-%1").arg(QCoreApplication::applicationPid());
        SilentJob job;
        auto denied = exportToPostgres(countingTable(3), {}, t, ExportMode::Create, job);
        QVERIFY(!denied.ok());
        QVERIFY(denied.error().message.contains(t.connection.describe()));
        QVERIFY(!denied.error().toString().contains(t.connection.password));
        QVERIFY(!t.connection.toUri().contains(t.connection.password));
    }

    void splitsNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("table");
        QTest::newRow("plain") << "patients"
                               << "public"
                               << "patients";
        QTest::newRow("qualified") << "study.patients"
                                   << "study"
                                   << "patients";
        QTest::newRow("quoted dot") << "\"My Schema\".\"t.1\""
                                    << "My Schema"
                                    << "t.1";
        QTest::newRow("doubled quote") << "s.\"a\"\"b\""
                                       << "s"
                                       << "a\"b";
    }
    void splitsNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, schema);
        QFETCH(QString, table);
        const auto split = PostgresTarget::splitName(name);
        QVERIFY(split.has_value());
        QCOMPARE(split->first, schema);
        QCOMPARE(split->second, table);
        QVERIFY(!PostgresTarget::splitName(QStringLiteral("a.b.c")).has_value());
        QVERIFY(!PostgresTarget::splitName(QStringLiteral("\"open")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestPostgresExport)
#include "tst_postgresexport.moc"
