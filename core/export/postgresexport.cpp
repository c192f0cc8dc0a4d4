// SPDX-License-Identifier: MIT
#include "core/export/postgresexport.h"

#include <QCoreApplication>
#include <QHash>
#include <QtEndian>
#include <charconv>
#include <cmath>
#include <libpq-fe.h>
#include <string>

namespace core {

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("core::PostgresExport", text);
    }

    enum class SqlKind { Integer, BigInt, Double, Boolean, Date, Timestamp, Text };

    QString sqlTypeName(SqlKind kind)
    {
        switch (kind) {
        case SqlKind::Integer:
            return QStringLiteral("integer");
        case SqlKind::BigInt:
            return QStringLiteral("bigint");
        case SqlKind::Double:
            return QStringLiteral("double precision");
        case SqlKind::Boolean:
            return QStringLiteral("boolean");
        case SqlKind::Date:
            return QStringLiteral("date");
        case SqlKind::Timestamp:
            return QStringLiteral("timestamp");
        case SqlKind::Text:
            return QStringLiteral("text");
        }
        return QStringLiteral("text");
    }

    SqlKind sqlKindFor(const Column &column, const ColumnMeta *meta = nullptr)
    {
        const auto &numbers = column.numbers();
        const auto &missing = column.missingMask();
        switch (column.storage()) {
        case ColumnStorage::Boolean:
            return SqlKind::Boolean;
        case ColumnStorage::Category:
        case ColumnStorage::Text:
            return SqlKind::Text;
        case ColumnStorage::DateTime:
            for (size_t i = 0; i < numbers.size(); ++i) {
                if (!missing[i] && std::fmod(numbers[i], 86400.0) != 0.0)
                    return SqlKind::Timestamp;
            }
            // Whole days: a date, unless the source format shows a time of day.
            return column.dateFormat().contains(u"%H") ? SqlKind::Timestamp : SqlKind::Date;
        case ColumnStorage::Number: {
            // Whole numbers by the column's own flag or the metadata's (a user override).
            if (!column.isInteger() && !(meta && meta->integer))
                return SqlKind::Double;
            bool fitsInt32 = true;
            for (size_t i = 0; i < numbers.size(); ++i) {
                if (missing[i])
                    continue;
                const double v = numbers[i];
                if (!std::isfinite(v) || v != std::trunc(v) || std::fabs(v) > 9.2e18)
                    return SqlKind::Double;
                if (v < -2147483648.0 || v > 2147483647.0)
                    fitsInt32 = false;
            }
            return fitsInt32 ? SqlKind::Integer : SqlKind::BigInt;
        }
        }
        return SqlKind::Text;
    }

    // Existing column types (format_type spelling) a value kind may be appended to.
    bool compatible(SqlKind kind, const QString &existing)
    {
        const auto is = [&](const char *prefix) { return existing.startsWith(QLatin1String(prefix)); };
        switch (kind) {
        case SqlKind::Integer:
            return is("integer") || is("bigint") || is("numeric") || is("double precision");
        case SqlKind::BigInt:
            return is("bigint") || is("numeric") || is("double precision");
        case SqlKind::Double:
            return is("double precision") || is("numeric");
        case SqlKind::Boolean:
            return is("boolean");
        case SqlKind::Date:
            return is("date") || is("timestamp");
        case SqlKind::Timestamp:
            return is("timestamp");
        case SqlKind::Text:
            return is("text") || is("character varying") || is("character");
        }
        return false;
    }

    // COPY text format: backslash, tab, newline and carriage return are escaped.
    void appendEscaped(std::string &out, const char *data, qsizetype size)
    {
        for (qsizetype i = 0; i < size; ++i) {
            const char c = data[i];
            switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
            }
        }
    }

    // civil_from_days (H. Hinnant): days since 1970-01-01 to a proleptic Gregorian date.
    void civilFromDays(qint64 z, qint64 &y, unsigned &m, unsigned &d)
    {
        z += 719468;
        const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
        const unsigned doe = unsigned(z - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        y = qint64(yoe) + era * 400;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        d = doy - (153 * mp + 2) / 5 + 1;
        m = mp < 10 ? mp + 3 : mp - 9;
        y += m <= 2 ? 1 : 0;
    }

    void appendDigits(std::string &out, qint64 value, int width)
    {
        char buffer[24];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        Q_UNUSED(ec);
        for (int pad = width - int(end - buffer); pad > 0; --pad)
            out += '0';
        out.append(buffer, end);
    }

    void appendDateTime(std::string &out, double seconds, bool withTime)
    {
        const qint64 micros = qint64(std::llround(seconds * 1e6));
        qint64 days = micros / 86400000000LL;
        qint64 rest = micros % 86400000000LL;
        if (rest < 0) {
            rest += 86400000000LL;
            --days;
        }
        qint64 y;
        unsigned m, d;
        civilFromDays(days, y, m, d);
        const bool bc = y <= 0; // PostgreSQL has no year 0: 1 BC is year 0 here
        appendDigits(out, bc ? 1 - y : y, 4);
        out += '-';
        appendDigits(out, m, 2);
        out += '-';
        appendDigits(out, d, 2);
        if (withTime) {
            const qint64 secs = rest / 1000000;
            const qint64 frac = rest % 1000000;
            out += ' ';
            appendDigits(out, secs / 3600, 2);
            out += ':';
            appendDigits(out, secs / 60 % 60, 2);
            out += ':';
            appendDigits(out, secs % 60, 2);
            if (frac != 0) {
                out += '.';
                appendDigits(out, frac, 6);
            }
        }
        if (bc)
            out += " BC";
    }

    void appendNumber(std::string &out, double value, bool integral)
    {
        char buffer[40];
        if (std::isnan(value)) {
            out += "NaN";
        } else if (std::isinf(value)) {
            out += value > 0 ? "Infinity" : "-Infinity";
        } else if (integral) {
            auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, qint64(value));
            Q_UNUSED(ec);
            out.append(buffer, end);
        } else {
            auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value); // shortest round-trip form
            Q_UNUSED(ec);
            out.append(buffer, end);
        }
    }

    struct OutColumn {
        const Column *column = nullptr;
        SqlKind kind = SqlKind::Text;
        std::vector<std::string> escapedLabels; // Category: each label's COPY text, once
        std::vector<QByteArray> utf8Labels; // Category: each label's UTF-8, for binary COPY
    };

    // format_type() spelling of each kind: binary COPY needs the column to be exactly this type.
    QString exactTypeName(SqlKind kind)
    {
        return kind == SqlKind::Timestamp ? QStringLiteral("timestamp without time zone") : sqlTypeName(kind);
    }

    // PostgreSQL's binary date and timestamp count from 2000-01-01.
    constexpr qint64 kPostgresEpochDays = 10957;
    constexpr qint64 kPostgresEpochMicros = kPostgresEpochDays * 86400000000LL;

    template <typename T> void appendBigEndian(std::string &out, T value)
    {
        char bytes[sizeof(T)];
        qToBigEndian(value, bytes);
        out.append(bytes, sizeof(T));
    }

    void appendBinaryField(std::string &out, const OutColumn &c, qint64 r)
    {
        const Column &column = *c.column;
        if (column.isMissing(r)) {
            appendBigEndian<qint32>(out, -1);
            return;
        }
        switch (c.kind) {
        case SqlKind::Integer:
            appendBigEndian<qint32>(out, 4);
            appendBigEndian<qint32>(out, qint32(column.numbers()[size_t(r)]));
            return;
        case SqlKind::BigInt:
            appendBigEndian<qint32>(out, 8);
            appendBigEndian<qint64>(out, qint64(column.numbers()[size_t(r)]));
            return;
        case SqlKind::Double: {
            appendBigEndian<qint32>(out, 8);
            quint64 bits;
            const double value = column.numbers()[size_t(r)];
            memcpy(&bits, &value, sizeof bits);
            appendBigEndian<quint64>(out, bits);
            return;
        }
        case SqlKind::Boolean:
            appendBigEndian<qint32>(out, 1);
            out += column.codes()[size_t(r)] ? '\1' : '\0';
            return;
        case SqlKind::Date:
            appendBigEndian<qint32>(out, 4);
            appendBigEndian<qint32>(
                out, qint32(qint64(std::floor(column.numbers()[size_t(r)] / 86400.0)) - kPostgresEpochDays));
            return;
        case SqlKind::Timestamp:
            appendBigEndian<qint32>(out, 8);
            appendBigEndian<qint64>(
                out, qint64(std::llround(column.numbers()[size_t(r)] * 1e6)) - kPostgresEpochMicros);
            return;
        case SqlKind::Text: {
            if (column.storage() == ColumnStorage::Category) {
                const QByteArray &label = c.utf8Labels[size_t(column.codes()[size_t(r)])];
                appendBigEndian<qint32>(out, qint32(label.size()));
                out.append(label.constData(), size_t(label.size()));
            } else {
                const QByteArray utf8 = column.texts()[size_t(r)].toUtf8();
                appendBigEndian<qint32>(out, qint32(utf8.size()));
                out.append(utf8.constData(), size_t(utf8.size()));
            }
            return;
        }
        }
    }

    struct ExistingColumn {
        QString type;
        bool notNull = false;
        bool hasDefault = false;
    };

    constexpr size_t kCopyChunkBytes = size_t(1) << 20;

} // namespace

