// SPDX-License-Identifier: MIT
#pragma once

#include "core/profile/profile.h"

#include <QString>
#include <QStringView>
#include <optional>

/// Helpers that classify single cell texts; used by the profiler on distinct values.
/// All functions are pure and thread-safe.
namespace core::profiling {

/// The number a cell spells exactly as written (no surrounding whitespace allowed): plain
/// decimals with '.', exponents, and inf / -inf / Infinity / nan spellings. nullopt otherwise.
std::optional<double> parseNumber(QStringView text);

/// True for the infinity spellings parseNumber accepts ("inf", "-Infinity", ...).
bool isInfinitySpelling(QStringView text);

/// True when the (trimmed) text is a common undeclared missing marker: "?", "-", "--", ".",
/// "NA", "N/A", "n.a.", "null", "none", "nan", "missing", "unknown", "#N/A", "not available".
bool isMissingMarkerText(QStringView trimmed);

/// True for numeric sentinel codes often used for "missing": -1, -7, -8, -9, -99, -999, -9999,
/// 99, 999, 9999, 99999.
bool isSentinelNumber(double value);

/// Shape of a text: digits become 9, upper-case letters A, lower-case letters a, other
/// characters stay; at most 40 characters (then "…").
QString shapeOf(QStringView text);

/// Date layout of a text ("ISO", "dd/mm/yyyy or mm/dd/yyyy", "dd.mm.yyyy", "d Mon yyyy",
/// "Mon d yyyy", "yyyymmdd", "ISO datetime"), or empty when it is not a date.
QString dateLayoutOf(QStringView text);

/// 1 for "1.5"-like decimals, 2 for "1,5"-like decimal commas, 0 otherwise.
int decimalStyleOf(QStringView text);

/// Value-level PII kinds: "email", "ssn", "phone_number", or empty.
QString piiKindOfValue(QStringView text);

/// True when the text looks like a person's name: two or three capitalized words of letters.
bool looksLikePersonName(QStringView text);

/// A regular expression matched by every one of the values, built position by position when they
/// share one layout (literal characters, and character classes for the varying runs), e.g.
/// "S-[0-9a-f]{8}". Empty when the values differ in length or no simple expression fits.
QString commonRegex(const QList<ValueCount> &values);

/// Lower-case name tokens: "SystolicBP" -> {"systolic", "bp"}, "age_years" -> {"age", "years"}.
QStringList nameTokens(const QString &columnName);

} // namespace core::profiling
