// SPDX-License-Identifier: MIT
#include "core/data/csvwriter.h"

#include "core/data/datetimeformat.h"

#include <QDir>
#include <QSaveFile>

#include <charconv>
#include <cmath>

namespace core {

namespace {

constexpr qsizetype kFlushBytes = 1 << 20;

bool needsQuotes(const QByteArray &s)
{
    for (char c : s) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return true;
    }
    // A value with outer spaces would be trimmed by a reader; quoting keeps them.
    return !s.isEmpty() && (s.front() == ' ' || s.back() == ' ' || s.front() == '\t' || s.back() == '\t');
}

void appendField(QByteArray &out, const QByteArray &s)
{
    if (!needsQuotes(s)) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendNumber(QByteArray &out, double v, bool integer, int decimals)
{
    char buffer[400];
    std::to_chars_result r {};
    if (std::isinf(v)) {
        out += v > 0 ? "inf" : "-inf";
        return;
    }
    if (integer && std::abs(v) < 9.0e18)
        r = std::to_chars(buffer, buffer + sizeof buffer, qint64(std::llround(v)));
    else if (decimals >= 0 && std::abs(v) < 1e300)
        r = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, decimals);
    else
        r = std::to_chars(buffer, buffer + sizeof buffer, v); // shortest form that reads back exactly
    out.append(buffer, qsizetype(r.ptr - buffer));
}

// Year, month, day of a day count since 1970-01-01 (H. Hinnant's civil_from_days).
void civilFromDays(qint64 z, qint64 &year, int &month, int &day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = qint64(yoe) + era * 400 + (month <= 2 ? 1 : 0);
}

void appendPadded(QByteArray &out, qint64 value, int width)
{
    char buffer[24];
    const auto r = std::to_chars(buffer, buffer + sizeof buffer, value < 0 ? -value : value);
    if (value < 0)
        out += '-';
    for (auto n = int(r.ptr - buffer); n < width; ++n)
        out += '0';
    out.append(buffer, qsizetype(r.ptr - buffer));
}

/// formatDateTime() written straight into bytes (the writer's hot loop): same directives, same
/// rounding to microseconds. The tests compare both on many values.
void appendDateTime(QByteArray &out, double secondsSinceEpoch, const QByteArray &format)
{
    static constexpr const char *kMonths[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    const double micros = std::round(secondsSinceEpoch * 1e6);
    const auto wholeSeconds = qint64(std::floor(micros / 1e6));
    const auto microPart = qint64(micros - double(wholeSeconds) * 1e6);
    qint64 days = wholeSeconds / 86400;
    qint64 secondOfDay = wholeSeconds % 86400;
    if (secondOfDay < 0) {
        secondOfDay += 86400;
        --days;
    }
    qint64 year = 0;
    int month = 1;
    int day = 1;
    civilFromDays(days, year, month, day);
    for (qsizetype i = 0; i < format.size(); ++i) {
        const char c = format[i];
        if (c != '%' || i + 1 == format.size()) {
            out += c;
            continue;
        }
        switch (format[++i]) {
        case 'Y': appendPadded(out, year, 4); break;
        case 'm': appendPadded(out, month, 2); break;
        case 'd': appendPadded(out, day, 2); break;
        case 'H': appendPadded(out, secondOfDay / 3600, 2); break;
        case 'M': appendPadded(out, (secondOfDay / 60) % 60, 2); break;
        case 'S': appendPadded(out, secondOfDay % 60, 2); break;
        case 'f': appendPadded(out, microPart, 6); break;
        case 'b': out += kMonths[month - 1]; break;
        case '%': out += '%'; break;
        default:
            out += '%';
            out += format[i];
            break;
        }
    }
}

/// Whether appendDateTime() output can need quoting (a delimiter, quote or newline in the format).
bool formatNeedsQuotes(const QByteArray &format)
{
    return format.contains(',') || format.contains('"') || format.contains('\n') || format.contains('\r')
        || format.startsWith(' ') || format.endsWith(' ');
}

} // namespace

Result<void> CsvWriter::write(const Table &table, const QString &path, JobContext &job)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                       file.errorString() };
    const int columns = table.columnCount();
    const qint64 rows = table.rowCount();

    // Labels encoded and quoted once per column, not once per cell.
    std::vector<std::vector<QByteArray>> labels(static_cast<size_t>(columns));
    std::vector<QByteArray> dateFormats(static_cast<size_t>(columns));
    for (int j = 0; j < columns; ++j) {
        const Column &column = table.column(j);
        dateFormats[size_t(j)] = column.dateFormat().toUtf8();
        if (column.storage() != ColumnStorage::Category && column.storage() != ColumnStorage::Boolean)
            continue;
        for (const QString &label : column.labels()) {
            QByteArray field;
            appendField(field, label.toUtf8());
            labels[size_t(j)].push_back(field);
        }
    }

    QByteArray out;
    out.reserve(kFlushBytes + 64 * 1024);
    for (int j = 0; j < columns; ++j) {
        if (j > 0)
            out += ',';
        appendField(out, table.column(j).name().toUtf8());
    }
    out += '\n';

    auto flush = [&]() -> bool {
        if (file.write(out) != out.size())
            return false;
        out.clear();
        return true;
    };
    for (qint64 row = 0; row < rows; ++row) {
        for (int j = 0; j < columns; ++j) {
            if (j > 0)
                out += ',';
            const Column &column = table.column(j);
            if (column.isMissing(row))
                continue;
            const size_t r = size_t(row);
            switch (column.storage()) {
            case ColumnStorage::Number:
                appendNumber(out, column.numbers()[r], column.isInteger(), column.decimals());
                break;
            case ColumnStorage::Category:
            case ColumnStorage::Boolean: {
                const std::int32_t code = column.codes()[r];
                if (code >= 0 && size_t(code) < labels[size_t(j)].size())
                    out += labels[size_t(j)][size_t(code)];
                break;
            }
            case ColumnStorage::DateTime:
                if (formatNeedsQuotes(dateFormats[size_t(j)]))
                    appendField(out, formatDateTime(column.numbers()[r], column.dateFormat()).toUtf8());
                else
                    appendDateTime(out, column.numbers()[r], dateFormats[size_t(j)]);
                break;
            case ColumnStorage::Text: appendField(out, column.texts()[r].toUtf8()); break;
            }
        }
        out += '\n';
        if (out.size() >= kFlushBytes) {
            if (!flush())
                return Error { Error::Code::Io, tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                               file.errorString() };
            if (job.isCancelled()) {
                file.cancelWriting();
                return cancelledError();
            }
            job.reportProgress(double(row + 1) / double(rows), tr("Writing rows"));
        }
    }
    if (!flush() || !file.commit())
        return Error { Error::Code::Io, tr("Cannot write %1.").arg(QDir::toNativeSeparators(path)),
                       file.errorString() };
    job.reportProgress(1.0, tr("Writing rows"));
    return {};
}

} // namespace core
