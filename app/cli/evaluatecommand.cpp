// SPDX-License-Identifier: MIT
// healthsynth-cli evaluate --real REAL --synthetic SYN --json OUT [--pdf REPORT.pdf] [--holdout HOLD] ...

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "jsonfile.h"
#include "reportpdf.h"

#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/evaluation.h"
#include "core/pipeline/modelfile.h"
#include "core/pipeline/profilejob.h"

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
        { QStringLiteral("pdf"), QStringLiteral("Also write the PDF report."), QStringLiteral("file") },
        { QStringLiteral("model-file"),
          QStringLiteral("The model that made the synthetic rows (.hsmodel), for the report's generator, settings "
                         "and seed."),
          QStringLiteral("file") },
    });
    if (!parseCommand(parser, args, QStringLiteral("Score synthetic data against the real data: fidelity, utility, privacy."),
                      0, QString()))
        return kUsage;
    if (!parser.isSet(QStringLiteral("real")) || !parser.isSet(QStringLiteral("synthetic"))
        || (!parser.isSet(QStringLiteral("json")) && !parser.isSet(QStringLiteral("pdf"))))
        return reportUsage(QStringLiteral("evaluate needs --real, --synthetic and --json (or --pdf)"));
    const auto spec = inputSpecFrom(parser, parser.value(QStringLiteral("real")));
    if (!spec)
        return kUsage;

    // The model only describes the run in the report; load it first so a wrong path fails fast.
    std::unique_ptr<core::Generator> model;
    if (parser.isSet(QStringLiteral("model-file"))) {
        auto loaded = core::ModelFile::load(parser.value(QStringLiteral("model-file")), core::builtInGenerators());
        if (!loaded.ok())
            return reportError(loaded.error());
        model = std::move(loaded).value();
    }

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
    if (parser.isSet(QStringLiteral("json"))) {
        if (const auto written = writeJsonFile(scores.value(), parser.value(QStringLiteral("json"))); !written.ok())
            return reportError(written.error());
    }
    const QJsonObject quality = scores.value().value(QStringLiteral("quality")).toObject();
    std::printf("Quality overall %.4f (column shapes %.4f, column pair trends %.4f)\n",
                quality.value(QStringLiteral("overall")).toDouble(), quality.value(QStringLiteral("column_shapes")).toDouble(),
                quality.value(QStringLiteral("column_pair_trends")).toDouble());
    if (!parser.isSet(QStringLiteral("pdf")))
        return kOk;

    auto profile = core::ProfileJob::run(*spec, real.value(), request.target, job);
    job.finish();
    if (!profile.ok())
        return reportError(profile.error());
    core::ReportInputs report;
    report.real = request.real;
    report.synthetic = request.synthetic;
    report.holdout = request.holdout;
    report.schema = schema;
    report.scores = scores.value();
    report.profile = &profile.value();
    report.sourceDescription = real.value().description;
    report.generator = model.get();
    report.target = request.target;
    report.sensitiveColumns = request.sensitiveColumns;
    report.quasiIdentifiers = request.quasiIdentifiers;
    return writeReportPdf(report, parser.value(QStringLiteral("pdf")));
}

} // namespace cli
