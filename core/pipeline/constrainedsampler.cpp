// SPDX-License-Identifier: MIT
#include "core/pipeline/constrainedsampler.h"

#include <algorithm>
#include <cmath>

namespace core {

namespace {

constexpr int kMaxBatches = 20;

bool isOrdered(const Column &column)
{
    return column.storage() == ColumnStorage::Number || column.storage() == ColumnStorage::DateTime;
}

// Rows of `table` that satisfy every constraint; missing values never violate one.
std::vector<qint64> satisfyingRows(const Table &table, const QList<Constraint> &constraints)
{
    std::vector<qint64> rows;
    rows.reserve(size_t(table.rowCount()));
    for (qint64 row = 0; row < table.rowCount(); ++row) {
        bool ok = true;
        for (const Constraint &c : constraints) {
            const Column &column = table.column(table.indexOf(c.column));
            const double value = column.numbers()[size_t(row)];
            if (std::isnan(value))
                continue;
            if (c.kind == Constraint::Kind::Range) {
                ok = value >= c.minimum && value <= c.maximum;
            } else {
                const double other = table.column(table.indexOf(c.otherColumn)).numbers()[size_t(row)];
                ok = std::isnan(other) || value <= other;
            }
            if (!ok)
                break;
        }
        if (ok)
            rows.push_back(row);
    }
    return rows;
}

void appendRows(Table &into, const Table &from, const std::vector<qint64> &rows, qint64 limit)
{
    std::vector<qint64> taken(rows.begin(), rows.begin() + std::min<qint64>(qint64(rows.size()), limit));
    const Table picked = from.selectRows(taken);
    if (into.columnCount() == 0) {
        into = picked;
        return;
    }
    for (int c = 0; c < into.columnCount(); ++c) {
        Column &target = into.column(c);
        const Column &source = picked.column(c);
        target.missingMask().insert(target.missingMask().end(), source.missingMask().begin(), source.missingMask().end());
        target.numbers().insert(target.numbers().end(), source.numbers().begin(), source.numbers().end());
        target.codes().insert(target.codes().end(), source.codes().begin(), source.codes().end());
        target.texts().insert(target.texts().end(), source.texts().begin(), source.texts().end());
    }
}

QString describe(const Constraint &c)
{
    if (c.kind == Constraint::Kind::Range)
        return QStringLiteral("%1 in [%2, %3]").arg(c.column).arg(c.minimum).arg(c.maximum);
    return QStringLiteral("%1 <= %2").arg(c.column, c.otherColumn);
}

} // namespace

Result<void> ConstrainedSampler::validate(const QList<Constraint> &constraints, const Schema &schema)
{
    for (const Constraint &c : constraints) {
        QStringList columns { c.column };
        if (c.kind == Constraint::Kind::LessOrEqual)
            columns.append(c.otherColumn);
        for (const QString &name : columns) {
            const ColumnMeta *meta = schema.find(name);
            if (!meta || meta->excluded)
                return Error { Error::Code::InvalidInput,
                               tr("The constraint \"%1\" names the column \"%2\", which is not in the output.")
                                   .arg(describe(c), name),
                               {} };
            if (meta->type != SemanticType::Numerical && meta->type != SemanticType::DateTime)
                return Error { Error::Code::InvalidInput,
                               tr("The constraint \"%1\" needs numbers or dates, but \"%2\" is %3.")
                                   .arg(describe(c), name, semanticTypeKey(meta->type)),
                               {} };
        }
        if (c.kind == Constraint::Kind::Range && c.minimum > c.maximum)
            return Error { Error::Code::InvalidInput,
                           tr("The range constraint on \"%1\" has its minimum above its maximum.").arg(c.column), {} };
    }
    return {};
}

Result<Table> ConstrainedSampler::sample(Generator &generator, qint64 rows, quint64 seed,
                                         const QList<Constraint> &constraints, JobContext &job)
{
    if (constraints.isEmpty())
        return generator.sample(rows, seed, job);

    Table collected;
    qint64 have = 0;
    qint64 batch = rows;
    for (int attempt = 0; attempt < kMaxBatches && have < rows; ++attempt) {
        Result<Table> drawn = generator.sample(batch, seed + quint64(attempt) * 0x9E3779B97F4A7C15ULL, job);
        if (!drawn.ok())
            return drawn.error();
        for (const Constraint &c : constraints) {
            for (const QString &name : { c.column, c.otherColumn }) {
                if (!name.isEmpty() && !isOrdered(drawn.value().column(drawn.value().indexOf(name))))
                    return Error { Error::Code::InvalidInput,
                                   tr("The constraint \"%1\" needs numbers or dates.").arg(describe(c)), {} };
            }
        }
        const std::vector<qint64> keep = satisfyingRows(drawn.value(), constraints);
        appendRows(collected, drawn.value(), keep, rows - have);
        have = collected.rowCount();
        // Draw enough next time for the acceptance rate seen so far, with a margin.
        const double acceptance = std::max(double(keep.size()) / double(std::max<qint64>(batch, 1)), 0.01);
        batch = std::max<qint64>(qint64(double(rows - have) / acceptance * 1.2) + 1, 16);
    }
    if (have < rows) {
        QStringList names;
        for (const Constraint &c : constraints)
            names.append(describe(c));
        return Error { Error::Code::Numerical,
                       tr("Only %1 of %2 synthetic rows satisfied the constraints (%3) after %4 attempts; loosen them.")
                           .arg(have)
                           .arg(rows)
                           .arg(names.join(QStringLiteral("; ")))
                           .arg(kMaxBatches),
                       {} };
    }
    return collected;
}

} // namespace core
