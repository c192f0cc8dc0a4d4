// SPDX-License-Identifier: MIT
// uploadToS3 against an endpoint that answers with errors (a stub server on loopback): server
// errors are retried and then named with their HTTP status and S3 code, refusals are not
// retried, broken replies name the attempt; the secret key appears in none of the messages.
#include "core/export/s3upload.h"
#include "stubhttpserver.h"

#include <QTest>

using namespace core;
using testsupport::StubHttpServer;

namespace {

const QString kSecret = QStringLiteral("hs-Stub-Secret-4d1e");

S3Target stubTarget(const StubHttpServer &server, int attempts)
{
    S3Target target;
    target.endpoint = server.endpoint();
    target.bucket = QStringLiteral("studies");
    target.prefix = QStringLiteral("run1");
    target.credentials = { QStringLiteral("HSKEYID"), kSecret, {} };
    target.maxAttempts = attempts;
    return target;
}

Result<void> uploadOne(const S3Target &target)
{
    SilentJob job;
    auto uploaded = uploadToS3(target, { S3Object { QStringLiteral("synthetic.csv"), {}, "age\n61\n", {} } }, job);
    if (!uploaded.ok())
        return uploaded.error();
    return {};
}

QByteArray s3Error(const QByteArray &code, const QByteArray &message)
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
        + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
}

} // namespace

class TestS3Errors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void serverErrorsAreRetriedThenNamed_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("503 SlowDown") << StubHttpServer::reply("503 Slow Down", s3Error("SlowDown", "Please reduce your request rate."))
                                      << QStringLiteral("HTTP 503, SlowDown") << QStringLiteral("Please reduce your request rate.");
        QTest::newRow("500 from a proxy, HTML")
            << StubHttpServer::reply("500 Internal Server Error", "<html><body>Bad gateway upstream</body></html>", "text/html")
            << QStringLiteral("HTTP 500") << QStringLiteral("Bad gateway upstream");
    }
    void serverErrorsAreRetriedThenNamed()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, status);
        QFETCH(QString, detail);
        StubHttpServer server(reply);
        const auto result = uploadOne(stubTarget(server, 3));
        QVERIFY(!result.ok());
        QCOMPARE(server.requests(), 3);
        const Error &error = result.error();
        QVERIFY2(error.message.contains(status), qPrintable(error.message));
        QVERIFY2(error.message.contains(QStringLiteral("s3://studies/run1/synthetic.csv")), qPrintable(error.message));
        QVERIFY2(error.detail.contains(detail), qPrintable(error.detail));
        QVERIFY2(error.detail.contains(QStringLiteral("attempt 3 of 3")), qPrintable(error.detail));
        QVERIFY2(error.detail.contains(server.endpoint()), qPrintable(error.detail));
        QVERIFY(!error.toString().contains(kSecret));
    }

    void refusalsAreNotRetried()
    {
        StubHttpServer server(StubHttpServer::reply("403 Forbidden", s3Error("AccessDenied", "Access Denied")));
        const auto result = uploadOne(stubTarget(server, 3));
        QVERIFY(!result.ok());
        QCOMPARE(server.requests(), 1);
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        QVERIFY2(result.error().message.contains(QStringLiteral("HTTP 403, AccessDenied")), qPrintable(result.error().message));
        QVERIFY(!result.error().toString().contains(kSecret));
    }

    void brokenRepliesNameTheAttempt_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("connection closed without a reply") << QByteArray();
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
    }
    void brokenRepliesNameTheAttempt()
    {
        QFETCH(QByteArray, reply);
        StubHttpServer server(reply);
        const auto result = uploadOne(stubTarget(server, 2));
        QVERIFY(!result.ok());
        QCOMPARE(server.requests(), 2);
        const Error &error = result.error();
        QCOMPARE(error.code, Error::Code::Io);
        QVERIFY2(error.message.contains(QStringLiteral("s3://studies/run1/synthetic.csv")), qPrintable(error.message));
        QVERIFY2(error.detail.contains(QStringLiteral("attempt 2 of 2")), qPrintable(error.detail));
        QVERIFY2(error.detail.contains(server.endpoint()), qPrintable(error.detail));
        QVERIFY(!error.toString().contains(kSecret));
    }
};

QTEST_GUILESS_MAIN(TestS3Errors)
#include "tst_s3errors.moc"
