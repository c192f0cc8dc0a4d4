// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/schema.h"
#include "core/data/table.h"
#include "core/report/reportmodel.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <limits>
#include <optional>

namespace core {

class Generator;
struct Profile;

/// What a report is made from. Pointers are borrowed for the duration of build() only.
struct ReportInputs {
    const Table *real = nullptr; ///< the real rows the generator learned from (required)
    const Table *synthetic = nullptr; ///< the synthetic rows (required)
    const Table *holdout = nullptr; ///< real rows kept out of training; may be null
    Schema schema; ///< of the real table
    QJsonObject scores; ///< what Evaluation::run returned (`evaluate --json`); may hold "error"
    const Profile *profile = nullptr; ///< data-quality profile of the real input; null: section says why
    QString sourceDescription; ///< e.g. LoadedInput::description; never a row
    QString projectName;
    const Generator *generator = nullptr; ///< the fitted generator, when known
    std::optional<quint64> seed; ///< the seed used; defaults to the generator's fit seed
    /// The share of real rows the run split off (generate, the wizard); NaN when the tables came apart.
    double holdoutShare = std::numeric_limits<double>::quiet_NaN();
    QString target;
    QStringList sensitiveColumns;
    QStringList quasiIdentifiers;
    /// The command line that makes the same synthetic table again, when the caller knows one.
    QString reproduceCommand;
    QDateTime createdAt; ///< invalid: now
};

/// Gathers everything the evaluation report shows into a ReportModel: the source summary, the
/// generator and its settings, the rated scores with their readings, the data-quality alerts,
/// per-column distributions (binned shares, never values of single rows), correlation
/// matrices, the utility table and the privacy findings. Pure computation on the inputs; any
/// thread. Families the evaluation could not compute carry its reason instead of numbers.
class ReportBuilder final {
    Q_DECLARE_TR_FUNCTIONS(core::ReportBuilder)
public:
    static ReportModel build(const ReportInputs &inputs);

    /// "90.6 %" for a share in [0, 1]; "n/a" for NaN.
    static QString percentText(double share);
};

} // namespace core
