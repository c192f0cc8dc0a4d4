// SPDX-License-Identifier: MIT
// healthsynth-cli profile INPUT [--json OUT] [--target COL] [--accept LIST --metadata-out META.json]

#include "clijob.h"
#include "commands.h"
#include "commonoptions.h"
#include "jsonfile.h"

#include "core/data/metadatafile.h"
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

/// One --accept item: every suggested action of a kind, or of a kind on one column.
struct AcceptRule {
    core::SuggestedAction::Kind kind;
    QString column; ///< empty = every column
};

std::optional<core::SuggestedAction::Kind> actionKind(const QString &key)
{
    using Kind = core::SuggestedAction::Kind;
    for (Kind kind : { Kind::MarkAsId, Kind::MarkAsPii, Kind::Exclude, Kind::ChangeType, Kind::DeclareMissingMarker,
                       Kind::TrimWhitespace }) {
        if (core::suggestedActionKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

/// "all", or comma-separated ACTION or ACTION:COLUMN (the option may be repeated); nullopt after a
/// usage error naming the item at fault.
std::optional<QList<AcceptRule>> acceptRules(const QStringList &values, const core::Table &table)
{
    QList<AcceptRule> rules;
    for (const QString &value : values) {
        for (const QString &item : value.split(u',', Qt::SkipEmptyParts)) {
            const QString trimmed = item.trimmed();
            if (trimmed == QLatin1String("all")) {
                for (int k = 0; k <= int(core::SuggestedAction::Kind::TrimWhitespace); ++k)
                    rules.append({ core::SuggestedAction::Kind(k), {} });
                continue;
            }
            const qsizetype colon = trimmed.indexOf(u':');
            const QString key = colon < 0 ? trimmed : trimmed.left(colon);
            const QString column = colon < 0 ? QString() : trimmed.mid(colon + 1);
            const std::optional<core::SuggestedAction::Kind> kind = actionKind(key);
            if (!kind) {
                reportUsage(QStringLiteral("--accept names \"%1\", which is not an action (all, mark_as_id, mark_as_pii, "
                                           "exclude, change_type, declare_missing_marker, trim_whitespace)")
                                .arg(key));
                return std::nullopt;
            }
            if (colon >= 0 && table.indexOf(column) < 0) {
                reportUsage(QStringLiteral("--accept names column \"%1\", which is not a column of the input").arg(column));
                return std::nullopt;
            }
            rules.append({ *kind, column });
        }
    }
    return rules;
}

bool accepted(const core::SuggestedAction &action, const QList<AcceptRule> &rules)
{
    for (const AcceptRule &rule : rules) {
        if (rule.kind == action.kind && (rule.column.isEmpty() || rule.column == action.column))
            return true;
    }
    return false;
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
        { QStringLiteral("accept"),
          QStringLiteral("Accept suggested actions: all, or ACTION[:COLUMN],... (repeatable); needs --metadata-out."),
          QStringLiteral("list") },
        { QStringLiteral("metadata-out"),
          QStringLiteral("Write the column metadata, with the accepted actions applied, for --metadata."),
          QStringLiteral("file") },
    });
    if (!parseCommand(parser, args, QStringLiteral("Measure the data quality of a table before anything is trained."), 1,
                      QStringLiteral("INPUT (a CSV file or postgresql:// URI)")))
        return kUsage;
    if (parser.isSet(QStringLiteral("accept")) && !parser.isSet(QStringLiteral("metadata-out")))
        return reportUsage(QStringLiteral("--accept needs --metadata-out FILE to record the accepted actions in"));
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
    const std::optional<QList<AcceptRule>> rules = acceptRules(parser.values(QStringLiteral("accept")), loaded.table);
    if (!rules)
        return kUsage;

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
    if (parser.isSet(QStringLiteral("metadata-out"))) {
        // The loaded schema (with any --metadata) plus the accepted suggestions, for fit/generate --metadata.
        core::Schema schema = loaded.schema;
        QList<core::SuggestedAction> taken;
        for (const core::SuggestedAction &action : p.actions) {
            if (!accepted(action, *rules))
                continue;
            core::applyToSchema(action, schema);
            taken.append(action);
            std::printf("  accepted: %s %s%s\n", qPrintable(core::suggestedActionKey(action.kind)),
                        qPrintable(action.column),
                        action.value.isEmpty() ? "" : qPrintable(QStringLiteral(" = \"%1\"").arg(action.value)));
        }
        for (const AcceptRule &rule : *rules) {
            if (rule.column.isEmpty())
                continue;
            bool suggested = false;
            for (const core::SuggestedAction &action : p.actions)
                suggested |= action.kind == rule.kind && action.column == rule.column;
            if (!suggested)
                std::fprintf(stderr, "healthsynth-cli: note: no %s was suggested for column %s; nothing recorded\n",
                             qPrintable(core::suggestedActionKey(rule.kind)), qPrintable(rule.column));
        }
        const QString out = parser.value(QStringLiteral("metadata-out"));
        if (const auto written = core::MetadataFile::save(core::metadataWithAcceptedActions(schema, taken), out);
            !written.ok())
            return reportError(written.error());
        std::printf("%lld accepted action(s) recorded in %s\n", static_cast<long long>(taken.size()), qPrintable(out));
    }
    return kOk;
}

} // namespace cli
