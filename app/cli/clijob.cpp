// SPDX-License-Identifier: MIT
#include "clijob.h"

#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace cli {

namespace {

std::atomic_int s_interrupts { 0 };

void onInterrupt(int)
{
    if (s_interrupts.fetch_add(1) >= 1)
        _exit(130);
}

} // namespace

CliJob::CliJob()
{
    m_sinceLastLine.start();
}

void CliJob::installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
}

bool CliJob::isCancelled() const
{
    return s_interrupts.load() > 0;
}

void CliJob::reportProgress(double fraction, const QString &stage)
{
    // A new stage always prints; within a stage, four updates a second are plenty.
    if (stage == m_lastStage && m_sinceLastLine.elapsed() < 250 && fraction < 1.0)
        return;
    m_sinceLastLine.restart();
    m_lastStage = stage;
    const bool tty = isatty(fileno(stderr));
    std::fprintf(stderr, tty ? "\r\033[K%3d%%  %s" : "%3d%%  %s\n", int(fraction * 100 + 0.5), qPrintable(stage));
    std::fflush(stderr);
    m_lineOpen = tty;
}

void CliJob::reportMetric(const QString &name, int step, double value)
{
    // Loss curves have hundreds of points; every tenth keeps the terminal readable.
    if (step % 10 != 0)
        return;
    if (m_lineOpen)
        std::fputc('\n', stderr);
    m_lineOpen = false;
    std::fprintf(stderr, "      %s[%d] = %.5g\n", qPrintable(name), step, value);
}

void CliJob::reportMessage(const QString &message)
{
    finish();
    std::fprintf(stderr, "note: %s\n", qPrintable(message));
}

void CliJob::finish()
{
    if (m_lineOpen)
        std::fputc('\n', stderr);
    m_lineOpen = false;
}

} // namespace cli
