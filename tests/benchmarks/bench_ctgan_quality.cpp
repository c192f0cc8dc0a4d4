// SPDX-License-Identifier: MIT
// Speed and quality of CTGAN, TVAE and PrivBayes on a real file (issue #5 asks for a 20-epoch fit, preprocessing
// included, at least 3x faster than the reference and at least its Quality Report score; reference-results.md).
// Usage:
//   bench_ctgan_quality FILE [--model ctgan|tvae|bayesian_network] [--no-header] [--seed S] [--threads N]
//                       [--missing TOKEN] [--torch-profile TRACE.json] [key=value ...]
// key=value pairs are the generator's settings (e.g. epochs=20). Prints fit and sample seconds (CSV reading not
// counted), the overall quality (current and all-pairs mode), the two properties and each column's shape score.
#include "core/data/csvreader.h"
#include "core/evaluation/quality/qualityreport.h"
#include "core/generators/bayesian_network/bayesiannetwork.h"
#include "core/generators/ctgan/ctgan.h"
#include "core/generators/tvae/tvae.h"

#include <torch/csrc/autograd/profiler_legacy.h>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>
#include <memory>

#include <sys/resource.h>

namespace {
// CPU seconds of this process (all threads): meaningful when other jobs share the cores.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_ctgan_quality FILE [--model ctgan|tvae|bayesian_network] [--no-header] "
                             "[--seed S] [--threads N] [--missing TOKEN] [--torch-profile TRACE.json] [key=value ...]\n");
        return 2;
    }
    core::CsvOptions csv;
    core::FitOptions fit;
    quint64 seed = 0;
    QString model = QStringLiteral("ctgan");
    QString tracePath;
    for (qsizetype i = 2; i < args.size(); ++i) {
        if (args[i] == QLatin1StringView("--no-header"))
            csv.header = core::CsvOptions::Header::Absent;
        else if (args[i] == QLatin1StringView("--seed") && i + 1 < args.size())
            seed = args[++i].toULongLong();
        else if (args[i] == QLatin1StringView("--model") && i + 1 < args.size())
            model = args[++i];
        else if (args[i] == QLatin1StringView("--threads") && i + 1 < args.size())
            qputenv("HEALTHSYNTH_TORCH_THREADS", args[++i].toUtf8());
        else if (args[i] == QLatin1StringView("--torch-profile") && i + 1 < args.size())
            tracePath = args[++i];
        else if (args[i] == QLatin1StringView("--missing") && i + 1 < args.size())
            csv.missingMarkers.append(args[++i]);
        else if (args[i].contains(u'='))
            fit.settings.insert(args[i].section(u'=', 0, 0), args[i].section(u'=', 1));
    }
    fit.seed = seed;
    core::SilentJob job;
    auto read = core::CsvReader::read(args[1], csv, job);
    if (!read.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(read.error().toString()));
        return 1;
    }
    const core::CsvReadResult &data = read.value();
    std::unique_ptr<core::Generator> generator = model == QLatin1StringView("tvae") ? core::makeTvae()
        : model == QLatin1StringView("bayesian_network")                            ? core::makeBayesianNetwork()
                                                                                    : core::makeCtgan();
    QElapsedTimer timer;
    timer.start();
    const double cpuBefore = cpuSeconds();
    {
        // LibTorch's operator profiler (a Chrome trace) around the fit only, to see where training time goes.
        std::unique_ptr<torch::autograd::profiler::RecordProfile> profile;
        if (!tracePath.isEmpty())
            profile = std::make_unique<torch::autograd::profiler::RecordProfile>(tracePath.toStdString());
        if (const auto fitted = generator->fit(data.table, data.schema, fit, job); !fitted.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(fitted.error().toString()));
            return 1;
        }
    }
    const double fitSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double fitCpu = cpuSeconds() - cpuBefore;
    timer.restart();
    auto sampled = generator->sample(data.table.rowCount(), seed, job);
    if (!sampled.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(sampled.error().toString()));
        return 1;
    }
    const double sampleSeconds = double(timer.nsecsElapsed()) / 1e9;
    const core::QualityReport report = core::computeQualityReport(data.table, sampled.value(), data.schema);
    const core::QualityReport allPairs
        = core::computeQualityReport(data.table, sampled.value(), data.schema, core::QualityOptions::allPairs());
    std::printf("%s %lld x %d: fit %.2f s (%.2f s CPU), sample %.2f s\n", qPrintable(model),
                static_cast<long long>(data.table.rowCount()), data.table.columnCount(), fitSeconds, fitCpu, sampleSeconds);
    std::printf("quality %.4f (all pairs %.4f) shapes %.4f pairs %.4f (%d pairs)\n", report.overall, allPairs.overall,
                report.columnShapes, report.columnPairTrends, report.pairsCounted);
    for (const auto &[key, value] : generator->info().facts.asKeyValueRange())
        std::printf("  fact %s = %s\n", qPrintable(key), qPrintable(value.toStringList().join(QStringLiteral("; ")).isEmpty() ? value.toString() : value.toStringList().join(QStringLiteral("; "))));
    for (const core::ColumnShapeScore &column : report.columns)
        std::printf("  %-28s %.4f %s\n", qPrintable(column.column), column.score,
                    qPrintable(core::semanticTypeKey(data.schema.find(column.column)->type)));
    for (const core::Diagnostic &d : generator->info().diagnostics)
        std::printf("  note: %s\n", qPrintable(d.message));
    return 0;
}
