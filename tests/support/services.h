// SPDX-License-Identifier: MIT
#pragma once

#include <QFile>
#include <QString>

namespace testsupport {

/// Where the postgres and s3 ctest fixtures (tests/support/*-fixture.sh) write their state.
inline QString servicesDir()
{
    return QStringLiteral(HEALTHSYNTH_TEST_SERVICES_DIR);
}

/// First line of a fixture's state file, or an empty string when the fixture is not running.
inline QString serviceValue(const QString &service, const QString &name)
{
    QFile file(servicesDir() + u'/' + service + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readLine()).trimmed();
}

/// The throw-away server's libpq URI (no password); HEALTHSYNTH_TEST_PG_URI overrides it.
inline QString postgresUri()
{
    const QString env = qEnvironmentVariable("HEALTHSYNTH_TEST_PG_URI");
    return env.isEmpty() ? serviceValue(QStringLiteral("postgres"), QStringLiteral("uri")) : env;
}
/// Its password (HEALTHSYNTH_TEST_PG_PASSWORD overrides).
inline QString postgresPassword()
{
    const QString env = qEnvironmentVariable("HEALTHSYNTH_TEST_PG_PASSWORD");
    return env.isEmpty() ? serviceValue(QStringLiteral("postgres"), QStringLiteral("password")) : env;
}
/// The S3-compatible server's endpoint, e.g. "http://127.0.0.1:40123" (HEALTHSYNTH_TEST_S3_ENDPOINT
/// overrides).
inline QString s3Endpoint()
{
    const QString env = qEnvironmentVariable("HEALTHSYNTH_TEST_S3_ENDPOINT");
    return env.isEmpty() ? serviceValue(QStringLiteral("s3"), QStringLiteral("endpoint")) : env;
}
inline QString s3Bucket()
{
    const QString env = qEnvironmentVariable("HEALTHSYNTH_TEST_S3_BUCKET");
    return env.isEmpty() ? serviceValue(QStringLiteral("s3"), QStringLiteral("bucket")) : env;
}
/// s3rver's fixed credentials.
inline QString s3AccessKeyId()
{
    return QStringLiteral("S3RVER");
}
inline QString s3SecretAccessKey()
{
    return QStringLiteral("S3RVER");
}

} // namespace testsupport
