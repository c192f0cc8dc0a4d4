// SPDX-License-Identifier: MIT
// healthsynth-cli: the engine without windows, for batch jobs, scripts and tests.

#include "cli/clijob.h"
#include "cli/commands.h"
#include "cli/commonoptions.h"
#include "cli/reportpdf.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <map>
#include <memory>

namespace {

constexpr const char *kUsage = R"(Usage: healthsynth-cli COMMAND [options]

Commands:
  profile  INPUT [--json OUT]                       Measure data quality: types, missing values, alerts.
           [--accept LIST --metadata-out META.json] Record accepted suggestions as metadata.
  fit      INPUT --model ID --out MODEL             Train a generator and save it.
  sample   MODEL --rows N --out OUT.csv             Draw synthetic rows from a saved model.
  evaluate --real REAL --synthetic SYN --json OUT   Score fidelity (and utility, privacy) of synthetic data.
           [--pdf REPORT.pdf]                       Also write the PDF report (generate takes --pdf too).
  generate INPUT --model ID --out OUT.csv           The whole job: load, fit, sample, write, score.
  run      PROJECT.hsproj                           Run a project saved by the application.
  export   SYN.csv --to postgresql://...|s3://...   Send a synthetic table to a database or bucket.

INPUT is a CSV file, or a postgresql:// URI with --table schema.name or --query "SELECT ...".
Generators: gaussian_copula, ctgan, tvae, bayesian_network.
'healthsynth-cli COMMAND --help' lists a command's options.
Exit codes: 0 success, 1 failure, 2 usage error.
)";

} // namespace

int main(int argc, char *argv[])
{
    // The PDF writer needs QtGui's application object; every other run stays a plain core one.
    QStringList rawArguments;
    for (int i = 1; i < argc; ++i)
        rawArguments.append(QString::fromLocal8Bit(argv[i]));
    std::unique_ptr<QCoreApplication> app;
    if (cli::pdfRequested(rawArguments)) {
        cli::preparePdfPlatform();
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("healthsynth-cli"));
    QCoreApplication::setApplicationVersion(core::appVersion());
    cli::CliJob::installInterruptHandler();

    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    const QString command = args.value(0);
    if (command.isEmpty() || command == QStringLiteral("help") || command == QStringLiteral("--help")
        || command == QStringLiteral("-h")) {
        std::fputs(kUsage, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? cli::kUsage : cli::kOk;
    }
    if (command == QStringLiteral("--version")) {
        std::printf("healthsynth-cli %s\n", qPrintable(core::appVersion()));
        return cli::kOk;
    }

    const std::map<QString, int (*)(const QStringList &)> commands {
        { QStringLiteral("profile"), cli::runProfile },   { QStringLiteral("fit"), cli::runFit },
        { QStringLiteral("sample"), cli::runSample },     { QStringLiteral("evaluate"), cli::runEvaluate },
        { QStringLiteral("generate"), cli::runGenerate }, { QStringLiteral("run"), cli::runProject },
        { QStringLiteral("export"), cli::runExport },
    };
    const auto it = commands.find(command);
    if (it == commands.end())
        return cli::reportUsage(QStringLiteral("unknown command \"%1\"").arg(command));
    return it->second(args);
}
