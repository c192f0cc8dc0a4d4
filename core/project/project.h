// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/csvreader.h"
#include "core/data/schema.h"
#include "core/diagnostics.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QVariantMap>

namespace core {

/// Where the real data comes from. Never holds a password: it is asked for, or read from
/// the keychain or PGPASSWORD, whenever the source is opened.
struct SourceSettings {
    enum class Kind { Csv, PostgreSql };
    Kind kind = Kind::Csv;
    QString csvPath;      ///< absolute, or relative to the project file's folder
    CsvOptions csv;       ///< parse options the user chose
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode;      ///< libpq sslmode: disable, prefer, require, verify-full, ...
    QString table;        ///< "schema.name", or empty when `query` is used
    QString query;        ///< a SELECT, or empty
    bool embedCopy = false; ///< opt-in: keep a copy of the raw data in data/01_raw/
};

/// A rule every synthetic row must satisfy; rows that break it are redrawn.
struct Constraint {
    enum class Kind { Range, LessOrEqual };
    Kind kind = Kind::Range;
    QString column;
    QString otherColumn; ///< LessOrEqual: column <= otherColumn
    double minimum = 0;  ///< Range: inclusive bounds in the column's units (seconds for datetimes)
    double maximum = 0;
};

/// What to train and generate.
struct GenerationSettings {
    QString generatorId = QStringLiteral("gaussian_copula");
    QVariantMap generatorSettings;
    qint64 rows = 0;              ///< rows to generate; 0 = as many as the training table
    quint64 seed = 0;
    double holdoutFraction = 0.2; ///< share of real rows kept aside for evaluation
    QString target;               ///< prediction target for the utility score; empty = none
    QStringList sensitiveColumns; ///< for attribute-inference risk
    QStringList quasiIdentifiers; ///< for k-anonymity
    QList<Constraint> constraints;
};

/// Files the pipeline produced, relative to the project folder (empty when not produced yet).
struct ProjectArtifacts {
    QString processedTable; ///< data/02_processed/training.csv
    QString holdoutTable;   ///< data/03_validation/holdout.csv
    QString model;          ///< models/<generator>.hsmodel
    QString syntheticTable; ///< data/04_synthetic/<name>.csv
    QString scores;         ///< reports/scores.json
    QString report;         ///< reports/report.pdf
};

/// A HealthSynth project: everything needed to reproduce a run, saved as versioned JSON
/// (*.hsproj). Real rows are never embedded; data is referenced by path.
struct Project {
    static constexpr int kFormatVersion = 1;

    QString name;
    SourceSettings source;
    QList<ColumnMeta> metadataOverrides; ///< the user's changes over the inferred schema
    GenerationSettings generation;
    ProjectArtifacts artifacts;
};

/// Reads and writes *.hsproj files. Older format versions load; newer ones are refused with a
/// message; unknown keys become warnings. Saving is atomic (QSaveFile): a failure keeps the old file.
class ProjectFile final {
    Q_DECLARE_TR_FUNCTIONS(core::ProjectFile)
public:
    static Result<Project> load(const QString &path, Diagnostics &warnings);
    static Result<void> save(const Project &project, const QString &path);

    /// Creates data/01_raw, 02_processed, 03_validation, 04_synthetic, models, reports/figures
    /// beside the project file.
    static Result<void> createFolders(const QString &projectPath);
    /// `relative` resolved against the project file's folder (returned unchanged when absolute).
    static QString resolve(const QString &projectPath, const QString &relative);
};

} // namespace core

Q_DECLARE_METATYPE(core::Project)
