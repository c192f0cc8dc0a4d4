// SPDX-License-Identifier: MIT
// healthsynth-cli profile INPUT [--json OUT] [--target COL]

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "jsonfile.h"

#include "core/pipeline/profilejob.h"
#include "core/profile/profilejson.h"

#include <cstdio>

namespace cli {

namespace {

const char *severityLabel(int severity)
{
    static const char *kLabels[] = { "info", "warning", "error" };
    return kLabels[std::clamp(severity, 0, 2)];
}

} // namespace

int runProfile(const QStringList &args)
{
    QCommandLineParser parser;
    addInputOptions(parser);
    parser.addOptions({
        { QStringLiteral("json"), QStringLiteral("Write the whole profile as JSON to this file."), QStringLiteral("file") },
        { QStringLiteral("target"), QStringLiteral("A prediction target whose class balance is checked."),
          QStringLiteral("column") },
    });
    if (!parseCommand(parser, args, QStringLiteral("Measure the data quality of a table before anything is trained."), 1,
                      QStringLiteral("INPUT (a CSV file or postgresql:// URI)")))
        return kUsage;
    const auto spec = inputSpecFrom(parser, parser.positionalArguments().at(1));
    if (!spec)
        return kUsage;

    CliJob job;
    auto input = core::InputLoader::load(*spec, job);
    job.finish();
    if (!input.ok())
        return reportError(input.error());
    const core::LoadedInput &loaded = input.value();
    if (parser.isSet(QStringLiteral("target")) && loaded.table.indexOf(parser.value(QStringLiteral("target"))) < 0)
        return reportUsage(QStringLiteral("--target names \"%1\", which is not a column of the input")
                               .arg(parser.value(QStringLiteral("target"))));

    auto profile = core::ProfileJob::run(*spec, loaded, parser.value(QStringLiteral("target")), job);
    job.finish();
    if (!profile.ok())
        return reportError(profile.error());

    const core::Profile &p = profile.value();
    std::printf("%s\n%lld rows, %d columns, %lld duplicate rows, %lld alerts\n", qPrintable(loaded.description),
                static_cast<long long>(p.rows), int(p.columns.size()), static_cast<long long>(p.duplicateRows),
                static_cast<long long>(p.alerts.size()));
    for (const core::Alert &alert : p.alerts)
        std::printf("  [%s] %s\n", severityLabel(int(alert.severity)), qPrintable(alert.message));

    if (parser.isSet(QStringLiteral("json"))) {
        if (const auto written = writeJsonFile(core::profileToJson(p), parser.value(QStringLiteral("json"))); !written.ok())
            return reportError(written.error());
    }
    return kOk;
}

} // namespace cli
