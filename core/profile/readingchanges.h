// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/csvreader.h"
#include "core/data/table.h"
#include "core/job.h"
#include "core/profile/profile.h"
#include "core/result.h"

#include <QList>
#include <QString>

namespace core {

/// A value the loader changed while reading a CSV file: written `raw` in the file and read as
/// `cleaned` (surrounding whitespace trimmed) or, when `readAsMissing`, as a missing cell because
/// `cleaned` is a declared missing marker ("\t?" -> "?" -> missing).
struct ChangedCell {
    QString raw;
    QString cleaned;
    qint64 count = 0; ///< cells written exactly as `raw`
    bool readAsMissing = false;

    bool padded() const { return raw.size() != cleaned.size(); }
};

/// What reading changed, per column of the loaded table (same order); only changed values are
/// listed, so the size is bounded by the distinct changed values, not the file.
struct ReadingChanges {
    QList<QList<ChangedCell>> columns;
    qint64 records = 0; ///< data records scanned (header excluded)
};

/// How the file was read: what CsvReader resolved (delimiter, encoding) and the options it was given.
struct CsvReadingInfo {
    QString path;
    CsvOptions options; ///< as given to CsvReader (trimWhitespace, missingMarkers, skipRaggedRows)
    QChar delimiter; ///< as resolved by the reader
    QString encoding; ///< as reported by the reader: "UTF-8", "UTF-8 with BOM", "Windows-1252"
};

/// Reads the file's cells once more as written, without building a table (the file is mapped and
/// walked record by record; memory is the changed values only), and lists the cells the reader
/// changed. `columns` and `rows` describe the table the reader produced, so that a header record is
/// recognised (records == rows + 1). Fails when the file cannot be opened or when cancelled.
Result<ReadingChanges> scanCsvReadingChanges(
    const CsvReadingInfo &info, int columns, qint64 rows, JobContext &job);

/// profileTable(), then, for a table CsvReader read from a file (`csv` not null), the scan above and
/// the alerts it calls for. The scan failing (the file changed or vanished) only leaves its alerts out.
Result<Profile> profileReadTable(const Table &table, const Schema &schema, const ProfileOptions &options,
    const CsvReadingInfo *csv, JobContext &job);

/// Adds what the cleaned table no longer shows: padded values ("whitespace", and
/// "inconsistent_spelling" for labels padded differently, e.g. "ckd\t" beside "ckd"), values read as
/// missing ("missing_marker", with a suggestion to declare them) and numbers the file stores as text
/// ("mixed_types"). Alerts the profile already raised for a column are merged, not repeated.
void addReadingChangeAlerts(Profile &profile, const Table &table, const ReadingChanges &changes);

} // namespace core
