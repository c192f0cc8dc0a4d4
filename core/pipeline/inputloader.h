// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/csvreader.h"
#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>

namespace core {

/// Where a job's real table comes from: a CSV path, or a postgresql:// URI with a table or query.
struct InputSpec {
    QString location;     ///< file path or postgresql:// URI
    QString table;        ///< PostgreSQL "schema.name"
    QString query;        ///< PostgreSQL SELECT
    CsvOptions csv;
    QString metadataPath; ///< optional metadata JSON (HealthSynth or SDV dialect) applied over inference
    QList<ColumnMeta> overrides; ///< the user's changes (e.g. from a project), applied last

    bool isPostgres() const { return location.startsWith(QStringLiteral("postgresql://"))
                                     || location.startsWith(QStringLiteral("postgres://")); }
};

/// A loaded real table with its final schema and everything noticed on the way.
struct LoadedInput {
    Table table;
    Schema schema;
    Diagnostics diagnostics;
    QString encoding;  ///< CSV only: "UTF-8", "UTF-8 with BOM", "Windows-1252"
    QChar delimiter;   ///< CSV only
    QChar decimalMark; ///< CSV only
    QString description; ///< "heart.csv (303 rows, 14 columns)" for logs and reports; never a row
};

/// Loads, infers the schema, applies the metadata file and overrides, then reads the cells each
/// column declares missing (ColumnMeta::missingValues) as missing. Errors name the file,
/// line, column or metadata key at fault.
class InputLoader final {
    Q_DECLARE_TR_FUNCTIONS(core::InputLoader)
public:
    static Result<LoadedInput> load(const InputSpec &spec, JobContext &job);
    /// Applies user overrides (type, exclusion, integer, decimals, format) over `schema`.
    /// Unknown column names are reported in `diagnostics`.
    static void applyOverrides(Schema &schema, const QList<ColumnMeta> &overrides, Diagnostics &diagnostics);
};

} // namespace core
