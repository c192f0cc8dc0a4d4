// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/postgresconnection.h"
#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace core {

/// A table or view visible to the connected user.
struct PostgresTableRef {
    QString schema;
    QString name;
    bool isView = false;
    qint64 estimatedRows = -1; ///< pg_class.reltuples; -1 when never analysed
};

/// What loading found besides the table (mirrors CsvReadResult).
struct PostgresLoadResult {
    Table table;
    Schema schema; ///< from inferSchema()
    Diagnostics diagnostics; ///< unsupported types read as text, infinite dates, ...
    QString source; ///< "postgresql://user@host:port/db" + " table s.t" or " query"
};

/// Reads PostgreSQL tables and queries into a typed Table through Qt Sql's QPSQL driver.
///
/// Types: int2/int4/int8 -> Number (integer); numeric -> Number (integer when its scale is 0 or,
/// unconstrained, when every value is whole; decimals = declared scale); float4/float8 -> Number;
/// bool -> Boolean labelled {"false","true"}; date -> DateTime "%Y-%m-%d"; timestamp and
/// timestamptz (read in UTC) -> DateTime "%Y-%m-%d %H:%M:%S" (+".%f" when fractions occur);
/// enum -> Category with labels in the enum's order; text/varchar/char/others -> Category, or
/// Text once a column has many distinct values. Rows arrive through a server-side cursor,
/// 10,000 at a time, so the result set is never held twice in memory.
/// Use from one thread; each call opens its own connection.
class PostgresSource final {
    Q_DECLARE_TR_FUNCTIONS(core::PostgresSource)
public:
    explicit PostgresSource(PostgresConnectionInfo info);

    /// Schemas the user can see, without pg_catalog, information_schema and pg_toast.
    Result<QStringList> schemas() const;
    /// Tables and views of one schema, or of all user schemas when `schema` is empty.
    Result<QList<PostgresTableRef>> tables(const QString &schema = {}) const;

    /// Loads a whole table (or view); maxRows >= 0 limits rows (previews). Cancelling through
    /// `job` returns Error::Code::Cancelled. Errors name host, database, table and SQL state.
    Result<PostgresLoadResult> loadTable(
        const QString &schema, const QString &table, JobContext &job, qint64 maxRows = -1) const;
    /// Loads the rows of a SELECT (or any statement a cursor can be declared for).
    Result<PostgresLoadResult> loadQuery(const QString &sql, JobContext &job, qint64 maxRows = -1) const;

    /// Rows per FETCH from the server-side cursor.
    static constexpr int kFetchRows = 10000;

private:
    Result<PostgresLoadResult> load(const QString &sql, const QString &what, const QString &relation,
        JobContext &job, qint64 maxRows) const;
    PostgresConnectionInfo m_info;
};

} // namespace core
