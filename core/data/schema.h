// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace core {

/// What a column means, as SDV calls it "sdtype". Decides how generators and metrics treat it.
enum class SemanticType {
    Numerical,   ///< a measurement: modelled as a continuous distribution
    Categorical, ///< a label from a finite set (also numbers used as codes)
    Boolean,     ///< two values, kept in their own spelling
    DateTime,    ///< a point in time, modelled as a number, written in its source format
    Id,          ///< an identifier: never learned, regenerated unique with the same pattern
    Pii,         ///< personal data: never learned, replaced by fake values of the same shape
    Text,        ///< free text: not learned, left out of the model
};

/// Stable lower-case key ("numerical", "categorical", "boolean", "datetime", "id", "pii", "text").
QString semanticTypeKey(SemanticType type);
/// Inverse of semanticTypeKey; also accepts SDV's "email", "phone_number", ... as Pii. nullopt if unknown.
std::optional<SemanticType> semanticTypeFromKey(const QString &key);

/// Metadata of one column: inferred, then overridable by the user or a metadata file.
struct ColumnMeta {
    QString name;
    SemanticType type = SemanticType::Numerical;
    bool excluded = false;     ///< left out of modelling and output by the user's choice
    bool integer = false;      ///< numbers are whole (written without ".0", sampled rounded)
    int decimals = -1;         ///< decimal places to round to; -1 = keep full precision
    QString dateFormat;        ///< for DateTime, strftime-like ("%Y-%m-%d")
    QString piiKind;           ///< for Pii: "email", "phone_number", "ssn", "name", "postal_code", ...
    QString pattern;           ///< for Id/Pii: regular expression the values follow, when known
    QStringList missingValues; ///< values that mean "missing" in this column ("?", "-9"), as declared
    double confidence = 1.0;   ///< how sure inference was, in [0, 1]; 1 for user overrides
    bool userOverride = false; ///< set by the user or a metadata file rather than inferred
};

/// Column metadata of a table, in column order.
struct Schema {
    QList<ColumnMeta> columns;

    /// Index of the column called name, or -1.
    int indexOf(const QString &name) const;
    const ColumnMeta *find(const QString &name) const;
    ColumnMeta *find(const QString &name);
    /// True for columns a generator learns: not excluded, not Id, Pii or Text.
    static bool isModelled(const ColumnMeta &meta);
};

} // namespace core

Q_DECLARE_METATYPE(core::Schema)
