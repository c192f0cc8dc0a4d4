// SPDX-License-Identifier: MIT
#include "core/data/postgressource.h"

#include "core/data/schemainference.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <charconv>
#include <cmath>
#include <libpq-fe.h>
#include <optional>

namespace core {

namespace {

    // Built-in type OIDs (src/include/catalog/pg_type.dat); stable across server versions.
    enum : Oid {
        kBoolOid = 16,
        kInt8Oid = 20,
        kInt2Oid = 21,
        kInt4Oid = 23,
        kOidOid = 26,
        kFloat4Oid = 700,
        kFloat8Oid = 701,
        kDateOid = 1082,
        kTimestampOid = 1114,
        kTimestampTzOid = 1184,
        kNumericOid = 1700,
    };

    enum class PgKind { Integer, Numeric, Float, Boolean, Date, Timestamp, Enum, Text };

    // A column whose labels exceed this share of its rows (after kCategorySampleRows rows) is
    // free text, not a category: keeping a dictionary would only cost memory.
    constexpr qint64 kCategorySampleRows = 1000;
    constexpr double kMaxCategoryShare = 0.5;

    struct ColumnBuilder {
        Column column;
        PgKind kind = PgKind::Text;
        QString typeName;
        QHash<QString, std::int32_t> labelCodes;
        bool constrainedScale = false; // numeric(p, s): integer-ness comes from s, not the values
        bool anyFraction = false; // an unconstrained numeric value had a non-zero fraction
        bool anyFractionalSecond = false;
        qint64 nonFinite = 0; // infinity / NaN / BC values read as missing
    };

    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
    qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
    {
        y -= m <= 2 ? 1 : 0;
        const qint64 era = (y >= 0 ? y : y - 399) / 400;
        const unsigned yoe = unsigned(y - era * 400);
        const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + qint64(doe) - 719468;
    }

    bool parseDigits(const char *&p, const char *end, int count, int &out)
    {
        out = 0;
        for (int i = 0; i < count; ++i, ++p) {
            if (p >= end || *p < '0' || *p > '9')
                return false;
            out = out * 10 + (*p - '0');
        }
        return true;
    }

    // "YYYY-MM-DD[ HH:MM:SS[.ffffff]][+HH[:MM[:SS]]]" (DateStyle ISO, session time zone UTC) to
    // seconds since the epoch. nullopt for infinity, BC dates or anything else.
    std::optional<double> parseIsoDateTime(const char *p, const char *end, bool &fractional)
    {
        int year = 0, month = 0, day = 0;
        const char *yearStart = p;
        while (p < end && *p >= '0' && *p <= '9')
            year = year * 10 + (*p++ - '0');
        if (p - yearStart < 4 || p >= end || *p++ != '-' || !parseDigits(p, end, 2, month) || p >= end
            || *p++ != '-' || !parseDigits(p, end, 2, day))
            return std::nullopt;
        double seconds = double(daysFromCivil(year, unsigned(month), unsigned(day))) * 86400.0;
        if (p == end)
            return seconds;
        int hour = 0, minute = 0, second = 0;
        if (*p++ != ' ' || !parseDigits(p, end, 2, hour) || p >= end || *p++ != ':'
            || !parseDigits(p, end, 2, minute) || p >= end || *p++ != ':' || !parseDigits(p, end, 2, second))
            return std::nullopt;
        seconds += hour * 3600.0 + minute * 60.0 + second;
        if (p < end && *p == '.') {
            ++p;
            double scale = 0.1, fraction = 0.0;
            while (p < end && *p >= '0' && *p <= '9') {
                fraction += (*p++ - '0') * scale;
                scale /= 10.0;
            }
            if (fraction != 0.0)
                fractional = true;
            seconds += fraction;
        }
        if (p < end && (*p == '+' || *p == '-')) {
            const int sign = *p++ == '-' ? -1 : 1;
            int offH = 0, offM = 0, offS = 0;
            if (!parseDigits(p, end, 2, offH))
                return std::nullopt;
            if (p < end && *p == ':') {
                ++p;
                if (!parseDigits(p, end, 2, offM))
                    return std::nullopt;
            }
            if (p < end && *p == ':') {
                ++p;
                if (!parseDigits(p, end, 2, offS))
                    return std::nullopt;
            }
            seconds -= sign * (offH * 3600.0 + offM * 60.0 + offS);
        }
        if (p != end)
            return std::nullopt;
        return seconds;
    }

    void appendLabel(ColumnBuilder &b, const char *value, int length)
    {
        const QString text = QString::fromUtf8(value, length);
        if (b.column.storage() == ColumnStorage::Text) {
            b.column.appendText(text);
            return;
        }
        auto it = b.labelCodes.constFind(text);
        std::int32_t code;
        if (it != b.labelCodes.constEnd()) {
            code = it.value();
        } else {
            code = std::int32_t(b.column.labels().size());
            b.column.labels().append(text);
            b.labelCodes.insert(text, code);
        }
        b.column.appendCode(code);
    }

