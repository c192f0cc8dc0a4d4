// SPDX-License-Identifier: MIT
// healthsynth-cli fit INPUT --model ID --out MODEL [--seed S] [--holdout F] [--set k=v] ...

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"

#include "core/data/csvwriter.h"
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/generatorsetup.h"
#include "core/pipeline/holdout.h"
#include "core/pipeline/modelfile.h"

#include <QFileInfo>

#include <cstdio>

namespace cli {

int runFit(const QStringList &args)
{
    QCommandLineParser parser;
    addInputOptions(parser);
    parser.addOptions({
        { QStringLiteral("model"), QStringLiteral("Generator: gaussian_copula, ctgan, tvae, bayesian_network."),
          QStringLiteral("id"), QStringLiteral("gaussian_copula") },
        { QStringLiteral("out"), QStringLiteral("Where to write the trained model (.hsmodel)."), QStringLiteral("file") },
        { QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0") },
        { QStringLiteral("holdout"), QStringLiteral("Share of real rows kept out of training, 0 to 0.9 (default 0)."),
          QStringLiteral("fraction"), QStringLiteral("0") },
        { QStringLiteral("holdout-out"), QStringLiteral("Where to write the hold-out rows (default MODEL.holdout.csv)."),
          QStringLiteral("file") },
        { QStringLiteral("set"), QStringLiteral("A generator setting, repeatable: --set epochs=20."), QStringLiteral("name=value") },
        { QStringLiteral("no-clamp"), QStringLiteral("Allow values outside the real minimum and maximum.") },
    });
    if (!parseCommand(parser, args, QStringLiteral("Train a generator on a real table and save the model."), 1,
                      QStringLiteral("INPUT (a CSV file or postgresql:// URI)")))
        return kUsage;
    const QString outPath = parser.value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return reportUsage(QStringLiteral("fit needs --out MODEL"));
    const auto spec = inputSpecFrom(parser, parser.positionalArguments().at(1));
    const auto seed = integerOption(parser, QStringLiteral("seed"), 0, 0, std::numeric_limits<qint64>::max());
    const auto holdout = numberOption(parser, QStringLiteral("holdout"), 0, 0, 0.9);
    const auto settings = settingsOption(parser);
    if (!spec || !seed || !holdout || !settings)
        return kUsage;

    auto generator = core::GeneratorSetup::create(core::builtInGenerators(), parser.value(QStringLiteral("model")));
    if (!generator.ok())
        return reportUsage(generator.error().message);
    core::FitOptions options;
    options.seed = quint64(*seed);
    options.enforceMinMax = !parser.isSet(QStringLiteral("no-clamp"));
    auto resolved = core::GeneratorSetup::resolveSettings(*generator.value(), *settings);
    if (!resolved.ok())
        return reportUsage(resolved.error().message);
    options.settings = resolved.value();

    CliJob job;
    auto input = core::InputLoader::load(*spec, job);
    job.finish();
    if (!input.ok())
        return reportError(input.error());
    core::HoldoutSplit split = core::splitHoldout(std::move(input.value().table), *holdout, options.seed);
    if (*holdout > 0) {
        const QString holdoutPath = parser.isSet(QStringLiteral("holdout-out"))
            ? parser.value(QStringLiteral("holdout-out"))
            : outPath + QStringLiteral(".holdout.csv");
        if (const auto written = core::CsvWriter::write(split.holdout, holdoutPath, job); !written.ok())
            return reportError(written.error());
        std::fprintf(stderr, "Kept %lld rows aside in %s\n", static_cast<long long>(split.holdout.rowCount()),
                     qPrintable(holdoutPath));
    }
    const auto fitted = generator.value()->fitInPlace(split.training, input.value().schema, options, job);
    job.finish();
    if (!fitted.ok())
        return reportError(fitted.error());
    for (const core::Diagnostic &d : generator.value()->info().diagnostics)
        std::fprintf(stderr, "warning: %s\n", qPrintable(d.message));
    if (const auto saved = core::ModelFile::save(*generator.value(), outPath); !saved.ok())
        return reportError(saved.error());
    std::fprintf(stderr, "Trained %s on %lld rows; model written to %s\n", qPrintable(generator.value()->id()),
                 static_cast<long long>(split.training.rowCount()), qPrintable(outPath));
    return kOk;
}

} // namespace cli
