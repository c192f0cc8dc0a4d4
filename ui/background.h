// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace ui {

/// Runs `work` on a short-lived thread and calls `done` with its result on `context`'s thread,
/// unless `context` is gone by then. For quick blocking calls (a database round trip) that
/// must not freeze the window; long cancellable jobs use TrainingController instead.
template <typename T>
void runInBackground(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto result = std::make_shared<std::optional<T>>();
    QThread *thread = QThread::create([work = std::move(work), result] { result->emplace(work()); });
    QPointer<QObject> guard(context);
    QObject::connect(thread, &QThread::finished, context, [thread, result, done = std::move(done), guard] {
        thread->deleteLater();
        if (guard && result->has_value())
            done(std::move(**result));
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace ui
