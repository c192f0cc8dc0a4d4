// SPDX-License-Identifier: MIT
#include "core/pipeline/projectrunner.h"

#include "core/data/csvwriter.h"
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/constrainedsampler.h"
#include "core/pipeline/evaluation.h"
#include "core/pipeline/generatorsetup.h"
#include "core/pipeline/holdout.h"
#include "core/pipeline/modelfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

namespace core {

namespace {

Result<void> writeJson(const QJsonObject &object, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, ProjectRunner::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                       file.errorString() };
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error { Error::Code::Io, ProjectRunner::tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                       file.errorString() };
    return {};
}

} // namespace

InputSpec ProjectRunner::inputSpec(const Project &project, const QString &projectPath)
{
    InputSpec spec;
    spec.overrides = project.metadataOverrides;
    if (project.source.kind == SourceSettings::Kind::Csv) {
        spec.location = ProjectFile::resolve(projectPath, project.source.csvPath);
        spec.csv = project.source.csv;
        return spec;
    }
    // The password is never in the project: libpq reads PGPASSWORD or ~/.pgpass.
    QUrl uri;
    uri.setScheme(QStringLiteral("postgresql"));
    uri.setHost(project.source.host);
    uri.setPort(project.source.port);
    uri.setUserName(project.source.user);
    uri.setPath(QLatin1Char('/') + project.source.database);
    if (!project.source.sslMode.isEmpty())
        uri.setQuery(QStringLiteral("sslmode=") + project.source.sslMode);
    spec.location = uri.toString();
    spec.table = project.source.table;
    spec.query = project.source.query;
    return spec;
}

Result<ProjectRunResult> ProjectRunner::run(const Project &project, const QString &projectPath, JobContext &job)
{
    const GenerationSettings &g = project.generation;
    const GeneratorRegistry &registry = builtInGenerators();
    Result<std::unique_ptr<Generator>> created = GeneratorSetup::create(registry, g.generatorId);
    if (!created.ok())
        return created.error();
    std::unique_ptr<Generator> generator = std::move(created).value();
    Result<QVariantMap> settings = GeneratorSetup::resolveSettings(*generator, g.generatorSettings);
    if (!settings.ok())
        return settings.error();
    if (const Result<void> folders = ProjectFile::createFolders(projectPath); !folders.ok())
        return folders.error();

    ScaledJob loading(job, 0.0, 0.1);
    Result<LoadedInput> input = InputLoader::load(inputSpec(project, projectPath), loading);
    if (!input.ok())
        return input.error();
    const Schema &schema = input.value().schema;
    if (const Result<void> valid = ConstrainedSampler::validate(g.constraints, schema); !valid.ok())
        return valid.error();

    HoldoutSplit split = splitHoldout(std::move(input.value().table), g.holdoutFraction, g.seed);
    ProjectRunResult result;
    ProjectArtifacts &a = result.artifacts;
    a = project.artifacts;
    a.processedTable = QStringLiteral("data/02_processed/training.csv");
    a.holdoutTable = split.holdout.rowCount() > 0 ? QStringLiteral("data/03_validation/holdout.csv") : QString();
    a.model = QStringLiteral("models/%1.hsmodel").arg(g.generatorId);
    a.syntheticTable = QStringLiteral("data/04_synthetic/%1_seed%2.csv").arg(g.generatorId).arg(g.seed);
    a.scores = QStringLiteral("reports/scores.json");
    SilentJob quiet;
    if (const auto w = CsvWriter::write(split.training, ProjectFile::resolve(projectPath, a.processedTable), quiet); !w.ok())
        return w.error();
    if (!a.holdoutTable.isEmpty()) {
        if (const auto w = CsvWriter::write(split.holdout, ProjectFile::resolve(projectPath, a.holdoutTable), quiet); !w.ok())
            return w.error();
    }

    FitOptions options;
    options.seed = g.seed;
    options.settings = settings.value();
    ScaledJob training(job, 0.1, 0.75);
    if (const Result<void> fitted = generator->fitInPlace(split.training, schema, options, training); !fitted.ok())
        return fitted.error();
    if (const Result<void> saved = ModelFile::save(*generator, ProjectFile::resolve(projectPath, a.model)); !saved.ok())
        return saved.error();

    const qint64 rows = g.rows > 0 ? g.rows : split.training.rowCount();
    ScaledJob sampling(job, 0.75, 0.85);
    Result<Table> synthetic = ConstrainedSampler::sample(*generator, rows, g.seed, g.constraints, sampling);
    if (!synthetic.ok())
        return synthetic.error();
    if (const auto w = CsvWriter::write(synthetic.value(), ProjectFile::resolve(projectPath, a.syntheticTable), quiet); !w.ok())
        return w.error();

    EvaluationRequest request;
    request.real = &split.training;
    request.synthetic = &synthetic.value();
    request.holdout = &split.holdout;
    request.schema = schema;
    request.target = g.target;
    request.sensitiveColumns = g.sensitiveColumns;
    request.quasiIdentifiers = g.quasiIdentifiers;
    ScaledJob scoring(job, 0.85, 1.0);
    Result<QJsonObject> scores = Evaluation::run(request, scoring);
    if (!scores.ok())
        return scores.error();
    if (const Result<void> w = writeJson(scores.value(), ProjectFile::resolve(projectPath, a.scores)); !w.ok())
        return w.error();

    result.scores = scores.value();
    result.trainingRows = split.training.rowCount();
    result.syntheticRows = synthetic.value().rowCount();
    return result;
}

} // namespace core
