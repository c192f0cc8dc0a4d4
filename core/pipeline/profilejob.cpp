// SPDX-License-Identifier: MIT
#include "core/pipeline/profilejob.h"

#include <QSet>

namespace core {

namespace {

// Alert kinds only a raw reading can see.
const QSet<QString> &rawOnlyKinds()
{
    static const QSet<QString> kinds { QStringLiteral("whitespace"), QStringLiteral("mixed_types"),
                                       QStringLiteral("inconsistent_spelling"), QStringLiteral("missing_marker") };
    return kinds;
}

bool markersAllDeclared(const Alert &alert, const QStringList &declared)
{
    const QVariantList markers = alert.evidence.value(QStringLiteral("markers")).toList();
    if (markers.isEmpty())
        return false;
    for (const QVariant &marker : markers) {
        const QString value = marker.toMap().value(QStringLiteral("value")).toString().trimmed();
        if (!declared.contains(value))
            return false;
    }
    return true;
}

bool alreadyRaised(const Profile &profile, const Alert &alert)
{
    for (const Alert &existing : profile.alerts) {
        if (existing.kind == alert.kind && existing.columns == alert.columns)
            return true;
    }
    return false;
}

} // namespace

Result<Profile> ProfileJob::run(const InputSpec &spec, const LoadedInput &loaded, const QString &target, JobContext &job)
{
    ProfileOptions options;
    options.target = target;
    options.source.path = spec.location;
    options.source.encoding = loaded.encoding;
    options.source.delimiter = loaded.delimiter;
    options.source.decimalMark = loaded.decimalMark;
    options.source.diagnostics = loaded.diagnostics;
    Result<Profile> profile = profileTable(loaded.table, loaded.schema, options, job);
    if (!profile.ok() || spec.isPostgres())
        return profile;

    CsvOptions raw = spec.csv;
    raw.trimWhitespace = false;
    raw.missingMarkers = { QString() };
    SilentJob quiet;
    const Result<CsvReadResult> rawRead = CsvReader::read(spec.location, raw, quiet);
    if (!rawRead.ok())
        return profile; // the cleaned reading worked; the raw one adds findings only
    ProfileOptions rawOptions;
    rawOptions.source.path = spec.location;
    const Result<Profile> rawProfile = profileTable(rawRead.value().table, rawRead.value().schema, rawOptions, quiet);
    if (!rawProfile.ok())
        return profile;

    Profile &out = profile.value();
    for (const Alert &alert : rawProfile.value().alerts) {
        if (!rawOnlyKinds().contains(alert.kind) || alreadyRaised(out, alert))
            continue;
        // "?" read raw looks undeclared, but the cleaned reading already treats it as missing.
        if (alert.kind == QStringLiteral("missing_marker") && markersAllDeclared(alert, spec.csv.missingMarkers))
            continue;
        out.alerts.append(alert);
        for (const SuggestedAction &action : rawProfile.value().actions) {
            if (alert.columns.contains(action.column) && action.reason == alert.kind)
                out.actions.append(action);
        }
    }
    return profile;
}

} // namespace core