QString exportModeKey(ExportMode mode)
{
    switch (mode) {
    case ExportMode::Create:
        return QStringLiteral("create");
    case ExportMode::Replace:
        return QStringLiteral("replace");
    case ExportMode::Append:
        return QStringLiteral("append");
    }
    return {};
}

std::optional<ExportMode> exportModeFromKey(const QString &key)
{
    for (ExportMode mode : { ExportMode::Create, ExportMode::Replace, ExportMode::Append }) {
        if (exportModeKey(mode) == key)
            return mode;
    }
    return std::nullopt;
}

QString PostgresTarget::qualifiedName() const
{
    return quoteIdentifier(schema) + u'.' + quoteIdentifier(table);
}

std::optional<std::pair<QString, QString>> PostgresTarget::splitName(const QString &name)
{
    QStringList parts;
    QString current;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (quoted) {
            if (c == u'"' && i + 1 < name.size() && name[i + 1] == u'"') {
                current += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                current += c;
            }
        } else if (c == u'"') {
            quoted = true;
            wasQuoted = true;
        } else if (c == u'.') {
            parts << current;
            current.clear();
            wasQuoted = false;
        } else {
            current += c;
        }
    }
    Q_UNUSED(wasQuoted);
    if (quoted)
        return std::nullopt;
    parts << current;
    if (parts.size() == 1)
        parts.prepend(QStringLiteral("public"));
    if (parts.size() != 2 || parts[0].isEmpty() || parts[1].isEmpty())
        return std::nullopt;
    return std::make_pair(parts[0], parts[1]);
}

