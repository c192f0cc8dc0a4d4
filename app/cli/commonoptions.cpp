// SPDX-License-Identifier: MIT
#include "commonoptions.h"

#include <QTextStream>

#include <cstdio>
#include <limits>

namespace cli {

int reportError(const core::Error &error)
{
    std::fprintf(stderr, "healthsynth-cli: %s\n", qPrintable(error.message));
    if (!error.detail.isEmpty())
        std::fprintf(stderr, "  detail: %s\n", qPrintable(error.detail));
    // The reader's message names the wizard's option; say what it is called here.
    if (error.message.contains(QStringLiteral("skip ragged rows")))
        std::fputs("  hint: run again with --skip-bad-rows to skip such rows; they are counted and reported.\n", stderr);
    return kFailure;
}

int reportUsage(const QString &message)
{
    std::fprintf(stderr, "healthsynth-cli: %s\nRun 'healthsynth-cli help' for usage.\n", qPrintable(message));
    return kUsage;
}

void addInputOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { QStringLiteral("delimiter"), QStringLiteral("CSV field delimiter: , ; tab | (default: detected)."),
          QStringLiteral("char") },
        { QStringLiteral("decimal"), QStringLiteral("Decimal mark: . or , (default: detected)."), QStringLiteral("char") },
        { QStringLiteral("header"), QStringLiteral("Whether the first line is a header: auto, yes, no."),
          QStringLiteral("mode"), QStringLiteral("auto") },
        { QStringLiteral("encoding"), QStringLiteral("File encoding: auto, utf-8, latin-1."), QStringLiteral("name"),
          QStringLiteral("auto") },
        { QStringLiteral("date-order"), QStringLiteral("Ambiguous dates: auto, day-first, month-first."),
          QStringLiteral("order"), QStringLiteral("auto") },
        { QStringLiteral("missing"),
          QStringLiteral("Comma-separated markers read as missing (default: empty,NA,N/A,NaN,null,NULL,None,?)."),
          QStringLiteral("list") },
        { QStringLiteral("columns"), QStringLiteral("Comma-separated column names for a file without header."),
          QStringLiteral("names") },
        { QStringLiteral("skip-bad-rows"), QStringLiteral("Skip rows with the wrong number of fields (counted) instead of stopping.") },
        { QStringLiteral("table"), QStringLiteral("PostgreSQL input: the table as schema.name."), QStringLiteral("name") },
        { QStringLiteral("query"), QStringLiteral("PostgreSQL input: a SELECT statement."), QStringLiteral("sql") },
        { QStringLiteral("metadata"), QStringLiteral("Column metadata JSON (HealthSynth or SDV format) over the inferred types."),
          QStringLiteral("file") },
    });
}

