// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"
#include "core/evaluation/quality/qualityreport.h"
#include "core/generators/generator.h"
#include "core/generators/generatorregistry.h"
#include "core/profile/profile.h"
#include "core/project/project.h"
#include "core/result.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <memory>

namespace ui {

/// The project being edited: the saved settings (core::Project) plus what the session holds in
/// memory (the real table, its schema, the trained model, the synthetic table). Every wizard
/// page reads and edits the project through this class, so saving works at any step.
/// GUI thread only; workers get copies of what they need.
class ProjectController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectController)
public:
    explicit ProjectController(QObject *parent = nullptr);
    ~ProjectController() override;

    const core::GeneratorRegistry &registry() const { return m_registry; }

    // --- Project settings -------------------------------------------------------------
    const core::Project &project() const { return m_project; }
    const QString &projectPath() const { return m_projectPath; }
    bool isModified() const { return m_modified; }
    /// Display name for the title bar: the file's base name, or "Untitled".
    QString displayName() const;

    // --- Source ------------------------------------------------------------------------
    /// Reads the whole CSV with `options` and infers its schema; touches no state, so it runs
    /// on a worker thread.
    static core::Result<core::CsvReadResult> readCsv(const QString &path, const core::CsvOptions &options,
                                                     core::JobContext &job);
    /// Makes a table that readCsv() returned the project's source.
    void adoptCsv(const QString &path, const core::CsvOptions &options, core::CsvReadResult read);
    /// Adopts a table read elsewhere (PostgreSQL, tests) as the source.
    void setSourceTable(const core::SourceSettings &source, core::Table table, core::Schema schema,
                        core::Diagnostics diagnostics);
    bool hasData() const { return m_real.columnCount() > 0; }
    const core::Table &realTable() const { return m_real; }
    const core::Diagnostics &loadDiagnostics() const { return m_diagnostics; }
    /// The CSV source's delimiter and encoding as the reader resolved them (null / empty for
    /// PostgreSQL), so the profile can read the file's cells as written.
    QChar csvDelimiter() const { return m_csvDelimiter; }
    const QString &csvEncoding() const { return m_csvEncoding; }
    /// One line: "heart_failure.csv: 299 rows, 13 columns".
    QString sourceSummary() const;

    // --- Schema ------------------------------------------------------------------------
    /// The inferred schema with the user's overrides applied.
    const core::Schema &schema() const { return m_schema; }
    const core::Schema &inferredSchema() const { return m_inferred; }
    void setColumnType(int column, core::SemanticType type);
    void setColumnExcluded(int column, bool excluded);
    /// Applies a suggestion the user accepted on the Profile step (core::applyToSchema) and
    /// records the column in the project's metadata. A value declared missing is also read as
    /// missing in the loaded table (sourceChanged() follows). Returns false when nothing changed.
    bool acceptSuggestedAction(const core::SuggestedAction &action);

    // --- Generation settings -------------------------------------------------------------
    const core::GenerationSettings &generation() const { return m_project.generation; }
    void setGeneration(const core::GenerationSettings &settings);

    // --- Results -------------------------------------------------------------------------
    std::shared_ptr<core::Generator> model() const { return m_model; }
    void setModel(std::shared_ptr<core::Generator> model);
    const core::Table &syntheticTable() const { return m_synthetic; }
    bool hasSynthetic() const { return m_synthetic.columnCount() > 0; }
    /// Adopts generated rows with their scores (quality report and the evaluation JSON).
    void setSyntheticTable(core::Table table, core::QualityReport quality = {}, QJsonObject scores = {});
    const core::QualityReport &quality() const { return m_quality; }
    /// The JSON `healthsynth-cli evaluate` writes: utility, privacy, detection when available.
    const QJsonObject &scores() const { return m_scores; }
    /// The real rows the generator learns from / the rows kept aside (split by the project's seed).
    const core::Table &trainingTable() const { return m_training; }
    const core::Table &holdoutTable() const { return m_holdout; }

    // --- Files ---------------------------------------------------------------------------
    void newProject();
    /// Loads the project, re-reads its source, the saved model and synthetic table.
    core::Result<void> open(const QString &path, core::Diagnostics &warnings);
    /// Saves settings, model and synthetic table into the project folder layout.
    core::Result<void> saveAs(const QString &path);

Q_SIGNALS:
    void sourceChanged();
    void schemaChanged();
    void generationChanged();
    void modelChanged();
    void syntheticChanged();
    void modifiedChanged(bool modified);
    void projectPathChanged(const QString &path);

private:
    void setModified(bool modified);
    void recordOverride(const core::ColumnMeta &meta);
    void resplit();
    void clearResults();

    core::GeneratorRegistry m_registry;
    core::Project m_project;
    QString m_projectPath;
    bool m_modified = false;
    core::Table m_real;
    core::Schema m_inferred;
    core::Schema m_schema;
    core::Diagnostics m_diagnostics;
    QChar m_csvDelimiter;
    QString m_csvEncoding;
    core::Table m_training;
    core::Table m_holdout;
    std::shared_ptr<core::Generator> m_model;
    core::Table m_synthetic;
    core::QualityReport m_quality;
    QJsonObject m_scores;
};

} // namespace ui
