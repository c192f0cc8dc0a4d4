// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QStringList>

namespace core {

/// The markers read as missing unless the user changes them.
QStringList defaultMissingMarkers(); // "", NA, N/A, NaN, null, NULL, None, ?

/// How to read a CSV file. Null QChar / Auto means "sniff it".
struct CsvOptions {
    enum class Header { Auto, Present, Absent };
    enum class Encoding { Auto, Utf8, Latin1 };
    enum class DateOrder { Auto, DayFirst, MonthFirst };

    QChar delimiter;           ///< ',', ';', '\t', '|'; null = sniff
    QChar decimalMark;         ///< '.' or ','; null = sniff
    Header header = Header::Auto;
    Encoding encoding = Encoding::Auto;
    DateOrder dateOrder = DateOrder::Auto;
    QStringList missingMarkers = defaultMissingMarkers();
    bool skipRaggedRows = false; ///< false: a row with the wrong field count is an error naming its line
    bool trimWhitespace = true;  ///< strip spaces and tabs around unquoted values
    qint64 maxRows = -1;         ///< stop after this many data rows (previews); -1 = all
    QStringList columnNames;     ///< names for a file without header (else column_1, column_2, ...)
};

/// What reading found besides the table.
struct CsvReadResult {
    Table table;
    Schema schema;             ///< inferred by inferSchema() unless read with a given schema
    Diagnostics diagnostics;   ///< trailing delimiters, renamed duplicate headers, ambiguous dates, ...
    QChar delimiter;
    QChar decimalMark;
    QString encoding;          ///< "UTF-8", "UTF-8 with BOM" or "Windows-1252"
    bool hasHeader = true;
    qint64 skippedRows = 0;    ///< ragged rows skipped at the user's request
};

/// Reads RFC 4180 CSV (quotes, embedded delimiters and newlines, doubled quotes, CRLF) into a
/// typed Table. Errors name the file, line and column. Thread-safe (no shared state).
class CsvReader final {
    Q_DECLARE_TR_FUNCTIONS(core::CsvReader)
public:
    /// Sniffs what options leave open, types every column, infers the schema.
    static Result<CsvReadResult> read(const QString &path, const CsvOptions &options, JobContext &job);
    /// Reads with the column types of `schema` (e.g. a synthetic file with the real table's types);
    /// a cell that does not fit its column's type is an error naming line and column.
    static Result<CsvReadResult> readAs(const QString &path, const Schema &schema, const CsvOptions &options,
                                        JobContext &job);
};

} // namespace core
