// SPDX-License-Identifier: MIT
#pragma once

#include "core/job.h"

#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace ui {

/// Runs `work` on a worker thread and returns when it is done, keeping the window painted
/// meanwhile. Work that takes longer than a blink gets a window-modal progress dialog whose
/// Cancel button cancels the job (core then returns its cancelled error). For loading and
/// profiling, which the wizard needs finished before it moves on; training has its own
/// controller.
void runWithProgress(QWidget *parent, const QString &title, const std::function<void(core::JobContext &)> &work);

template <typename T>
T runWithProgress(QWidget *parent, const QString &title, const std::function<T(core::JobContext &)> &work)
{
    std::optional<T> result;
    runWithProgress(parent, title, [&](core::JobContext &job) { result.emplace(work(job)); });
    return std::move(*result);
}

} // namespace ui
