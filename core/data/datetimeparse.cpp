// SPDX-License-Identifier: MIT
#include "core/data/datetimeparse.h"

#include <QDate>

#include <array>
#include <cmath>
#include <map>

namespace core {

namespace {

constexpr qint64 kEpochJulianDay = 2440588; // QDate(1970, 1, 1).toJulianDay()
// Years accepted while detecting (MIMIC shifts dates into 2100-2210); yyyymmdd stays narrow
// because 8-digit codes are common.
constexpr int kMinDetectYear = 1000;
constexpr int kMaxDetectYear = 2999;
constexpr int kMinCompactYear = 1800;
constexpr int kMaxCompactYear = 2200;

struct Parts {
    int year = 1970;
    int month = 1;
    int day = 1;
    int hour = 0;
    int minute = 0;
    int second = 0;
    double fraction = 0.0;
};

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

constexpr std::array<std::string_view, 12> kMonthNames { "january", "february", "march",     "april",
                                                         "may",     "june",     "july",      "august",
                                                         "september", "october", "november", "december" };

// Reads between minDigits and maxDigits digits at text[i].
bool readNumber(std::string_view text, size_t &i, int minDigits, int maxDigits, int &out)
{
    int value = 0;
    int count = 0;
    while (i < text.size() && count < maxDigits && isDigit(text[i])) {
        value = value * 10 + (text[i] - '0');
        ++i;
        ++count;
    }
    out = value;
    return count >= minDigits;
}

bool readMonthName(std::string_view text, size_t &i, int &month)
{
    size_t end = i;
    while (end < text.size() && isAlpha(text[end]))
        ++end;
    const size_t length = end - i;
    if (length < 3)
        return false;
    for (size_t m = 0; m < kMonthNames.size(); ++m) {
        const std::string_view name = kMonthNames[m];
        // Abbreviation (3 letters, "Sept" too) or the full name.
        if (length > name.size() || (length != 3 && length != name.size() && !(m == 8 && length == 4)))
            continue;
        bool same = true;
        for (size_t k = 0; k < length && same; ++k)
            same = lower(text[i + k]) == name[k];
        if (same) {
            month = int(m) + 1;
            i = end;
            return true;
        }
    }
    return false;
}

// Matches a prefix of `text` against `format`; `consumed` receives how much text was used.
bool matchPrefix(std::string_view text, std::string_view format, Parts &parts, size_t &consumed)
{
    size_t i = 0;
    size_t j = 0;
    while (j < format.size()) {
        const char c = format[j];
        if (c != '%' || j + 1 == format.size()) {
            if (i >= text.size() || text[i] != c)
                return false;
            ++i;
            ++j;
            continue;
        }
        const char directive = format[j + 1];
        j += 2;
        const bool glued = j < format.size() && format[j] == '%';
        const int minTwo = glued ? 2 : 1;
        switch (directive) {
        case 'Y':
            if (!readNumber(text, i, 4, 4, parts.year))
                return false;
            break;
        case 'm':
            if (!readNumber(text, i, minTwo, 2, parts.month))
                return false;
            break;
        case 'd':
            if (!readNumber(text, i, minTwo, 2, parts.day))
                return false;
            break;
        case 'H':
            if (!readNumber(text, i, minTwo, 2, parts.hour))
                return false;
            break;
        case 'M':
            if (!readNumber(text, i, minTwo, 2, parts.minute))
                return false;
            break;
        case 'S':
            if (!readNumber(text, i, minTwo, 2, parts.second))
                return false;
            break;
        case 'f': {
            const size_t start = i;
            double scale = 0.1;
            double fraction = 0.0;
            while (i < text.size() && isDigit(text[i]) && i - start < 9) {
                fraction += scale * (text[i] - '0');
                scale /= 10.0;
                ++i;
            }
            if (i == start)
                return false;
            parts.fraction = fraction;
            break;
        }
        case 'b':
            if (!readMonthName(text, i, parts.month))
                return false;
            break;
        case '%':
            if (i >= text.size() || text[i] != '%')
                return false;
            ++i;
            break;
        default: return false;
        }
    }
    consumed = i;
    return true;
}

std::optional<double> toSeconds(const Parts &p)
{
    if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 60)
        return std::nullopt;
    const QDate date(p.year, p.month, p.day);
    if (!date.isValid())
        return std::nullopt;
    const qint64 days = date.toJulianDay() - kEpochJulianDay;
    return double(days) * 86400.0 + p.hour * 3600.0 + p.minute * 60.0 + std::min(p.second, 59) + p.fraction;
}

// After a date: nothing, or ' '/'T' + H:M[:S[.f]] + optional 'Z'. Appends the matching format.
bool matchTimeSuffix(std::string_view rest, Parts &parts, std::string &suffix)
{
    suffix.clear();
    if (rest.empty())
        return true;
    if (rest[0] != ' ' && rest[0] != 'T')
        return false;
    suffix += rest[0];
    size_t i = 1;
    if (!readNumber(rest, i, 1, 2, parts.hour) || i >= rest.size() || rest[i] != ':')
        return false;
    ++i;
    if (!readNumber(rest, i, 2, 2, parts.minute))
        return false;
    suffix += "%H:%M";
    if (i < rest.size() && rest[i] == ':') {
        ++i;
        if (!readNumber(rest, i, 2, 2, parts.second))
            return false;
        suffix += ":%S";
        if (i < rest.size() && rest[i] == '.') {
            ++i;
            const size_t start = i;
            double scale = 0.1;
            while (i < rest.size() && isDigit(rest[i]) && i - start < 9) {
                parts.fraction += scale * (rest[i] - '0');
                scale /= 10.0;
                ++i;
            }
            if (i == start)
                return false;
            suffix += ".%f";
        }
    }
    if (i < rest.size() && rest[i] == 'Z') {
        ++i;
        suffix += 'Z';
    }
    return i == rest.size();
}

struct DateFormat {
    const char *format;
    const char *name;
};

// Priority order for single-format detection.
constexpr std::array<DateFormat, 13> kFormats { {
    { "%Y-%m-%d", "ISO" },
    { "%Y-%d-%m", "yyyy-dd-mm" },
    { "%Y/%m/%d", "yyyy/mm/dd" },
    { "%d/%m/%Y", "dd/mm/yyyy" },
    { "%m/%d/%Y", "mm/dd/yyyy" },
    { "%d-%m-%Y", "dd-mm-yyyy" },
    { "%m-%d-%Y", "mm-dd-yyyy" },
    { "%d.%m.%Y", "dd.mm.yyyy" },
    { "%d %b %Y", "d Mon yyyy" },
    { "%d-%b-%Y", "d-Mon-yyyy" },
    { "%b %d %Y", "Mon d yyyy" },
    { "%b %d, %Y", "Mon d, yyyy" },
    { "%Y%m%d", "yyyymmdd" },
} };
constexpr size_t kIso = 0, kYdm = 1, kDmySlash = 3, kMdySlash = 4, kDmyDash = 5, kMdyDash = 6, kCompact = 12;

struct ValueFit {
    bool fits = false;
    double seconds = 0.0;
    std::string suffix;
};

ValueFit fitValue(std::string_view text, size_t formatIndex)
{
    ValueFit fit;
    Parts parts;
    size_t consumed = 0;
    if (!matchPrefix(text, kFormats[formatIndex].format, parts, consumed))
        return fit;
    if (parts.year < kMinDetectYear || parts.year > kMaxDetectYear)
        return fit;
    if (formatIndex == kCompact && (parts.year < kMinCompactYear || parts.year > kMaxCompactYear))
        return fit;
    if (!matchTimeSuffix(text.substr(consumed), parts, fit.suffix))
        return fit;
    const std::optional<double> seconds = toSeconds(parts);
    if (!seconds)
        return fit;
    fit.fits = true;
    fit.seconds = *seconds;
    return fit;
}

bool looksDateLike(std::string_view text)
{
    if (text.size() < 6 || text.size() > 40)
        return false;
    int digits = 0;
    for (char c : text)
        digits += isDigit(c) ? 1 : 0;
    return digits >= 4;
}

} // namespace

