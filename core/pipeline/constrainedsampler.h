// SPDX-License-Identifier: MIT
#pragma once

#include "core/generators/generator.h"
#include "core/project/project.h"

#include <QCoreApplication>

namespace core {

/// Samples from a fitted generator and keeps only rows that satisfy every constraint
/// (a column's range, A <= B), drawing more batches until `rows` are collected. Fails with
/// a message naming the constraint when too few rows satisfy it after a bounded effort.
class ConstrainedSampler final {
    Q_DECLARE_TR_FUNCTIONS(core::ConstrainedSampler)
public:
    static Result<Table> sample(Generator &generator, qint64 rows, quint64 seed, const QList<Constraint> &constraints,
                                JobContext &job);
    /// Checks that every constraint names existing numeric or datetime columns of `schema`.
    static Result<void> validate(const QList<Constraint> &constraints, const Schema &schema);
};

} // namespace core
