// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace testsupport {

/// ../shared beside the repository: real data sets and the cases that broke other tools.
inline QString sharedDir() { return QStringLiteral(HEALTHSYNTH_SHARED_DIR); }
inline QString caseFile(const QString &name) { return sharedDir() + QStringLiteral("/cases/") + name; }
inline QString realData(const QString &relative) { return sharedDir() + QStringLiteral("/data/real/") + relative; }

} // namespace testsupport
