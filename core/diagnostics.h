// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

namespace core {

/// A non-fatal finding (a warning about the data, an adjustment made while loading).
struct Diagnostic {
    enum class Severity { Info, Warning, Error };
    Severity severity = Severity::Warning;
    QString kind;     ///< stable machine key, e.g. "trailing_delimiter", "ambiguous_date"
    QString message;  ///< one translated sentence
    QString column;   ///< column at fault, empty when table-wide
    qint64 line = -1; ///< 1-based file line, -1 when not tied to a line
};

/// All findings of one step, collected rather than stopping at the first.
using Diagnostics = QList<Diagnostic>;

} // namespace core
