// SPDX-License-Identifier: MIT
// Runs the CLI's writers the way a user would, with a PostgreSQL password and S3 keys in the
// environment (the fixtures' servers), then scans every file written for those secrets: the
// project and its folder, models, tables, scores, reports (PDF text too), the captured log
// output, anything left in HOME, XDG folders and TMPDIR, the uploaded objects and the
// exported tables.
#include "core/data/postgresconnection.h"
#include "core/export/s3upload.h"
#include "services.h"
#include "testpaths.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <libpq-fe.h>

using namespace core;

namespace {

const QString kSchema = QStringLiteral("secretscan");

PostgresConnectionInfo serverInfo()
{
    auto info = PostgresConnectionInfo::fromUri(testsupport::postgresUri());
    if (!info)
        qFatal("No test PostgreSQL server (run through ctest, fixture postgres)");
    info.value().password = testsupport::postgresPassword();
    return info.value();
}

/// Every way a secret could sit in a file: UTF-8, UTF-16 (QDataStream strings), percent-encoded.
QList<QByteArray> encodings(const QString &secret)
{
    QList<QByteArray> out { secret.toUtf8(), QUrl::toPercentEncoding(secret) };
    QByteArray le, be;
    for (QChar c : secret) {
        le += char(c.unicode() & 0xFF);
        le += char(c.unicode() >> 8);
        be += char(c.unicode() >> 8);
        be += char(c.unicode() & 0xFF);
    }
    out << le << be;
    return out;
}

} // namespace

class TestSecretScan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        if (testsupport::postgresUri().isEmpty() || testsupport::s3Endpoint().isEmpty())
            QSKIP("the postgres and s3 fixtures are not running (run through ctest)");
        QVERIFY(m_root.isValid());
        m_secrets = { testsupport::postgresPassword(), m_s3Secret, m_s3Token };
        QVERIFY(!m_secrets[0].isEmpty());
        for (const char *folder : { "home", "config", "data", "cache", "tmp", "work", "logs", "project" })
            QVERIFY(QDir(m_root.path()).mkpath(QLatin1StringView(folder)));
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("HOME"), path("home"));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), path("data"));
        m_env.insert(QStringLiteral("XDG_CACHE_HOME"), path("cache"));
        m_env.insert(QStringLiteral("TMPDIR"), path("tmp"));
        m_env.insert(QStringLiteral("PGPASSWORD"), m_secrets[0]);
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), testsupport::s3AccessKeyId());
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), m_s3Secret);
        m_env.insert(QStringLiteral("AWS_SESSION_TOKEN"), m_s3Token);
        m_env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

        auto connection = PostgresConnection::open(serverInfo());
        QVERIFY(connection.ok());
        QVERIFY(connection.value().exec("DROP SCHEMA IF EXISTS secretscan CASCADE; CREATE SCHEMA secretscan",
                                        QStringLiteral("setup")).ok());
        QVERIFY(QFile::copy(testsupport::realData(QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv")),
                            path("work/heart.csv")));
    }

    void writersRun()
    {
        const QString pg = testsupport::postgresUri();
        const QString endpoint = testsupport::s3Endpoint();
        const QString bucket = QStringLiteral("s3://%1/").arg(testsupport::s3Bucket());
        cli(QStringLiteral("export"), { path("work/heart.csv"), QStringLiteral("--to"), pg, QStringLiteral("--table"),
                                        kSchema + QStringLiteral(".real"), QStringLiteral("--mode"), QStringLiteral("replace") });
        cli(QStringLiteral("profile"), { pg, QStringLiteral("--table"), kSchema + QStringLiteral(".real"), QStringLiteral("--json"),
                                         path("work/profile.json") });
        cli(QStringLiteral("generate"),
            { pg, QStringLiteral("--table"), kSchema + QStringLiteral(".real"), QStringLiteral("--out"), path("work/synthetic.csv"),
              QStringLiteral("--json"), path("work/scores.json"), QStringLiteral("--save-model"), path("work/model.hsmodel"),
              QStringLiteral("--holdout"), QStringLiteral("0.2"), QStringLiteral("--target"), QStringLiteral("DEATH_EVENT"),
              QStringLiteral("--to"), bucket + QStringLiteral("secretscan-generate"), QStringLiteral("--endpoint"), endpoint });
        cli(QStringLiteral("sample"), { path("work/model.hsmodel"), QStringLiteral("--rows"), QStringLiteral("50"),
                                        QStringLiteral("--out"), path("work/sample.csv") });

        // A project that reads the table from PostgreSQL; `run` saves it and its whole folder.
        const PostgresConnectionInfo info = serverInfo();
        QFile project(path("project/study.hsproj"));
        QVERIFY(project.open(QIODevice::WriteOnly));
        project.write(QStringLiteral(R"({"formatVersion": 1, "name": "Secret scan",
            "source": {"kind": "postgresql", "host": "%1", "port": %2, "database": "%3", "user": "%4",
                       "sslMode": "disable", "table": "secretscan.real"},
            "generation": {"generator": "gaussian_copula", "rows": 120, "seed": "7", "holdoutFraction": 0.2,
                           "target": "DEATH_EVENT"}})")
                          .arg(info.host)
                          .arg(info.port)
                          .arg(info.database, info.user)
                          .toUtf8());
        project.close();
        cli(QStringLiteral("run"), { path("project/study.hsproj"), QStringLiteral("--to"), pg, QStringLiteral("--table"),
                                     kSchema + QStringLiteral(".synthetic"), QStringLiteral("--mode"), QStringLiteral("replace") });
        cli(QStringLiteral("run"), { path("project/study.hsproj"), QStringLiteral("--to"), bucket + QStringLiteral("secretscan-run"),
                                     QStringLiteral("--endpoint"), endpoint });
        QVERIFY(QFile::exists(path("work/model.hsmodel")));
        QVERIFY(QFile::exists(path("work/scores.json")));
        QVERIFY(QDir(path("project/models")).entryList(QDir::Files).size() > 0);
    }

    void noFileHoldsASecret()
    {
        int scanned = 0;
        QDirIterator it(m_root.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile in(file);
            QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(file));
            expectClean(in.readAll(), file);
            if (file.endsWith(QStringLiteral(".pdf")))
                expectClean(pdfText(file), file + QStringLiteral(" (text)"));
            ++scanned;
        }
        // The project file, its model, tables, scores and the logs at least.
        QVERIFY2(scanned >= 12, qPrintable(QString::number(scanned)));
    }

    void noUploadHoldsASecret()
    {
        // The CLI names each object it uploaded.
        S3Target target;
        target.endpoint = testsupport::s3Endpoint();
        target.bucket = testsupport::s3Bucket();
        target.credentials = { testsupport::s3AccessKeyId(), m_s3Secret, {} };
        static const QRegularExpression uploaded(QStringLiteral("Uploaded s3://[^/]+/(\\S+)"));
        int objects = 0;
        for (const QString &log : QDir(path("logs")).entryList(QDir::Files)) {
            QFile in(path("logs/") + log);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(in.readAll());
            for (auto match = uploaded.globalMatch(text); match.hasNext();) {
                const QString key = match.next().captured(1);
                SilentJob job;
                const auto bytes = downloadFromS3(target, key, job);
                QVERIFY2(bytes.ok(), qPrintable(key));
                expectClean(bytes.value(), QStringLiteral("s3 object ") + key);
                ++objects;
            }
        }
        QVERIFY2(objects >= 4, qPrintable(QString::number(objects))); // two CSVs and two manifests
    }

    void noExportedTableHoldsASecret()
    {
        auto connection = PostgresConnection::open(serverInfo());
        QVERIFY(connection.ok());
        for (const char *table : { "secretscan.real", "secretscan.synthetic" }) {
            const QByteArray sql = QByteArray("SELECT coalesce(string_agg(t::text, E'\\n'), '') || coalesce(obj_description('")
                + table + "'::regclass), '') FROM " + table + " t";
            auto result = connection.value().query(sql, {}, QStringLiteral("scan"));
            QVERIFY2(result.ok(), table);
            const QByteArray text(PQgetvalue(result.value(), 0, 0));
            PQclear(result.value());
            QVERIFY(!text.isEmpty());
            expectClean(text, QString::fromLatin1(table));
        }
    }

