// SPDX-License-Identifier: MIT
#include "core/data/metadatafile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cmath>

namespace core {

// HealthSynth metadata file, format version 1 (what MetadataFile::save writes):
//
//   {
//     "formatVersion": 1,
//     "columns": [
//       { "name": "age",        "type": "numerical", "integer": true },
//       { "name": "bmi",        "type": "numerical", "decimals": 1 },
//       { "name": "smoker",     "type": "boolean" },
//       { "name": "admit_date", "type": "datetime", "dateFormat": "%Y-%m-%d" },
//       { "name": "patient_id", "type": "id", "pattern": "P-[0-9]{6}" },
//       { "name": "email",      "type": "pii", "piiKind": "email" },
//       { "name": "notes",      "type": "text", "excluded": true },
//       { "name": "pcv",        "type": "numerical", "missingValues": ["?"] }
//     ]
//   }
//
// "type" is one of numerical, categorical, boolean, datetime, id, pii, text (SDV's PII sdtypes such
// as "email" or "phone_number" are accepted and mean pii of that kind; CTGAN's "continuous",
// "ordinal" and "discrete" mean numerical, categorical, categorical). Every key but "name" and
// "type" is optional and, when absent, keeps what was inferred. "missingValues" lists the cells of
// that column read as missing ("?", or a code such as -9, as text or number). Columns are matched by name;
// names the data does not have are reported and ignored. The same array form without
// "formatVersion" is CTGAN's metadata ({"columns": [{"name": "age", "type": "continuous"}]}).
//
// SDV single-table metadata is read too:
//   { "columns": { "age": { "sdtype": "numerical", "computer_representation": "Int64" },
//                  "visit": { "sdtype": "datetime", "datetime_format": "%Y-%m-%d" },
//                  "mrn": { "sdtype": "id", "regex_format": "[0-9]{8}" } },
//     "primary_key": "mrn" }
// alone or as one table inside { "tables": { "patients": { ... } } } (SDV's multi-table form;
// the first table is used and the choice is reported when there are several).

namespace {

constexpr int kFormatVersion = 1;
constexpr int kMaxDecimals = 17; // a double carries at most 17 significant decimal digits

std::optional<SemanticType> typeFromKey(const QString &key, QString &piiKind)
{
    const QString lower = key.trimmed().toLower();
    if (lower == QLatin1StringView("continuous"))
        return SemanticType::Numerical;
    if (lower == QLatin1StringView("ordinal") || lower == QLatin1StringView("discrete"))
        return SemanticType::Categorical;
    const std::optional<SemanticType> type = semanticTypeFromKey(lower);
    if (type == SemanticType::Pii && lower != QLatin1StringView("pii"))
        piiKind = lower == QLatin1StringView("postcode") || lower == QLatin1StringView("zipcode")
            ? QStringLiteral("postal_code")
            : lower;
    return type;
}

struct Entry {
    QString name;
    SemanticType type = SemanticType::Numerical;
    QJsonObject object;
    QString piiKind;
};

} // namespace

Result<Schema> MetadataFile::apply(const QString &path, const Schema &inferred, Diagnostics &diagnostics)
{
    const QString file = QDir::toNativeSeparators(path);
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, tr("Cannot open metadata file %1.").arg(file), in.errorString() };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(in.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { Error::Code::InvalidInput,
                       tr("Metadata file %1 is not valid JSON (at byte %2: %3).")
                           .arg(file)
                           .arg(parseError.offset)
                           .arg(parseError.errorString()),
                       path };
    if (!document.isObject())
        return Error { Error::Code::InvalidInput, tr("Metadata file %1 must hold a JSON object.").arg(file), path };
    QJsonObject root = document.object();
    if (root.value(QStringLiteral("formatVersion")).toDouble(kFormatVersion) > kFormatVersion)
        return Error { Error::Code::InvalidInput,
                       tr("Metadata file %1 has format version %2; this HealthSynth reads up to version %3.")
                           .arg(file)
                           .arg(root.value(QStringLiteral("formatVersion")).toVariant().toString())
                           .arg(kFormatVersion),
                       path };
    if (root.value(QStringLiteral("tables")).isObject()) {
        const QJsonObject tables = root.value(QStringLiteral("tables")).toObject();
        if (tables.isEmpty())
            return Error { Error::Code::InvalidInput, tr("Metadata file %1 has an empty \"tables\" object.").arg(file),
                           path };
        const QString chosen = tables.keys().first();
        if (tables.size() > 1)
            diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("metadata_tables"),
                                 tr("Metadata file %1 describes %2 tables; table %3 is used.")
                                     .arg(file)
                                     .arg(tables.size())
                                     .arg(chosen),
                                 {}, -1 });
        root = tables.value(chosen).toObject();
    }

    const QJsonValue columns = root.value(QStringLiteral("columns"));
    QList<Entry> entries;
    if (columns.isObject()) {
        // SDV: {"columns": {"name": {"sdtype": ...}}}
        const QJsonObject object = columns.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            Entry entry;
            entry.name = it.key();
            entry.object = it.value().toObject();
            const QString sdtype = entry.object.value(QStringLiteral("sdtype")).toString();
            const std::optional<SemanticType> type = typeFromKey(sdtype, entry.piiKind);
            if (!type)
                return Error { Error::Code::InvalidInput,
                               tr("Metadata file %1: column %2 has the unknown sdtype \"%3\".")
                                   .arg(file, entry.name, sdtype),
                               path };
            entry.type = *type;
            if (entry.object.value(QStringLiteral("pii")).toBool() && entry.type != SemanticType::Id)
                entry.type = SemanticType::Pii;
            entries.append(entry);
        }
        const QString primaryKey = root.value(QStringLiteral("primary_key")).toString();
        for (Entry &entry : entries) {
            if (!primaryKey.isEmpty() && entry.name == primaryKey)
                entry.type = SemanticType::Id;
        }
    } else if (columns.isArray()) {
        // HealthSynth's own dialect, or CTGAN's.
        const QJsonArray array = columns.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            Entry entry;
            entry.object = array.at(i).toObject();
            entry.name = entry.object.value(QStringLiteral("name")).toString();
            if (entry.name.isEmpty())
                return Error { Error::Code::InvalidInput,
                               tr("Metadata file %1: entry %2 of \"columns\" has no \"name\".").arg(file).arg(i + 1),
                               path };
            QJsonValue given = entry.object.value(QStringLiteral("type"));
            if (given.isUndefined())
                given = entry.object.value(QStringLiteral("sdtype"));
            // A number or list where the type belongs is shown as written.
            const QString key = given.isString() ? given.toString() : given.toVariant().toString();
            const std::optional<SemanticType> type = given.isString() ? typeFromKey(key, entry.piiKind) : std::nullopt;
            if (!type)
                return Error { Error::Code::InvalidInput,
                               tr("Metadata file %1: column %2 has the unknown type \"%3\".").arg(file, entry.name, key),
                               path };
            entry.type = *type;
            entries.append(entry);
        }
    } else {
        return Error { Error::Code::InvalidInput,
                       tr("Metadata file %1 has no \"columns\" (an object as in SDV, or a list).").arg(file), path };
    }

    Schema schema = inferred;
    for (const Entry &entry : entries) {
        ColumnMeta *meta = schema.find(entry.name);
        if (!meta) {
            diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("metadata_unknown_column"),
                                 tr("Metadata file %1 names column %2, which the data does not have; it is ignored.")
                                     .arg(file, entry.name),
                                 entry.name, -1 });
            continue;
        }
        const QJsonObject &o = entry.object;
        meta->type = entry.type;
        meta->confidence = 1.0;
        meta->userOverride = true;
        if (!entry.piiKind.isEmpty())
            meta->piiKind = entry.piiKind;
        if (o.contains(QStringLiteral("piiKind")))
            meta->piiKind = o.value(QStringLiteral("piiKind")).toString();
        if (o.contains(QStringLiteral("excluded")))
            meta->excluded = o.value(QStringLiteral("excluded")).toBool();
        if (o.contains(QStringLiteral("integer")))
            meta->integer = o.value(QStringLiteral("integer")).toBool();
        if (o.contains(QStringLiteral("decimals"))) {
            const double decimals = o.value(QStringLiteral("decimals")).toDouble(std::nan(""));
            if (!(decimals >= -1 && decimals <= kMaxDecimals) || decimals != std::floor(decimals))
                return Error { Error::Code::InvalidInput,
                               tr("Metadata file %1: column %2 has decimals %3; use a whole number from 0 to %4, "
                                  "or -1 for full precision.")
                                   .arg(file, entry.name, o.value(QStringLiteral("decimals")).toVariant().toString())
                                   .arg(kMaxDecimals),
                               path };
            meta->decimals = int(decimals);
        }
        if (o.contains(QStringLiteral("dateFormat")))
            meta->dateFormat = o.value(QStringLiteral("dateFormat")).toString();
        if (o.contains(QStringLiteral("datetime_format")))
            meta->dateFormat = o.value(QStringLiteral("datetime_format")).toString();
        if (o.contains(QStringLiteral("pattern")))
            meta->pattern = o.value(QStringLiteral("pattern")).toString();
        if (o.contains(QStringLiteral("regex_format")))
            meta->pattern = o.value(QStringLiteral("regex_format")).toString();
        if (o.contains(QStringLiteral("missingValues"))) {
            const QJsonValue values = o.value(QStringLiteral("missingValues"));
            if (!values.isArray())
                return Error { Error::Code::InvalidInput,
                               tr("Metadata file %1: column %2 has \"missingValues\" that is not a list.")
                                   .arg(file, entry.name),
                               path };
            meta->missingValues.clear();
            for (const QJsonValue &value : values.toArray()) {
                // Numbers are allowed for codes such as -9; they mean the number, whatever its spelling.
                const QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 17) : value.toString();
                if (!value.isString() && !value.isDouble())
                    return Error { Error::Code::InvalidInput,
                                   tr("Metadata file %1: column %2 lists a missing value that is neither text nor "
                                      "a number.")
                                       .arg(file, entry.name),
                                   path };
                if (!meta->missingValues.contains(text))
                    meta->missingValues.append(text);
            }
        }
        const QString representation = o.value(QStringLiteral("computer_representation")).toString();
        if (!representation.isEmpty()) {
            const bool whole = representation.startsWith(QLatin1StringView("Int"), Qt::CaseInsensitive)
                || representation.startsWith(QLatin1StringView("UInt"), Qt::CaseInsensitive);
            meta->integer = whole;
            if (whole)
                meta->decimals = 0;
        }
        if (meta->type == SemanticType::DateTime && meta->dateFormat.isEmpty())
            meta->dateFormat = QStringLiteral("%Y-%m-%d");
    }
    return schema;
}

