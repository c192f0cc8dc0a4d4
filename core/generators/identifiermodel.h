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
/// that shape: each character class of a template value (digit, lower, upper letter) is
/// redrawn, literals like "S-" or "@" are kept. Id values come out unique and never equal
/// a real one (the model keeps only salted 64-bit hashes of real values, never the values).
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
        QString templ;             ///< character-class template, e.g. "S-xxxxxxxx" with x = hex
        double missingRate = 0.0;
        bool unique = false;       ///< Id: values must be distinct and unseen
        QSet<quint64> realHashes;  ///< salted hashes of real values (Id only)
    };
    QList<Shape> m_shapes;
    quint64 m_salt = 0;
};

} // namespace core
