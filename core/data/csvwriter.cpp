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
    for (int j = 0; j < columns; ++j) {
        const Column &column = table.column(j);
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
                appendField(out, formatDateTime(column.numbers()[r], column.dateFormat()).toUtf8());
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
