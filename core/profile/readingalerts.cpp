// SPDX-License-Identifier: MIT
#include "core/profile/profileinternal.h"
#include "core/profile/readingchanges.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>
#include <algorithm>

namespace core {

namespace {

    using profiling::listOf;
    using profiling::shown;
    using profiling::valueCounts;
    using Severity = Diagnostic::Severity;

    QString tr(const char *text)
    {
        return QCoreApplication::translate("core::Profile", text);
    }

    QList<ValueCount> byCount(QList<ValueCount> values)
    {
        std::stable_sort(values.begin(), values.end(), [](const ValueCount &a, const ValueCount &b) {
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
        return values;
    }

    // Replaces the alert of the same kind about the same column when `replace` is set; otherwise
    // keeps a column's alerts together: after the last one about that column alone, else at the end.
    void place(Profile &profile, Alert alert, bool replace = true)
    {
        for (qsizetype i = 0; replace && i < profile.alerts.size(); ++i) {
            Alert &existing = profile.alerts[i];
            if (existing.kind == alert.kind && existing.columns == alert.columns) {
                existing = std::move(alert);
                return;
            }
        }
        // In column order: after the last alert about one column at or before this one.
        const int column = alert.columns.size() == 1 ? profile.indexOf(alert.columns.front()) : -1;
        qsizetype at = -1, firstLater = -1;
        for (qsizetype i = 0; i < profile.alerts.size(); ++i) {
            const QStringList &cols = profile.alerts[i].columns;
            const int other = cols.size() == 1 ? profile.indexOf(cols.front()) : -1;
            if (other < 0)
                continue;
            if (other <= column)
                at = i + 1;
            else if (firstLater < 0)
                firstLater = i;
        }
        if (at < 0)
            at = firstLater;
        if (at < 0)
            profile.alerts.append(std::move(alert));
        else
            profile.alerts.insert(at, std::move(alert));
    }

    const Alert *findAlert(const Profile &profile, const QString &kind, const QString &column)
    {
        for (const Alert &a : profile.alerts) {
            if (a.kind == kind && a.columns == QStringList { column })
                return &a;
        }
        return nullptr;
    }

    void suggest(Profile &profile, SuggestedAction action)
    {
        for (const SuggestedAction &a : std::as_const(profile.actions)) {
            if (a.kind == action.kind && a.column == action.column && a.value == action.value)
                return;
        }
        profile.actions.append(std::move(action));
    }

    // How often each label occurs in the loaded column (labels of Category / Boolean storage, texts).
    QHash<QString, qint64> labelCounts(const Column &column)
    {
        QHash<QString, qint64> counts;
        if (column.storage() == ColumnStorage::Category || column.storage() == ColumnStorage::Boolean) {
            std::vector<qint64> perCode(size_t(column.labels().size()), 0);
            for (std::int32_t code : column.codes()) {
                if (code >= 0 && size_t(code) < perCode.size())
                    ++perCode[size_t(code)];
            }
            for (qsizetype i = 0; i < column.labels().size(); ++i)
                counts[column.labels().at(i)] += perCode[size_t(i)];
        } else if (column.storage() == ColumnStorage::Text) {
            for (qint64 i = 0; i < column.size(); ++i) {
                if (!column.isMissing(i))
                    ++counts[column.texts()[size_t(i)]];
            }
        }
        return counts;
    }

    void whitespaceAlert(
        Profile &profile, const ColumnProfile &c, const QList<ValueCount> &padded, qint64 count)
    {
        QList<ValueCount> examples = padded;
        qint64 total = count;
        const Alert *existing = findAlert(profile, QStringLiteral("whitespace"), c.name);
        if (existing) {
            // Padding the reader keeps (spaces inside quotes) plus what it trimmed.
            total += existing->evidence.value(QStringLiteral("count")).toLongLong();
            if (c.text)
                examples += c.text->paddedExamples;
        }
        examples = byCount(examples).mid(0, 10);
        const QString message = existing
            ? tr("%1 has %2 value(s) with leading or trailing whitespace (%3).")
            : tr("%1 has %2 value(s) with leading or trailing whitespace (%3); they are read trimmed.");
        place(profile,
            Alert { QStringLiteral("whitespace"), Severity::Warning, { c.name },
                message.arg(c.name).arg(total).arg(listOf(examples)),
                { { QStringLiteral("count"), total }, { QStringLiteral("read_trimmed"), count },
                    { QStringLiteral("examples"), valueCounts(examples) } } });
    }

    // Labels that differ only by their padding ("ckd\t" beside "ckd"), merged with the case
    // variants the profile found in the loaded labels.
    void spellingAlert(
        Profile &profile, const ColumnProfile &c, const Column &column, const QList<ChangedCell> &cells)
    {
        QMap<QString, QStringList> groups;
        QHash<QString, qint64> paddedByCleaned;
        for (const ChangedCell &cell : cells) {
            if (!cell.padded() || cell.readAsMissing)
                continue;
            groups[cell.cleaned.toCaseFolded()].append(cell.raw);
            paddedByCleaned[cell.cleaned] += cell.count;
        }
        if (groups.isEmpty())
            return;
        const QHash<QString, qint64> counts = labelCounts(column);
        for (auto it = paddedByCleaned.cbegin(); it != paddedByCleaned.cend(); ++it) {
            if (counts.value(it.key()) > it.value())
                groups[it.key().toCaseFolded()].append(it.key()); // also written without padding
        }
        if (c.text) {
            for (const QStringList &g : c.text->spellingVariants)
                groups[g.front().trimmed().toCaseFolded()] += g;
        }
        QStringList shownGroups;
        QVariantList evidence;
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            QStringList &g = it.value();
            g.removeDuplicates();
            if (g.size() < 2)
                continue;
            g.sort();
            QStringList shownGroup;
            for (const QString &v : std::as_const(g))
                shownGroup.append(shown(v));
            shownGroups.append(shownGroup.join(QStringLiteral(" / ")));
            evidence.append(QVariant(g));
        }
        if (evidence.isEmpty())
            return;
        place(profile,
            Alert { QStringLiteral("inconsistent_spelling"), Severity::Warning, { c.name },
                tr("%1 spells the same category in different ways: %2.")
                    .arg(c.name, shownGroups.mid(0, 5).join(QStringLiteral("; "))),
                { { QStringLiteral("groups"), evidence } } });
    }

} // namespace

void addReadingChangeAlerts(Profile &profile, const Table &table, const ReadingChanges &changes)
{
    const qsizetype columns = std::min<qsizetype>(profile.columns.size(), changes.columns.size());
    for (qsizetype j = 0; j < columns && j < table.columnCount(); ++j) {
        const QList<ChangedCell> &cells = changes.columns[j];
        if (cells.isEmpty())
            continue;
        const ColumnProfile &c = profile.columns[j];
        const Column &column = table.column(int(j));
        QList<ValueCount> padded, markers, asText;
        qint64 paddedCells = 0, markerCells = 0, paddedNumbers = 0;
        QStringList declared;
        for (const ChangedCell &cell : cells) {
            if (cell.padded()) {
                padded.append(ValueCount { cell.raw, cell.count });
                paddedCells += cell.count;
                if (!cell.readAsMissing)
                    paddedNumbers += cell.count;
            }
            if (cell.readAsMissing) {
                markers.append(ValueCount { cell.raw, cell.count });
                markerCells += cell.count;
                if (!declared.contains(cell.cleaned))
                    declared.append(cell.cleaned);
            }
            asText.append(ValueCount { cell.raw, cell.count });
        }

        if (paddedCells > 0)
            whitespaceAlert(profile, c, byCount(padded), paddedCells);
        const ColumnStorage storage = column.storage();
        if (storage == ColumnStorage::Category || storage == ColumnStorage::Boolean
            || storage == ColumnStorage::Text)
            spellingAlert(profile, c, column, cells);

        if (markerCells > 0) {
            markers = byCount(markers);
            place(profile,
                Alert { QStringLiteral("missing_marker"), Severity::Info, { c.name },
                    tr("%1 has %2 cell(s) written as a missing-value marker (%3); they are read as missing.")
                        .arg(c.name)
                        .arg(markerCells)
                        .arg(listOf(markers)),
                    { { QStringLiteral("count"), markerCells },
                        { QStringLiteral("markers"), valueCounts(markers) },
                        { QStringLiteral("declared"), true } } },
                false); // an alert about undeclared markers stays beside it
            for (const QString &marker : std::as_const(declared))
                suggest(profile,
                    SuggestedAction { SuggestedAction::Kind::DeclareMissingMarker, c.name, marker,
                        QStringLiteral("missing_marker") });
        }

        // Numbers the file stores as text ("\t43", "?"): the reader cleaned them into a number
        // column, but another tool reading the file as written would see text.
        if (storage == ColumnStorage::Number && paddedNumbers + markerCells > 0
            && !findAlert(profile, QStringLiteral("mixed_types"), c.name)) {
            const qint64 numbers = c.count - paddedNumbers;
            const qint64 others = paddedNumbers + markerCells;
            asText = byCount(asText);
            place(profile,
                Alert { QStringLiteral("mixed_types"),
                    double(numbers) >= 0.9 * double(numbers + others) ? Severity::Warning : Severity::Info,
                    { c.name },
                    tr("%1 mixes numbers and text as written: %2 numbers and %3 other value(s) (%4); it is "
                       "read "
                       "as numbers.")
                        .arg(c.name)
                        .arg(numbers)
                        .arg(others)
                        .arg(listOf(asText)),
                    { { QStringLiteral("numbers"), numbers }, { QStringLiteral("others"), others },
                        { QStringLiteral("numbers_after_trim"), paddedNumbers },
                        { QStringLiteral("markers"), markerCells },
                        { QStringLiteral("examples"), valueCounts(asText) },
                        { QStringLiteral("read_as_numbers"), true } } });
        }
    }
}

Result<Profile> profileReadTable(const Table &table, const Schema &schema, const ProfileOptions &options,
    const CsvReadingInfo *csv, JobContext &job)
{
    Result<Profile> profile = profileTable(table, schema, options, job);
    if (!profile.ok() || !csv || csv->path.isEmpty())
        return profile;
    const Result<ReadingChanges> changes
        = scanCsvReadingChanges(*csv, table.columnCount(), table.rowCount(), job);
    if (!changes.ok())
        return changes.error().code == Error::Code::Cancelled ? Result<Profile>(changes.error()) : profile;
    addReadingChangeAlerts(profile.value(), table, changes.value());
    return profile;
}

} // namespace core
