// SPDX-License-Identifier: MIT
#pragma once

#include "core/result.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <memory>

struct pg_conn;
struct pg_result;

namespace core {

/// Where a PostgreSQL database is: host, port, database, user and libpq options.
/// The password is held only in memory: toUri() and describe() never include it, and nothing
/// in core writes it to a file, a log or an error message.
struct PostgresConnectionInfo {
    QString host = QStringLiteral("localhost"); ///< host name, IP address or a Unix socket directory
    int port = 5432;
    QString database;
    QString user;
    QString password; ///< never serialised; filled from credentials at run time
    QMap<QString, QString> options; ///< further libpq keywords: sslmode, connect_timeout, ...

    /// Parses a libpq URI: postgresql://[user[:password]@][host][:port][/database][?key=value&...]
    /// ("postgres://" too). A password in the URI is accepted into `password`.
    /// Fails with InvalidInput naming the part that is wrong.
    static Result<PostgresConnectionInfo> fromUri(const QString &uri);
    /// The URI without the password, e.g. "postgresql://ana@db.example:5432/study?sslmode=require".
    QString toUri() const;
    /// "host:port/database" for messages.
    QString describe() const;
};

/// An open PostgreSQL session through Qt Sql's QPSQL driver, also giving libpq's native handle
/// (for COPY and raw result access). One instance per thread: create, use and destroy it on the
/// same thread. Move-only; closing happens in the destructor.
class PostgresConnection final {
    Q_DECLARE_TR_FUNCTIONS(core::PostgresConnection)
public:
    PostgresConnection(PostgresConnection &&other) noexcept;
    PostgresConnection &operator=(PostgresConnection &&other) noexcept;
    ~PostgresConnection();

    /// Connects (connect_timeout defaults to 10 s). Errors name host, port, database and user,
    /// carry the server's message and SQL state in `detail`, and never contain the password.
    static Result<PostgresConnection> open(const PostgresConnectionInfo &info);

    const PostgresConnectionInfo &info() const;
    /// The Qt Sql connection name, for QSqlDatabase::database(name, false).
    QString qtConnectionName() const;
    /// libpq's connection; owned by the QPSQL driver, valid while this object lives.
    pg_conn *native() const;

    /// Runs a statement through libpq and checks its status; the error names `what`.
    Result<void> exec(const QByteArray &sql, const QString &what) const;
    /// Runs a query with text parameters; the caller owns the result (PQclear).
    Result<pg_result *> query(
        const QByteArray &sql, const QList<QByteArray> &params, const QString &what) const;
    /// An Error from the connection's or result's last failure: message names `what` and the
    /// database, detail holds the server message and SQL state (password scrubbed).
    Error databaseError(const QString &what, const pg_result *result = nullptr) const;

private:
    struct Private;
    explicit PostgresConnection(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

/// Quotes an identifier for SQL: "name" with embedded quotes doubled.
QString quoteIdentifier(const QString &identifier);
/// Replaces every occurrence of `secret` (when non-empty) in text by "***".
QString scrubSecret(QString text, const QString &secret);

} // namespace core
