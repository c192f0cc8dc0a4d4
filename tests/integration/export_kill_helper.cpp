// SPDX-License-Identifier: MIT
// Child process for tst_export_kill: starts an export, prints "MIDWAY" once data is flowing,
// then stalls so the parent can SIGKILL it mid-export.
//   export_kill_helper pg URI SCHEMA TABLE ROWS MODE     (password from PGPASSWORD)
//   export_kill_helper s3 ENDPOINT BUCKET KEY MEBIBYTES   (keys from AWS_ACCESS_KEY_ID /
//   AWS_SECRET_ACCESS_KEY)
#include "core/export/credentials.h"
#include "core/export/postgresexport.h"
#include "core/export/s3upload.h"

#include <QCoreApplication>
#include <QThread>
#include <cstdio>

using namespace core;

namespace {

class StallMidway final : public JobContext {
public:
    explicit StallMidway(double at)
        : m_at(at)
    {
    }
    bool isCancelled() const override { return false; }
    void reportProgress(double fraction, const QString &) override
    {
        if (fraction < m_at)
            return;
        std::fputs("MIDWAY\n", stdout);
        std::fflush(stdout);
        QThread::sleep(120); // the parent kills us long before this ends
    }

private:
    double m_at;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    CredentialResolver credentials = CredentialResolver::fromEnvironment();
    if (args.size() == 7 && args[1] == u"pg") {
        auto info = PostgresConnectionInfo::fromUri(args[2]);
        if (!info)
            return 2;
        PostgresTarget target;
        target.connection = info.value();
        credentials.resolvePostgres(target.connection);
        target.schema = args[3];
        target.table = args[4];
        Table table;
        Column id(QStringLiteral("id"), ColumnStorage::Number);
        id.setInteger(true);
        Column text(QStringLiteral("payload"), ColumnStorage::Text);
        for (qint64 i = 0, rows = args[5].toLongLong(); i < rows; ++i) {
            id.appendNumber(double(i));
            text.appendText(QStringLiteral("some text to make the row longer %1").arg(i));
        }
        table.addColumn(id);
        table.addColumn(text);
        StallMidway job(0.3);
        auto done = exportToPostgres(table, {}, target, *exportModeFromKey(args[6]), job);
        std::fprintf(
            stderr, "%s\n", done.ok() ? "finished" : qPrintable(credentials.scrub(done.error().toString())));
        return done.ok() ? 0 : 1;
    }
    if (args.size() == 6 && args[1] == u"s3") {
        auto s3 = credentials.resolveS3(args[2]);
        if (!s3)
            return 2;
        S3Target target;
        target.endpoint = args[2];
        target.bucket = args[3];
        target.credentials = s3.value();
        target.multipartThreshold = qint64(5) << 20;
        target.partSize = qint64(5) << 20;
        S3Object object;
        object.key = args[4];
        object.data = QByteArray(args[5].toLongLong() << 20, 'x');
        StallMidway job(0.3);
        auto done = uploadToS3(target, { object }, job);
        std::fprintf(
            stderr, "%s\n", done.ok() ? "finished" : qPrintable(credentials.scrub(done.error().toString())));
        return done.ok() ? 0 : 1;
    }
    std::fputs("usage: export_kill_helper pg URI SCHEMA TABLE ROWS MODE | s3 ENDPOINT BUCKET KEY MEBIBYTES\n",
        stderr);
    return 2;
}
