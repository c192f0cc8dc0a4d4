// SPDX-License-Identifier: MIT
// uploadToS3 against the S3-compatible server (s3rver) of the "s3" ctest fixture, and the
// credential sources.
#include "core/export/s3upload.h"
#include "services.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace core;

namespace {

class CancelAfterProgress final : public JobContext {
public:
    explicit CancelAfterProgress(int reports)
        : m_left(reports)
    {
    }
    bool isCancelled() const override { return m_left <= 0; }
    void reportProgress(double fraction, const QString &) override
    {
        if (fraction > 0.0)
            --m_left;
    }

private:
    int m_left;
};

const QString kSecret = QStringLiteral("hs-Test-Secret-7f3a9c2e");

S3Target fixtureTarget(const QString &prefix)
{
    S3Target target;
    target.endpoint = testsupport::s3Endpoint();
    if (target.endpoint.isEmpty())
        qFatal("No test S3 server (run through ctest, fixture s3)");
    target.bucket = testsupport::s3Bucket();
    target.prefix = prefix;
    // s3rver checks the access key id (and x-amz-content-sha256), not the signature, so any
    // secret works; a distinctive one lets the tests look for leaks.
    target.credentials = { testsupport::s3AccessKeyId(), kSecret, {} };
    return target;
}

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

bool exists(const S3Target &target, const QString &key)
{
    auto found = s3ObjectExists(target, key);
    if (!found)
        qFatal("%s", qPrintable(found.error().toString()));
    return found.value();
}

} // namespace

