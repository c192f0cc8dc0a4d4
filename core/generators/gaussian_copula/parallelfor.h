// SPDX-License-Identifier: MIT
#pragma once

#include "core/job.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace core::detail {

/// Runs task(0) … task(count − 1) on up to hardware_concurrency() worker threads while the
/// calling thread polls job.isCancelled() and reports progress from `from` to `to` with `stage`
/// (so JobContext is only ever touched by the calling thread). Tasks must write disjoint
/// data. Returns false when cancelled (remaining tasks are skipped). The first exception a
/// task throws is rethrown here after all workers have stopped.
inline bool parallelFor(qint64 count, const std::function<void(qint64)> &task, JobContext &job, double from,
    double to, const QString &stage)
{
    job.reportProgress(from, stage);
    if (job.isCancelled())
        return false;
    if (count <= 0)
        return true;
    const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
    const qint64 threads = std::min<qint64>(hardware, count);
    std::atomic<qint64> next { 0 };
    std::atomic<qint64> done { 0 };
    std::atomic_bool stop { false };
    std::exception_ptr failure;
    std::mutex mutex;
    std::condition_variable finished;
    qint64 running = threads;

    auto worker = [&]() {
        for (;;) {
            if (stop.load())
                break;
            const qint64 i = next.fetch_add(1);
            if (i >= count)
                break;
            try {
                task(i);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
                stop.store(true);
            }
            done.fetch_add(1);
        }
        std::lock_guard lock(mutex);
        if (--running == 0)
            finished.notify_all();
    };
    std::vector<std::thread> pool;
    pool.reserve(size_t(threads));
    for (qint64 t = 0; t < threads; ++t)
        pool.emplace_back(worker);

    bool cancelled = false;
    {
        std::unique_lock lock(mutex);
        while (running > 0) {
            finished.wait_for(lock, std::chrono::milliseconds(50));
            if (running == 0)
                break;
            lock.unlock();
            if (!cancelled && job.isCancelled()) {
                cancelled = true;
                stop.store(true);
            }
            job.reportProgress(from + (to - from) * double(done.load()) / double(count), stage);
            lock.lock();
        }
    }
    for (std::thread &t : pool)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    if (cancelled || job.isCancelled())
        return false;
    job.reportProgress(to, stage);
    return true;
}

} // namespace core::detail