std::optional<double> parseDateTime(std::string_view text, std::string_view format)
{
    Parts parts;
    size_t consumed = 0;
    if (!matchPrefix(text, format, parts, consumed) || consumed != text.size())
        return std::nullopt;
    return toSeconds(parts);
}

bool isPlausibleYyyymmdd(double value)
{
    if (!(value >= 19000101.0 && value <= 21001231.0) || value != std::floor(value))
        return false;
    const qint64 v = qint64(value);
    return QDate(int(v / 10000), int(v / 100 % 100), int(v % 100)).isValid();
}

DateDetection detectDateColumn(const std::vector<std::string_view> &values, const std::vector<qint64> &rowCounts,
                               DateOrderHint order)
{
    DateDetection result;
    if (values.empty())
        return result;
    for (std::string_view v : values) {
        if (!looksDateLike(v))
            return result;
    }
    const bool dayFirst = order != DateOrderHint::MonthFirst;
    const size_t n = values.size();

    // 1. One format for every value.
    std::array<bool, kFormats.size()> fitsAll {};
    for (size_t f = 0; f < kFormats.size(); ++f) {
        bool all = true;
        for (size_t i = 0; i < n && all; ++i)
            all = fitValue(values[i], f).fits;
        fitsAll[f] = all;
    }
    size_t chosen = kFormats.size();
    if (fitsAll[kIso]) {
        chosen = kIso;
    } else if (fitsAll[kDmySlash] && fitsAll[kMdySlash]) {
        chosen = dayFirst ? kDmySlash : kMdySlash;
        result.ambiguous = true;
    } else if (fitsAll[kDmyDash] && fitsAll[kMdyDash]) {
        chosen = dayFirst ? kDmyDash : kMdyDash;
        result.ambiguous = true;
    } else {
        for (size_t f = 0; f < kFormats.size(); ++f) {
            if (fitsAll[f]) {
                chosen = f;
                break;
            }
        }
    }
    result.dayFirstChosen = dayFirst;
    if (chosen < kFormats.size()) {
        std::map<std::string, qint64> suffixRows;
        result.seconds.resize(n);
        for (size_t i = 0; i < n; ++i) {
            const ValueFit fit = fitValue(values[i], chosen);
            result.seconds[i] = fit.seconds;
            suffixRows[fit.suffix] += i < rowCounts.size() ? rowCounts[i] : 1;
        }
        std::string bestSuffix;
        qint64 bestRows = -1;
        for (const auto &[suffix, rows] : suffixRows) {
            if (rows > bestRows) {
                bestSuffix = suffix;
                bestRows = rows;
            }
        }
        result.isDate = true;
        result.format = QLatin1StringView(kFormats[chosen].format) + QString::fromLatin1(bestSuffix);
        QString name = QLatin1StringView(kFormats[chosen].name);
        if (result.ambiguous)
            name = chosen == kDmySlash || chosen == kMdySlash
                ? QStringLiteral("dd/mm/yyyy or mm/dd/yyyy (ambiguous)")
                : QStringLiteral("dd-mm-yyyy or mm-dd-yyyy (ambiguous)");
        result.formatNames = QStringList { name };
        return result;
    }

    // 2. Mixed: each value in the first format that fits it; yyyy-dd-mm only as a last resort.
    std::vector<size_t> priority { kIso, 2 };
    if (dayFirst)
        priority.insert(priority.end(), { kDmySlash, kMdySlash, kDmyDash, kMdyDash });
    else
        priority.insert(priority.end(), { kMdySlash, kDmySlash, kMdyDash, kDmyDash });
    priority.insert(priority.end(), { 7, 8, 9, 10, 11, 12, kYdm });

    std::map<QString, qint64> formatRows;
    result.seconds.resize(n);
    for (size_t i = 0; i < n; ++i) {
        bool found = false;
        for (size_t f : priority) {
            const ValueFit fit = fitValue(values[i], f);
            if (!fit.fits)
                continue;
            found = true;
            result.seconds[i] = fit.seconds;
            QString name = QLatin1StringView(kFormats[f].name);
            const bool slash = f == kDmySlash || f == kMdySlash;
            const bool dash = f == kDmyDash || f == kMdyDash;
            if (slash || dash) {
                const size_t other = f == kDmySlash ? kMdySlash
                    : f == kMdySlash                ? kDmySlash
                    : f == kDmyDash                 ? kMdyDash
                                                    : kDmyDash;
                if (fitValue(values[i], other).fits) {
                    result.ambiguous = true;
                    name = slash ? QStringLiteral("dd/mm/yyyy or mm/dd/yyyy (ambiguous)")
                                 : QStringLiteral("dd-mm-yyyy or mm-dd-yyyy (ambiguous)");
                }
            }
            if (!result.formatNames.contains(name))
                result.formatNames.append(name);
            formatRows[QLatin1StringView(kFormats[f].format) + QString::fromLatin1(fit.suffix)]
                += i < rowCounts.size() ? rowCounts[i] : 1;
            break;
        }
        if (!found) {
            result.seconds.clear();
            result.formatNames.clear();
            result.ambiguous = false;
            return result;
        }
    }
    result.isDate = true;
    result.mixed = result.formatNames.size() > 1;
    qint64 bestRows = -1;
    for (const auto &[format, rows] : formatRows) {
        if (rows > bestRows) {
            result.format = format;
            bestRows = rows;
        }
    }
    return result;
}

} // namespace core
