// SPDX-License-Identifier: MIT
#include "core/pipeline/inputloader.h"

#include "core/data/declaredmissing.h"
#include "core/data/metadatafile.h"
#include "core/data/postgressource.h"

#include <QFileInfo>

namespace core {

namespace {

// "schema.name" or just "name" (then in the public schema).
Result<PostgresLoadResult> loadNamedTable(const PostgresSource &source, const QString &qualified, JobContext &job)
{
    const qsizetype dot = qualified.indexOf(u'.');
    if (dot < 0)
        return source.loadTable(QStringLiteral("public"), qualified, job);
    return source.loadTable(qualified.left(dot), qualified.mid(dot + 1), job);
}

} // namespace

Result<LoadedInput> InputLoader::load(const InputSpec &spec, JobContext &job)
{
    LoadedInput loaded;
    if (spec.isPostgres()) {
        Result<PostgresConnectionInfo> info = PostgresConnectionInfo::fromUri(spec.location);
        if (!info.ok())
            return info.error();
        const PostgresSource source(info.value());
        Result<PostgresLoadResult> read = spec.query.isEmpty() ? loadNamedTable(source, spec.table, job)
                                                               : source.loadQuery(spec.query, job);
        if (!read.ok())
            return read.error();
        loaded.table = std::move(read.value().table);
        loaded.schema = std::move(read.value().schema);
        loaded.diagnostics = std::move(read.value().diagnostics);
        loaded.description = read.value().source;
    } else {
        Result<CsvReadResult> read = CsvReader::read(spec.location, spec.csv, job);
        if (!read.ok())
            return read.error();
        loaded.table = std::move(read.value().table);
        loaded.schema = std::move(read.value().schema);
        loaded.diagnostics = std::move(read.value().diagnostics);
        loaded.encoding = read.value().encoding;
        loaded.delimiter = read.value().delimiter;
        loaded.decimalMark = read.value().decimalMark;
        loaded.description = QFileInfo(spec.location).fileName();
    }
    if (!spec.metadataPath.isEmpty()) {
        Result<Schema> applied = MetadataFile::apply(spec.metadataPath, loaded.schema, loaded.diagnostics);
        if (!applied.ok())
            return applied.error();
        loaded.schema = std::move(applied).value();
    }
    applyOverrides(loaded.schema, spec.overrides, loaded.diagnostics);
    applyDeclaredMissingValues(loaded.table, loaded.schema, loaded.diagnostics);
    loaded.description += tr(" (%1 rows, %2 columns)").arg(loaded.table.rowCount()).arg(loaded.table.columnCount());
    return loaded;
}

void InputLoader::applyOverrides(Schema &schema, const QList<ColumnMeta> &overrides, Diagnostics &diagnostics)
{
    for (const ColumnMeta &override : overrides) {
        ColumnMeta *meta = schema.find(override.name);
        if (!meta) {
            diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("unknown_override"),
                                 tr("The saved setting for column \"%1\" was ignored: the table has no such column.")
                                     .arg(override.name),
                                 override.name, -1 });
            continue;
        }
        *meta = override;
        meta->userOverride = true;
        meta->confidence = 1.0;
    }
}

} // namespace core
