// SPDX-License-Identifier: MIT
// Profiles of the shared case files and real data sets, loaded with core::CsvReader.
// Reference counts come from pandas 1.5.3 (/usr/bin/python3); the script that printed them is
// tests/reference/profile_reference.py, and each value below names the expression it printed.
// Set HEALTHSYNTH_PROFILE_DUMP=1 to print each profile's JSON.
#include "core/data/csvreader.h"
#include "core/profile/profile.h"
#include "core/profile/profilejson.h"
#include "core/profile/readingchanges.h"
#include "testpaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QTest>

namespace {

struct Loaded {
    core::CsvReadResult read;
    core::Profile profile;
};

// Raw reading keeps what the file holds: no trimming and only empty cells missing, so the
// profile sees "\t?" and "ckd\t" as they are written.
core::CsvOptions rawOptions()
{
    core::CsvOptions options;
    options.trimWhitespace = false;
    options.missingMarkers = QStringList { QString() };
    return options;
}

std::optional<Loaded> load(const QString &path, const core::CsvOptions &csv = {}, const QString &target = {})
{
    core::SilentJob job;
    core::Result<core::CsvReadResult> read = core::CsvReader::read(path, csv, job);
    if (!read.ok()) {
        qWarning("%s: %s", qPrintable(path), qPrintable(read.error().toString()));
        return std::nullopt;
    }
    core::ProfileOptions options;
    options.target = target;
    options.source.path = path;
    options.source.encoding = read.value().encoding;
    options.source.delimiter = read.value().delimiter;
    options.source.decimalMark = read.value().decimalMark;
    options.source.diagnostics = read.value().diagnostics;
    core::Result<core::Profile> profile
        = core::profileTable(read.value().table, read.value().schema, options, job);
    if (!profile.ok()) {
        qWarning("%s: %s", qPrintable(path), qPrintable(profile.error().toString()));
        return std::nullopt;
    }
    if (qEnvironmentVariableIsSet("HEALTHSYNTH_PROFILE_DUMP"))
        qInfo().noquote()
            << path << QJsonDocument(core::profileToJson(profile.value())).toJson(QJsonDocument::Indented);
    return Loaded { std::move(read).value(), std::move(profile).value() };
}

const core::ColumnProfile &col(const core::Profile &p, const QString &name)
{
    const int i = p.indexOf(name);
    if (i < 0)
        qFatal("no column %s", qPrintable(name));
    return p.columns[i];
}

bool hasAlert(const core::Profile &p, const char *kind, const char *column = nullptr)
{
    return !p.alertsOf(QString::fromUtf8(kind), column ? QString::fromUtf8(column) : QString()).isEmpty();
}

bool hasAction(
    const core::Profile &p, core::SuggestedAction::Kind kind, const QString &column, const QString &value)
{
    for (const core::SuggestedAction &a : p.actions) {
        if (a.kind == kind && a.column == column && a.value == value)
            return true;
    }
    return false;
}

QStringList S(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list.append(QString::fromUtf8(item));
    return list;
}

} // namespace

