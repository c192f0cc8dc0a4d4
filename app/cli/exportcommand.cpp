// SPDX-License-Identifier: MIT
// healthsynth-cli export SYN.csv --to postgresql://... --table schema.name [--mode create|replace|append]
// healthsynth-cli export SYN.csv --to s3://bucket/prefix --endpoint URL [--region R] [--report REPORT.pdf]

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"

#include "core/data/csvreader.h"
#include "core/export/credentials.h"
#include "core/export/postgresexport.h"
#include "core/export/s3upload.h"

#include <QFileInfo>

#include <cstdio>

namespace cli {

namespace {

int exportToDatabase(const QCommandLineParser &parser, const QString &csvPath, CliJob &job)
{
    core::CredentialResolver credentials = core::CredentialResolver::fromEnvironment();
    auto info = core::PostgresConnectionInfo::fromUri(parser.value(QStringLiteral("to")));
    if (!info.ok())
        return reportUsage(info.error().message);
    const auto name = core::PostgresTarget::splitName(parser.value(QStringLiteral("table")));
    if (!name)
        return reportUsage(QStringLiteral("--table must be schema.name or name (got \"%1\")").arg(parser.value(QStringLiteral("table"))));
    const auto mode = core::exportModeFromKey(parser.value(QStringLiteral("mode")));
    if (!mode)
        return reportUsage(QStringLiteral("--mode must be create, replace or append (got \"%1\")").arg(parser.value(QStringLiteral("mode"))));

    auto table = core::CsvReader::read(csvPath, {}, job);
    if (!table.ok())
        return reportError(table.error());
    core::PostgresTarget target;
    target.connection = info.value();
    credentials.resolvePostgres(target.connection);
    target.schema = name->first;
    target.table = name->second;
    auto exported = core::exportToPostgres(table.value().table, table.value().schema, target, *mode, job);
    job.finish();
    if (!exported.ok()) {
        core::Error error = exported.error();
        error.detail = credentials.scrub(error.detail);
        return reportError(error);
    }
    std::fprintf(stderr, "Loaded %lld rows into %s (%s)\n", static_cast<long long>(exported.value().rows),
                 qPrintable(target.qualifiedName()), qPrintable(target.connection.describe()));
    return kOk;
}

int exportToBucket(const QCommandLineParser &parser, const QString &csvPath, CliJob &job)
{
    if (!parser.isSet(QStringLiteral("endpoint")))
        return reportUsage(QStringLiteral("an s3:// export needs --endpoint URL (e.g. https://s3.eu-west-1.amazonaws.com)"));
    auto target = core::S3Target::fromUrl(parser.value(QStringLiteral("to")), parser.value(QStringLiteral("endpoint")),
                                          parser.value(QStringLiteral("region")));
    if (!target.ok())
        return reportUsage(target.error().message);
    core::CredentialResolver credentials = core::CredentialResolver::fromEnvironment();
    auto keys = credentials.resolveS3(target.value().endpoint);
    if (!keys.ok())
        return reportError(keys.error());
    target.value().credentials = keys.value();

    // Read the table once to check it and to describe it in the manifest.
    auto table = core::CsvReader::read(csvPath, {}, job);
    if (!table.ok())
        return reportError(table.error());
    QList<core::S3Object> objects;
    objects.append({ QFileInfo(csvPath).fileName(), csvPath, {}, QStringLiteral("text/csv") });
    if (parser.isSet(QStringLiteral("report"))) {
        const QString report = parser.value(QStringLiteral("report"));
        objects.append({ QFileInfo(report).fileName(), report, {}, QStringLiteral("application/pdf") });
    }
    core::ExportManifest manifest;
    manifest.rowCount = table.value().table.rowCount();
    manifest.columns = table.value().table.columnNames();
    for (const core::Column &column : table.value().table.columns())
        manifest.columnTypes.append(core::storageName(column.storage()));
    manifest.generator = parser.value(QStringLiteral("generator"));
    auto manifestObject = core::makeManifestObject(manifest, objects);
    if (!manifestObject.ok())
        return reportError(manifestObject.error());
    objects.append(manifestObject.value());

    auto uploaded = core::uploadToS3(target.value(), objects, job);
    job.finish();
    if (!uploaded.ok()) {
        core::Error error = uploaded.error();
        error.detail = credentials.scrub(error.detail);
        return reportError(error);
    }
    for (const core::S3UploadedObject &object : uploaded.value().objects)
        std::fprintf(stderr, "Uploaded s3://%s/%s (%lld bytes)\n", qPrintable(target.value().bucket), qPrintable(object.key),
                     static_cast<long long>(object.size));
    return kOk;
}

} // namespace

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOptions({
        { QStringLiteral("to"), QStringLiteral("Target: postgresql://user@host:port/db or s3://bucket/prefix."),
          QStringLiteral("url") },
        { QStringLiteral("table"), QStringLiteral("PostgreSQL: target table as schema.name."), QStringLiteral("name") },
        { QStringLiteral("mode"), QStringLiteral("PostgreSQL: create, replace or append (default create)."),
          QStringLiteral("mode"), QStringLiteral("create") },
        { QStringLiteral("endpoint"), QStringLiteral("S3: endpoint URL."), QStringLiteral("url") },
        { QStringLiteral("region"), QStringLiteral("S3: region (default us-east-1)."), QStringLiteral("name"),
          QStringLiteral("us-east-1") },
        { QStringLiteral("report"), QStringLiteral("S3: also upload this PDF report."), QStringLiteral("file") },
        { QStringLiteral("generator"), QStringLiteral("S3: generator named in the manifest."), QStringLiteral("id") },
    });
    if (!parseCommand(parser, args,
                      QStringLiteral("Send a synthetic table to PostgreSQL (one transaction, COPY) or an S3-compatible "
                                     "bucket (with a manifest). Passwords and keys come from PGPASSWORD, "
                                     "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN."),
                      1, QStringLiteral("SYN.csv")))
        return kUsage;
    const QString csvPath = parser.positionalArguments().at(1);
    const QString to = parser.value(QStringLiteral("to"));
    CliJob job;
    if (to.startsWith(QStringLiteral("postgresql://")) || to.startsWith(QStringLiteral("postgres://"))) {
        if (!parser.isSet(QStringLiteral("table")))
            return reportUsage(QStringLiteral("a PostgreSQL export needs --table schema.name"));
        return exportToDatabase(parser, csvPath, job);
    }
    if (to.startsWith(QStringLiteral("s3://")))
        return exportToBucket(parser, csvPath, job);
    return reportUsage(QStringLiteral("--to must be a postgresql:// or s3:// URL (got \"%1\")").arg(to));
}

} // namespace cli
