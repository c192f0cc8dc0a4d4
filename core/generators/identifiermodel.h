// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/result.h"

#include <QDataStream>
#include <QList>
#include <QSet>

namespace core {

/// Learns the shape (not the values) of Id, Pii and Text columns and makes new values of
/// that shape. Per character position (counted from the left, up to 256) it records which
/// characters occur in the real values: a position that always holds the same character is
/// a literal ("S-" in "S-0a3f9b1c"); other positions draw from the classes seen there
/// (digits, lower-case, upper-case letters; hex digits when the whole column is hex) plus
/// the punctuation seen there. Lengths follow the real length distribution. A leading digit
/// position never draws '0' unless a real value starts with '0'. Id values come out unique
/// and never equal a real one (the model keeps only salted 64-bit hashes of real values,
/// never the values).
class IdentifierModel final {
public:
    /// Remembers template, storage and missing share of every non-modelled, non-excluded column.
    void fit(const Table &real, const Schema &schema);
    /// Column `name` with `rows` generated cells; deterministic for a seed.
    Column generate(const QString &name, qint64 rows, quint64 seed) const;
    bool contains(const QString &name) const;

    void save(QDataStream &out) const;
    Result<void> load(QDataStream &in);

private:
    struct Shape {
        QString name;
        qint32 storage = 0;        ///< ColumnStorage of the real column
        QStringList alphabets;     ///< characters allowed at each position
        QList<qint64> lengthCounts; ///< number of real values of each length (index = length)
        double missingRate = 0.0;
        bool unique = false;       ///< Id: values must be distinct and unseen
        QSet<quint64> realHashes;  ///< salted hashes of real values (Id only)
    };
    QList<Shape> m_shapes;
    quint64 m_salt = 0;
};

} // namespace core
