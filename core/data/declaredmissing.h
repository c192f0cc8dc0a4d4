// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/diagnostics.h"

namespace core {

/// Reads the cells a column's ColumnMeta::missingValues name as missing: numbers equal to a listed
/// number, labels and texts equal to a listed text (surrounding whitespace ignored). A column whose
/// schema type is Numerical but which was stored as labels only because of such markers ("12",
/// "unknown", "7") becomes a Number column once they are gone. Each change is noted in
/// `diagnostics` (kind "declared_missing"). Columns the table does not have are skipped.
void applyDeclaredMissingValues(Table &table, const Schema &schema, Diagnostics &diagnostics);

} // namespace core
