// SPDX-License-Identifier: MIT
#pragma once

#include "core/error.h"

class QWidget;
class QString;

namespace ui {

/// Shows `error` in a critical message box: `message` as the text, `detail` behind
/// "Show Details...". Logs both. A Cancelled error is not shown (callers put a status-bar note).
void showError(QWidget *parent, const QString &title, const core::Error &error);

} // namespace ui