class TestS3Upload : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void singleObjectRoundTrip()
    {
        const S3Target target = fixtureTarget(QStringLiteral("round trip/ü"));
        S3Object object;
        object.key = QStringLiteral("synthetic data.csv");
        object.data = "age,sex\n34,F\n51,M\n";
        object.contentType = QStringLiteral("text/csv");
        SilentJob job;
        auto result = uploadToS3(target, { object }, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().objects.size(), 1);
        const S3UploadedObject &up = result.value().objects[0];
        QCOMPARE(up.key, QStringLiteral("round trip/ü/synthetic data.csv"));
        QCOMPARE(up.size, object.data.size());
        QCOMPARE(up.parts, 0);
        QCOMPARE(up.etag,
            QString::fromLatin1(QCryptographicHash::hash(object.data, QCryptographicHash::Md5).toHex()));
        auto back = downloadFromS3(target, object.key, job);
        QVERIFY(back.ok());
        QCOMPARE(back.value(), object.data);
    }

    void multipartFromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.csv"));
        const QByteArray data = randomBytes((qint64(12) << 20) + 12345, 7);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(data);
        file.close();

        S3Target target = fixtureTarget(QStringLiteral("multipart"));
        target.multipartThreshold = qint64(5) << 20;
        target.partSize = qint64(5) << 20;
        target.verifyByReadBack = true;
        SilentJob job;
        auto result = uploadToS3(
            target, { S3Object { QStringLiteral("big.csv"), path, {}, QStringLiteral("text/csv") } }, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().objects[0].parts, 3); // 5 + 5 + 2 MiB
        QCOMPARE(result.value().objects[0].sha256,
            QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
        auto back = downloadFromS3(target, QStringLiteral("big.csv"), job);
        QVERIFY(back.ok());
        QVERIFY(back.value() == data);
    }

    void defaultThresholdUsesMultipartAbove64MiB()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("large.bin"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray block = randomBytes(qint64(1) << 20, 11);
        for (int i = 0; i < 65; ++i) // 65 MiB > 64 MiB
            file.write(block);
        file.close();
        const S3Target target = fixtureTarget(QStringLiteral("large"));
        SilentJob job;
        auto result = uploadToS3(target, { S3Object { QStringLiteral("large.bin"), path, {}, {} } }, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().objects[0].parts, 5); // 4 x 16 MiB + 1 MiB
        QCOMPARE(result.value().objects[0].size, qint64(65) << 20);
        QVERIFY(deleteFromS3(target, QStringLiteral("large.bin")).ok());
        QVERIFY(!exists(target, QStringLiteral("large.bin")));
    }

    void cancelAbortsMultipart()
    {
        S3Target target = fixtureTarget(QStringLiteral("cancel"));
        target.multipartThreshold = qint64(5) << 20;
        target.partSize = qint64(5) << 20;
        S3Object object { QStringLiteral("half.bin"), {}, randomBytes(qint64(16) << 20, 3), {} };
        CancelAfterProgress job(2); // after the second part
        auto result = uploadToS3(target, { object }, job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Cancelled);
        QVERIFY(!exists(target, QStringLiteral("half.bin")));
    }

    void failureRemovesEarlierObjects()
    {
        const S3Target target = fixtureTarget(QStringLiteral("all-or-nothing"));
        S3Object first { QStringLiteral("first.csv"), {}, "a\n1\n", QStringLiteral("text/csv") };
        S3Object missing { QStringLiteral("report.pdf"), QStringLiteral("/nonexistent/report.pdf"), {}, {} };
        SilentJob job;
        auto result = uploadToS3(target, { first, missing }, job);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("/nonexistent/report.pdf")),
            qPrintable(result.error().message));
        QVERIFY(!exists(target, QStringLiteral("first.csv")));
    }

    void manifest()
    {
        ExportManifest manifest;
        manifest.rowCount = 2;
        manifest.columns = { QStringLiteral("age"), QStringLiteral("sex") };
        manifest.columnTypes = { QStringLiteral("integer"), QStringLiteral("text") };
        manifest.generator = QStringLiteral("gaussian_copula");
        manifest.seed = 18446744073709551615ULL;
        manifest.scores = { { QStringLiteral("quality_overall"), 0.86 } };
        const S3Object csv { QStringLiteral("synthetic.csv"), {}, "abc", QStringLiteral("text/csv") };
        auto object = makeManifestObject(manifest, { csv });
        QVERIFY(object.ok());
        const QJsonObject json = QJsonDocument::fromJson(object.value().data).object();
        QCOMPARE(json.value(QStringLiteral("rowCount")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("generator")).toString(), QStringLiteral("gaussian_copula"));
        QCOMPARE(json.value(QStringLiteral("seed")).toString(), QStringLiteral("18446744073709551615"));
        QCOMPARE(json.value(QStringLiteral("columns"))
                     .toArray()[1]
                     .toObject()
                     .value(QStringLiteral("type"))
                     .toString(),
            QStringLiteral("text"));
        QCOMPARE(json.value(QStringLiteral("scores"))
                     .toObject()
                     .value(QStringLiteral("quality_overall"))
                     .toDouble(),
            0.86);
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        QCOMPARE(json.value(QStringLiteral("sha256")).toString(),
            QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

        const S3Target target = fixtureTarget(QStringLiteral("with-manifest"));
        SilentJob job;
        auto result = uploadToS3(target, { csv, object.value() }, job);
        QVERIFY(result.ok());
        QVERIFY(exists(target, QStringLiteral("manifest.json")));
    }

    void secretsNeverInErrors()
    {
        S3Target target = fixtureTarget(QStringLiteral("denied"));
        target.credentials.accessKeyId = QStringLiteral("NOT-A-KEY");
        target.credentials.sessionToken = QStringLiteral("hs-Session-Token-55aa");
        SilentJob job;
        auto result = uploadToS3(target, { S3Object { QStringLiteral("x.csv"), {}, "x", {} } }, job);
        QVERIFY(!result.ok());
        const QString text = result.error().toString();
        QVERIFY2(text.contains(QStringLiteral("HTTP 403")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("s3://%1/denied/x.csv").arg(target.bucket)), qPrintable(text));
        QVERIFY(!text.contains(kSecret));
        QVERIFY(!text.contains(target.credentials.sessionToken));

        S3Target nowhere = fixtureTarget({});
        nowhere.endpoint = QStringLiteral("http://127.0.0.1:1");
        nowhere.maxAttempts = 2;
        auto refused = uploadToS3(nowhere, { S3Object { QStringLiteral("x.csv"), {}, "x", {} } }, job);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().detail.contains(QStringLiteral("attempt 2 of 2")),
            qPrintable(refused.error().detail));
        QVERIFY(!refused.error().toString().contains(kSecret));
    }

    void targetFromUrl()
    {
        auto target = S3Target::fromUrl(QStringLiteral("s3://my-bucket/studies/2024"),
            QStringLiteral("http://minio:9000"), QStringLiteral("eu-west-1"));
        QVERIFY(target.ok());
        QCOMPARE(target.value().bucket, QStringLiteral("my-bucket"));
        QCOMPARE(target.value().prefix, QStringLiteral("studies/2024"));
        QCOMPARE(target.value().fullKey(QStringLiteral("a.csv")), QStringLiteral("studies/2024/a.csv"));
        QCOMPARE(target.value().region, QStringLiteral("eu-west-1"));
        QVERIFY(!S3Target::fromUrl(QStringLiteral("https://bucket/x")).ok());
    }

    void credentialsFromEnvironment()
    {
        qputenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        qputenv("AWS_SECRET_ACCESS_KEY", "env-secret-123");
        qunsetenv("AWS_SESSION_TOKEN");
        qputenv("PGPASSWORD", "pg-env-pass");
        CredentialResolver resolver = CredentialResolver::fromEnvironment();
        auto s3 = resolver.resolveS3(QStringLiteral("http://minio:9000"));
        QVERIFY(s3.ok());
        QCOMPARE(s3.value().accessKeyId, QStringLiteral("AKIDEXAMPLE"));
        QCOMPARE(s3.value().secretAccessKey, QStringLiteral("env-secret-123"));
        QVERIFY(s3.value().sessionToken.isEmpty());
        PostgresConnectionInfo info;
        info.user = QStringLiteral("ana");
        QVERIFY(resolver.resolvePostgres(info));
        QCOMPARE(info.password, QStringLiteral("pg-env-pass"));
        QCOMPARE(resolver.scrub(QStringLiteral("failed with env-secret-123 and pg-env-pass")),
            QStringLiteral("failed with *** and ***"));

        // An earlier source wins (the UI puts the keychain first).
        auto keychain = std::make_shared<StaticSecrets>();
        keychain->set(SecretKind::S3SecretAccessKey, QStringLiteral("from-keychain"));
        CredentialResolver ordered;
        ordered.addSource(keychain);
        ordered.addSource(std::make_shared<EnvironmentSecrets>());
        QCOMPARE(ordered.resolveS3(QStringLiteral("http://minio:9000")).value().secretAccessKey,
            QStringLiteral("from-keychain"));

        // Asked last, only for what nobody else had.
        QList<SecretKind> asked;
        CredentialResolver prompting;
        prompting.addSource(keychain);
        prompting.addSource(std::make_shared<PromptSecrets>([&](const SecretRequest &request) {
            asked << request.kind;
            return request.kind == SecretKind::S3SessionToken
                ? std::nullopt
                : std::optional<QString>(QStringLiteral("typed"));
        }));
        auto typed = prompting.resolveS3(QStringLiteral("http://minio:9000"));
        QVERIFY(typed.ok());
        QCOMPARE(typed.value().accessKeyId, QStringLiteral("typed"));
        QCOMPARE(typed.value().secretAccessKey, QStringLiteral("from-keychain"));
        QCOMPARE(asked, QList<SecretKind>({ SecretKind::S3AccessKeyId, SecretKind::S3SessionToken }));

        qunsetenv("AWS_ACCESS_KEY_ID");
        qunsetenv("AWS_SECRET_ACCESS_KEY");
        qunsetenv("PGPASSWORD");
        CredentialResolver empty = CredentialResolver::fromEnvironment();
        auto none = empty.resolveS3(QStringLiteral("http://minio:9000"));
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.contains(QStringLiteral("AWS_ACCESS_KEY_ID")));
        PostgresConnectionInfo noPassword;
        QVERIFY(!empty.resolvePostgres(noPassword));
    }
};

QTEST_GUILESS_MAIN(TestS3Upload)
#include "tst_s3upload.moc"
