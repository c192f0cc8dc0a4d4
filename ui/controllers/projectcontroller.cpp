// SPDX-License-Identifier: MIT
#include "ui/controllers/projectcontroller.h"

#include "core/data/csvwriter.h"
#include "core/data/declaredmissing.h"
#include "core/data/schemainference.h"
#include "core/pipeline/holdout.h"

#if __has_include("core/pipeline/builtingenerators.h")
#include "core/pipeline/builtingenerators.h"
#define HEALTHSYNTH_HAVE_BUILTIN_GENERATORS 1
#endif

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace ui {

namespace {

    core::Error ioError(const QString &message, const QString &detail = {})
    {
        return core::Error { core::Error::Code::Io, message, detail };
    }

    /// The inferred schema with the user's overrides (matched by column name) laid over it.
    core::Schema applyOverrides(const core::Schema &inferred, const QList<core::ColumnMeta> &overrides)
    {
        core::Schema schema = inferred;
        for (const core::ColumnMeta &o : overrides) {
            if (core::ColumnMeta *meta = schema.find(o.name))
                *meta = o;
        }
        return schema;
    }

    /// The schema of the synthetic table: the modelled columns minus the excluded ones, in order.
    core::Schema outputSchema(const core::Schema &schema)
    {
        core::Schema out;
        for (const core::ColumnMeta &m : schema.columns) {
            if (!m.excluded)
                out.columns.append(m);
        }
        return out;
    }

} // namespace

ProjectController::ProjectController(QObject *parent)
    : QObject(parent)
{
#ifdef HEALTHSYNTH_HAVE_BUILTIN_GENERATORS
    core::registerBuiltInGenerators(m_registry);
#endif
}

ProjectController::~ProjectController() = default;

QString ProjectController::displayName() const
{
    return m_projectPath.isEmpty() ? tr("Untitled") : QFileInfo(m_projectPath).completeBaseName();
}

core::Result<core::CsvReadResult> ProjectController::readCsv(const QString &path, const core::CsvOptions &options,
                                                            core::JobContext &job)
{
    core::CsvOptions full = options;
    full.maxRows = -1;
    return core::CsvReader::read(path, full, job);
}

void ProjectController::adoptCsv(const QString &path, const core::CsvOptions &options, core::CsvReadResult read)
{
    core::SourceSettings source;
    source.kind = core::SourceSettings::Kind::Csv;
    source.csvPath = QFileInfo(path).absoluteFilePath();
    source.csv = options;
    source.csv.maxRows = -1;
    m_csvDelimiter = read.delimiter;
    m_csvEncoding = read.encoding;
    setSourceTable(source, std::move(read.table), std::move(read.schema), std::move(read.diagnostics));
}

void ProjectController::setSourceTable(const core::SourceSettings &source, core::Table table, core::Schema schema,
                                       core::Diagnostics diagnostics)
{
    const bool sameColumns = table.columnNames() == m_real.columnNames();
    m_project.source = source;
    m_real = std::move(table);
    m_inferred = std::move(schema);
    m_diagnostics = std::move(diagnostics);
    if (!sameColumns) {
        m_project.metadataOverrides.clear();
        m_project.generation.target.clear();
        m_project.generation.constraints.clear();
        m_project.generation.sensitiveColumns.clear();
        m_project.generation.quasiIdentifiers.clear();
    }
    m_schema = applyOverrides(m_inferred, m_project.metadataOverrides);
    core::applyDeclaredMissingValues(m_real, m_schema, m_diagnostics);
    if (m_project.name.isEmpty() || !sameColumns)
        m_project.name = QFileInfo(source.csvPath).completeBaseName();
    clearResults();
    resplit();
    setModified(true);
    Q_EMIT sourceChanged();
    Q_EMIT schemaChanged();
}

QString ProjectController::sourceSummary() const
{
    if (!hasData())
        return tr("No data loaded");
    const QString name = m_project.source.kind == core::SourceSettings::Kind::Csv
        ? QFileInfo(m_project.source.csvPath).fileName()
        : (m_project.source.table.isEmpty() ? tr("SQL query on %1").arg(m_project.source.database)
                                            : m_project.source.database + u'/' + m_project.source.table);
    return tr("%1: %n row(s)", nullptr, int(m_real.rowCount())).arg(name) + QStringLiteral(", ")
        + tr("%n column(s)", nullptr, m_real.columnCount());
}

void ProjectController::setColumnType(int column, core::SemanticType type)
{
    Q_ASSERT(column >= 0 && column < m_schema.columns.size());
    core::ColumnMeta &meta = m_schema.columns[column];
    if (meta.type == type)
        return;
    meta.type = type;
    meta.userOverride = true;
    meta.confidence = 1.0;
    auto &overrides = m_project.metadataOverrides;
    overrides.erase(std::remove_if(overrides.begin(), overrides.end(),
                                   [&](const core::ColumnMeta &m) { return m.name == meta.name; }),
                    overrides.end());
    overrides.append(meta);
    setModified(true);
    Q_EMIT schemaChanged();
}

void ProjectController::setColumnExcluded(int column, bool excluded)
{
    Q_ASSERT(column >= 0 && column < m_schema.columns.size());
    core::ColumnMeta &meta = m_schema.columns[column];
    if (meta.excluded == excluded)
        return;
    meta.excluded = excluded;
    meta.userOverride = true;
    auto &overrides = m_project.metadataOverrides;
    overrides.erase(std::remove_if(overrides.begin(), overrides.end(),
                                   [&](const core::ColumnMeta &m) { return m.name == meta.name; }),
                    overrides.end());
    overrides.append(meta);
    setModified(true);
    Q_EMIT schemaChanged();
}

void ProjectController::recordOverride(const core::ColumnMeta &meta)
{
    auto &overrides = m_project.metadataOverrides;
    overrides.erase(std::remove_if(overrides.begin(), overrides.end(),
                                   [&](const core::ColumnMeta &m) { return m.name == meta.name; }),
                    overrides.end());
    overrides.append(meta);
}

bool ProjectController::acceptSuggestedAction(const core::SuggestedAction &action)
{
    const int column = m_schema.indexOf(action.column);
    if (column < 0 || !core::applyToSchema(action, m_schema))
        return false;
    const core::ColumnMeta &meta = m_schema.columns.at(column);
    recordOverride(meta);
    // A value declared missing changes the cells (and a column of numbers with a marker becomes
    // numbers once it is numerical too): what was trained or split on them is out of date.
    if (action.kind == core::SuggestedAction::Kind::DeclareMissingMarker
        || (action.kind == core::SuggestedAction::Kind::ChangeType && !meta.missingValues.isEmpty())) {
        core::Schema declared;
        declared.columns = { meta };
        core::applyDeclaredMissingValues(m_real, declared, m_diagnostics);
        clearResults();
        resplit();
        Q_EMIT sourceChanged();
    }
    setModified(true);
    Q_EMIT schemaChanged();
    return true;
}

void ProjectController::setGeneration(const core::GenerationSettings &settings)
{
    const bool splitChanged = settings.seed != m_project.generation.seed
        || settings.holdoutFraction != m_project.generation.holdoutFraction;
    m_project.generation = settings;
    if (splitChanged)
        resplit();
    setModified(true);
    Q_EMIT generationChanged();
}

void ProjectController::setModel(std::shared_ptr<core::Generator> model)
{
    m_model = std::move(model);
    setModified(true);
    Q_EMIT modelChanged();
}

void ProjectController::setSyntheticTable(core::Table table, core::QualityReport quality, QJsonObject scores)
{
    m_synthetic = std::move(table);
    m_quality = std::move(quality);
    m_scores = std::move(scores);
    setModified(true);
    Q_EMIT syntheticChanged();
}

void ProjectController::newProject()
{
    m_project = core::Project {};
    m_real = {};
    m_inferred = {};
    m_schema = {};
    m_diagnostics.clear();
    m_training = {};
    m_holdout = {};
    clearResults();
    m_projectPath.clear();
    Q_EMIT projectPathChanged(m_projectPath);
    Q_EMIT sourceChanged();
    Q_EMIT schemaChanged();
    Q_EMIT generationChanged();
    setModified(false);
}

core::Result<void> ProjectController::open(const QString &path, core::Diagnostics &warnings)
{
    auto loaded = core::ProjectFile::load(path, warnings);
    if (!loaded.ok())
        return loaded.error();
    core::Project project = std::move(loaded.value());
    if (project.source.kind != core::SourceSettings::Kind::Csv)
        return core::Error { core::Error::Code::InvalidInput,
                             tr("The project %1 reads from PostgreSQL; connect on the Source step and load the "
                                "table again.")
                                 .arg(QDir::toNativeSeparators(path)),
                             {} };
    const QString csvPath = core::ProjectFile::resolve(path, project.source.csvPath);
    core::SilentJob job;
    auto read = core::CsvReader::read(csvPath, project.source.csv, job);
    if (!read.ok())
        return read.error();

    // Everything needed is in hand before the current state is replaced.
    m_project = project;
    m_project.source.csvPath = csvPath;
    m_real = std::move(read.value().table);
    m_inferred = std::move(read.value().schema);
    m_diagnostics = std::move(read.value().diagnostics);
    m_csvDelimiter = read.value().delimiter;
    m_csvEncoding = read.value().encoding;
    m_schema = applyOverrides(m_inferred, m_project.metadataOverrides);
    core::applyDeclaredMissingValues(m_real, m_schema, m_diagnostics);
    clearResults();
    resplit();

    const core::ProjectArtifacts &a = m_project.artifacts;
    if (!a.model.isEmpty()) {
        QFile file(core::ProjectFile::resolve(path, a.model));
        std::shared_ptr<core::Generator> model = m_registry.create(m_project.generation.generatorId);
        if (!model) {
            warnings.append({ core::Diagnostic::Severity::Warning, QStringLiteral("unknown_generator"),
                              tr("The generator \"%1\" is not available in this version; train again.")
                                  .arg(m_project.generation.generatorId),
                              {}, -1 });
        } else if (!file.open(QIODevice::ReadOnly)) {
            warnings.append({ core::Diagnostic::Severity::Warning, QStringLiteral("model_missing"),
                              tr("The trained model %1 cannot be read; train again.")
                                  .arg(QDir::toNativeSeparators(file.fileName())),
                              {}, -1 });
        } else if (auto r = model->load(file); !r.ok()) {
            warnings.append({ core::Diagnostic::Severity::Warning, QStringLiteral("model_unreadable"),
                              r.error().message, {}, -1 });
        } else {
            m_model = std::move(model);
        }
    }
    if (!a.syntheticTable.isEmpty()) {
        const QString synPath = core::ProjectFile::resolve(path, a.syntheticTable);
        core::CsvOptions options;
        options.delimiter = u',';
        options.decimalMark = u'.';
        options.header = core::CsvOptions::Header::Present;
        options.encoding = core::CsvOptions::Encoding::Utf8;
        options.missingMarkers = QStringList { QString() };
        auto syn = core::CsvReader::readAs(synPath, outputSchema(m_schema), options, job);
        if (syn.ok()) {
            m_synthetic = std::move(syn.value().table);
            // Deterministic, so reopening shows the very scores that were saved.
            m_quality = core::computeQualityReport(m_training, m_synthetic, m_schema, core::QualityOptions::current());
        } else
            warnings.append({ core::Diagnostic::Severity::Warning, QStringLiteral("synthetic_unreadable"),
                              syn.error().message, {}, -1 });
    }
    if (!a.scores.isEmpty()) {
        QFile file(core::ProjectFile::resolve(path, a.scores));
        if (file.open(QIODevice::ReadOnly))
            m_scores = QJsonDocument::fromJson(file.readAll()).object();
    }
    m_projectPath = QFileInfo(path).absoluteFilePath();
    Q_EMIT projectPathChanged(m_projectPath);
    Q_EMIT sourceChanged();
    Q_EMIT schemaChanged();
    Q_EMIT generationChanged();
    Q_EMIT modelChanged();
    Q_EMIT syntheticChanged();
    setModified(false);
    return {};
}

core::Result<void> ProjectController::saveAs(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (auto r = core::ProjectFile::createFolders(absolute); !r.ok())
        return r;
    const QDir folder = QFileInfo(absolute).absoluteDir();
    core::Project project = m_project;
    if (project.name.isEmpty())
        project.name = QFileInfo(absolute).completeBaseName();
    core::SilentJob job;
    core::ProjectArtifacts &a = project.artifacts;
    a = {};

    // Raw data stays where it is, referenced; the stages the pipeline made go beside the project.
    if (project.source.kind == core::SourceSettings::Kind::Csv && !project.source.csvPath.isEmpty())
        project.source.csvPath = QFileInfo(project.source.csvPath).absoluteFilePath();
    if (hasData()) {
        a.processedTable = QStringLiteral("data/02_processed/training.csv");
        if (auto r = core::CsvWriter::write(m_training, folder.filePath(a.processedTable), job); !r.ok())
            return r;
        if (m_holdout.rowCount() > 0) {
            a.holdoutTable = QStringLiteral("data/03_validation/holdout.csv");
            if (auto r = core::CsvWriter::write(m_holdout, folder.filePath(a.holdoutTable), job); !r.ok())
                return r;
        }
    }
    if (m_model) {
        a.model = QStringLiteral("models/%1.hsmodel").arg(m_model->id());
        QSaveFile file(folder.filePath(a.model));
        if (!file.open(QIODevice::WriteOnly))
            return ioError(tr("Cannot write the model to %1.").arg(QDir::toNativeSeparators(file.fileName())),
                           file.errorString());
        if (auto r = m_model->save(file); !r.ok())
            return r;
        if (!file.commit())
            return ioError(tr("Cannot write the model to %1.").arg(QDir::toNativeSeparators(file.fileName())),
                           file.errorString());
    }
    if (hasSynthetic()) {
        a.syntheticTable = QStringLiteral("data/04_synthetic/%1_seed%2.csv")
                               .arg(project.generation.generatorId)
                               .arg(project.generation.seed);
        if (auto r = core::CsvWriter::write(m_synthetic, folder.filePath(a.syntheticTable), job); !r.ok())
            return r;
    }
    if (!m_scores.isEmpty()) {
        a.scores = QStringLiteral("reports/scores.json");
        QSaveFile file(folder.filePath(a.scores));
        if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(m_scores).toJson()) < 0 || !file.commit())
            return ioError(tr("Cannot write the scores to %1.").arg(QDir::toNativeSeparators(file.fileName())),
                           file.errorString());
    }
    if (auto r = core::ProjectFile::save(project, absolute); !r.ok())
        return r;
    m_project = project;
    if (m_projectPath != absolute) {
        m_projectPath = absolute;
        Q_EMIT projectPathChanged(m_projectPath);
    }
    setModified(false);
    return {};
}

void ProjectController::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void ProjectController::resplit()
{
    if (!hasData()) {
        m_training = {};
        m_holdout = {};
        return;
    }
    core::HoldoutSplit split
        = core::splitHoldout(m_real, m_project.generation.holdoutFraction, m_project.generation.seed);
    m_training = std::move(split.training);
    m_holdout = std::move(split.holdout);
}

void ProjectController::clearResults()
{
    const bool hadModel = m_model != nullptr;
    const bool hadSynthetic = hasSynthetic();
    m_model.reset();
    m_synthetic = {};
    m_quality = {};
    m_scores = {};
    if (hadModel)
        Q_EMIT modelChanged();
    if (hadSynthetic)
        Q_EMIT syntheticChanged();
}

} // namespace ui
