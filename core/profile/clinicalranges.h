// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <optional>

namespace core::profiling {

/// A range of clinically plausible values for a column, chosen from its name.
struct ClinicalRange {
    QString rule; ///< what the name was read as, e.g. "age", "systolic blood pressure"
    QString unit; ///< assumed unit ("years", "mmHg", "mg/dL", ...)
    double min = 0;
    double max = 0;
    bool zeroImplausible = false; ///< a zero is not a real measurement (often a missing code)
};

/// The range that applies to a column called `columnName` ("age", "SystolicBP", "bmi",
/// "heart_rate", "glucose_mmol_l", ...), or nullopt when the name says nothing clinical.
/// Matching is by whole name tokens, so "stage" is not "age". Thread-safe.
std::optional<ClinicalRange> clinicalRangeFor(const QString &columnName);

} // namespace core::profiling
