// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/postgresconnection.h"
#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>
#include <optional>

namespace core {

/// What to do when the target table exists.
enum class ExportMode {
    Create, ///< fail if the table exists
    Replace, ///< drop and recreate it (in the same transaction as the load)
    Append, ///< add rows; the table's columns must be compatible, else fail naming the column
};
/// "create", "replace", "append".
QString exportModeKey(ExportMode mode);
/// Inverse of exportModeKey; nullopt for anything else.
std::optional<ExportMode> exportModeFromKey(const QString &key);

/// A PostgreSQL table to write. Identifiers are used verbatim (quoted), so "Patients" and
/// "patients" are different tables. The password travels in connection.password only.
struct PostgresTarget {
    PostgresConnectionInfo connection;
    QString schema = QStringLiteral("public");
    QString table;

    /// "schema"."table", quoted.
    QString qualifiedName() const;
    /// Parses "schema.table" or "table" (schema public); quoted parts ("My Schema"."T.1") allowed.
    static std::optional<std::pair<QString, QString>> splitName(const QString &name);
};

struct PostgresExportResult {
    qint64 rows = 0;
    bool created = false; ///< the table was created (Create / Replace, or Append to a missing table)
    QStringList columnTypes; ///< SQL type of each exported column, in order
};

/// The SQL type a column is written as: integer or bigint (by range) when the column or its
/// metadata (meta->integer) says whole numbers and every value is whole, else double
/// precision; boolean; date (whole days) or timestamp; text (categories, text).
QString postgresTypeFor(const Column &column, const ColumnMeta *meta = nullptr);

/// Writes a table to PostgreSQL with COPY ... FROM STDIN (binary format; text format when
/// appending to columns of other but compatible types) through libpq on the Qt
/// connection's native handle, inside one transaction: the table is created/replaced/appended
/// and the rows loaded all together, or, on any error, cancel or lost connection, not at all.
/// Columns the schema marks excluded are not written. Types follow postgresTypeFor(); booleans
/// are written true/false whatever their spelling, datetimes in ISO form.
/// Errors name host, database, table (and column for an incompatible Append) and carry the SQL
/// state in detail; never the password. Call from one thread.
Result<PostgresExportResult> exportToPostgres(
    const Table &table, const Schema &schema, const PostgresTarget &target, ExportMode mode, JobContext &job);

} // namespace core
