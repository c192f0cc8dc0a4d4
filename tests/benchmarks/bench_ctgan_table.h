// SPDX-License-Identifier: MIT
// An invented mixed table for bench_ctgan and bench_privbayes: adult-like shapes (skewed and bimodal numbers,
// a zero-inflated count, categoricals of 2 to 40 levels), deterministic for a row count.
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"

#include <cmath>
#include <random>

inline std::pair<core::Table, core::Schema> benchTable(qint64 rows, int categoricals = 9, int numbers = 6)
{
    std::mt19937_64 rng(7);
    std::normal_distribution<double> normal(0.0, 1.0);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    core::Table table;
    core::Schema schema;
    for (int c = 0; c < numbers; ++c) {
        core::Column column(QStringLiteral("num%1").arg(c), core::ColumnStorage::Number);
        column.setInteger(c % 2 == 0);
        column.reserve(rows);
        for (qint64 r = 0; r < rows; ++r) {
            double v = c % 3 == 0 ? std::exp(3.0 + 0.5 * normal(rng))
                : c % 3 == 1      ? (u(rng) < 0.4 ? 20 + 3 * normal(rng) : 50 + 8 * normal(rng))
                                  : (u(rng) < 0.8 ? 0.0 : 1000 * u(rng));
            column.appendNumber(column.isInteger() ? std::round(v) : v);
        }
        core::ColumnMeta meta;
        meta.name = column.name();
        meta.integer = column.isInteger();
        table.addColumn(std::move(column));
        schema.columns.append(meta);
    }
    for (int c = 0; c < categoricals; ++c) {
        const int levels = 2 + (c * 5) % 40;
        core::Column column(QStringLiteral("cat%1").arg(c), core::ColumnStorage::Category);
        for (int l = 0; l < levels; ++l)
            column.labels().append(QStringLiteral("L%1").arg(l));
        column.reserve(rows);
        for (qint64 r = 0; r < rows; ++r)
            column.appendCode(std::min(levels - 1, int(std::floor(levels * u(rng) * u(rng)))));
        core::ColumnMeta meta;
        meta.name = column.name();
        meta.type = core::SemanticType::Categorical;
        table.addColumn(std::move(column));
        schema.columns.append(meta);
    }
    return { std::move(table), schema };
}
