// SPDX-License-Identifier: MIT
#include "core/profile/profile.h"

#include "core/profile/profileinternal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QThread>
#include <algorithm>

namespace core {

QString profileKindKey(ProfileKind kind)
{
    switch (kind) {
    case ProfileKind::Numeric:
        return QStringLiteral("numeric");
    case ProfileKind::Binary:
        return QStringLiteral("binary");
    case ProfileKind::Boolean:
        return QStringLiteral("boolean");
    case ProfileKind::Categorical:
        return QStringLiteral("categorical");
    case ProfileKind::DateTime:
        return QStringLiteral("datetime");
    case ProfileKind::Text:
        return QStringLiteral("text");
    case ProfileKind::Identifier:
        return QStringLiteral("identifier");
    case ProfileKind::Empty:
        return QStringLiteral("empty");
    }
    return {};
}

QString associationMethodKey(Association::Method method)
{
    switch (method) {
    case Association::Method::Pearson:
        return QStringLiteral("pearson");
    case Association::Method::Spearman:
        return QStringLiteral("spearman");
    case Association::Method::CramersV:
        return QStringLiteral("cramers_v");
    case Association::Method::CorrelationRatio:
        return QStringLiteral("correlation_ratio");
    }
    return {};
}

QString suggestedActionKey(SuggestedAction::Kind kind)
{
    switch (kind) {
    case SuggestedAction::Kind::MarkAsId:
        return QStringLiteral("mark_as_id");
    case SuggestedAction::Kind::MarkAsPii:
        return QStringLiteral("mark_as_pii");
    case SuggestedAction::Kind::Exclude:
        return QStringLiteral("exclude");
    case SuggestedAction::Kind::ChangeType:
        return QStringLiteral("change_type");
    case SuggestedAction::Kind::DeclareMissingMarker:
        return QStringLiteral("declare_missing_marker");
    case SuggestedAction::Kind::TrimWhitespace:
        return QStringLiteral("trim_whitespace");
    }
    return {};
}

bool applyToSchema(const SuggestedAction &action, Schema &schema)
{
    ColumnMeta *meta = schema.find(action.column);
    if (!meta)
        return false;
    switch (action.kind) {
    case SuggestedAction::Kind::MarkAsId:
        meta->type = SemanticType::Id;
        if (!action.value.isEmpty())
            meta->pattern = action.value;
        break;
    case SuggestedAction::Kind::MarkAsPii:
        meta->type = SemanticType::Pii;
        meta->piiKind = action.value;
        break;
    case SuggestedAction::Kind::Exclude:
        meta->excluded = true;
        break;
    case SuggestedAction::Kind::ChangeType: {
        const std::optional<SemanticType> type = semanticTypeFromKey(action.value);
        if (!type)
            return false;
        meta->type = *type;
        break;
    }
    case SuggestedAction::Kind::DeclareMissingMarker:
        if (action.value.isEmpty() || meta->missingValues.contains(action.value))
            return false;
        meta->missingValues.append(action.value);
        return true; // a reading detail: the column's type stays as it was inferred or set
    case SuggestedAction::Kind::TrimWhitespace:
        return false;
    }
    meta->userOverride = true;
    meta->confidence = 1.0;
    return true;
}

int Profile::indexOf(const QString &column) const
{
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i].name == column)
            return int(i);
    }
    return -1;
}

QList<Alert> Profile::alertsOf(const QString &kind, const QString &column) const
{
    QList<Alert> found;
    for (const Alert &a : alerts) {
        if (a.kind == kind && (column.isEmpty() || a.columns.contains(column)))
            found.append(a);
    }
    return found;
}

Result<Profile> profileTable(
    const Table &table, const Schema &schema, const ProfileOptions &options, JobContext &job)
{
    QElapsedTimer timer;
    timer.start();
    const int targetIndex = options.target.isEmpty() ? -1 : table.indexOf(options.target);
    if (!options.target.isEmpty() && targetIndex < 0) {
        return Error { Error::Code::InvalidInput,
            QCoreApplication::translate("core::Profile", "The target column %1 is not in the table.")
                .arg(options.target),
            QStringLiteral("columns: %1").arg(table.columnNames().join(QStringLiteral(", "))) };
    }
    const int threads = std::max(1, options.threads > 0 ? options.threads : QThread::idealThreadCount());

    // Every column on its own; the threads take the next column as they finish one.
    std::vector<profiling::ColumnWork> work(size_t(table.columnCount()));
    const bool ok = profiling::parallelFor(table.columnCount(), threads, job, 0.0, 0.7,
        QCoreApplication::translate("core::Profile", "Profiling columns"), [&](int c) {
            const Column &column = table.column(c);
            work[size_t(c)] = profiling::profileColumn(column, schema.find(column.name()), options);
        });
    if (!ok)
        return cancelledError();

    Profile profile;
    profile.rows = table.rowCount();
    profile.source = options.source;

    std::optional<QList<Association>> associations
        = profiling::computeAssociations(table, work, threads, job);
    if (!associations)
        return cancelledError();
    profile.associations = std::move(*associations);

    QList<qint64> examples;
    const std::optional<qint64> duplicates
        = profiling::countDuplicateRows(table, work, threads, job, examples);
    if (!duplicates)
        return cancelledError();
    profile.duplicateRows = *duplicates;
    profile.duplicateExamples = examples;

    for (profiling::ColumnWork &w : work)
        profile.columns.append(std::move(w.profile));
    work.clear();

    if (targetIndex >= 0) {
        const ColumnProfile &t = profile.columns[targetIndex];
        TargetBalance balance;
        balance.column = t.name;
        // Every class, not only the top values: recount when the top list was cut short.
        if (t.distinct <= options.topValues) {
            balance.classes = t.topValues;
        } else {
            ProfileOptions all = options;
            all.topValues = int(std::min<qint64>(t.distinct, 1000));
            balance.classes = profiling::profileColumn(table.column(targetIndex), schema.find(t.name), all)
                                  .profile.topValues;
        }
        // "ckd\t" is the class "ckd" misspelt: merge labels equal after trimming and case folding.
        QList<ValueCount> merged;
        QHash<QString, qsizetype> at;
        for (const ValueCount &v : std::as_const(balance.classes)) {
            const QString key = v.value.trimmed().toCaseFolded();
            if (at.contains(key)) {
                merged[at.value(key)].count += v.count;
            } else {
                at.insert(key, merged.size());
                merged.append(v);
            }
        }
        std::stable_sort(merged.begin(), merged.end(),
            [](const ValueCount &a, const ValueCount &b) { return a.count > b.count; });
        balance.classes = merged;
        if (!balance.classes.isEmpty() && t.count > 0)
            balance.minorityShare = double(balance.classes.back().count) / double(t.count);
        profile.target = balance;
    }

    profiling::raiseAlerts(profile, options);
    job.reportProgress(1.0, QCoreApplication::translate("core::Profile", "Profile ready"));
    profile.seconds = double(timer.nsecsElapsed()) / 1e9;
    return profile;
}

} // namespace core
