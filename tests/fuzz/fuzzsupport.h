// SPDX-License-Identifier: MIT
// What every libFuzzer target shares: the readers take a path, so each input is written to
// one scratch file per process; Qt's warnings are silenced so the fuzzer's output stays readable.
#pragma once

#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzzsupport {

inline void ignoreQtMessages(QtMsgType, const QMessageLogContext &, const QString &) { }

/// Called once from LLVMFuzzerInitialize.
inline void initialize()
{
    if (!qEnvironmentVariableIsSet("HEALTHSYNTH_FUZZ_VERBOSE"))
        qInstallMessageHandler(ignoreQtMessages);
}

/// A folder private to this process, removed at exit.
inline const QTemporaryDir &scratchDir()
{
    static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/healthsynth-fuzz-XXXXXX"));
    if (!dir.isValid())
        std::abort();
    return dir;
}

/// Writes the input to `name` in the scratch folder and returns its path.
inline QString writeInput(const QString &name, const std::uint8_t *data, size_t size)
{
    const QString path = scratchDir().filePath(name);
    std::FILE *file = std::fopen(QFile::encodeName(path).constData(), "wb");
    if (!file)
        std::abort();
    if (size != 0 && std::fwrite(data, 1, size, file) != size)
        std::abort();
    std::fclose(file);
    return path;
}

/// A property every accepted input must keep (e.g. "what was loaded saves and loads again").
/// Breaking it is a finding, so it aborts with the reason.
inline void require(bool condition, const char *what, const QString &detail = {})
{
    if (condition)
        return;
    std::fprintf(stderr, "property broken: %s\n%s\n", what, qPrintable(detail));
    std::abort();
}

} // namespace fuzzsupport