private:
    QString path(const char *relative) const { return m_root.filePath(QLatin1StringView(relative)); }

    // Runs healthsynth-cli, keeping what it prints as the log a user would keep.
    void cli(const QString &command, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(m_env);
        process.setWorkingDirectory(path("work"));
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setStandardOutputFile(path("logs/") + QStringLiteral("%1-%2.log").arg(++m_runs).arg(command));
        process.start(QStringLiteral(HEALTHSYNTH_CLI_PATH), QStringList { command } + arguments);
        QVERIFY(process.waitForFinished(600000));
        QFile log(path("logs/") + QStringLiteral("%1-%2.log").arg(m_runs).arg(command));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(command + QStringLiteral(": ") + QString::fromUtf8(log.readAll())));
    }

    void expectClean(const QByteArray &bytes, const QString &where) const
    {
        for (const QString &secret : m_secrets) {
            for (const QByteArray &form : encodings(secret))
                QVERIFY2(!bytes.contains(form), qPrintable(QStringLiteral("a secret is in %1").arg(where)));
        }
    }

    static QByteArray pdfText(const QString &file)
    {
        const QString tool = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (tool.isEmpty())
            return {};
        QProcess process;
        process.start(tool, { file, QStringLiteral("-") });
        process.waitForFinished(60000);
        return process.readAllStandardOutput();
    }

    QTemporaryDir m_root;
    QProcessEnvironment m_env;
    const QString m_s3Secret = QStringLiteral("hs-Scan-Secret-%1-9c41").arg(QCoreApplication::applicationPid());
    const QString m_s3Token = QStringLiteral("hs-Scan-Token-%1-77e0").arg(QCoreApplication::applicationPid());
    QStringList m_secrets;
    int m_runs = 0;
};

QTEST_GUILESS_MAIN(TestSecretScan)
#include "tst_secretscan.moc"
