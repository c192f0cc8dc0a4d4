// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/table.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>

namespace core {

/// Writes a Table as RFC 4180 CSV (UTF-8, comma, header, LF): integers without ".0",
/// datetimes in their source format, booleans in their own spelling, missing as empty.
/// All-or-nothing: writes through QSaveFile, so a failure or cancel leaves no partial file.
class CsvWriter final {
    Q_DECLARE_TR_FUNCTIONS(core::CsvWriter)
public:
    static Result<void> write(const Table &table, const QString &path, JobContext &job);
};

} // namespace core
