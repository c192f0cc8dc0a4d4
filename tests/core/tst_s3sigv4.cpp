// SPDX-License-Identifier: MIT
// uploadToS3's requests must carry AWS Signature V4 exactly as S3 checks it. s3rver does not
// verify V4 signatures, so this test runs tests/support/s3/sigv4_server.py, which recomputes
// each signature from AWS's documented algorithm in Python (hashlib/hmac) and refuses any
// mismatch, including an x-amz-content-sha256 that is not the body's hash.
#include "core/export/s3upload.h"
#include "testpaths.h"

#include <QProcess>
#include <QTest>

using namespace core;

class TestS3SigV4 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_server.start(QStringLiteral("/usr/bin/python3"),
            { QStringLiteral(HEALTHSYNTH_SOURCE_DIR "/tests/support/s3/sigv4_server.py"), m_keyId, m_secret,
                QStringLiteral("eu-central-1") });
        QVERIFY(m_server.waitForStarted());
        QVERIFY(m_server.waitForReadyRead(10000));
        const int port = m_server.readLine().trimmed().toInt();
        QVERIFY(port > 0);
        m_endpoint = QStringLiteral("http://127.0.0.1:%1").arg(port);
    }
    void cleanupTestCase()
    {
        m_server.kill();
        m_server.waitForFinished();
    }

    void signsSingleUpload()
    {
        S3Target target = this->target();
        target.prefix = QStringLiteral("a b/ü+&=");
        target.verifyByReadBack = true;
        const S3Object object { QStringLiteral("synthetic (1).csv"), {}, "x,y\n1,2\n",
            QStringLiteral("text/csv") };
        SilentJob job;
        auto result = uploadToS3(target, { object }, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
    }

    void signsMultipartWithSessionToken()
    {
        S3Target target = this->target();
        target.credentials.sessionToken = QStringLiteral("FwoGZXIvYXdzE//token+with/slashes==");
        target.multipartThreshold = qint64(5) << 20;
        target.partSize = qint64(5) << 20;
        QByteArray data((qint64(11) << 20) + 7, 'q');
        data[100] = 'z';
        SilentJob job;
        auto result = uploadToS3(target, { S3Object { QStringLiteral("big.csv"), {}, data, {} } }, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        QCOMPARE(result.value().objects[0].parts, 3);
        // The server computes the multipart ETag the way S3 does: MD5 of the part MD5s, "-3".
        QVERIFY(result.value().objects[0].etag.endsWith(QStringLiteral("-3")));
        auto back = downloadFromS3(target, QStringLiteral("big.csv"), job);
        QVERIFY(back.ok());
        QVERIFY(back.value() == data);
    }

    void retriesAFailedPart()
    {
        S3Target target = this->target();
        target.multipartThreshold = qint64(5) << 20;
        target.partSize = qint64(5) << 20;
        const QByteArray data(qint64(12) << 20, 'r');
        SilentJob job;
        auto result
            = uploadToS3(target, { S3Object { QStringLiteral("flaky-part.csv"), {}, data, {} } }, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().toString()));
        auto back = downloadFromS3(target, QStringLiteral("flaky-part.csv"), job);
        QVERIFY(back.ok());
        QVERIFY(back.value() == data);
    }

    void abortsWhenAPartKeepsFailing()
    {
        S3Target target = this->target();
        target.multipartThreshold = qint64(5) << 20;
        target.partSize = qint64(5) << 20;
        target.maxAttempts = 2;
        const int abortedBefore = stat(QByteArrayLiteral("aborted="));
        SilentJob job;
        auto result = uploadToS3(target,
            { S3Object { QStringLiteral("broken-part.csv"), {}, QByteArray(qint64(12) << 20, 'b'), {} } },
            job);
        QVERIFY(!result.ok());
        QVERIFY2(
            result.error().message.contains(QStringLiteral("part 2")), qPrintable(result.error().toString()));
        QVERIFY2(result.error().detail.contains(QStringLiteral("attempt 2 of 2")),
            qPrintable(result.error().detail));
        QCOMPARE(stat(QByteArrayLiteral("aborted=")), abortedBefore + 1);
        auto exists = s3ObjectExists(target, QStringLiteral("broken-part.csv"));
        QVERIFY(exists.ok());
        QVERIFY(!exists.value());
    }

    void wrongSecretIsRefused()
    {
        S3Target target = this->target();
        target.credentials.secretAccessKey = QStringLiteral("not-the-secret-9d1e");
        SilentJob job;
        auto result = uploadToS3(target, { S3Object { QStringLiteral("x.csv"), {}, "1", {} } }, job);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("SignatureDoesNotMatch")),
            qPrintable(result.error().toString()));
        QVERIFY(!result.error().toString().contains(target.credentials.secretAccessKey));
    }

private:
    int stat(const QByteArray &name) const
    {
        SilentJob job;
        auto out = downloadFromS3(target(), QStringLiteral("__stats"), job);
        return out.ok() && out.value().startsWith(name) ? out.value().mid(name.size()).toInt() : -1;
    }

    S3Target target() const
    {
        S3Target t;
        t.endpoint = m_endpoint;
        t.region = QStringLiteral("eu-central-1");
        t.bucket = QStringLiteral("sig-bucket");
        t.credentials = { m_keyId, m_secret, {} };
        return t;
    }

    QProcess m_server;
    QString m_endpoint;
    const QString m_keyId = QStringLiteral("AKIDEXAMPLE");
    const QString m_secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
};

QTEST_GUILESS_MAIN(TestS3SigV4)
#include "tst_s3sigv4.moc"
