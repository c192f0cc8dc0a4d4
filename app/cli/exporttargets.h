// SPDX-License-Identifier: MIT
#pragma once

#include "clijob.h"

#include "core/data/schema.h"
#include "core/data/table.h"

#include <QCommandLineParser>

namespace cli {

/// Adds --to, --table-name... the options that describe where a synthetic table goes:
/// `--to postgresql://... --target-table s.t --mode M` or `--to s3://bucket/prefix --endpoint URL
/// --region R --report PDF`. Used by export, generate and run.
void addExportOptions(QCommandLineParser &parser, const QString &tableOption);

/// Sends `table` (already written to `csvPath`) to the --to target, if one was given.
/// Returns an exit code; kOk when there was nothing to do.
int exportToTarget(const QCommandLineParser &parser, const QString &tableOption, const core::Table &table,
                   const core::Schema &schema, const QString &csvPath, const QString &generatorId, CliJob &job);

} // namespace cli
