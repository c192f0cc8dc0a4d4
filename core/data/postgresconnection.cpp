// SPDX-License-Identifier: MIT
#include "core/data/postgresconnection.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>
#include <libpq-fe.h>

namespace core {

namespace {

    QAtomicInteger<quint64> s_connectionCounter;

    bool isDefaultPort(int port)
    {
        return port == 5432;
    }

} // namespace

Result<PostgresConnectionInfo> PostgresConnectionInfo::fromUri(const QString &uri)
{
    const QUrl url(uri, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"postgresql" && scheme != u"postgres"))
        return Error { Error::Code::InvalidInput,
            QCoreApplication::translate(
                "core::PostgresConnection", "Not a PostgreSQL URI: it must start with postgresql://."),
            url.isValid() ? QString() : url.errorString() };
    PostgresConnectionInfo info;
    if (!url.host().isEmpty())
        info.host = url.host();
    info.port = url.port(5432);
    info.database = url.path().mid(1);
    info.user = url.userName(QUrl::FullyDecoded);
    info.password = url.password(QUrl::FullyDecoded);
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"host")
            info.host = value;
        else if (key == u"port")
            info.port = value.toInt();
        else if (key == u"dbname")
            info.database = value;
        else if (key == u"user")
            info.user = value;
        else if (key == u"password")
            info.password = value;
        else
            info.options.insert(key, value);
    }
    if (info.port <= 0 || info.port > 65535)
        return Error { Error::Code::InvalidInput,
            QCoreApplication::translate("core::PostgresConnection", "The port in %1 is not valid.")
                .arg(info.toUri()),
            {} };
    if (info.database.isEmpty())
        info.database = info.user;
    return info;
}

QString PostgresConnectionInfo::toUri() const
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    if (!user.isEmpty())
        url.setUserName(user);
    const bool socketDir = host.startsWith(u'/');
    if (!socketDir)
        url.setHost(host);
    if (!isDefaultPort(port))
        url.setPort(port);
    url.setPath(u'/' + database);
    QUrlQuery query;
    if (socketDir)
        query.addQueryItem(QStringLiteral("host"), host);
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        query.addQueryItem(it.key(), it.value());
    url.setQuery(query);
    return url.toString();
}

QString PostgresConnectionInfo::describe() const
{
    return QStringLiteral("%1:%2/%3").arg(host).arg(port).arg(database);
}

struct PostgresConnection::Private {
    PostgresConnectionInfo info;
    QString name;
    pg_conn *conn = nullptr;