std::optional<core::InputSpec> inputSpecFrom(const QCommandLineParser &parser, const QString &location)
{
    core::InputSpec spec;
    spec.location = location;
    spec.table = parser.value(QStringLiteral("table"));
    spec.query = parser.value(QStringLiteral("query"));
    spec.metadataPath = parser.value(QStringLiteral("metadata"));
    if (spec.isPostgres() && spec.table.isEmpty() == spec.query.isEmpty()) {
        reportUsage(QStringLiteral("a postgresql:// input needs exactly one of --table or --query"));
        return std::nullopt;
    }
    if (!spec.isPostgres() && (!spec.table.isEmpty() || !spec.query.isEmpty())) {
        reportUsage(QStringLiteral("--table and --query go with a postgresql:// input, not a file"));
        return std::nullopt;
    }

    core::CsvOptions &csv = spec.csv;
    const QString delimiter = parser.value(QStringLiteral("delimiter"));
    if (!delimiter.isEmpty()) {
        if (delimiter == QStringLiteral("tab") || delimiter == QStringLiteral("\\t"))
            csv.delimiter = u'\t';
        else if (delimiter.size() == 1 && QStringLiteral(",;|\t").contains(delimiter))
            csv.delimiter = delimiter.at(0);
        else {
            reportUsage(QStringLiteral("--delimiter must be one of , ; tab | (got \"%1\")").arg(delimiter));
            return std::nullopt;
        }
    }
    const QString decimal = parser.value(QStringLiteral("decimal"));
    if (!decimal.isEmpty()) {
        if (decimal != QStringLiteral(".") && decimal != QStringLiteral(",")) {
            reportUsage(QStringLiteral("--decimal must be . or , (got \"%1\")").arg(decimal));
            return std::nullopt;
        }
        csv.decimalMark = decimal.at(0);
    }
    const QString header = parser.value(QStringLiteral("header"));
    if (header == QStringLiteral("yes"))
        csv.header = core::CsvOptions::Header::Present;
    else if (header == QStringLiteral("no"))
        csv.header = core::CsvOptions::Header::Absent;
    else if (header != QStringLiteral("auto")) {
        reportUsage(QStringLiteral("--header must be auto, yes or no (got \"%1\")").arg(header));
        return std::nullopt;
    }
    const QString encoding = parser.value(QStringLiteral("encoding")).toLower();
    if (encoding == QStringLiteral("utf-8") || encoding == QStringLiteral("utf8"))
        csv.encoding = core::CsvOptions::Encoding::Utf8;
    else if (encoding == QStringLiteral("latin-1") || encoding == QStringLiteral("latin1")
             || encoding == QStringLiteral("windows-1252"))
        csv.encoding = core::CsvOptions::Encoding::Latin1;
    else if (encoding != QStringLiteral("auto")) {
        reportUsage(QStringLiteral("--encoding must be auto, utf-8 or latin-1 (got \"%1\")").arg(encoding));
        return std::nullopt;
    }
    const QString order = parser.value(QStringLiteral("date-order"));
    if (order == QStringLiteral("day-first"))
        csv.dateOrder = core::CsvOptions::DateOrder::DayFirst;
    else if (order == QStringLiteral("month-first"))
        csv.dateOrder = core::CsvOptions::DateOrder::MonthFirst;
    else if (order != QStringLiteral("auto")) {
        reportUsage(QStringLiteral("--date-order must be auto, day-first or month-first (got \"%1\")").arg(order));
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("missing"))) {
        csv.missingMarkers = parser.value(QStringLiteral("missing")).split(u',');
        if (!csv.missingMarkers.contains(QString()))
            csv.missingMarkers.append(QString());
        for (QString &marker : csv.missingMarkers) {
            if (marker == QStringLiteral("empty"))
                marker.clear();
        }
    }
    if (parser.isSet(QStringLiteral("columns")))
        csv.columnNames = parser.value(QStringLiteral("columns")).split(u',');
    csv.skipRaggedRows = parser.isSet(QStringLiteral("skip-bad-rows"));
    return spec;
}

bool parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &description, int positionalCount,
                  const QString &positionalSyntax)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!positionalSyntax.isEmpty())
        parser.addPositionalArgument(QStringLiteral("args"), QString(), positionalSyntax);
    QStringList withProgram = args;
    withProgram.prepend(QStringLiteral("healthsynth-cli"));
    if (!parser.parse(withProgram)) {
        reportUsage(parser.errorText());
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText().replace(QStringLiteral("healthsynth-cli [options]"),
                                                         QStringLiteral("healthsynth-cli ") + args.value(0)
                                                             + QStringLiteral(" [options]"));
        std::exit(kOk);
    }
    // The first positional argument is the command name itself.
    if (parser.positionalArguments().size() - 1 != positionalCount) {
        reportUsage(QStringLiteral("'%1' takes %2 (see 'healthsynth-cli %1 --help')").arg(args.value(0), positionalSyntax));
        return false;
    }
    return true;
}

std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name, qint64 fallback, qint64 min,
                                    qint64 max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qint64 value = parser.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        reportUsage(QStringLiteral("--%1 must be a whole number from %2 to %3 (got \"%4\")")
                        .arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(parser.value(name)));
        return std::nullopt;
    }
    return value;
}

std::optional<double> numberOption(const QCommandLineParser &parser, const QString &name, double fallback, double min,
                                   double max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok || !(value >= min && value <= max)) {
        reportUsage(QStringLiteral("--%1 must be a number from %2 to %3 (got \"%4\")")
                        .arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(parser.value(name)));
        return std::nullopt;
    }
    return value;
}

std::optional<QVariantMap> settingsOption(const QCommandLineParser &parser)
{
    QVariantMap settings;
    for (const QString &pair : parser.values(QStringLiteral("set"))) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            reportUsage(QStringLiteral("--set takes name=value (got \"%1\")").arg(pair));
            return std::nullopt;
        }
        const QString key = pair.left(eq);
        const QString text = pair.mid(eq + 1);
        bool isNumber = false;
        const double number = text.toDouble(&isNumber);
        if (isNumber)
            settings.insert(key, text.contains(u'.') || text.contains(u'e') ? QVariant(number) : QVariant(qint64(number)));
        else if (text == QStringLiteral("true") || text == QStringLiteral("false"))
            settings.insert(key, text == QStringLiteral("true"));
        else
            settings.insert(key, text);
    }
    return settings;
}

} // namespace cli
