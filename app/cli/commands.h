// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace cli {

// One function per sub-command; args[0] is the command name. Each returns the exit code:
// 0 success, 1 failure (one clear line on stderr), 2 usage error.
int runProfile(const QStringList &args);
int runFit(const QStringList &args);
int runSample(const QStringList &args);
int runEvaluate(const QStringList &args);
int runGenerate(const QStringList &args);
int runProject(const QStringList &args);
int runExport(const QStringList &args);

} // namespace cli
