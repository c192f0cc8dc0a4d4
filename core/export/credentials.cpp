// SPDX-License-Identifier: MIT
#include "core/export/credentials.h"

#include <QtGlobal>

namespace core {

QString SecretRequest::keychainKey() const
{
    return QStringLiteral("healthsynth/") + service + (account.isEmpty() ? QString() : u'/' + account);
}

std::optional<QString> EnvironmentSecrets::secret(const SecretRequest &request)
{
    const char *name = nullptr;
    switch (request.kind) {
    case SecretKind::PostgresPassword:
        name = "PGPASSWORD";
        break;
    case SecretKind::S3AccessKeyId:
        name = "AWS_ACCESS_KEY_ID";
        break;
    case SecretKind::S3SecretAccessKey:
        name = "AWS_SECRET_ACCESS_KEY";
        break;
    case SecretKind::S3SessionToken:
        name = "AWS_SESSION_TOKEN";
        break;
    }
    if (!qEnvironmentVariableIsSet(name))
        return std::nullopt;
    return qEnvironmentVariable(name);
}

void StaticSecrets::set(SecretKind kind, const QString &value)
{
    m_values.append({ kind, value });
}

std::optional<QString> StaticSecrets::secret(const SecretRequest &request)
{
    for (const auto &[kind, value] : m_values) {
        if (kind == request.kind)
            return value;
    }
    return std::nullopt;
}

void CredentialResolver::addSource(std::shared_ptr<SecretSource> source)
{
    m_sources.append(std::move(source));
}

CredentialResolver CredentialResolver::fromEnvironment()
{
    CredentialResolver resolver;
    resolver.addSource(std::make_shared<EnvironmentSecrets>());
    return resolver;
}

std::optional<QString> CredentialResolver::ask(const SecretRequest &request)
{
    for (const auto &source : m_sources) {
        if (auto value = source->secret(request); value && !value->isEmpty()) {
            m_handedOut.append(*value);
            return value;
        }
    }
    return std::nullopt;
}

bool CredentialResolver::resolvePostgres(PostgresConnectionInfo &info)
{
    if (!info.password.isEmpty()) {
        m_handedOut.append(info.password);
        return true;
    }
    PostgresConnectionInfo keyInfo = info;
    keyInfo.user.clear();
    keyInfo.options.clear();
    auto password = ask({ SecretKind::PostgresPassword, keyInfo.toUri(), info.user });
    if (!password)
        return false;
    info.password = *password;
    return true;
}

Result<S3Credentials> CredentialResolver::resolveS3(const QString &endpoint, const QString &accessKeyId)
{
    S3Credentials credentials;
    credentials.accessKeyId = accessKeyId;
    if (credentials.accessKeyId.isEmpty()) {
        auto id = ask({ SecretKind::S3AccessKeyId, endpoint, {} });
        if (!id)
            return Error { Error::Code::InvalidInput,
                tr("No access key for %1: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or store "
                   "them in the keychain.")
                    .arg(endpoint),
                {} };
        credentials.accessKeyId = *id;
    }
    auto secret = ask({ SecretKind::S3SecretAccessKey, endpoint, credentials.accessKeyId });
    if (!secret)
        return Error { Error::Code::InvalidInput,
            tr("No secret key for access key %1 at %2: set AWS_SECRET_ACCESS_KEY, or store it in the "
               "keychain.")
                .arg(credentials.accessKeyId, endpoint),
            {} };
    credentials.secretAccessKey = *secret;
    if (auto token = ask({ SecretKind::S3SessionToken, endpoint, credentials.accessKeyId }))
        credentials.sessionToken = *token;
    return credentials;
}

QString CredentialResolver::scrub(QString text) const
{
    for (const QString &secret : m_handedOut)
        text = scrubSecret(std::move(text), secret);
    return text;
}

} // namespace core