    // Turns a Category column that proved to be free text into Text storage.
    void convertToText(ColumnBuilder &b)
    {
        Column text(b.column.name(), ColumnStorage::Text);
        text.reserve(b.column.size());
        const QStringList &labels = b.column.labels();
        for (const std::int32_t code : b.column.codes()) {
            if (code < 0)
                text.appendMissing();
            else
                text.appendText(labels[code]);
        }
        b.column = std::move(text);
        b.labelCodes.clear();
    }

    void appendCell(ColumnBuilder &b, const char *value, int length)
    {
        const char *end = value + length;
        switch (b.kind) {
        case PgKind::Integer: {
            qint64 number = 0;
            const auto [ptr, ec] = std::from_chars(value, end, number);
            if (ec != std::errc() || ptr != end) {
                b.column.appendMissing();
                ++b.nonFinite;
            } else {
                b.column.appendNumber(double(number));
            }
            return;
        }
        case PgKind::Numeric:
        case PgKind::Float: {
            double number = 0.0;
            const auto [ptr, ec] = std::from_chars(value, end, number);
            if (ec != std::errc() || ptr != end) {
                b.column.appendMissing();
                ++b.nonFinite;
                return;
            }
            // Infinity and NaN have no place in a modelled column: missing, and said so.
            if (!std::isfinite(number)) {
                b.column.appendMissing();
                ++b.nonFinite;
                return;
            }
            if (b.kind == PgKind::Numeric && !b.constrainedScale && !b.anyFraction && std::isfinite(number)
                && number != std::trunc(number))
                b.anyFraction = true;
            b.column.appendNumber(number);
            return;
        }
        case PgKind::Boolean:
            b.column.appendCode(value[0] == 't' ? 1 : 0);
            return;
        case PgKind::Date:
        case PgKind::Timestamp: {
            const auto seconds = parseIsoDateTime(value, end, b.anyFractionalSecond);
            if (seconds) {
                b.column.appendNumber(*seconds);
            } else {
                b.column.appendMissing();
                ++b.nonFinite;
            }
            return;
        }
        case PgKind::Enum:
        case PgKind::Text:
            appendLabel(b, value, length);
            return;
        }
    }

} // namespace

PostgresSource::PostgresSource(PostgresConnectionInfo info)
    : m_info(std::move(info))
{
}

Result<QStringList> PostgresSource::schemas() const
{
    auto connection = PostgresConnection::open(m_info);
    if (!connection)
        return connection.error();
    QSqlQuery query(QSqlDatabase::database(connection.value().qtConnectionName(), false));
    if (!query.exec(
            QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname NOT IN "
                           "('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_toast%' "
                           "AND nspname NOT LIKE 'pg\\_temp\\_%' AND has_schema_privilege(oid, 'USAGE') "
                           "ORDER BY nspname")))
        return Error { Error::Code::Database, tr("Cannot list the schemas of %1.").arg(m_info.describe()),
            query.lastError().databaseText()
                + QStringLiteral(" [SQLSTATE %1]").arg(query.lastError().nativeErrorCode()) };
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

Result<QList<PostgresTableRef>> PostgresSource::tables(const QString &schema) const
{
    auto connection = PostgresConnection::open(m_info);
    if (!connection)
        return connection.error();
    QSqlQuery query(QSqlDatabase::database(connection.value().qtConnectionName(), false));
    query.prepare(QStringLiteral(
        "SELECT n.nspname, c.relname, c.relkind IN ('v', 'm'), c.reltuples::bigint FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND n.nspname NOT IN ('pg_catalog', "
        "'information_schema') "
        "AND n.nspname NOT LIKE 'pg\\_toast%' AND (? = '' OR n.nspname = ?) "
        "AND has_table_privilege(c.oid, 'SELECT') ORDER BY n.nspname, c.relname"));
    const QString filter = schema.isNull() ? QStringLiteral("") : schema;
    query.addBindValue(filter);
    query.addBindValue(filter);
    if (!query.exec())
        return Error { Error::Code::Database, tr("Cannot list the tables of %1.").arg(m_info.describe()),
            query.lastError().databaseText()
                + QStringLiteral(" [SQLSTATE %1]").arg(query.lastError().nativeErrorCode()) };
    QList<PostgresTableRef> refs;
    while (query.next())
        refs.append({ query.value(0).toString(), query.value(1).toString(), query.value(2).toBool(),
            query.value(3).toLongLong() });
    return refs;
}

Result<PostgresLoadResult> PostgresSource::loadTable(
    const QString &schema, const QString &table, JobContext &job, qint64 maxRows) const
{
    const QString qualified
        = (schema.isEmpty() ? QString() : quoteIdentifier(schema) + u'.') + quoteIdentifier(table);
    return load(
        QStringLiteral("SELECT * FROM ") + qualified, tr("table %1").arg(qualified), qualified, job, maxRows);
}

Result<PostgresLoadResult> PostgresSource::loadQuery(
    const QString &sql, JobContext &job, qint64 maxRows) const
{
    QString statement = sql.trimmed();
    while (statement.endsWith(u';'))
        statement = statement.chopped(1).trimmed();
    return load(statement, tr("the query"), QString(), job, maxRows);
}

Result<PostgresLoadResult> PostgresSource::load(
    const QString &sql, const QString &what, const QString &relation, JobContext &job, qint64 maxRows) const
{
    auto opened = PostgresConnection::open(m_info);
    if (!opened)
        return opened.error();
    const PostgresConnection &connection = opened.value();
    const QString reading = tr("reading %1").arg(what);

    // For a table, the planner's row estimate sizes the columns up front and drives progress.
    qint64 estimatedRows = -1;
    if (!relation.isEmpty()) {
        auto estimate = connection.query("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass($1)",
            { relation.toUtf8() }, reading);
        if (!estimate)
            return estimate.error();
        if (PQntuples(estimate.value()) == 0) {
            PQclear(estimate.value());
            return Error { Error::Code::Database,
                tr("There is no %1 on %2 (or the user %3 cannot see it).")
                    .arg(what, m_info.describe(), m_info.user),
                {} };
        }
        estimatedRows = QByteArray(PQgetvalue(estimate.value(), 0, 0)).toLongLong();
        PQclear(estimate.value());
    }

    if (auto ok = connection.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", reading); !ok)
        return ok.error();
    if (auto ok = connection.exec("DECLARE healthsynth_cursor NO SCROLL CURSOR FOR " + sql.toUtf8(), reading);
        !ok)
        return ok.error();

    PostgresLoadResult out;
    out.source = m_info.toUri() + u' ' + what;
    std::vector<ColumnBuilder> builders;
    qint64 rows = 0;
    const QByteArray fetch = "FETCH FORWARD " + QByteArray::number(kFetchRows) + " FROM healthsynth_cursor";
    for (;;) {
        if (job.isCancelled())
            return cancelledError();
        auto fetched = connection.query(fetch, {}, reading);
        if (!fetched)
            return fetched.error();
        PGresult *result = fetched.value();
        const int fields = PQnfields(result);
        if (builders.empty() && fields > 0) {
            // Resolve each column's type once: built-ins by OID, enums and domains from pg_type.
            builders.resize(size_t(fields));
            for (int f = 0; f < fields; ++f) {
                ColumnBuilder &b = builders[size_t(f)];
                Oid oid = PQftype(result, f);
                int typmod = PQfmod(result, f);
                const QString name = QString::fromUtf8(PQfname(result, f));
                QString typeName;
                char typtype = 'b';
                for (int depth = 0; depth < 8; ++depth) {
                    auto info
                        = connection.query("SELECT typname, typtype, typbasetype, typtypmod FROM pg_type "
                                           "WHERE oid = $1",
                            { QByteArray::number(oid) }, reading);
                    if (!info) {
                        PQclear(result);
                        return info.error();
                    }
                    if (PQntuples(info.value()) == 1) {
                        if (typeName.isEmpty())
                            typeName = QString::fromUtf8(PQgetvalue(info.value(), 0, 0));
                        typtype = PQgetvalue(info.value(), 0, 1)[0];
                        if (typtype == 'd') { // a domain: read it as its base type
                            oid = Oid(QByteArray(PQgetvalue(info.value(), 0, 2)).toULongLong());
                            typmod = QByteArray(PQgetvalue(info.value(), 0, 3)).toInt();
                            PQclear(info.value());
                            continue;
                        }
                    }
                    PQclear(info.value());
                    break;
                }
                b.typeName = typeName;
                switch (oid) {
                case kInt2Oid:
                case kInt4Oid:
                case kInt8Oid:
                case kOidOid:
                    b.kind = PgKind::Integer;
                    b.column = Column(name, ColumnStorage::Number);
                    b.column.setInteger(true);
                    b.column.setDecimals(0);
                    break;
                case kNumericOid:
                    b.kind = PgKind::Numeric;
                    b.column = Column(name, ColumnStorage::Number);
                    if (typmod >= 4) { // numeric(p, s): typmod - 4 = (p << 16) | s
                        b.constrainedScale = true;
                        const int scale = (typmod - 4) & 0xffff;
                        b.column.setDecimals(scale);
                        b.column.setInteger(scale == 0);
                    }
                    break;
                case kFloat4Oid:
                case kFloat8Oid:
                    b.kind = PgKind::Float;
                    b.column = Column(name, ColumnStorage::Number);
                    break;
                case kBoolOid:
                    b.kind = PgKind::Boolean;
                    b.column = Column(name, ColumnStorage::Boolean);
                    b.column.labels() = QStringList { QStringLiteral("false"), QStringLiteral("true") };
                    break;
                case kDateOid:
                    b.kind = PgKind::Date;
                    b.column = Column(name, ColumnStorage::DateTime);
                    b.column.setDateFormat(QStringLiteral("%Y-%m-%d"));
                    break;
                case kTimestampOid:
                case kTimestampTzOid:
                    b.kind = PgKind::Timestamp;
                    b.column = Column(name, ColumnStorage::DateTime);
                    b.column.setDateFormat(QStringLiteral("%Y-%m-%d %H:%M:%S"));
                    break;
                default:
                    b.kind = typtype == 'e' ? PgKind::Enum : PgKind::Text;
                    b.column = Column(name, ColumnStorage::Category);
                    break;
                }
                if (b.kind == PgKind::Enum) {
                    auto labels = connection.query("SELECT enumlabel FROM pg_enum WHERE enumtypid = $1 "
                                                   "ORDER BY enumsortorder",
                        { QByteArray::number(oid) }, reading);
                    if (!labels) {
                        PQclear(result);
                        return labels.error();
                    }
                    for (int i = 0; i < PQntuples(labels.value()); ++i) {
                        const QString label = QString::fromUtf8(PQgetvalue(labels.value(), i, 0));
                        b.labelCodes.insert(label, std::int32_t(b.column.labels().size()));
                        b.column.labels().append(label);
                    }
                    PQclear(labels.value());
                }
                if (b.kind == PgKind::Text && oid != 25 && oid != 1042 && oid != 1043 && oid != 19)
                    out.diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("pg_type_as_text"),
                        tr("Column %1 has type %2, which is read as text.").arg(name, typeName), name, -1 });
                if (estimatedRows > 0) {
                    const qint64 reserve = maxRows >= 0 ? std::min(maxRows, estimatedRows) : estimatedRows;
                    b.column.reserve(reserve + reserve / 32);
                }
            }
        }
        int n = PQntuples(result);
        if (maxRows >= 0)
            n = int(std::min<qint64>(n, maxRows - rows));
        for (int f = 0; f < fields; ++f) {
            ColumnBuilder &b = builders[size_t(f)];
            for (int r = 0; r < n; ++r) {
                if (PQgetisnull(result, r, f))
                    b.column.appendMissing();
                else
                    appendCell(b, PQgetvalue(result, r, f), PQgetlength(result, r, f));
            }
            if (b.kind == PgKind::Text && b.column.storage() == ColumnStorage::Category
                && rows + n >= kCategorySampleRows
                && double(b.column.labels().size()) > kMaxCategoryShare * double(rows + n))
                convertToText(b);
        }
        const bool done = PQntuples(result) < kFetchRows;
        PQclear(result);
        rows += n;
        if (estimatedRows > 0)
            job.reportProgress(std::min(0.99, double(rows) / double(estimatedRows)),
                tr("Reading %1: %2 rows").arg(what).arg(rows));
        else
            job.reportProgress(0.0, tr("Reading %1: %2 rows").arg(what).arg(rows));
        if (done || (maxRows >= 0 && rows >= maxRows))
            break;
    }
    if (auto ok = connection.exec("CLOSE healthsynth_cursor; COMMIT", reading); !ok)
        return ok.error();

    for (ColumnBuilder &b : builders) {
        if (b.kind == PgKind::Numeric && !b.constrainedScale)
            b.column.setInteger(!b.anyFraction && b.column.missingCount() < b.column.size());
        if (b.kind == PgKind::Timestamp && b.anyFractionalSecond)
            b.column.setDateFormat(QStringLiteral("%Y-%m-%d %H:%M:%S.%f"));
        if (b.nonFinite > 0)
            out.diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("pg_non_finite"),
                tr("%n value(s) of column %1 (%2) were infinite, NaN or out of range and are "
                   "read as missing.",
                    nullptr, int(std::min<qint64>(b.nonFinite, INT_MAX)))
                    .arg(b.column.name(), b.typeName),
                b.column.name(), -1 });
        out.table.addColumn(std::move(b.column));
    }
    builders.clear();
    job.reportProgress(1.0, tr("Read %1 rows").arg(rows));
    out.schema = inferSchema(out.table, out.diagnostics);
    return out;
}

} // namespace core
