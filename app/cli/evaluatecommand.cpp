// SPDX-License-Identifier: MIT
// healthsynth-cli evaluate --real REAL --synthetic SYN --json OUT [--holdout HOLD] [--target COL] ...

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "jsonfile.h"

#include "core/pipeline/evaluation.h"

#include <QJsonDocument>

#include <cstdio>

namespace cli {

namespace {

// Reads another table of the same shape with the real table's column types.
core::Result<core::Table> readLike(const QString &path, const core::Schema &schema, const core::CsvOptions &csv,
                                   core::JobContext &job)
{
    auto read = core::CsvReader::readAs(path, schema, csv, job);
    if (!read.ok())
        return read.error();
    return std::move(read.value().table);
}

} // namespace

int runEvaluate(const QStringList &args)
{
    QCommandLineParser parser;
    addInputOptions(parser);
    parser.addOptions({
        { QStringLiteral("real"), QStringLiteral("The real rows the generator learned from (CSV or postgresql://)."),
          QStringLiteral("file") },
        { QStringLiteral("synthetic"), QStringLiteral("The synthetic CSV."), QStringLiteral("file") },
        { QStringLiteral("holdout"), QStringLiteral("Real rows kept out of training (CSV), for utility and privacy baselines."),
          QStringLiteral("file") },
        { QStringLiteral("json"), QStringLiteral("Where to write the scores."), QStringLiteral("file") },
        { QStringLiteral("target"), QStringLiteral("Prediction target for the utility score."), QStringLiteral("column") },
        { QStringLiteral("sensitive"), QStringLiteral("Comma-separated sensitive columns for attribute inference."),
          QStringLiteral("columns") },
        { QStringLiteral("quasi-identifiers"), QStringLiteral("Comma-separated columns for k-anonymity."),
          QStringLiteral("columns") },
    });
    if (!parseCommand(parser, args, QStringLiteral("Score synthetic data against the real data: fidelity, utility, privacy."),
                      0, QString()))
        return kUsage;
    if (!parser.isSet(QStringLiteral("real")) || !parser.isSet(QStringLiteral("synthetic"))
        || !parser.isSet(QStringLiteral("json")))
        return reportUsage(QStringLiteral("evaluate needs --real, --synthetic and --json"));
    const auto spec = inputSpecFrom(parser, parser.value(QStringLiteral("real")));
    if (!spec)
        return kUsage;

    CliJob job;
    auto real = core::InputLoader::load(*spec, job);
    if (!real.ok())
        return reportError(real.error());
    const core::Schema &schema = real.value().schema;
    core::CsvOptions syntheticCsv; // our own writer's dialect, whatever the real file used
    auto synthetic = readLike(parser.value(QStringLiteral("synthetic")), schema, syntheticCsv, job);
    if (!synthetic.ok())
        return reportError(synthetic.error());
    core::Table holdout;
    if (parser.isSet(QStringLiteral("holdout"))) {
        auto read = readLike(parser.value(QStringLiteral("holdout")), schema, syntheticCsv, job);
        if (!read.ok())
            return reportError(read.error());
        holdout = std::move(read).value();
    }
    core::EvaluationRequest request;
    request.real = &real.value().table;
    request.synthetic = &synthetic.value();
    request.holdout = &holdout;
    request.schema = schema;
    request.target = parser.value(QStringLiteral("target"));
    if (!request.target.isEmpty() && schema.indexOf(request.target) < 0)
        return reportUsage(QStringLiteral("--target names \"%1\", which is not a column of the real table").arg(request.target));
    if (parser.isSet(QStringLiteral("sensitive")))
        request.sensitiveColumns = parser.value(QStringLiteral("sensitive")).split(u',');
    if (parser.isSet(QStringLiteral("quasi-identifiers")))
        request.quasiIdentifiers = parser.value(QStringLiteral("quasi-identifiers")).split(u',');
    for (const QString &column : request.sensitiveColumns + request.quasiIdentifiers) {
        if (schema.indexOf(column) < 0)
            return reportUsage(QStringLiteral("\"%1\" is not a column of the real table").arg(column));
    }

    auto scores = core::Evaluation::run(request, job);
    job.finish();
    if (!scores.ok())
        return reportError(scores.error());
    if (const auto written = writeJsonFile(scores.value(), parser.value(QStringLiteral("json"))); !written.ok())
        return reportError(written.error());
    const QJsonObject quality = scores.value().value(QStringLiteral("quality")).toObject();
    std::printf("Quality overall %.4f (column shapes %.4f, column pair trends %.4f)\n",
                quality.value(QStringLiteral("overall")).toDouble(), quality.value(QStringLiteral("column_shapes")).toDouble(),
                quality.value(QStringLiteral("column_pair_trends")).toDouble());
    return kOk;
}

} // namespace cli