QString postgresTypeFor(const Column &column, const ColumnMeta *meta)
{
    return sqlTypeName(sqlKindFor(column, meta));
}

Result<PostgresExportResult> exportToPostgres(
    const Table &table, const Schema &schema, const PostgresTarget &target, ExportMode mode, JobContext &job)
{
    const QString qualified = target.qualifiedName();
    const QString where = target.connection.describe();
    if (target.table.isEmpty() || target.schema.isEmpty())
        return Error { Error::Code::InvalidInput,
            tr("No target table given for the export to %1.").arg(where), {} };

    std::vector<OutColumn> columns;
    QStringList columnNames;
    for (const Column &column : table.columns()) {
        const ColumnMeta *meta = schema.find(column.name());
        if (meta && meta->excluded)
            continue;
        OutColumn out;
        out.column = &column;
        out.kind = sqlKindFor(column, meta);
        if (column.storage() == ColumnStorage::Category) {
            out.escapedLabels.reserve(size_t(column.labels().size()));
            for (const QString &label : column.labels()) {
                const QByteArray utf8 = label.toUtf8();
                std::string escaped;
                appendEscaped(escaped, utf8.constData(), utf8.size());
                out.escapedLabels.push_back(std::move(escaped));
                out.utf8Labels.push_back(utf8);
            }
        }
        columns.push_back(std::move(out));
        columnNames << column.name();
    }
    if (columns.empty())
        return Error { Error::Code::InvalidInput, tr("There are no columns to export to %1.").arg(qualified),
            {} };

    job.reportProgress(0.0, tr("Connecting to %1").arg(where));
    auto opened = PostgresConnection::open(target.connection);
    if (!opened)
        return opened.error();
    const PostgresConnection &connection = opened.value();
    pg_conn *conn = connection.native();
    const QString writing = tr("writing table %1").arg(qualified);

    // Everything below happens in one transaction: DDL is transactional in PostgreSQL, so a
    // failure, a cancel or a killed process (the server rolls back a dropped session) leaves
    // the database as it was.
    if (auto ok = connection.exec("BEGIN", writing); !ok)
        return ok.error();
    const auto fail = [&](Error error) {
        PQclear(PQexec(conn, "ROLLBACK"));
        return error;
    };

    auto existing = connection.query(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.atthasdef "
        "FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum",
        { qualified.toUtf8() }, writing);
    if (!existing)
        return fail(existing.error());
    auto exists = connection.query("SELECT to_regclass($1) IS NOT NULL", { qualified.toUtf8() }, writing);
    if (!exists) {
        PQclear(existing.value());
        return fail(exists.error());
    }
    const bool tableExists = PQgetvalue(exists.value(), 0, 0)[0] == 't';
    PQclear(exists.value());
    QHash<QString, ExistingColumn> existingColumns;
    for (int i = 0; i < PQntuples(existing.value()); ++i)
        existingColumns.insert(QString::fromUtf8(PQgetvalue(existing.value(), i, 0)),
            { QString::fromUtf8(PQgetvalue(existing.value(), i, 1)),
                PQgetvalue(existing.value(), i, 2)[0] == 't', PQgetvalue(existing.value(), i, 3)[0] == 't' });
    PQclear(existing.value());

    PostgresExportResult result;
    for (const OutColumn &c : columns)
        result.columnTypes << sqlTypeName(c.kind);

    if (tableExists && mode == ExportMode::Create)
        return fail(Error { Error::Code::InvalidInput,
            tr("Table %1 already exists on %2; choose replace or append.").arg(qualified, where), {} });
    // Binary COPY spares the server parsing numbers and dates, but needs each column to be
    // exactly our type; appending to, say, a numeric or varchar column falls back to text.
    bool binary = true;
    if (tableExists && mode == ExportMode::Append) {
        for (const OutColumn &c : columns) {
            const QString &name = c.column->name();
            const auto it = existingColumns.constFind(name);
            if (it == existingColumns.constEnd())
                return fail(Error { Error::Code::InvalidInput,
                    tr("Cannot append to %1 on %2: it has no column %3.")
                        .arg(qualified, where, quoteIdentifier(name)),
                    {} });
            if (it->type != exactTypeName(c.kind))
                binary = false;
            if (!compatible(c.kind, it->type))
                return fail(Error { Error::Code::InvalidInput,
                    tr("Cannot append to %1 on %2: column %3 is %4 there but the data needs %5.")
                        .arg(qualified, where, quoteIdentifier(name), it->type, sqlTypeName(c.kind)),
                    {} });
        }
        for (auto it = existingColumns.cbegin(); it != existingColumns.cend(); ++it) {
            if (!columnNames.contains(it.key()) && it->notNull && !it->hasDefault)
                return fail(Error { Error::Code::InvalidInput,
                    tr("Cannot append to %1 on %2: its column %3 is NOT NULL without a default and "
                       "the data has no such column.")
                        .arg(qualified, where, quoteIdentifier(it.key())),
                    {} });
        }
    } else {
        if (tableExists) { // Replace
            if (auto ok = connection.exec("DROP TABLE " + qualified.toUtf8(), writing); !ok)
                return fail(ok.error());
        }
        QStringList definitions;
        for (const OutColumn &c : columns)
            definitions << quoteIdentifier(c.column->name()) + u' ' + sqlTypeName(c.kind);
        const QString create = QStringLiteral("CREATE TABLE %1 (%2)").arg(qualified, definitions.join(u", "));
        if (auto ok = connection.exec(create.toUtf8(), writing); !ok)
            return fail(ok.error());
        result.created = true;
    }

    QStringList quotedNames;
    for (const QString &name : columnNames)
        quotedNames << quoteIdentifier(name);
    const QString copy = QStringLiteral("COPY %1 (%2) FROM STDIN%3")
                             .arg(qualified, quotedNames.join(u", "),
                                 binary ? QStringLiteral(" WITH (FORMAT binary)") : QString());
    PGresult *started = PQexec(conn, copy.toUtf8().constData());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
        Error error = connection.databaseError(writing, started);
        PQclear(started);
        return fail(error);
    }
    PQclear(started);

    const qint64 rows = table.rowCount();
    const int columnCount = int(columns.size());
    std::string buffer;
    buffer.reserve(kCopyChunkBytes + 64 * 1024);
    bool cancelled = false;
    const auto flush = [&]() -> bool {
        if (buffer.empty())
            return true;
        const bool sent = PQputCopyData(conn, buffer.data(), int(buffer.size())) == 1;
        buffer.clear();
        return sent;
    };
    bool sendFailed = false;
    if (binary) {
        buffer.append("PGCOPY\n\377\r\n\0", 11);
        appendBigEndian<qint32>(buffer, 0); // flags
        appendBigEndian<qint32>(buffer, 0); // header extension length
    }
    for (qint64 r = 0; r < rows; ++r) {
        if (binary) {
            appendBigEndian<qint16>(buffer, qint16(columnCount));
            for (const OutColumn &c : columns)
                appendBinaryField(buffer, c, r);
        }
        for (int ci = 0; !binary && ci < columnCount; ++ci) {
            const OutColumn &c = columns[size_t(ci)];
            const Column &column = *c.column;
            if (ci > 0)
                buffer += '\t';
            if (column.isMissing(r)) {
                buffer += "\\N";
                continue;
            }
            switch (column.storage()) {
            case ColumnStorage::Number:
                appendNumber(buffer, column.numbers()[size_t(r)],
                    c.kind == SqlKind::Integer || c.kind == SqlKind::BigInt);
                break;
            case ColumnStorage::DateTime:
                appendDateTime(buffer, column.numbers()[size_t(r)], c.kind == SqlKind::Timestamp);
                break;
            case ColumnStorage::Boolean:
                buffer += column.codes()[size_t(r)] ? "true" : "false";
                break;
            case ColumnStorage::Category:
                buffer += c.escapedLabels[size_t(column.codes()[size_t(r)])];
                break;
            case ColumnStorage::Text: {
                const QByteArray utf8 = column.texts()[size_t(r)].toUtf8();
                appendEscaped(buffer, utf8.constData(), utf8.size());
                break;
            }
            }
        }
        if (!binary)
            buffer += '\n';
        if (buffer.size() >= kCopyChunkBytes) {
            if (!flush()) {
                sendFailed = true;
                break;
            }
            if (job.isCancelled()) {
                cancelled = true;
                break;
            }
            job.reportProgress(0.05 + 0.9 * double(r + 1) / double(rows),
                tr("Writing %1: %2 of %3 rows").arg(qualified).arg(r + 1).arg(rows));
        }
    }
    if (binary)
        appendBigEndian<qint16>(buffer, -1); // trailer
    if (!cancelled && !sendFailed && !flush())
        sendFailed = true;
    if (!cancelled && !sendFailed && job.isCancelled())
        cancelled = true;

    // Ending with an error message makes the server abort the COPY (and so the transaction).
    PQputCopyEnd(conn, cancelled || sendFailed ? "export cancelled by healthsynth" : nullptr);
    Error copyError;
    bool copyOk = true;
    while (PGresult *res = PQgetResult(conn)) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK && copyOk) {
            copyOk = false;
            copyError = connection.databaseError(writing, res);
        }
        PQclear(res);
    }
    if (cancelled) {
        PQclear(PQexec(conn, "ROLLBACK"));
        return cancelledError();
    }
    if (sendFailed || !copyOk)
        return fail(copyOk ? connection.databaseError(writing) : copyError);

    job.reportProgress(0.97, tr("Committing %1").arg(qualified));
    if (auto ok = connection.exec("COMMIT", writing); !ok)
        return fail(ok.error());
    result.rows = rows;
    job.reportProgress(1.0, tr("Wrote %1 rows to %2").arg(rows).arg(qualified));
    return result;
}

} // namespace core