    ~Private()
    {
        if (name.isEmpty())
            return;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
};

PostgresConnection::PostgresConnection(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}
PostgresConnection::PostgresConnection(PostgresConnection &&other) noexcept = default;
PostgresConnection &PostgresConnection::operator=(PostgresConnection &&other) noexcept = default;
PostgresConnection::~PostgresConnection() = default;

const PostgresConnectionInfo &PostgresConnection::info() const
{
    return d->info;
}
QString PostgresConnection::qtConnectionName() const
{
    return d->name;
}
pg_conn *PostgresConnection::native() const
{
    return d->conn;
}

Result<PostgresConnection> PostgresConnection::open(const PostgresConnectionInfo &info)
{
    const QString who = tr("PostgreSQL at %1 as user %2").arg(info.describe(), info.user);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error { Error::Code::Database,
            tr("Qt's PostgreSQL driver (QPSQL) is not installed; install libqt6sql6-psql."),
            QSqlDatabase::drivers().join(u", ") };
    if (info.database.isEmpty())
        return Error { Error::Code::InvalidInput, tr("No database name given for %1.").arg(who), {} };

    auto d = std::make_unique<Private>();
    d->info = info;
    d->name = QStringLiteral("healthsynth-pg-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), d->name);
    db.setHostName(info.host);
    db.setPort(info.port);
    db.setDatabaseName(info.database);
    db.setUserName(info.user);
    db.setPassword(info.password);
    QMap<QString, QString> options = info.options;
    if (!options.contains(QStringLiteral("connect_timeout")))
        options.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
    if (!options.contains(QStringLiteral("application_name")))
        options.insert(QStringLiteral("application_name"), QStringLiteral("healthsynth"));
    QStringList parts;
    for (auto it = options.cbegin(); it != options.cend(); ++it)
        parts << it.key() + u'=' + it.value();
    db.setConnectOptions(parts.join(u';'));
    if (!db.open()) {
        const QSqlError error = db.lastError();
        QString detail = error.databaseText().trimmed();
        if (!error.nativeErrorCode().isEmpty())
            detail += QStringLiteral(" [SQLSTATE %1]").arg(error.nativeErrorCode());
        db = QSqlDatabase();
        return Error { Error::Code::Database, tr("Cannot connect to %1.").arg(who),
            scrubSecret(detail, info.password) };
    }
    const QVariant handle = db.driver()->handle();
    // Qt names the type "pg_conn*" (6.4) or "PGconn*" (older releases).
    if (!handle.isValid()
        || (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return Error { Error::Code::Internal, tr("The QPSQL driver gave no libpq handle for %1.").arg(who),
            QString::fromLatin1(handle.typeName()) };
    d->conn = *static_cast<pg_conn *const *>(handle.constData());
    // Server NOTICEs ("schema ... does not exist, skipping") are not for the user's terminal.
    PQsetNoticeProcessor(
        d->conn, [](void *, const char *) {}, nullptr);
    db = QSqlDatabase();

    PostgresConnection connection(std::move(d));
    // Fixed session settings so values arrive in one unambiguous text form.
    if (auto ok
        = connection.exec("SET TIME ZONE 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601';"
                          " SET extra_float_digits = 3; SET client_encoding = 'UTF8'",
            tr("setting up the session"));
        !ok)
        return ok.error();
    return connection;
}

Result<void> PostgresConnection::exec(const QByteArray &sql, const QString &what) const
{
    PGresult *result = PQexec(d->conn, sql.constData());
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        PQclear(result);
        return {};
    }
    Error error = databaseError(what, result);
    PQclear(result);
    return error;
}

Result<pg_result *> PostgresConnection::query(
    const QByteArray &sql, const QList<QByteArray> &params, const QString &what) const
{
    std::vector<const char *> values;
    values.reserve(size_t(params.size()));
    for (const QByteArray &param : params)
        values.push_back(param.isNull() ? nullptr : param.constData());
    PGresult *result = PQexecParams(
        d->conn, sql.constData(), int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return result;
    Error error = databaseError(what, result);
    PQclear(result);
    return error;
}

Error PostgresConnection::databaseError(const QString &what, const pg_result *result) const
{
    QString detail;
    if (result && PQresultErrorMessage(result)[0] != '\0')
        detail = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
    else
        detail = QString::fromUtf8(PQerrorMessage(d->conn)).trimmed();
    if (result) {
        if (const char *state = PQresultErrorField(result, PG_DIAG_SQLSTATE))
            detail += QStringLiteral(" [SQLSTATE %1]").arg(QString::fromLatin1(state));
    }
    // A server that went away (restart, crash, terminated session) is not a failing query.
    const bool lost = PQstatus(d->conn) == CONNECTION_BAD;
    if (lost)
        detail += QStringLiteral(" [connection lost]");
    return Error { Error::Code::Database,
        lost ? tr("The connection to %2 was lost while %1.").arg(what, d->info.describe())
             : tr("PostgreSQL failed while %1 on %2.").arg(what, d->info.describe()),
        scrubSecret(detail, d->info.password) };
}

QString quoteIdentifier(const QString &identifier)
{
    QString quoted = identifier;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString scrubSecret(QString text, const QString &secret)
{
    if (!secret.isEmpty())
        text.replace(secret, QStringLiteral("***"));
    return text;
}

} // namespace core
