// SPDX-License-Identifier: MIT
// healthsynth-cli export SYN.csv --to postgresql://... --table schema.name [--mode create|replace|append]
// healthsynth-cli export SYN.csv --to s3://bucket/prefix --endpoint URL [--region R] [--report REPORT.pdf]

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "exporttargets.h"

#include "core/data/csvreader.h"

namespace cli {

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    addExportOptions(parser, QStringLiteral("table"));
    parser.addOption({ QStringLiteral("generator"), QStringLiteral("S3: generator named in the manifest."),
                       QStringLiteral("id") });
    if (!parseCommand(parser, args,
                      QStringLiteral("Send a synthetic table to PostgreSQL (one transaction, COPY) or an S3-compatible "
                                     "bucket (with a manifest). Passwords and keys come from PGPASSWORD, "
                                     "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN."),
                      1, QStringLiteral("SYN.csv")))
        return kUsage;
    if (!parser.isSet(QStringLiteral("to")))
        return reportUsage(QStringLiteral("export needs --to postgresql://... or --to s3://..."));
    const QString csvPath = parser.positionalArguments().at(1);
    CliJob job;
    // Read once: to check the file and to load or describe it.
    auto read = core::CsvReader::read(csvPath, {}, job);
    job.finish();
    if (!read.ok())
        return reportError(read.error());
    return exportToTarget(parser, QStringLiteral("table"), read.value().table, read.value().schema, csvPath,
                          parser.value(QStringLiteral("generator")), job);
}

} // namespace cli
