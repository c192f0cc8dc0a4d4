// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/postgresconnection.h"
#include "core/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace core {

/// Which secret is wanted.
enum class SecretKind {
    PostgresPassword, ///< account = user, service = "postgresql://host:port/db"
    S3AccessKeyId, ///< account empty, service = endpoint URL
    S3SecretAccessKey, ///< account = access key id, service = endpoint URL
    S3SessionToken, ///< account = access key id, service = endpoint URL; optional
};

/// A request for one secret. `service` and `account` are what a keychain entry is keyed on.
struct SecretRequest {
    SecretKind kind = SecretKind::PostgresPassword;
    QString service;
    QString account;
    /// Key for a keychain entry, e.g. "healthsynth/postgresql://db:5432/study/ana".
    QString keychainKey() const;
};

/// Somewhere secrets come from: the environment (EnvironmentSecrets), the system keychain
/// (the UI implements this with QtKeychain), or the user (a dialog, or the CLI's no-echo
/// prompt). Implementations must never log what they return. Called on the job's thread.
class SecretSource {
public:
    virtual ~SecretSource() = default;
    /// The secret, or nullopt when this source does not have it (then the next source is asked).
    virtual std::optional<QString> secret(const SecretRequest &request) = 0;
};

/// PGPASSWORD, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN.
class EnvironmentSecrets final : public SecretSource {
public:
    std::optional<QString> secret(const SecretRequest &request) override;
};

/// Fixed secrets given in code (tests, or values the UI already collected).
class StaticSecrets final : public SecretSource {
public:
    void set(SecretKind kind, const QString &value);
    std::optional<QString> secret(const SecretRequest &request) override;

private:
    QList<std::pair<SecretKind, QString>> m_values;
};

/// Asks someone: the UI's password dialog or the CLI's no-echo terminal prompt, given as a
/// callback returning nullopt when the user declines. Runs on the job's thread, so a UI
/// callback must hop to the GUI thread itself (e.g. BlockingQueuedConnection).
class PromptSecrets final : public SecretSource {
public:
    using Ask = std::function<std::optional<QString>(const SecretRequest &request)>;
    explicit PromptSecrets(Ask ask)
        : m_ask(std::move(ask))
    {
    }
    std::optional<QString> secret(const SecretRequest &request) override
    {
        return m_ask ? m_ask(request) : std::nullopt;
    }

private:
    Ask m_ask;
};

/// S3 credentials; `secretAccessKey` and `sessionToken` are never printed.
struct S3Credentials {
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken; ///< empty unless temporary credentials
};

/// Asks its sources in order (e.g. keychain, environment, prompt) and remembers every secret
/// it handed out, so scrub() can remove them from any text before it is shown or logged.
class CredentialResolver final {
    Q_DECLARE_TR_FUNCTIONS(core::CredentialResolver)
public:
    /// Sources are asked in the order added; the resolver does not take ownership semantics
    /// beyond the shared_ptr.
    void addSource(std::shared_ptr<SecretSource> source);
    /// A resolver with just EnvironmentSecrets (the CLI adds its prompt after it).
    static CredentialResolver fromEnvironment();

    /// Fills info.password from the sources when it is empty. Returns whether a password is set;
    /// false is not an error, as a server may need none (trust, peer) or libpq finds ~/.pgpass.
    bool resolvePostgres(PostgresConnectionInfo &info);
    /// Access key id and secret are required: fails with InvalidInput naming the endpoint and
    /// the environment variables to set. `accessKeyId` given by the user wins over sources.
    Result<S3Credentials> resolveS3(const QString &endpoint, const QString &accessKeyId = {});

    /// text with every secret handed out so far replaced by "***".
    QString scrub(QString text) const;

private:
    std::optional<QString> ask(const SecretRequest &request);
    QList<std::shared_ptr<SecretSource>> m_sources;
    QStringList m_handedOut;
};

} // namespace core
