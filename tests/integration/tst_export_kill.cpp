// SPDX-License-Identifier: MIT
// Killing an export mid-way (SIGKILL, no chance to clean up) must leave neither a partial
// table nor a partial object: PostgreSQL rolls back the dropped session's transaction, and
// an S3 multipart upload that was never completed is no object.
#include "core/data/postgresconnection.h"
#include "core/export/s3upload.h"
#include "services.h"

#include <QProcess>
#include <QTest>
#include <csignal>
#include <libpq-fe.h>

using namespace core;

namespace {

PostgresConnectionInfo serverInfo()
{
    auto info = PostgresConnectionInfo::fromUri(testsupport::postgresUri());
    if (!info)
        qFatal("No test PostgreSQL server (run through ctest, fixture postgres)");
    info.value().password = testsupport::postgresPassword();
    return info.value();
}

QString scalar(const char *sql)
{
    auto connection = PostgresConnection::open(serverInfo());
    if (!connection)
        return QStringLiteral("<connect failed>");
    auto result = connection.value().query(sql, {}, QStringLiteral("test"));
    if (!result)
        return QStringLiteral("<error: %1>").arg(result.error().detail);
    const QString value = QString::fromUtf8(PQgetvalue(result.value(), 0, 0));
    PQclear(result.value());
    return value;
}

/// Runs the helper until it prints MIDWAY, then SIGKILLs it.
void killMidway(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess helper;
    helper.setProcessEnvironment(environment);
    helper.start(QStringLiteral(EXPORT_KILL_HELPER), arguments);
    QVERIFY2(helper.waitForStarted(), qPrintable(helper.errorString()));
    QByteArray out;
    while (!out.contains("MIDWAY")) {
        if (!helper.waitForReadyRead(60000))
            QFAIL(qPrintable(QStringLiteral("helper never got midway: %1")
                                 .arg(QString::fromUtf8(helper.readAllStandardError()))));
        out += helper.readAllStandardOutput();
    }
    ::kill(pid_t(helper.processId()), SIGKILL);
    QVERIFY(helper.waitForFinished(10000));
    QCOMPARE(helper.exitStatus(), QProcess::CrashExit);
}

} // namespace

class TestExportKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        auto connection = PostgresConnection::open(serverInfo());
        QVERIFY(connection.ok());
        QVERIFY(connection.value()
                    .exec("DROP SCHEMA IF EXISTS kill_test CASCADE; CREATE SCHEMA kill_test;"
                          "CREATE TABLE kill_test.victim (id integer, payload text);"
                          "INSERT INTO kill_test.victim VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                        QStringLiteral("setup"))
                    .ok());
    }

    void postgresCreateLeavesNoTable()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), testsupport::postgresPassword());
        killMidway({ QStringLiteral("pg"), testsupport::postgresUri(), QStringLiteral("kill_test"),
                       QStringLiteral("fresh"), QStringLiteral("400000"), QStringLiteral("create") },
            env);
        if (QTest::currentTestFailed())
            return;
        // The server ends the dead session's transaction once it sees the socket close.
        QCOMPARE(scalar("SELECT to_regclass('kill_test.fresh') IS NULL"), QStringLiteral("t"));
    }

    void postgresReplaceKeepsOldTable()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), testsupport::postgresPassword());
        killMidway({ QStringLiteral("pg"), testsupport::postgresUri(), QStringLiteral("kill_test"),
                       QStringLiteral("victim"), QStringLiteral("400000"), QStringLiteral("replace") },
            env);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(scalar("SELECT string_agg(payload, ',' ORDER BY id) FROM kill_test.victim"),
            QStringLiteral("a,b,c"));
    }

    void s3MultipartLeavesNoObject()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), testsupport::s3AccessKeyId());
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), testsupport::s3SecretAccessKey());
        killMidway({ QStringLiteral("s3"), testsupport::s3Endpoint(), testsupport::s3Bucket(),
                       QStringLiteral("killed/half.csv"), QStringLiteral("30") },
            env);
        if (QTest::currentTestFailed())
            return;
        S3Target target;
        target.endpoint = testsupport::s3Endpoint();
        target.bucket = testsupport::s3Bucket();
        target.credentials = { testsupport::s3AccessKeyId(), testsupport::s3SecretAccessKey(), {} };
        auto found = s3ObjectExists(target, QStringLiteral("killed/half.csv"));
        QVERIFY(found.ok());
        QVERIFY(!found.value());
    }

    // What the helper prints on failure (the same path the CLI takes) never holds a secret.
    void failureOutputHasNoSecrets()
    {
        const QString pgSecret = QStringLiteral("Pg-Out-Secret-%1").arg(QCoreApplication::applicationPid());
        const QString s3Secret = QStringLiteral("S3-Out-Secret-%1").arg(QCoreApplication::applicationPid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), pgSecret);
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("NO-SUCH-KEY"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), s3Secret);
        env.insert(QStringLiteral("AWS_SESSION_TOKEN"), s3Secret + QStringLiteral("-token"));

        QProcess pg;
        pg.setProcessEnvironment(env);
        pg.start(QStringLiteral(EXPORT_KILL_HELPER),
            { QStringLiteral("pg"), testsupport::postgresUri(), QStringLiteral("kill_test"),
                QStringLiteral("denied"), QStringLiteral("10"), QStringLiteral("create") });
        QVERIFY(pg.waitForFinished(60000));
        QCOMPARE(pg.exitCode(), 1);
        const QString pgOut = QString::fromUtf8(pg.readAllStandardError() + pg.readAllStandardOutput());
        QVERIFY2(pgOut.contains(QStringLiteral("password authentication failed")), qPrintable(pgOut));
        QVERIFY(!pgOut.contains(pgSecret));

        QProcess s3;
        s3.setProcessEnvironment(env);
        s3.start(QStringLiteral(EXPORT_KILL_HELPER),
            { QStringLiteral("s3"), testsupport::s3Endpoint(), testsupport::s3Bucket(),
                QStringLiteral("denied.csv"), QStringLiteral("1") });
        QVERIFY(s3.waitForFinished(60000));
        QCOMPARE(s3.exitCode(), 1);
        const QString s3Out = QString::fromUtf8(s3.readAllStandardError() + s3.readAllStandardOutput());
        QVERIFY2(s3Out.contains(QStringLiteral("HTTP 403")), qPrintable(s3Out));
        QVERIFY(!s3Out.contains(s3Secret));
    }
};

QTEST_GUILESS_MAIN(TestExportKill)
#include "tst_export_kill.moc"