QJsonObject MetadataFile::columnToJson(const ColumnMeta &meta)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), meta.name);
    o.insert(QStringLiteral("type"), semanticTypeKey(meta.type));
    if (meta.excluded)
        o.insert(QStringLiteral("excluded"), true);
    o.insert(QStringLiteral("integer"), meta.integer);
    if (meta.decimals >= 0)
        o.insert(QStringLiteral("decimals"), meta.decimals);
    if (!meta.dateFormat.isEmpty())
        o.insert(QStringLiteral("dateFormat"), meta.dateFormat);
    if (!meta.piiKind.isEmpty())
        o.insert(QStringLiteral("piiKind"), meta.piiKind);
    if (!meta.pattern.isEmpty())
        o.insert(QStringLiteral("pattern"), meta.pattern);
    if (!meta.missingValues.isEmpty())
        o.insert(QStringLiteral("missingValues"), QJsonArray::fromStringList(meta.missingValues));
    return o;
}

QJsonObject MetadataFile::toJson(const Schema &schema)
{
    QJsonArray columns;
    for (const ColumnMeta &meta : schema.columns)
        columns.append(columnToJson(meta));
    QJsonObject root;
    root.insert(QStringLiteral("formatVersion"), kFormatVersion);
    root.insert(QStringLiteral("columns"), columns);
    return root;
}

Result<void> MetadataFile::save(const Schema &schema, const QString &path)
{
    return save(toJson(schema), path);
}

Result<void> MetadataFile::save(const QJsonObject &root, const QString &path)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, tr("Cannot write metadata file %1.").arg(QDir::toNativeSeparators(path)),
                       out.errorString() };
    const QByteArray json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    if (out.write(json) != json.size() || !out.commit())
        return Error { Error::Code::Io, tr("Cannot write metadata file %1.").arg(QDir::toNativeSeparators(path)),
                       out.errorString() };
    return {};
}

} // namespace core
