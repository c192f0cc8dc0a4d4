// SPDX-License-Identifier: MIT
// healthsynth-cli generate INPUT --model ID --rows N --out OUT.csv [--json OUT.json] [--seed S] ...

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "exporttargets.h"
#include "jsonfile.h"
#include "reportpdf.h"

#include "core/data/csvwriter.h"
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/evaluation.h"
#include "core/pipeline/generatorsetup.h"
#include "core/pipeline/holdout.h"
#include "core/pipeline/modelfile.h"
#include "core/pipeline/profilejob.h"

#include <QJsonDocument>

#include <cstdio>
#include <optional>

namespace cli {

int runGenerate(const QStringList &args)
{
    QCommandLineParser parser;
    addInputOptions(parser);
    parser.addOptions({
        { QStringLiteral("model"), QStringLiteral("Generator: gaussian_copula, ctgan, tvae, bayesian_network."),
          QStringLiteral("id"), QStringLiteral("gaussian_copula") },
        { QStringLiteral("rows"), QStringLiteral("Synthetic rows (default: as many as the training rows)."), QStringLiteral("n") },
        { QStringLiteral("out"), QStringLiteral("Where to write the synthetic CSV."), QStringLiteral("file") },
        { QStringLiteral("json"), QStringLiteral("Also score the result and write what 'evaluate' writes."),
          QStringLiteral("file") },
        { QStringLiteral("save-model"), QStringLiteral("Also save the trained model."), QStringLiteral("file") },
        { QStringLiteral("seed"), QStringLiteral("Random seed for training and sampling (default 0)."), QStringLiteral("n"),
          QStringLiteral("0") },
        { QStringLiteral("holdout"), QStringLiteral("Share of real rows kept out of training for evaluation (default 0)."),
          QStringLiteral("fraction"), QStringLiteral("0") },
        { QStringLiteral("target"), QStringLiteral("Prediction target for the utility score."), QStringLiteral("column") },
        { QStringLiteral("sensitive"), QStringLiteral("Comma-separated sensitive columns for attribute inference."),
          QStringLiteral("columns") },
        { QStringLiteral("quasi-identifiers"), QStringLiteral("Comma-separated columns for k-anonymity."),
          QStringLiteral("columns") },
        { QStringLiteral("pdf"), QStringLiteral("Also score the result and write the PDF report."), QStringLiteral("file") },
        { QStringLiteral("set"), QStringLiteral("A generator setting, repeatable: --set epochs=20."), QStringLiteral("name=value") },
        { QStringLiteral("no-clamp"), QStringLiteral("Allow values outside the real minimum and maximum.") },
    });
    // --table already names the PostgreSQL input table, so the output table is --target-table.
    addExportOptions(parser, QStringLiteral("target-table"));
    if (!parseCommand(parser, args, QStringLiteral("Load, train, sample, write, score and optionally export in one go."), 1,
                      QStringLiteral("INPUT (a CSV file or postgresql:// URI)")))
        return kUsage;
    if (!parser.isSet(QStringLiteral("out")))
        return reportUsage(QStringLiteral("generate needs --out OUT.csv"));
    const auto spec = inputSpecFrom(parser, parser.positionalArguments().at(1));
    const auto seed = integerOption(parser, QStringLiteral("seed"), 0, 0, std::numeric_limits<qint64>::max());
    const auto rows = integerOption(parser, QStringLiteral("rows"), -1, 1, qint64(1) << 40);
    const auto holdout = numberOption(parser, QStringLiteral("holdout"), 0, 0, 0.9);
    const auto settings = settingsOption(parser);
    if (!spec || !seed || !rows || !holdout || !settings)
        return kUsage;
    auto generator = core::GeneratorSetup::create(core::builtInGenerators(), parser.value(QStringLiteral("model")));
    if (!generator.ok())
        return reportUsage(generator.error().message);
    auto resolved = core::GeneratorSetup::resolveSettings(*generator.value(), *settings);
    if (!resolved.ok())
        return reportUsage(resolved.error().message);

    CliJob job;
    auto input = core::InputLoader::load(*spec, job);
    job.finish();
    if (!input.ok())
        return reportError(input.error());
    for (const core::Diagnostic &d : input.value().diagnostics)
        std::fprintf(stderr, "note: %s\n", qPrintable(d.message));
    const core::Schema &schema = input.value().schema;
    const QString target = parser.value(QStringLiteral("target"));
    if (!target.isEmpty() && schema.indexOf(target) < 0)
        return reportUsage(QStringLiteral("--target names \"%1\", which is not a column of the input").arg(target));
    QStringList sensitive, quasiIdentifiers;
    if (parser.isSet(QStringLiteral("sensitive")))
        sensitive = parser.value(QStringLiteral("sensitive")).split(u',');
    if (parser.isSet(QStringLiteral("quasi-identifiers")))
        quasiIdentifiers = parser.value(QStringLiteral("quasi-identifiers")).split(u',');
    for (const QString &column : sensitive + quasiIdentifiers) {
        if (schema.indexOf(column) < 0)
            return reportUsage(QStringLiteral("\"%1\" is not a column of the input").arg(column));
    }
    const bool pdf = parser.isSet(QStringLiteral("pdf"));
    // The report's data-quality section describes the whole input, before the hold-out split.
    std::optional<core::Profile> profile;
    if (pdf) {
        auto profiled = core::ProfileJob::run(*spec, input.value(), target, job);
        job.finish();
        if (!profiled.ok())
            return reportError(profiled.error());
        profile = std::move(profiled).value();
    }

    core::HoldoutSplit split = core::splitHoldout(std::move(input.value().table), *holdout, quint64(*seed));
    core::FitOptions options;
    options.seed = quint64(*seed);
    options.settings = resolved.value();
    options.enforceMinMax = !parser.isSet(QStringLiteral("no-clamp"));
    if (const auto fitted = generator.value()->fitInPlace(split.training, schema, options, job); !fitted.ok())
        return reportError(fitted.error());
    job.finish();
    for (const core::Diagnostic &d : generator.value()->info().diagnostics)
        std::fprintf(stderr, "warning: %s\n", qPrintable(d.message));
    if (parser.isSet(QStringLiteral("save-model"))) {
        if (const auto saved = core::ModelFile::save(*generator.value(), parser.value(QStringLiteral("save-model")));
            !saved.ok())
            return reportError(saved.error());
    }

    const qint64 rowCount = *rows > 0 ? *rows : split.training.rowCount();
    auto synthetic = generator.value()->sample(rowCount, quint64(*seed), job);
    job.finish();
    if (!synthetic.ok())
        return reportError(synthetic.error());
    if (const auto written = core::CsvWriter::write(synthetic.value(), parser.value(QStringLiteral("out")), job);
        !written.ok())
        return reportError(written.error());
    std::fprintf(stderr, "Wrote %lld synthetic rows to %s\n", static_cast<long long>(synthetic.value().rowCount()),
                 qPrintable(parser.value(QStringLiteral("out"))));

    if (parser.isSet(QStringLiteral("json")) || pdf) {
        core::EvaluationRequest request;
        request.real = &split.training;
        request.synthetic = &synthetic.value();
        request.holdout = &split.holdout;
        request.schema = schema;
        request.target = target;
        request.sensitiveColumns = sensitive;
        request.quasiIdentifiers = quasiIdentifiers;
        auto scores = core::Evaluation::run(request, job);
        job.finish();
        if (!scores.ok())
            return reportError(scores.error());
        if (parser.isSet(QStringLiteral("json"))) {
            if (const auto written = writeJsonFile(scores.value(), parser.value(QStringLiteral("json"))); !written.ok())
                return reportError(written.error());
        }
        const QJsonObject quality = scores.value().value(QStringLiteral("quality")).toObject();
        std::fprintf(stderr, "Quality overall %.3f (column shapes %.3f, pair trends %.3f)\n",
                     quality.value(QStringLiteral("overall")).toDouble(),
                     quality.value(QStringLiteral("column_shapes")).toDouble(),
                     quality.value(QStringLiteral("column_pair_trends")).toDouble());
        if (pdf) {
            core::ReportInputs report;
            report.real = &split.training;
            report.synthetic = &synthetic.value();
            report.holdout = &split.holdout;
            report.schema = schema;
            report.scores = scores.value();
            report.profile = &*profile;
            report.sourceDescription = input.value().description;
            report.generator = generator.value().get();
            report.seed = quint64(*seed);
            report.holdoutShare = *holdout;
            report.target = target;
            report.sensitiveColumns = sensitive;
            report.quasiIdentifiers = quasiIdentifiers;
            report.reproduceCommand = commandLine(args);
            if (const int code = writeReportPdf(report, parser.value(QStringLiteral("pdf"))); code != kOk)
                return code;
        }
    }
    return exportToTarget(parser, QStringLiteral("target-table"), synthetic.value(), schema,
                          parser.value(QStringLiteral("out")), generator.value()->id(), job);
}

} // namespace cli
