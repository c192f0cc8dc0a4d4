// SPDX-License-Identifier: MIT
#include "exporttargets.h"

#include "commonoptions.h"

#include "core/export/credentials.h"
#include "core/export/postgresexport.h"
#include "core/export/s3upload.h"

#include <QFileInfo>

#include <cstdio>

namespace cli {

namespace {

int toDatabase(const QCommandLineParser &parser, const QString &tableOption, const core::Table &table,
               const core::Schema &schema, CliJob &job)
{
    core::CredentialResolver credentials = core::CredentialResolver::fromEnvironment();
    auto info = core::PostgresConnectionInfo::fromUri(parser.value(QStringLiteral("to")));
    if (!info.ok())
        return reportUsage(info.error().message);
    if (!parser.isSet(tableOption))
        return reportUsage(QStringLiteral("a PostgreSQL target needs --%1 schema.name").arg(tableOption));
    const auto name = core::PostgresTarget::splitName(parser.value(tableOption));
    if (!name)
        return reportUsage(QStringLiteral("--%1 must be schema.name or name (got \"%2\")").arg(tableOption, parser.value(tableOption)));
    const auto mode = core::exportModeFromKey(parser.value(QStringLiteral("mode")));
    if (!mode)
        return reportUsage(QStringLiteral("--mode must be create, replace or append (got \"%1\")").arg(parser.value(QStringLiteral("mode"))));

    core::PostgresTarget target;
    target.connection = info.value();
    credentials.resolvePostgres(target.connection);
    target.schema = name->first;
    target.table = name->second;
    auto exported = core::exportToPostgres(table, schema, target, *mode, job);
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

int toBucket(const QCommandLineParser &parser, const core::Table &table, const QString &csvPath,
             const QString &generatorId, CliJob &job)
{
    if (!parser.isSet(QStringLiteral("endpoint")))
        return reportUsage(QStringLiteral("an s3:// target needs --endpoint URL (e.g. https://s3.eu-west-1.amazonaws.com)"));
    auto target = core::S3Target::fromUrl(parser.value(QStringLiteral("to")), parser.value(QStringLiteral("endpoint")),
                                          parser.value(QStringLiteral("region")));
    if (!target.ok())
        return reportUsage(target.error().message);
    core::CredentialResolver credentials = core::CredentialResolver::fromEnvironment();
    auto keys = credentials.resolveS3(target.value().endpoint);
    if (!keys.ok())
        return reportError(keys.error());
    target.value().credentials = keys.value();

    QList<core::S3Object> objects;
    objects.append({ QFileInfo(csvPath).fileName(), csvPath, {}, QStringLiteral("text/csv") });
    if (parser.isSet(QStringLiteral("report"))) {
        const QString report = parser.value(QStringLiteral("report"));
        objects.append({ QFileInfo(report).fileName(), report, {}, QStringLiteral("application/pdf") });
    }
    core::ExportManifest manifest;
    manifest.rowCount = table.rowCount();
    manifest.columns = table.columnNames();
    for (const core::Column &column : table.columns())
        manifest.columnTypes.append(core::storageName(column.storage()));
    manifest.generator = generatorId;
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
        std::fprintf(stderr, "Uploaded s3://%s/%s (%lld bytes)\n", qPrintable(target.value().bucket),
                     qPrintable(object.key), static_cast<long long>(object.size));
    return kOk;
}

} // namespace

void addExportOptions(QCommandLineParser &parser, const QString &tableOption)
{
    parser.addOptions({
        { QStringLiteral("to"), QStringLiteral("Also send the synthetic table to postgresql://user@host:port/db or s3://bucket/prefix."),
          QStringLiteral("url") },
        { tableOption, QStringLiteral("PostgreSQL target: the table as schema.name."), QStringLiteral("name") },
        { QStringLiteral("mode"), QStringLiteral("PostgreSQL target: create, replace or append (default create)."),
          QStringLiteral("mode"), QStringLiteral("create") },
        { QStringLiteral("endpoint"), QStringLiteral("S3 target: endpoint URL."), QStringLiteral("url") },
        { QStringLiteral("region"), QStringLiteral("S3 target: region (default us-east-1)."), QStringLiteral("name"),
          QStringLiteral("us-east-1") },
        { QStringLiteral("report"), QStringLiteral("S3 target: also upload this PDF report."), QStringLiteral("file") },
    });
}

int exportToTarget(const QCommandLineParser &parser, const QString &tableOption, const core::Table &table,
                   const core::Schema &schema, const QString &csvPath, const QString &generatorId, CliJob &job)
{
    const QString to = parser.value(QStringLiteral("to"));
    if (to.isEmpty())
        return kOk;
    if (to.startsWith(QStringLiteral("postgresql://")) || to.startsWith(QStringLiteral("postgres://")))
        return toDatabase(parser, tableOption, table, schema, job);
    if (to.startsWith(QStringLiteral("s3://")))
        return toBucket(parser, table, csvPath, generatorId, job);
    return reportUsage(QStringLiteral("--to must be a postgresql:// or s3:// URL (got \"%1\")").arg(to));
}

} // namespace cli
