// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/job.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace core {

/// What to score: the real rows the generator learned from, the synthetic rows, and
/// optionally the hold-out rows it never saw (needed for utility and the privacy baselines).
struct EvaluationRequest {
    const Table *real = nullptr;
    const Table *synthetic = nullptr;
    const Table *holdout = nullptr; ///< may be null or empty
    Schema schema;                  ///< of the real table
    QString target;                 ///< utility target; empty = no utility score
    QStringList sensitiveColumns;   ///< attribute-inference risk
    QStringList quasiIdentifiers;   ///< k-anonymity; empty = the categorical columns
    bool privacy = true;
    bool detection = true;
};

/// Runs every evaluation that the request allows and returns the JSON that `evaluate` writes:
/// sdtypes, quality (current mode), quality_all_pairs, diagnostic, and when possible
/// detection, utility and privacy. Each family that cannot be computed says why under its key.
class Evaluation final {
    Q_DECLARE_TR_FUNCTIONS(core::Evaluation)
public:
    static Result<QJsonObject> run(const EvaluationRequest &request, JobContext &job);
};

} // namespace core
