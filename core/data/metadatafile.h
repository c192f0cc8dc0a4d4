// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/diagnostics.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace core {

/// Reads and writes column metadata as JSON. Two dialects are read:
/// HealthSynth's own ({"formatVersion": 1, "columns": [{"name", "type", ...}]}) and SDV's
/// single-table metadata ({"columns": {"age": {"sdtype": "numerical"}}}, also inside
/// {"tables": {"name": {...}}}). Errors name the file and the key at fault.
class MetadataFile final {
    Q_DECLARE_TR_FUNCTIONS(core::MetadataFile)
public:
    /// Applies the file's entries over `inferred` (user overrides win); unknown columns are
    /// reported in `diagnostics`, unknown types are an error.
    static Result<Schema> apply(const QString &path, const Schema &inferred, Diagnostics &diagnostics);
    /// One column entry of HealthSynth's own dialect (also used inside project files).
    static QJsonObject columnToJson(const ColumnMeta &meta);
    /// The whole schema in HealthSynth's own dialect ({"formatVersion", "columns"}).
    static QJsonObject toJson(const Schema &schema);
    /// Writes HealthSynth's own dialect atomically.
    static Result<void> save(const Schema &schema, const QString &path);
    /// Writes a document made by toJson() (possibly with more keys) atomically.
    static Result<void> save(const QJsonObject &root, const QString &path);
};

} // namespace core
