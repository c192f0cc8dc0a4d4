// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"

namespace core {

/// Decides each column's semantic type from its stored values (used for CSV and PostgreSQL):
/// unique integers or strings with an ID-like name or pattern become Id, leading-zero codes
/// and zip codes stay Id/Categorical text, e-mails / phones / SSNs become Pii, numbers with
/// few distinct values used as codes may become Categorical, booleans stay Boolean.
/// Sets confidence and adds a Diagnostic for each uncertain decision.
Schema inferSchema(const Table &table, Diagnostics &diagnostics);

} // namespace core
