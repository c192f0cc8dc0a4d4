// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>
#include <vector>

namespace core {

/// Parses `text` with a strftime-like `format` (the inverse of formatDateTime): %Y (4-digit year),
/// %m and %d (1-2 digits; exactly 2 when another directive follows directly, as in "%Y%m%d"),
/// %H, %M, %S (1-2 digits), %f (1-9 fraction digits), %b (English month name, abbreviated or full,
/// any case); other characters must match literally. Returns seconds since 1970-01-01T00:00:00 UTC
/// (negative before 1970), or nullopt when the text does not fit or names an invalid date.
/// Thread-safe.
std::optional<double> parseDateTime(std::string_view text, std::string_view format);

/// Which order to assume when a column's dates fit both day-first and month-first.
enum class DateOrderHint { Auto, DayFirst, MonthFirst };

/// What detectDateColumn() found for a column's distinct values.
struct DateDetection {
    bool isDate = false;          ///< every value parsed
    QString format;               ///< the column's format (for mixed columns: the one most rows use)
    std::vector<double> seconds;  ///< per distinct value, seconds since the epoch
    bool ambiguous = false;       ///< day-first and month-first both fit; `order` decided
    bool dayFirstChosen = true;   ///< which order an ambiguous column was read in
    bool mixed = false;           ///< values use more than one format
    QStringList formatNames;      ///< human names of the formats used ("ISO", "d Mon yyyy", ...)
};

/// Decides whether the distinct non-missing values of a text column are all dates, trying ISO
/// (with optional time and 'Z'), yyyy-dd-mm, yyyy/mm/dd, dd/mm/yyyy, mm/dd/yyyy, dd-mm-yyyy,
/// mm-dd-yyyy, dd.mm.yyyy, "d Mon yyyy", "d-Mon-yyyy", "Mon d yyyy", "Mon d, yyyy" and yyyymmdd.
/// A single format that fits every value wins; otherwise, when every value fits some format,
/// the column is "mixed". `rowCounts[i]` is how many rows hold `values[i]` (picks the main format).
/// Nothing is guessed silently: ambiguity and mixing are reported through the flags.
DateDetection detectDateColumn(const std::vector<std::string_view> &values, const std::vector<qint64> &rowCounts,
                               DateOrderHint order);

/// True when `value` (an integer) reads as a plausible yyyymmdd date between 1900 and 2100.
bool isPlausibleYyyymmdd(double value);

} // namespace core
