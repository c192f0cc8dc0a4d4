// SPDX-License-Identifier: MIT
// Real data through the export paths: a real CSV is read, written to PostgreSQL and read back
// (every cell and type must survive), and written as CSV + manifest to an S3-compatible bucket
// and downloaded again (bytes identical, manifest checksum right).
#include "core/data/csvreader.h"
#include "core/data/csvwriter.h"
#include "core/data/postgressource.h"
#include "core/export/postgresexport.h"
#include "core/export/s3upload.h"
#include "services.h"
#include "testpaths.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

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

bool labelled(ColumnStorage s)
{
    return s == ColumnStorage::Category || s == ColumnStorage::Text;
}

} // namespace

class TestExportRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postgres_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("table");
        QTest::newRow("heart failure") << "heart_failure/heart_failure_clinical_records_dataset.csv"
                                       << "heart_failure";
        QTest::newRow("MIMIC-III admissions") << "mimic_iii_demo/ADMISSIONS.csv"
                                              << "mimic_admissions";
        QTest::newRow("Pima") << "pima_diabetes/pima-indians-diabetes.csv"
                              << "pima";
    }
    void postgres()
    {
        QFETCH(QString, file);
        QFETCH(QString, table);
        const QString path = testsupport::realData(file);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        SilentJob job;
        auto read = CsvReader::read(path, CsvOptions {}, job);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        const Table &real = read.value().table;

        PostgresTarget target;
        target.connection = serverInfo();
        target.schema = QStringLiteral("roundtrip");
        target.table = table;
        {
            auto connection = PostgresConnection::open(target.connection);
            QVERIFY(connection.ok());
            QVERIFY(connection.value()
                        .exec("CREATE SCHEMA IF NOT EXISTS roundtrip", QStringLiteral("setup"))
                        .ok());
        }
        auto written = exportToPostgres(real, read.value().schema, target, ExportMode::Replace, job);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        QCOMPARE(written.value().rows, real.rowCount());

        auto back = PostgresSource(target.connection).loadTable(target.schema, target.table, job);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        const Table &loaded = back.value().table;
        QCOMPARE(loaded.columnNames(), real.columnNames());
        QCOMPARE(loaded.rowCount(), real.rowCount());
        // COPY keeps row order for a fresh table scanned sequentially.
        for (int c = 0; c < real.columnCount(); ++c) {
            const Column &a = real.column(c);
            const Column &b = loaded.column(c);
            QVERIFY2(a.storage() == b.storage() || (labelled(a.storage()) && labelled(b.storage())),
                qPrintable(QStringLiteral("%1: %2 became %3")
                               .arg(a.name(), storageName(a.storage()), storageName(b.storage()))));
            if (a.storage() == ColumnStorage::Number)
                QCOMPARE(b.isInteger(), a.isInteger());
            QCOMPARE(b.missingMask(), a.missingMask());
            for (qint64 r = 0; r < real.rowCount(); ++r) {
                if (a.isMissing(r))
                    continue;
                switch (a.storage()) {
                case ColumnStorage::Number:
                case ColumnStorage::DateTime:
                    if (b.numbers()[size_t(r)] != a.numbers()[size_t(r)])
                        QFAIL(qPrintable(QStringLiteral("%1 row %2: %3 became %4")
                                             .arg(a.name())
                                             .arg(r)
                                             .arg(a.numbers()[size_t(r)], 0, 'g', 17)
                                             .arg(b.numbers()[size_t(r)], 0, 'g', 17)));
                    break;
                case ColumnStorage::Boolean:
                    QCOMPARE(b.codes()[size_t(r)], a.codes()[size_t(r)]);
                    break;
                case ColumnStorage::Category:
                case ColumnStorage::Text:
                    QCOMPARE(b.cellText(r), a.cellText(r));
                    break;
                }
            }
        }
    }

    void s3()
    {
        const QString path = testsupport::realData(
            QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv"));
        SilentJob job;
        auto read = CsvReader::read(path, CsvOptions {}, job);
        QVERIFY(read.ok());
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("synthetic.csv"));
        QVERIFY(CsvWriter::write(read.value().table, csv, job).ok());

        ExportManifest manifest;
        manifest.rowCount = read.value().table.rowCount();
        manifest.columns = read.value().table.columnNames();
        for (const Column &column : read.value().table.columns())
            manifest.columnTypes << storageName(column.storage());
        manifest.generator = QStringLiteral("gaussian_copula");
        manifest.seed = 42;
        const S3Object data { QStringLiteral("synthetic.csv"), csv, {}, QStringLiteral("text/csv") };
        auto manifestObject = makeManifestObject(manifest, { data });
        QVERIFY(manifestObject.ok());

        S3Target target;
        target.endpoint = testsupport::s3Endpoint();
        target.bucket = testsupport::s3Bucket();
        target.prefix = QStringLiteral("roundtrip/heart_failure");
        target.credentials = { testsupport::s3AccessKeyId(), testsupport::s3SecretAccessKey(), {} };
        auto uploaded = uploadToS3(target, { data, manifestObject.value() }, job);
        QVERIFY2(uploaded.ok(), qPrintable(uploaded.ok() ? QString() : uploaded.error().toString()));

        QFile local(csv);
        QVERIFY(local.open(QIODevice::ReadOnly));
        const QByteArray bytes = local.readAll();
        auto downloaded = downloadFromS3(target, QStringLiteral("synthetic.csv"), job);
        QVERIFY(downloaded.ok());
        QVERIFY(downloaded.value() == bytes);
        auto manifestBack = downloadFromS3(target, QStringLiteral("manifest.json"), job);
        QVERIFY(manifestBack.ok());
        const QJsonObject json = QJsonDocument::fromJson(manifestBack.value()).object();
        QCOMPARE(json.value(QStringLiteral("rowCount")).toInt(), 299); // the data set's documented size
        QCOMPARE(json.value(QStringLiteral("sha256")).toString(),
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }
};

QTEST_GUILESS_MAIN(TestExportRoundTrip)
#include "tst_export_roundtrip.moc"
