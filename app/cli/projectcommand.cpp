// SPDX-License-Identifier: MIT
// healthsynth-cli run PROJECT.hsproj

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "exporttargets.h"

#include "core/data/csvreader.h"

#include "core/pipeline/projectrunner.h"

#include <cstdio>

namespace cli {

int runProject(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("no-save"), QStringLiteral("Do not record the new artifacts in the project file.") });
    addExportOptions(parser, QStringLiteral("table"));
    if (!parseCommand(parser, args,
                      QStringLiteral("Run a project headless: load, train, sample and score, writing every stage "
                                     "into the project folder."),
                      1, QStringLiteral("PROJECT.hsproj")))
        return kUsage;
    const QString path = parser.positionalArguments().at(1);
    core::Diagnostics warnings;
    auto project = core::ProjectFile::load(path, warnings);
    if (!project.ok())
        return reportError(project.error());
    for (const core::Diagnostic &w : warnings)
        std::fprintf(stderr, "warning: %s\n", qPrintable(w.message));

    CliJob job;
    auto result = core::ProjectRunner::run(project.value(), path, job);
    job.finish();
    if (!result.ok())
        return reportError(result.error());
    if (!parser.isSet(QStringLiteral("no-save"))) {
        core::Project updated = project.value();
        updated.artifacts = result.value().artifacts;
        if (const auto saved = core::ProjectFile::save(updated, path); !saved.ok())
            return reportError(saved.error());
    }
    const QJsonObject quality = result.value().scores.value(QStringLiteral("quality")).toObject();
    std::printf("Trained on %lld rows, generated %lld rows: %s\nQuality overall %.3f\n",
                static_cast<long long>(result.value().trainingRows), static_cast<long long>(result.value().syntheticRows),
                qPrintable(core::ProjectFile::resolve(path, result.value().artifacts.syntheticTable)),
                quality.value(QStringLiteral("overall")).toDouble());
    if (!parser.isSet(QStringLiteral("to")))
        return kOk;
    const QString synthetic = core::ProjectFile::resolve(path, result.value().artifacts.syntheticTable);
    auto read = core::CsvReader::read(synthetic, {}, job);
    if (!read.ok())
        return reportError(read.error());
    return exportToTarget(parser, QStringLiteral("table"), read.value().table, read.value().schema, synthetic,
                          project.value().generation.generatorId, job);
}

} // namespace cli