class TestProfileCases : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void case001EncodingWithBom()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("001_utf8_bom_quoted_header.csv")));
        QVERIFY(l);
        QCOMPARE(l->profile.source.encoding, QStringLiteral("UTF-8 with BOM"));
        QVERIFY(hasAlert(l->profile, "encoding"));
        QVERIFY(l->profile.alertsOf(QStringLiteral("encoding"))
                    .front()
                    .message.contains(QStringLiteral("UTF-8 with BOM")));
        QCOMPARE(core::profileToJson(l->profile)
                     .value(QStringLiteral("source"))
                     .toObject()
                     .value(QStringLiteral("encoding"))
                     .toString(),
            QStringLiteral("UTF-8 with BOM"));
        QCOMPARE(l->profile.rows, 8);
    }

    void case004LeadingZeroCodes()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("004_leading_zero_codes.csv")));
        QVERIFY(l);
        const core::Profile &p = l->profile;
        QCOMPARE(col(p, QStringLiteral("record_no")).kind, core::ProfileKind::Identifier);
        QVERIFY(hasAlert(p, "unique", "record_no"));
        QCOMPARE(col(p, QStringLiteral("zip")).text->piiKind, QStringLiteral("postal_code"));
        QVERIFY(hasAlert(p, "pii", "zip"));
        QVERIFY(!col(p, QStringLiteral("icd9_code")).numeric); // codes, not numbers
        QCOMPARE(col(p, QStringLiteral("charge")).kind, core::ProfileKind::Numeric);
        // df.charge.mean() = 122.59375, df.charge.max() = 310.25
        QCOMPARE(col(p, QStringLiteral("charge")).numeric->mean, 122.59375);
        QCOMPARE(col(p, QStringLiteral("charge")).numeric->max, 310.25);
    }

    void case011ConstantColumns()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("011_constant_columns.csv")));
        QVERIFY(l);
        QVERIFY(hasAlert(l->profile, "constant", "site"));
        QVERIFY(hasAlert(l->profile, "constant", "protocol_version"));
        QVERIFY(!hasAlert(l->profile, "constant", "age"));
    }

    void case014InfiniteValues()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("014_infinite_values.csv")));
        QVERIFY(l);
        const core::Profile &p = l->profile;
        auto infinite = [&p](const QString &name) {
            const core::ColumnProfile &c = col(p, name);
            return c.numeric ? c.numeric->nonFinite() : c.text->nonFinite;
        };
        QCOMPARE(infinite(QStringLiteral("ratio")), 2);
        QCOMPARE(infinite(QStringLiteral("titer")), 1);
        QCOMPARE(p.alertsOf(QStringLiteral("non_finite"), QStringLiteral("ratio")).size(), 1);
        QVERIFY(p.alertsOf(QStringLiteral("non_finite_values"), QStringLiteral("ratio"))
                    .isEmpty()); // no double report
        QVERIFY(hasAlert(p, "non_finite", "titer"));
        QVERIFY(col(p, QStringLiteral("titer")).numeric);
        QCOMPARE(col(p, QStringLiteral("titer")).numeric->extreme, 1);
        QCOMPARE(col(p, QStringLiteral("titer")).numeric->extremeExamples.value(0), 1e308);
        QVERIFY(hasAlert(p, "extreme_value", "titer"));
    }

    void case016UniqueStringIds()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("016_unique_string_ids.csv")));
        QVERIFY(l);
        const core::ColumnProfile &c = col(l->profile, QStringLiteral("sample_id"));
        QCOMPARE(c.distinctShare(), 1.0);
        QCOMPARE(c.text->regex, QStringLiteral("S-[0-9a-f]{8}"));
        QVERIFY(hasAlert(l->profile, "unique", "sample_id"));
        QVERIFY(!hasAlert(l->profile, "unique", "lab_code"));
        QCOMPARE(col(l->profile, QStringLiteral("lab_code")).distinct, 3);
    }

    void case018MixedDateFormats()
    {
        // Read as dates by the loader (which names the formats), or raw as text (the profile names them).
        const auto typed = load(testsupport::caseFile(QStringLiteral("018_date_formats_ydm_and_mixed.csv")));
        QVERIFY(typed);
        QVERIFY(hasAlert(typed->profile, "mixed_date_formats", "followup_date_mixed")
            || hasAlert(typed->profile, "inconsistent_formats", "followup_date_mixed"));
        const auto raw
            = load(testsupport::caseFile(QStringLiteral("018_date_formats_ydm_and_mixed.csv")), rawOptions());
        QVERIFY(raw);
        if (col(raw->profile, QStringLiteral("followup_date_mixed")).text) {
            QVERIFY(hasAlert(raw->profile, "inconsistent_formats", "followup_date_mixed"));
            QCOMPARE(col(raw->profile, QStringLiteral("followup_date_mixed")).text->dateFormats.size(), 5);
        }
    }

    void case021ConstantApartFromMissing()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("021_single_code_plus_missing.csv")));
        QVERIFY(l);
        const QList<core::Alert> a
            = l->profile.alertsOf(QStringLiteral("constant"), QStringLiteral("prior_surgery_code"));
        QCOMPARE(a.size(), 1);
        QVERIFY(a.front().message.contains(QStringLiteral("constant apart from missing")));
        QVERIFY(a.front().message.contains(QStringLiteral("45.0% missing")));
        QCOMPARE(col(l->profile, QStringLiteral("prior_surgery_code")).distinct, 1);
        QCOMPARE(col(l->profile, QStringLiteral("prior_surgery_code")).missing, 9);
    }

    void case027BooleanBinaryAllMissing()
    {
        const auto l = load(testsupport::caseFile(QStringLiteral("027_bool_binary_allmissing_profile.csv")));
        QVERIFY(l);
        const core::Profile &p = l->profile;
        const core::ColumnProfile &consent = col(p, QStringLiteral("consent"));
        QCOMPARE(consent.kind, core::ProfileKind::Boolean);
        QVERIFY(!consent.numeric);
        QCOMPARE(consent.topValues.size(), 2);
        QCOMPARE(consent.topValues.at(0).value, QStringLiteral("True"));
        QCOMPARE(consent.topValues.at(0).count, 9);
        QCOMPARE(consent.topValues.at(1).count, 3);
        QVERIFY(!hasAlert(p, "zeros", "consent"));
        const core::ColumnProfile &readmit = col(p, QStringLiteral("readmit_30d"));
        QCOMPARE(readmit.kind, core::ProfileKind::Binary);
        QCOMPARE(readmit.topValues.at(0).value, QStringLiteral("0"));
        QCOMPARE(readmit.topValues.at(0).count, 9);
        QCOMPARE(readmit.topValues.at(1).count, 3);
        QVERIFY(!hasAlert(p, "zeros", "readmit_30d"));
        QVERIFY(hasAlert(p, "all_missing", "pending_result"));
        QVERIFY(p.alertsOf(QStringLiteral("all_missing"))
                    .front()
                    .message.contains(QStringLiteral("100% missing")));
        bool excluded = false;
        for (const core::SuggestedAction &a : p.actions)
            excluded |= a.kind == core::SuggestedAction::Kind::Exclude
                && a.column == QStringLiteral("pending_result");
        // Left out of modelling: already by the inferred schema, or by the suggested exclusion.
        QVERIFY(excluded || !col(p, QStringLiteral("pending_result")).modelled);
        QVERIFY(p.alertsOf(QStringLiteral("all_missing"), QStringLiteral("pending_result"))
                    .front()
                    .message.contains(QStringLiteral("left out of modelling")));
        QCOMPARE(p.alertsOf(QStringLiteral("all_missing"), QStringLiteral("pending_result")).size(), 1);
        QCOMPARE(col(p, QStringLiteral("age")).kind, core::ProfileKind::Numeric);
    }

    void kidneyQuirks_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("paddedClasses"); // "ckd\t" cells: the comma export has 2, the semicolon one 0
        QTest::newRow("semicolon") << QStringLiteral("chronic_kidney_disease/kidney_disease.csv") << 0;
        QTest::newRow("comma") << QStringLiteral("chronic_kidney_disease/kidney_disease_old.csv") << 2;
    }
    void kidneyQuirks()
    {
        QFETCH(QString, file);
        QFETCH(int, paddedClasses);
        const auto l = load(testsupport::realData(file), rawOptions(), QStringLiteral("classification"));
        QVERIFY(l);
        const core::Profile &p = l->profile;
        QCOMPARE(p.rows, 400);
        QCOMPARE(p.duplicateRows, 0); // df.duplicated().sum()
        // df.isna().sum() and df.nunique() (raw reading; see profile_reference.py)
        const QList<std::pair<const char *, std::pair<int, int>>> counts {
            { "id", { 0, 400 } },
            { "age", { 9, 76 } },
            { "bp", { 12, 10 } },
            { "sg", { 47, 5 } },
            { "al", { 46, 6 } },
            { "su", { 49, 6 } },
            { "rbc", { 152, 2 } },
            { "pc", { 65, 2 } },
            { "pcc", { 4, 2 } },
            { "ba", { 4, 2 } },
            { "bgr", { 44, 146 } },
            { "bu", { 19, 118 } },
            { "sc", { 17, 84 } },
            { "sod", { 87, 34 } },
            { "pot", { 88, 40 } },
            { "hemo", { 52, 115 } },
            { "pcv", { 70, 44 } },
            { "wc", { 105, 92 } },
            { "rc", { 130, 49 } },
            { "htn", { 2, 2 } },
            { "dm", { 2, 5 } },
            { "cad", { 2, 3 } },
            { "appet", { 1, 2 } },
            { "pe", { 1, 2 } },
            { "ane", { 1, 2 } },
        };
        for (const auto &[name, expected] : counts) {
            const core::ColumnProfile &c = col(p, QString::fromUtf8(name));
            QVERIFY2(c.missing == expected.first, name);
            QVERIFY2(c.distinct == expected.second, name);
        }
        QCOMPARE(col(p, QStringLiteral("classification")).distinct, paddedClasses > 0 ? 3 : 2);

        // s = pd.to_numeric(df.age): count, mean, std, min, max, skew, kurt, quantiles
        const core::ColumnProfile &age = col(p, QStringLiteral("age"));
        QCOMPARE(age.count, 391);
        const core::NumericStats &a = *age.numeric;
        QVERIFY(qFuzzyCompare(a.mean, 51.48337595907928));
        QVERIFY(qFuzzyCompare(a.std, 17.16971408926224));
        QVERIFY(qFuzzyCompare(a.skewness, -0.6682594691593559));
        QVERIFY(qFuzzyCompare(a.kurtosis, 0.0578404946021962));
        QCOMPARE(a.min, 2.0);
        QCOMPARE(a.max, 90.0);
        const double q[] = { 5.0, 19.0, 42.0, 55.0, 64.5, 74.5, 80.10000000000002 };
        for (int i = 0; i < 7; ++i)
            QVERIFY(qFuzzyCompare(a.quantiles[size_t(i)], q[i]));
        const core::NumericStats &pot = *col(p, QStringLiteral("pot")).numeric;
        QVERIFY(qFuzzyCompare(pot.skewness, 11.582955561754394));
        QVERIFY(qFuzzyCompare(pot.kurtosis, 142.5059115472415));
        QVERIFY(qFuzzyCompare(pot.quantiles[0], 2.811));

        // df[["age","bgr"]].corr() / corr(method="spearman"), both columns with missing cells
        double pearson = 0, spearman = 0;
        const int ia = p.indexOf(QStringLiteral("age")), ib = p.indexOf(QStringLiteral("bgr"));
        for (const core::Association &x : p.associations) {
            if (x.first == ia && x.second == ib && x.method == core::Association::Method::Pearson)
                pearson = x.value;
            if (x.first == ia && x.second == ib && x.method == core::Association::Method::Spearman)
                spearman = x.value;
        }
        QVERIFY(qFuzzyCompare(pearson, 0.24499219961690563));
        QVERIFY(qFuzzyCompare(spearman, 0.298604634281882));

        // Every quirk raises its alert. Padded cells per column: s[s != s.str.strip()].
        const QList<std::pair<const char *, int>> padded { { "pcv", 2 }, { "wc", 3 }, { "rc", 1 },
            { "dm", 6 }, { "cad", 2 } };
        for (const auto &[name, expected] : padded) {
            const QList<core::Alert> w = p.alertsOf(QStringLiteral("whitespace"), QString::fromUtf8(name));
            QVERIFY2(w.size() == 1, name);
            QVERIFY2(w.front().evidence.value(QStringLiteral("count")).toInt() == expected, name);
            QVERIFY2(!p.alertsOf(QStringLiteral("inconsistent_spelling"), QString::fromUtf8(name)).isEmpty()
                    || QByteArray(name) == "rc",
                name);
        }
        QCOMPARE(p.alertsOf(QStringLiteral("whitespace"), QStringLiteral("classification")).size(),
            paddedClasses > 0 ? 1 : 0);
        QCOMPARE(p.alertsOf(QStringLiteral("inconsistent_spelling"), QStringLiteral("classification")).size(),
            paddedClasses > 0 ? 1 : 0);
        // "\t?" once in each of pcv, wc, rc: s.str.strip().eq("?").sum()
        for (const char *name : { "pcv", "wc", "rc" }) {
            const QList<core::Alert> m
                = p.alertsOf(QStringLiteral("missing_marker"), QString::fromUtf8(name));
            QVERIFY2(m.size() == 1, name);
            QVERIFY2(m.front().evidence.value(QStringLiteral("count")).toInt() == 1, name);
            QVERIFY2(!p.alertsOf(QStringLiteral("mixed_types"), QString::fromUtf8(name)).isEmpty(), name);
        }
        // Sodium 4.5 and potassium 47 are not plausible blood values.
        QVERIFY(hasAlert(p, "implausible_value", "sod"));
        QVERIFY(hasAlert(p, "implausible_value", "pot"));
        QVERIFY(hasAlert(p, "unique", "id"));
        // Target balance merges "ckd\t" into "ckd": ckd 250, notckd 150 (df.classification.str.strip())
        QVERIFY(p.target);
        QCOMPARE(p.target->classes.size(), 2);
        QCOMPARE(p.target->classes.front().count, 250);
        QCOMPARE(p.target->minorityShare, 150.0 / 400.0);
        QVERIFY(!hasAlert(p, "imbalanced_target"));
    }

    void kidneyQuirksAsRead_data() { kidneyQuirks_data(); }
    void kidneyQuirksAsRead()
    {
        // As the Profile step and `healthsynth-cli profile` see the file: read with the default
        // options (trimmed, "?" read as missing), then the scan of the cells as written names every
        // quirk that reading hid. Numbers from the "as read" part of profile_reference.py.
        QFETCH(QString, file);
        QFETCH(int, paddedClasses);
        const QString path = testsupport::realData(file);
        core::SilentJob job;
        const core::CsvOptions csv;
        core::Result<core::CsvReadResult> read = core::CsvReader::read(path, csv, job);
        QVERIFY(read.ok());
        core::CsvReadingInfo reading;
        reading.path = path;
        reading.options = csv;
        reading.delimiter = read.value().delimiter;
        reading.encoding = read.value().encoding;
        core::ProfileOptions options;
        options.target = QStringLiteral("classification");
        const core::Result<core::Profile> profiled
            = core::profileReadTable(read.value().table, read.value().schema, options, &reading, job);
        QVERIFY(profiled.ok());
        const core::Profile &p = profiled.value();
        QCOMPARE(p.rows, 400);

        // cleaned.isna().sum() and numeric nunique of the columns the scan speaks about
        const QList<std::pair<const char *, std::pair<int, int>>> counts { { "pcv", { 71, 42 } },
            { "wc", { 106, 89 } }, { "rc", { 131, 45 } }, { "dm", { 2, 2 } }, { "cad", { 2, 2 } },
            { "classification", { 0, 2 } } };
        for (const auto &[name, expected] : counts) {
            const core::ColumnProfile &c = col(p, QString::fromUtf8(name));
            QVERIFY2(c.missing == expected.first, name);
            QVERIFY2(c.distinct == expected.second, name);
        }

        // Padded cells, s[s != s.str.strip(" \t")], and only in these columns.
        QList<std::pair<const char *, int>> padded { { "pcv", 2 }, { "wc", 3 }, { "rc", 1 }, { "dm", 6 },
            { "cad", 2 } };
        if (paddedClasses > 0)
            padded.append({ "classification", paddedClasses });
        QCOMPARE(p.alertsOf(QStringLiteral("whitespace")).size(), padded.size());
        for (const auto &[name, expected] : padded) {
            const QList<core::Alert> w = p.alertsOf(QStringLiteral("whitespace"), QString::fromUtf8(name));
            QVERIFY2(w.size() == 1, name);
            QVERIFY2(w.front().evidence.value(QStringLiteral("count")).toInt() == expected, name);
        }
        const core::Alert classes
            = p.alertsOf(QStringLiteral("whitespace"), QStringLiteral("classification")).value(0);
        if (paddedClasses > 0)
            QVERIFY(classes.message.contains(QStringLiteral("\"ckd\\t\" ×2")));

        // Labels padded differently: the groups of s.str.strip(" \t") with more than one spelling.
        auto groups = [&p](const char *column) {
            const QList<core::Alert> a
                = p.alertsOf(QStringLiteral("inconsistent_spelling"), QString::fromUtf8(column));
            QList<QStringList> found;
            for (const QVariant &g : a.value(0).evidence.value(QStringLiteral("groups")).toList())
                found.append(g.toStringList());
            return found;
        };
        QCOMPARE(groups("dm"), (QList<QStringList> { S({ "\tno", "no" }), S({ "\tyes", " yes", "yes" }) }));
        QCOMPARE(groups("cad"), (QList<QStringList> { S({ "\tno", "no" }) }));
        QCOMPARE(groups("classification"),
            paddedClasses > 0 ? QList<QStringList> { S({ "ckd", "ckd\t" }) } : QList<QStringList> {});

        // "\t?" read as missing once in each of pcv, wc, rc; numbers as written (no padding):
        // s.str.fullmatch(number).sum() = 328 of 330, 292 of 295, 269 of 270.
        const QList<std::tuple<const char *, int, int>> asText { { "pcv", 328, 2 }, { "wc", 292, 3 },
            { "rc", 269, 1 } };
        for (const auto &[name, numbers, others] : asText) {
            const QString column = QString::fromUtf8(name);
            const QList<core::Alert> m = p.alertsOf(QStringLiteral("missing_marker"), column);
            QVERIFY2(m.size() == 1, name);
            QVERIFY2(m.front().evidence.value(QStringLiteral("count")).toInt() == 1, name);
            QVERIFY2(m.front().message.contains(QStringLiteral("\"\\t?\" ×1")), name);
            QVERIFY2(
                hasAction(p, core::SuggestedAction::Kind::DeclareMissingMarker, column, QStringLiteral("?")),
                name);
            const QList<core::Alert> t = p.alertsOf(QStringLiteral("mixed_types"), column);
            QVERIFY2(t.size() == 1, name);
            QVERIFY2(t.front().evidence.value(QStringLiteral("numbers")).toInt() == numbers, name);
            QVERIFY2(t.front().evidence.value(QStringLiteral("others")).toInt() == others, name);
            QVERIFY2(col(p, column).storage == core::ColumnStorage::Number, name);
        }
        QCOMPARE(p.alertsOf(QStringLiteral("missing_marker")).size(), 3);
        QCOMPARE(p.alertsOf(QStringLiteral("mixed_types")).size(), 3);

        // The cleaned values' own quirks. cleaned.isna().sum() / 400 > 0.2:
        for (const auto &[name, missing] : QList<std::pair<const char *, int>> {
                 { "rbc", 152 }, { "sod", 87 }, { "pot", 88 }, { "wc", 106 }, { "rc", 131 } }) {
            const QList<core::Alert> a = p.alertsOf(QStringLiteral("high_missing"), QString::fromUtf8(name));
            QVERIFY2(a.size() == 1, name);
            QVERIFY2(a.front().evidence.value(QStringLiteral("missing")).toInt() == missing, name);
        }
        QCOMPARE(p.alertsOf(QStringLiteral("high_missing")).size(), 5);
        // (sod < 100).sum() == 1, (pot > 10).sum() == 2, (al == 0).sum() == 199, (su == 0).sum() == 290
        QCOMPARE(p.alertsOf(QStringLiteral("implausible_value"), QStringLiteral("sod"))
                     .value(0)
                     .evidence.value(QStringLiteral("below"))
                     .toInt(),
            1);
        QCOMPARE(p.alertsOf(QStringLiteral("implausible_value"), QStringLiteral("pot"))
                     .value(0)
                     .evidence.value(QStringLiteral("above"))
                     .toInt(),
            2);
        QCOMPARE(p.alertsOf(QStringLiteral("zeros"), QStringLiteral("al"))
                     .value(0)
                     .evidence.value(QStringLiteral("zeros"))
                     .toInt(),
            199);
        QCOMPARE(p.alertsOf(QStringLiteral("zeros"), QStringLiteral("su"))
                     .value(0)
                     .evidence.value(QStringLiteral("zeros"))
                     .toInt(),
            290);
        QVERIFY(hasAlert(p, "unique", "id"));
        QVERIFY(p.target);
        QCOMPARE(p.target->classes.front().count, 250);
        QCOMPARE(p.target->classes.back().count, 150);
    }

    void readingScanSeesWhatTheReaderChanged()
    {
        // Quoted cells keep their spaces (RFC 4180) but lose pasted tabs; a header row is not data;
        // a marker the user declared counts as read missing, one they did not stays a value.
        const QString path = QDir(QDir::tempPath()).filePath(QStringLiteral("healthsynth_readingscan.csv"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(" id ;grp;v\r\n1;\" a\";\t5\r\n2;\"a\t\";-\r\n3;a ;7\r\n4;b;unknown\r\n");
        out.close();
        core::SilentJob job;
        core::CsvOptions csv;
        csv.missingMarkers = { QString(), QStringLiteral("-") };
        const core::Result<core::ReadingChanges> changes
            = core::scanCsvReadingChanges({ path, csv, u';', QStringLiteral("UTF-8") }, 3, 4, job);
        QFile::remove(path);
        QVERIFY(changes.ok());
        QCOMPARE(changes.value().records, 4);
        QCOMPARE(changes.value().columns.size(), 3);
        QVERIFY(changes.value().columns[0].isEmpty()); // " id " is the header
        const QList<core::ChangedCell> &grp = changes.value().columns[1];
        QCOMPARE(grp.size(), 2); // "a\t" (quoted) and "a " (unquoted); " a" keeps its quoted space
        QCOMPARE(grp[0].raw, QStringLiteral("a\t"));
        QCOMPARE(grp[1].raw, QStringLiteral("a "));
        QCOMPARE(grp[1].cleaned, QStringLiteral("a"));
        const QList<core::ChangedCell> &v = changes.value().columns[2];
        QCOMPARE(v.size(), 2);
        QCOMPARE(v[0].raw, QStringLiteral("\t5")); // equal counts: by raw text, tab first
        QVERIFY(!v[0].readAsMissing && v[0].padded());
        QCOMPARE(v[1].raw, QStringLiteral("-"));
        QVERIFY(v[1].readAsMissing && !v[1].padded());
    }

    void heartFailureCounts()
    {
        const auto l = load(
            testsupport::realData(QStringLiteral("heart_failure/heart_failure_clinical_records_dataset.csv")),
            {}, QStringLiteral("DEATH_EVENT"));
        QVERIFY(l);
        const core::Profile &p = l->profile;
        QCOMPARE(p.rows, 299);
        QCOMPARE(p.duplicateRows, 0);
        // hf.nunique()
        QCOMPARE(col(p, QStringLiteral("creatinine_phosphokinase")).distinct, 208);
        QCOMPARE(col(p, QStringLiteral("platelet")).distinct, 176);
        QCOMPARE(col(p, QStringLiteral("time")).distinct, 148);
        const core::NumericStats &cpk = *col(p, QStringLiteral("creatinine_phosphokinase")).numeric;
        QVERIFY(qFuzzyCompare(cpk.mean, 581.8394648829432));
        QVERIFY(qFuzzyCompare(cpk.std, 970.2878807124363));
        QVERIFY(qFuzzyCompare(cpk.skewness, 4.463110084653752));
        QVERIFY(qFuzzyCompare(cpk.kurtosis, 25.1490461965808));
        QVERIFY(qFuzzyCompare(cpk.quantiles[6], 5222.459999999988));
        // hf.age.corr(hf.serum_creatinine) and method="spearman" (complete columns: Gram path)
        const int ia = p.indexOf(QStringLiteral("age")), ic = p.indexOf(QStringLiteral("serum_creatinine"));
        int found = 0;
        for (const core::Association &x : p.associations) {
            if (x.first != ia || x.second != ic)
                continue;
            if (x.method == core::Association::Method::Pearson) {
                QVERIFY(qFuzzyCompare(x.value, 0.15918713328355028));
                ++found;
            } else if (x.method == core::Association::Method::Spearman) {
                QVERIFY(qFuzzyCompare(x.value, 0.27056117486968395));
                ++found;
            }
        }
        QCOMPARE(found, 2);
        // sqrt(sum n_g (mean_g - mean)^2 / sum (x - mean)^2) with pandas groupby:
        // age by DEATH_EVENT 0.2537285430880033, serum_sodium by sex 0.027566122728235855
        auto eta = [&p](const QString &number, const QString &category) {
            const int i = p.indexOf(number), j = p.indexOf(category);
            for (const core::Association &x : p.associations) {
                if (x.first == i && x.second == j && x.method == core::Association::Method::CorrelationRatio)
                    return x.value;
            }
            return -1.0;
        };
        QVERIFY(qFuzzyCompare(eta(QStringLiteral("age"), QStringLiteral("DEATH_EVENT")), 0.2537285430880033));
        QVERIFY(
            qFuzzyCompare(eta(QStringLiteral("serum_sodium"), QStringLiteral("sex")), 0.027566122728235855));
        // DEATH_EVENT: 0 203, 1 96
        QVERIFY(p.target);
        QCOMPARE(p.target->classes.front().count, 203);
        QCOMPARE(p.target->classes.back().count, 96);
    }

    void everyCaseProfilesWithoutCrashing_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(testsupport::sharedDir() + QStringLiteral("/cases"));
        for (const QString &name : dir.entryList({ QStringLiteral("*.csv") }, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void everyCaseProfilesWithoutCrashing()
    {
        QFETCH(QString, path);
        // Both readings: as the generators see the table, and raw as the profile step reads it.
        for (const core::CsvOptions &options : { core::CsvOptions {}, rawOptions() }) {
            core::SilentJob job;
            core::Result<core::CsvReadResult> read = core::CsvReader::read(path, options, job);
            if (!read.ok())
                continue; // a clear loader error is the loader's business; the profile never saw a table
            const core::Result<core::Profile> p
                = core::profileTable(read.value().table, read.value().schema, {}, job);
            QVERIFY(p.ok());
            QCOMPARE(p.value().rows, read.value().table.rowCount());
            QCOMPARE(p.value().columns.size(), read.value().table.columnCount());
            // And with the scan of the cells as written.
            const core::CsvReadingInfo reading { path, options, read.value().delimiter,
                read.value().encoding };
            const core::Result<core::Profile> scanned
                = core::profileReadTable(read.value().table, read.value().schema, {}, &reading, job);
            QVERIFY(scanned.ok());
            QVERIFY(scanned.value().alerts.size() >= p.value().alerts.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestProfileCases)
#include "tst_profilecases.moc"
