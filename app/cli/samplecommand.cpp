// SPDX-License-Identifier: MIT
// healthsynth-cli sample MODEL --rows N --out OUT.csv [--seed S] [--where col=value]

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"

#include "core/data/csvwriter.h"
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/modelfile.h"

#include <cstdio>

namespace cli {

int runSample(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOptions({
        { QStringLiteral("rows"), QStringLiteral("Number of synthetic rows."), QStringLiteral("n") },
        { QStringLiteral("out"), QStringLiteral("Where to write the synthetic CSV."), QStringLiteral("file") },
        { QStringLiteral("seed"), QStringLiteral("Random seed (default 0)."), QStringLiteral("n"), QStringLiteral("0") },
        { QStringLiteral("where"), QStringLiteral("Only rows with this value, repeatable: --where sex=F."),
          QStringLiteral("column=value") },
    });
    if (!parseCommand(parser, args, QStringLiteral("Draw synthetic rows from a trained model."), 1, QStringLiteral("MODEL")))
        return kUsage;
    const auto rows = integerOption(parser, QStringLiteral("rows"), -1, 0, qint64(1) << 40);
    const auto seed = integerOption(parser, QStringLiteral("seed"), 0, 0, std::numeric_limits<qint64>::max());
    if (!rows || !seed)
        return kUsage;
    if (*rows < 0 || !parser.isSet(QStringLiteral("out")))
        return reportUsage(QStringLiteral("sample needs --rows N and --out OUT.csv"));
    QList<std::pair<QString, QString>> conditions;
    for (const QString &where : parser.values(QStringLiteral("where"))) {
        const qsizetype eq = where.indexOf(u'=');
        if (eq <= 0)
            return reportUsage(QStringLiteral("--where takes column=value (got \"%1\")").arg(where));
        conditions.append({ where.left(eq), where.mid(eq + 1) });
    }

    auto generator = core::ModelFile::load(parser.positionalArguments().at(1), core::builtInGenerators());
    if (!generator.ok())
        return reportError(generator.error());
    CliJob job;
    auto table = conditions.isEmpty() ? generator.value()->sample(*rows, quint64(*seed), job)
                                      : generator.value()->sampleWhere(conditions, *rows, quint64(*seed), job);
    job.finish();
    if (!table.ok())
        return reportError(table.error());
    if (const auto written = core::CsvWriter::write(table.value(), parser.value(QStringLiteral("out")), job); !written.ok())
        return reportError(written.error());
    std::fprintf(stderr, "Wrote %lld synthetic rows to %s\n", static_cast<long long>(table.value().rowCount()),
                 qPrintable(parser.value(QStringLiteral("out"))));
    return kOk;
}

} // namespace cli
