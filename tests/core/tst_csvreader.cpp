// SPDX-License-Identifier: MIT
// CsvReader: RFC 4180 parsing, sniffing, typing, errors, the loader cases and the real data sets.
// Expected values are worked out by hand from the inputs, or (real data) counted once with
// /usr/bin/python3 pandas 1.5.3 as noted beside them.
#include "core/data/csvreader.h"

#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace core;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}

CsvReadResult readOk(const QString &path, const CsvOptions &options = {})
{
    SilentJob job;
    auto result = CsvReader::read(path, options, job);
    if (!result.ok())
        qWarning("%s", qPrintable(result.error().toString()));
    Q_ASSERT(result.ok());
    return std::move(result).value();
}

bool hasDiagnostic(const CsvReadResult &r, const QString &kind, const QString &column = {})
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.kind == kind && (column.isEmpty() || d.column == column))
            return true;
    }
    return false;
}

QString diagnosticMessage(const CsvReadResult &r, const QString &kind)
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.kind == kind)
            return d.message;
    }
    return {};
}

const Column &col(const CsvReadResult &r, const QString &name)
{
    const int at = r.table.indexOf(name);
    Q_ASSERT(at >= 0);
    return r.table.column(at);
}

const ColumnMeta &meta(const CsvReadResult &r, const QString &name)
{
    const ColumnMeta *m = r.schema.find(name);
    Q_ASSERT(m);
    return *m;
}

// 1970-01-01 based seconds of a UTC date, by hand: days from the epoch * 86400.
double daySeconds(int y, int m, int d)
{
    return double(QDate(y, m, d).toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86400.0;
}

} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfc4180Quoting()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("q.csv"),
                                       "id,note,score\r\n"
                                       "1,\"a, b\",3\r\n"
                                       "2,\"line one\r\nline two\",4\r\n"
                                       "3,\"say \"\"hi\"\"\",5\r\n"
                                       "4,plain,6");
        const CsvReadResult r = readOk(path);
        QCOMPARE(r.table.rowCount(), 4);
        QCOMPARE(r.table.columnCount(), 3);
        const Column &note = col(r, QStringLiteral("note"));
        QCOMPARE(note.cellText(0), QStringLiteral("a, b"));
        QCOMPARE(note.cellText(1), QStringLiteral("line one\r\nline two"));
        QCOMPARE(note.cellText(2), QStringLiteral("say \"hi\""));
        QCOMPARE(note.cellText(3), QStringLiteral("plain"));
        const Column &score = col(r, QStringLiteral("score"));
        QCOMPARE(score.storage(), ColumnStorage::Number);
        QVERIFY(score.isInteger());
        QCOMPARE(score.numbers()[3], 6.0);
    }

    void trailingBlankLinesAndNoFinalNewline()
    {
        QTemporaryDir dir;
        const CsvReadResult blank = readOk(writeFile(dir, QStringLiteral("b.csv"), "a,b\n1,2\n3,4\n\n\n"));
        QCOMPARE(blank.table.rowCount(), 2);
        const CsvReadResult open = readOk(writeFile(dir, QStringLiteral("o.csv"), "a,b\n1,2\n3,4"));
        QCOMPARE(open.table.rowCount(), 2);
        QCOMPARE(open.table.column(1).numbers()[1], 4.0);
    }

    void sniffDelimiter_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QChar>("delimiter");
        QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n4,5,6\n") << QChar(u',');
        QTest::newRow("semicolon") << QByteArray("a;b;c\n1;2;3\n4;5;6\n") << QChar(u';');
        QTest::newRow("tab") << QByteArray("a\tb\tc\n1\t2\t3\n4\t5\t6\n") << QChar(u'\t');
        QTest::newRow("pipe") << QByteArray("a|b|c\n1|2|3\n4|5|6\n") << QChar(u'|');
        QTest::newRow("semicolon with decimal comma")
            << QByteArray("w;x\n1,5;2,25\n3,0;4,5\n") << QChar(u';');
    }
    void sniffDelimiter()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QChar, delimiter);
        QTemporaryDir dir;
        const CsvReadResult r = readOk(writeFile(dir, QStringLiteral("d.csv"), bytes));
        QCOMPARE(r.delimiter, delimiter);
        QCOMPARE(r.table.rowCount(), 2);
    }

    void headerDetection()
    {
        QTemporaryDir dir;
        const CsvReadResult absent = readOk(writeFile(dir, QStringLiteral("h1.csv"), "63.0,1.0,145\n67.0,0.0,160\n"));
        QVERIFY(!absent.hasHeader);
        QCOMPARE(absent.table.rowCount(), 2);
        QCOMPARE(absent.table.column(0).name(), QStringLiteral("column_1"));
        CsvOptions named;
        named.columnNames = { QStringLiteral("age"), QStringLiteral("sex"), QStringLiteral("bp") };
        const CsvReadResult withNames = readOk(writeFile(dir, QStringLiteral("h2.csv"), "63,1,145\n67,0,160\n"), named);
        QCOMPARE(withNames.table.columnNames(), named.columnNames);
        const CsvReadResult present = readOk(writeFile(dir, QStringLiteral("h3.csv"), "age,sex\n63,M\n67,F\n"));
        QVERIFY(present.hasHeader);
        QCOMPARE(present.table.rowCount(), 2);
    }

    void encodings()
    {
        QTemporaryDir dir;
        // "café" in Latin-1 (é = 0xE9) and a euro sign in Windows-1252 (0x80).
        const CsvReadResult latin = readOk(writeFile(dir, QStringLiteral("l.csv"), "name,price\ncaf\xE9,1\n\x80 5,2\n"));
        QCOMPARE(latin.encoding, QStringLiteral("Windows-1252"));
        QCOMPARE(latin.table.column(0).cellText(0), QStringLiteral("caf\u00E9"));
        QCOMPARE(latin.table.column(0).cellText(1), QStringLiteral("\u20AC 5"));
        const CsvReadResult utf8 = readOk(writeFile(dir, QStringLiteral("u.csv"), "name,n\ncaf\xC3\xA9,1\n"));
        QCOMPARE(utf8.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(utf8.table.column(0).cellText(0), QStringLiteral("caf\u00E9"));
    }

    void missingMarkers()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("m.csv"),
                                       "x,y\n1,a\nNA,b\nN/A,c\nNaN,d\nnull,e\nNULL,f\nNone,g\n?,h\n,i\n-,j\n");
        const CsvReadResult r = readOk(path);
        const Column &x = col(r, QStringLiteral("x"));
        // Rows 2-9 hold the eight default markers; "-" is text, so x becomes a text column.
        QCOMPARE(x.missingCount(), 8);
        QCOMPARE(x.cellText(9), QStringLiteral("-"));
        CsvOptions custom;
        custom.missingMarkers = { QString(), QStringLiteral("-") };
        const CsvReadResult c = readOk(path, custom);
        QCOMPARE(col(c, QStringLiteral("x")).missingCount(), 2);
        QCOMPARE(col(c, QStringLiteral("x")).cellText(1), QStringLiteral("NA"));
    }

    void whitespaceTrimmed()
    {
        QTemporaryDir dir;
        const CsvReadResult r = readOk(writeFile(dir, QStringLiteral("w.csv"),
                                                 "a;b;c\n 1 ;\tno;ckd\t\n2;\"\tyes\";notckd\n"));
        QCOMPARE(col(r, QStringLiteral("a")).numbers()[0], 1.0);
        const Column &b = col(r, QStringLiteral("b"));
        QCOMPARE(b.storage(), ColumnStorage::Boolean);
        QCOMPARE(b.labels(), QStringList({ QStringLiteral("no"), QStringLiteral("yes") }));
        QCOMPARE(col(r, QStringLiteral("c")).cellText(0), QStringLiteral("ckd"));
    }

    void raggedRowIsAnErrorNamingTheLine()
    {
        QTemporaryDir dir;
        // Line 3 and 4 are one record (quoted newline), so the short row is file line 5.
        const QString path = writeFile(dir, QStringLiteral("r.csv"), "a,b,c\n1,2,3\n4,\"x\ny\",6\n7,8\n9,10,11\n");
        SilentJob job;
        auto result = CsvReader::read(path, CsvOptions {}, job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        const QString message = result.error().message;
        QVERIFY2(message.contains(QStringLiteral("line 5")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("expected 3")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("found 2")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("r.csv")), qPrintable(message));

        CsvOptions skip;
        skip.skipRaggedRows = true;
        const CsvReadResult r = readOk(path, skip);
        QCOMPARE(r.skippedRows, 1);
        QCOMPARE(r.table.rowCount(), 3);
        QVERIFY(hasDiagnostic(r, QStringLiteral("ragged_rows_skipped")));
        QVERIFY(diagnosticMessage(r, QStringLiteral("ragged_rows_skipped")).contains(QStringLiteral("line 5")));
    }

    void syntheaTruncatedRows()
    {
        // encounters.csv: file line 1394 has 16 fields (two rows spliced), the last line (1404) 6;
        // 1403 data rows in all (SOURCE.md, checked with Python's csv module).
        const QString path = testsupport::realData(QStringLiteral("synthea_sample/encounters.csv"));
        SilentJob job;
        auto result = CsvReader::read(path, CsvOptions {}, job);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QStringLiteral("line 1394")), qPrintable(result.error().message));
        QVERIFY(result.error().message.contains(QStringLiteral("encounters.csv")));
        CsvOptions skip;
        skip.skipRaggedRows = true;
        const CsvReadResult r = readOk(path, skip);
        QCOMPARE(r.skippedRows, 2);
        QCOMPARE(r.table.rowCount(), 1401);
        QCOMPARE(r.table.columnCount(), 15);
        for (const QString &file : { QStringLiteral("observations.csv"), QStringLiteral("medications.csv") }) {
            auto broken = CsvReader::read(testsupport::realData(QStringLiteral("synthea_sample/") + file), {}, job);
            QVERIFY(!broken.ok());
            const CsvReadResult skipped = readOk(testsupport::realData(QStringLiteral("synthea_sample/") + file), skip);
            QCOMPARE(skipped.skippedRows, 1);
        }
    }

    void numbersTyped()
    {
        QTemporaryDir dir;
        const CsvReadResult r = readOk(writeFile(dir, QStringLiteral("n.csv"),
                                                 "i,f,e,neg\n1,1.5,1e3,-2\n20,2.25,2.5E-1,-0.5\n300,3.0,7,3\n"));
        const Column &i = col(r, QStringLiteral("i"));
        QVERIFY(i.isInteger());
        QCOMPARE(i.decimals(), 0);
        const Column &f = col(r, QStringLiteral("f"));
        QVERIFY(!f.isInteger());
        QCOMPARE(f.decimals(), 2);
        QCOMPARE(f.numbers()[1], 2.25);
        const Column &e = col(r, QStringLiteral("e"));
        QCOMPARE(e.numbers()[0], 1000.0);
        QCOMPARE(e.numbers()[1], 0.25);
        QCOMPARE(e.decimals(), -1);
        QCOMPARE(col(r, QStringLiteral("neg")).numbers()[1], -0.5);
    }

    // The loader cases of ../shared/cases (README.md says what each must do).
    void case001BomQuotedHeader()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("001_utf8_bom_quoted_header.csv")));
        QCOMPARE(r.table.rowCount(), 8);
        QCOMPARE(r.table.columnNames(), QStringList({ QStringLiteral("patient_ref"), QStringLiteral("visit_day"),
                                                      QStringLiteral("systolic_bp") }));
        QCOMPARE(r.encoding, QStringLiteral("UTF-8 with BOM"));
        for (const QString &name : { QStringLiteral("visit_day"), QStringLiteral("systolic_bp") }) {
            QCOMPARE(col(r, name).storage(), ColumnStorage::Number);
            QVERIFY(col(r, name).isInteger());
        }
        QCOMPARE(col(r, QStringLiteral("systolic_bp")).numbers()[0], 128.0);
    }

    void case002SemicolonDecimalComma()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("002_semicolon_decimal_comma.csv")));
        QCOMPARE(r.delimiter, QChar(u';'));
        QCOMPARE(r.decimalMark, QChar(u','));
        const Column &weight = col(r, QStringLiteral("weight_kg"));
        QCOMPARE(weight.storage(), ColumnStorage::Number);
        QVERIFY(!weight.isInteger());
        QCOMPARE(weight.numbers()[0], 72.5);
        QCOMPARE(weight.numbers()[1], 65.0);
        QCOMPARE(weight.numbers()[2], 80.25);
        // Row 7 "1.204,7": thousands '.' accepted -> 1204.7 (option a of the case).
        const Column &creatinine = col(r, QStringLiteral("creatinine_umol_l"));
        QCOMPARE(creatinine.storage(), ColumnStorage::Number);
        QCOMPARE(creatinine.numbers()[6], 1204.7);
        QCOMPARE(creatinine.numbers()[0], 88.4);
        const Column &sampled = col(r, QStringLiteral("sampled_on"));
        QCOMPARE(sampled.storage(), ColumnStorage::DateTime);
        QCOMPARE(sampled.numbers()[0], daySeconds(2021, 2, 3)); // 03.02.2021 = 3 February
        QCOMPARE(sampled.cellText(0), QStringLiteral("03.02.2021"));
    }

    void case004LeadingZeroCodes()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("004_leading_zero_codes.csv")));
        for (const QString &name : { QStringLiteral("record_no"), QStringLiteral("zip"), QStringLiteral("icd9_code") }) {
            QVERIFY2(col(r, name).storage() == ColumnStorage::Category || col(r, name).storage() == ColumnStorage::Text,
                     qPrintable(name));
            QVERIFY(meta(r, name).type != SemanticType::Numerical);
        }
        QCOMPARE(meta(r, QStringLiteral("record_no")).type, SemanticType::Id);
        QCOMPARE(col(r, QStringLiteral("record_no")).cellText(0), QStringLiteral("000101"));
        QCOMPARE(col(r, QStringLiteral("zip")).cellText(0), QStringLiteral("02134"));
        QCOMPARE(col(r, QStringLiteral("zip")).cellText(3), QStringLiteral("00501"));
        QCOMPARE(col(r, QStringLiteral("icd9_code")).cellText(0), QStringLiteral("0388"));
        QCOMPARE(col(r, QStringLiteral("icd9_code")).cellText(3), QStringLiteral("250.00"));
        QCOMPARE(col(r, QStringLiteral("icd9_code")).cellText(5), QStringLiteral("00845"));
        const Column &charge = col(r, QStringLiteral("charge"));
        QCOMPARE(charge.storage(), ColumnStorage::Number);
        QCOMPARE(charge.decimals(), 2);
        QCOMPARE(charge.cellText(0), QStringLiteral("120.00"));
        QCOMPARE(meta(r, QStringLiteral("charge")).type, SemanticType::Numerical);
    }

    void case005TrailingDelimiter()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("005_trailing_delimiter.csv")));
        QCOMPARE(r.table.rowCount(), 7);
        QCOMPARE(r.table.columnNames(),
                 QStringList({ QStringLiteral("unit"), QStringLiteral("age"), QStringLiteral("score") }));
        QCOMPARE(col(r, QStringLiteral("unit")).cellText(0), QStringLiteral("ICU"));
        QCOMPARE(col(r, QStringLiteral("age")).numbers()[0], 64.0);
        QCOMPARE(col(r, QStringLiteral("score")).numbers()[0], 7.0);
        QVERIFY(diagnosticMessage(r, QStringLiteral("trailing_delimiter")).contains(QStringLiteral("7 rows")));
    }

    void case007DuplicateHeaderNames()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("007_duplicate_header_names.csv")));
        QCOMPARE(r.table.columnCount(), 4);
        const QStringList names = r.table.columnNames();
        QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 4);
        QCOMPARE(names[0], QStringLiteral("dose"));
        QCOMPARE(names[2], QStringLiteral("dose.1"));
        QVERIFY(hasDiagnostic(r, QStringLiteral("duplicate_header")));
        const std::vector<double> second { 10, 5, 2, 40, 1, 14 };
        const std::vector<double> third { 15, 7.5, 3, 60, 1.5, 21 };
        QCOMPARE(r.table.column(1).numbers(), second);
        QCOMPARE(r.table.column(2).numbers(), third);
    }

    void case014InfiniteValues()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("014_infinite_values.csv")));
        const Column &ratio = col(r, QStringLiteral("ratio"));
        QCOMPARE(ratio.storage(), ColumnStorage::Number);
        QVERIFY(std::isinf(ratio.numbers()[1]) && ratio.numbers()[1] > 0);
        QVERIFY(std::isinf(ratio.numbers()[4]));
        const Column &titer = col(r, QStringLiteral("titer"));
        QVERIFY(std::isinf(titer.numbers()[2]) && titer.numbers()[2] < 0);
        QCOMPARE(titer.numbers()[6], 1e308);
        QVERIFY(hasDiagnostic(r, QStringLiteral("non_finite_values"), QStringLiteral("ratio")));
        QVERIFY(hasDiagnostic(r, QStringLiteral("non_finite_values"), QStringLiteral("titer")));
    }

    void case015BooleanSpellings()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("015_boolean_spellings.csv")));
        struct Expect {
            const char *name;
            QStringList labels;
            qint64 trues;
        };
        const QList<Expect> expected {
            { "smoker", { QStringLiteral("no"), QStringLiteral("yes") }, 8 },
            { "on_insulin", { QStringLiteral("N"), QStringLiteral("Y") }, 5 },
            { "deceased", { QStringLiteral("FALSE"), QStringLiteral("TRUE") }, 5 },
            { "flag01", { QStringLiteral("0"), QStringLiteral("1") }, 7 },
        };
        for (const Expect &e : expected) {
            const Column &c = col(r, QLatin1StringView(e.name));
            QCOMPARE(c.storage(), ColumnStorage::Boolean);
            QCOMPARE(c.labels(), e.labels);
            QCOMPARE(qint64(std::count(c.codes().begin(), c.codes().end(), 1)), e.trues);
            QCOMPARE(meta(r, QLatin1StringView(e.name)).type, SemanticType::Boolean);
        }
        QCOMPARE(col(r, QStringLiteral("flag01")).cellText(3), QStringLiteral("1"));
    }

    void case018DateFormats()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("018_date_formats_ydm_and_mixed.csv")));
        const Column &ydm = col(r, QStringLiteral("exam_date_ydm"));
        QCOMPARE(ydm.storage(), ColumnStorage::DateTime);
        QCOMPARE(ydm.dateFormat(), QStringLiteral("%Y-%d-%m"));
        const QList<QDate> expected { { 2021, 1, 1 },  { 2021, 12, 12 }, { 2021, 1, 26 }, { 2021, 1, 30 },
                                      { 2022, 1, 31 }, { 2022, 2, 15 },  { 2022, 2, 28 }, { 2022, 3, 14 } };
        for (int i = 0; i < expected.size(); ++i)
            QCOMPARE(ydm.numbers()[size_t(i)], daySeconds(expected[i].year(), expected[i].month(), expected[i].day()));
        const Column &mixed = col(r, QStringLiteral("followup_date_mixed"));
        QCOMPARE(mixed.storage(), ColumnStorage::DateTime);
        QCOMPARE(mixed.missingCount(), 0);
        const QList<int> marchDays { 4, 4, 4, 5, 5, 6, 7, 8 }; // day-first reading
        for (int i = 0; i < marchDays.size(); ++i)
            QCOMPARE(mixed.numbers()[size_t(i)], daySeconds(2021, 3, marchDays[i]));
        const QString message = diagnosticMessage(r, QStringLiteral("mixed_date_formats"));
        QVERIFY2(message.contains(QStringLiteral("ISO, dd/mm/yyyy or mm/dd/yyyy (ambiguous), d Mon yyyy, Mon d yyyy, "
                                                 "yyyymmdd")),
                 qPrintable(message));
        QVERIFY(hasDiagnostic(r, QStringLiteral("ambiguous_date"), QStringLiteral("followup_date_mixed")));
        CsvOptions monthFirst;
        monthFirst.dateOrder = CsvOptions::DateOrder::MonthFirst;
        const CsvReadResult m = readOk(testsupport::caseFile(QStringLiteral("018_date_formats_ydm_and_mixed.csv")),
                                       monthFirst);
        QCOMPARE(col(m, QStringLiteral("followup_date_mixed")).numbers()[1], daySeconds(2021, 4, 3));
    }

    void case027BinaryAndAllMissing()
    {
        const CsvReadResult r = readOk(testsupport::caseFile(QStringLiteral("027_bool_binary_allmissing_profile.csv")));
        const Column &consent = col(r, QStringLiteral("consent"));
        QCOMPARE(consent.storage(), ColumnStorage::Boolean);
        QCOMPARE(consent.labels(), QStringList({ QStringLiteral("False"), QStringLiteral("True") }));
        const Column &readmit = col(r, QStringLiteral("readmit_30d"));
        QCOMPARE(qint64(std::count(readmit.codes().begin(), readmit.codes().end(), 0)), 9);
        QCOMPARE(qint64(std::count(readmit.codes().begin(), readmit.codes().end(), 1)), 3);
        QCOMPARE(col(r, QStringLiteral("pending_result")).missingCount(), 12);
        QVERIFY(hasDiagnostic(r, QStringLiteral("all_missing"), QStringLiteral("pending_result")));
        QCOMPARE(meta(r, QStringLiteral("age")).type, SemanticType::Numerical);
    }

    void noCaseCrashes()
    {
        const QDir cases(testsupport::sharedDir() + QStringLiteral("/cases"));
        const QStringList files = cases.entryList({ QStringLiteral("*.csv") }, QDir::Files);
        QVERIFY(files.size() >= 20);
        for (const QString &file : files) {
            SilentJob job;
            auto result = CsvReader::read(cases.filePath(file), CsvOptions {}, job);
            QVERIFY2(result.ok(), qPrintable(file));
            QVERIFY2(result.value().table.rowCount() > 0, qPrintable(file));
        }
    }

    // Row and missing counts from pandas 1.5.3 (read_csv with na_values=['?'] / defaults).
    void realHeartDisease()
    {
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("heart_disease_cleveland/processed.cleveland.csv")));
        QVERIFY(!r.hasHeader);
        QCOMPARE(r.table.rowCount(), 303);
        QCOMPARE(r.table.columnCount(), 14);
        QCOMPARE(r.table.column(11).missingCount(), 4);
        QCOMPARE(r.table.column(12).missingCount(), 2);
        QCOMPARE(r.table.column(11).storage(), ColumnStorage::Number);
        QCOMPARE(r.table.column(0).numbers()[0], 63.0);
    }

    void realDiabetes130()
    {
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("diabetes_130_us_hospitals/diabetic_data.csv")));
        QCOMPARE(r.table.rowCount(), 101766);
        QCOMPARE(r.table.columnCount(), 50);
        QCOMPARE(col(r, QStringLiteral("race")).missingCount(), 2273);
        QCOMPARE(col(r, QStringLiteral("weight")).missingCount(), 98569);
        QCOMPARE(meta(r, QStringLiteral("encounter_id")).type, SemanticType::Id);
        QVERIFY(meta(r, QStringLiteral("admission_type_id")).type != SemanticType::Numerical);
        QCOMPARE(meta(r, QStringLiteral("time_in_hospital")).type, SemanticType::Numerical);
        QVERIFY(col(r, QStringLiteral("time_in_hospital")).isInteger());
    }

    void realAdultLeadingSpaces()
    {
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("adult_uci/adult-train.csv")));
        QVERIFY(!r.hasHeader);
        QCOMPARE(r.table.rowCount(), 32561);
        QCOMPARE(r.table.columnCount(), 15);
        QCOMPARE(r.table.column(1).cellText(0), QStringLiteral("State-gov"));
        QCOMPARE(r.table.column(1).missingCount(), 1836); // " ?" after trimming
        QCOMPARE(r.table.column(0).storage(), ColumnStorage::Number);
        const CsvReadResult test = readOk(testsupport::realData(QStringLiteral("adult_uci/adult-test.csv")));
        QCOMPARE(test.table.rowCount(), 16281);
    }

    void realKidneyTabs()
    {
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("chronic_kidney_disease/kidney_disease.csv")));
        QCOMPARE(r.delimiter, QChar(u';'));
        QCOMPARE(r.table.rowCount(), 400);
        // dm holds "yes", "no", " yes", "\tno", "\tyes" (pandas): trimmed to one boolean.
        const Column &dm = col(r, QStringLiteral("dm"));
        QCOMPARE(dm.storage(), ColumnStorage::Boolean);
        QCOMPARE(dm.labels(), QStringList({ QStringLiteral("no"), QStringLiteral("yes") }));
        const Column &classification = col(r, QStringLiteral("classification"));
        QCOMPARE(classification.labels().size(), 2);
        QCOMPARE(col(r, QStringLiteral("pcv")).storage(), ColumnStorage::Number);
    }

    void realSyntheaPatients()
    {
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("synthea_sample/patients.csv")));
        QCOMPARE(r.table.rowCount(), 42);
        const Column &zip = col(r, QStringLiteral("ZIP"));
        QCOMPARE(zip.missingCount(), 20);
        QCOMPARE(zip.cellText(0), QStringLiteral("02125"));
        QCOMPARE(meta(r, QStringLiteral("ZIP")).type, SemanticType::Pii);
        QCOMPARE(meta(r, QStringLiteral("SSN")).type, SemanticType::Pii);
        QCOMPARE(meta(r, QStringLiteral("Id")).type, SemanticType::Id);
        const Column &birth = col(r, QStringLiteral("BIRTHDATE"));
        QCOMPARE(birth.storage(), ColumnStorage::DateTime);
        // Earliest birth date 1942-03-05: -878169600 s (Python: datetime(1942,3,5) - epoch).
        QCOMPARE(*std::min_element(birth.numbers().begin(), birth.numbers().end()), -878169600.0);
    }

    void everyRealMainFileLoads_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<int>("columns");
        // Shapes from pandas.read_csv (header=None for the headerless files).
        QTest::newRow("pima") << "pima_diabetes/pima-indians-diabetes.csv" << qint64(768) << 9;
        QTest::newRow("heart failure") << "heart_failure/heart_failure_clinical_records_dataset.csv" << qint64(299) << 13;
        QTest::newRow("cervical") << "cervical_cancer/risk_factors_cervical_cancer.csv" << qint64(858) << 36;
        QTest::newRow("wdbc") << "breast_cancer_wdbc/wdbc.data" << qint64(569) << 32;
        QTest::newRow("kidney old") << "chronic_kidney_disease/kidney_disease_old.csv" << qint64(400) << 26;
        QTest::newRow("adult ctgan") << "adult_ctgan/adult.csv" << qint64(32561) << 15;
        QTest::newRow("mimic iii patients") << "mimic_iii_demo/PATIENTS.csv" << qint64(100) << 8;
        QTest::newRow("mimic iii admissions") << "mimic_iii_demo/ADMISSIONS.csv" << qint64(129) << 19;
        QTest::newRow("mimic iv patients") << "mimic_iv_demo/hosp/patients.csv" << qint64(100) << 6;
        QTest::newRow("mimic iv admissions") << "mimic_iv_demo/hosp/admissions.csv" << qint64(275) << 16;
        QTest::newRow("synthea conditions") << "synthea_sample/conditions.csv" << qint64(1103) << 6;
    }
    void everyRealMainFileLoads()
    {
        QFETCH(QString, file);
        QFETCH(qint64, rows);
        QFETCH(int, columns);
        const CsvReadResult r = readOk(testsupport::realData(file));
        QCOMPARE(r.table.rowCount(), rows);
        QCOMPARE(r.table.columnCount(), columns);
        QCOMPARE(r.schema.columns.size(), columns);
    }

    void mimicDatesWithTime()
    {
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("mimic_iv_demo/hosp/admissions.csv")));
        const Column &admit = col(r, QStringLiteral("admittime"));
        QCOMPARE(admit.storage(), ColumnStorage::DateTime);
        QCOMPARE(admit.dateFormat(), QStringLiteral("%Y-%m-%d %H:%M:%S"));
        // Row 1: 2196-02-24 14:38:00, written back the same way.
        QCOMPARE(admit.cellText(0), QStringLiteral("2196-02-24 14:38:00"));
        QCOMPARE(admit.numbers()[0], daySeconds(2196, 2, 24) + 14 * 3600 + 38 * 60);
    }

    void readAsUsesGivenTypes()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("s.csv"),
                                       "code,visit,flag,dose\n007,2021-05-01,yes,1.5\n12,2021-05-02,no,2\n");
        Schema schema;
        ColumnMeta code;
        code.name = QStringLiteral("code");
        code.type = SemanticType::Categorical;
        ColumnMeta visit;
        visit.name = QStringLiteral("visit");
        visit.type = SemanticType::DateTime;
        visit.dateFormat = QStringLiteral("%Y-%m-%d");
        ColumnMeta flag;
        flag.name = QStringLiteral("flag");
        flag.type = SemanticType::Boolean;
        ColumnMeta dose;
        dose.name = QStringLiteral("dose");
        dose.type = SemanticType::Numerical;
        dose.decimals = 1;
        schema.columns = { code, visit, flag, dose };
        SilentJob job;
        auto result = CsvReader::readAs(path, schema, CsvOptions {}, job);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        const CsvReadResult &r = result.value();
        QCOMPARE(col(r, QStringLiteral("code")).storage(), ColumnStorage::Category);
        QCOMPARE(col(r, QStringLiteral("code")).cellText(0), QStringLiteral("007"));
        QCOMPARE(col(r, QStringLiteral("visit")).numbers()[1], daySeconds(2021, 5, 2));
        QCOMPARE(col(r, QStringLiteral("flag")).storage(), ColumnStorage::Boolean);
        QCOMPARE(col(r, QStringLiteral("dose")).numbers()[1], 2.0);
        QCOMPARE(r.schema.columns.size(), 4);

        // A text cell in a numeric column is an error naming line and column.
        const QString bad = writeFile(dir, QStringLiteral("bad.csv"), "code,visit,flag,dose\n1,2021-05-01,yes,1.5\n"
                                                                      "2,2021-05-02,no,high\n");
        auto failed = CsvReader::readAs(bad, schema, CsvOptions {}, job);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.error().message.contains(QStringLiteral("line 3")), qPrintable(failed.error().message));
        QVERIFY(failed.error().message.contains(QStringLiteral("dose")));
        QVERIFY(failed.error().message.contains(QStringLiteral("high")));

        // A column the schema expects but the file lacks.
        const QString missing = writeFile(dir, QStringLiteral("missing.csv"), "code,visit,flag\n1,2021-05-01,yes\n");
        auto lacking = CsvReader::readAs(missing, schema, CsvOptions {}, job);
        QVERIFY(!lacking.ok());
        QVERIFY(lacking.error().message.contains(QStringLiteral("dose")));
    }

    // More than one chunk: a 6 MB file with quoted newlines and quotes, read in parallel.
    void largeFileParallelChunks()
    {
        QTemporaryDir dir;
        QByteArray bytes = "id,text,value,kind\n";
        const int rows = 120000;
        for (int i = 0; i < rows; ++i) {
            bytes += QByteArray::number(i) + ",\"multi\nline, \"\"quoted\"\" " + QByteArray::number(i % 7) + "\","
                + QByteArray::number(i * 0.5, 'f', 1) + ',' + (i % 3 == 0 ? "alpha" : "beta") + '\n';
        }
        const CsvReadResult r = readOk(writeFile(dir, QStringLiteral("big.csv"), bytes));
        QCOMPARE(r.table.rowCount(), rows);
        const Column &value = col(r, QStringLiteral("value"));
        double sum = 0;
        for (double v : value.numbers())
            sum += v;
        QCOMPARE(sum, 0.5 * double(rows) * double(rows - 1) / 2.0); // 0.5 * sum(0..n-1)
        const Column &text = col(r, QStringLiteral("text"));
        QCOMPARE(text.cellText(rows - 1), QStringLiteral("multi\nline, \"quoted\" %1").arg((rows - 1) % 7));
        const Column &kind = col(r, QStringLiteral("kind"));
        QCOMPARE(kind.labels(), QStringList({ QStringLiteral("alpha"), QStringLiteral("beta") }));
        QCOMPARE(kind.codes()[size_t(rows - 1)], ((rows - 1) % 3 == 0) ? 0 : 1);

        // A ragged row deep in the file: its line counts the embedded newlines (2 lines per row).
        bytes += "oops,1\n";
        SilentJob job;
        auto failed = CsvReader::read(writeFile(dir, QStringLiteral("big2.csv"), bytes), CsvOptions {}, job);
        QVERIFY(!failed.ok());
        const QString expectedLine = QStringLiteral("line %1").arg(1 + 2 * rows + 1);
        QVERIFY2(failed.error().message.contains(expectedLine), qPrintable(failed.error().message));
    }

    void lateTextTurnsColumnToText()
    {
        // 5000 numbers, then text: the column must hold every cell as written.
        QTemporaryDir dir;
        QByteArray bytes = "code\n";
        for (int i = 0; i < 5000; ++i)
            bytes += QByteArray::number(i) + '\n';
        bytes += "V27\n";
        const CsvReadResult r = readOk(writeFile(dir, QStringLiteral("late.csv"), bytes));
        const Column &code = r.table.column(0);
        QVERIFY(code.storage() == ColumnStorage::Category || code.storage() == ColumnStorage::Text);
        QCOMPARE(code.cellText(0), QStringLiteral("0"));
        QCOMPARE(code.cellText(4999), QStringLiteral("4999"));
        QCOMPARE(code.cellText(5000), QStringLiteral("V27"));
        QVERIFY(hasDiagnostic(r, QStringLiteral("text_in_numeric_column")));
    }

    void edgeCases()
    {
        QTemporaryDir dir;
        SilentJob job;
        for (const QByteArray &bytes : { QByteArray(), QByteArray("\n\n  \n") }) {
            auto empty = CsvReader::read(writeFile(dir, QStringLiteral("e.csv"), bytes), CsvOptions {}, job);
            QVERIFY(!empty.ok());
            QCOMPARE(empty.error().code, Error::Code::InvalidInput);
            QVERIFY(empty.error().message.contains(QStringLiteral("e.csv")));
        }
        const CsvReadResult headerOnly = readOk(writeFile(dir, QStringLiteral("h.csv"), "a,b,c\n"));
        QCOMPARE(headerOnly.table.columnCount(), 3);
        QCOMPARE(headerOnly.table.rowCount(), 0);
        // Trailing delimiter on the header too: the empty last column is dropped, with a warning.
        const CsvReadResult trailing = readOk(writeFile(dir, QStringLiteral("t.csv"), "a,b,c,\n1,2,3,\n4,5,6,\n"));
        QCOMPARE(trailing.table.columnNames(), QStringList({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }));
        QVERIFY(hasDiagnostic(trailing, QStringLiteral("trailing_delimiter")));
        // An unterminated quote swallows the rest of the file: read leniently, but say where.
        const CsvReadResult quote = readOk(writeFile(dir, QStringLiteral("q.csv"), "a,b\n1,2\n3,\"open\n4,5\n"));
        QCOMPARE(quote.table.rowCount(), 2);
        bool named = false;
        for (const Diagnostic &d : quote.diagnostics)
            named = named || (d.kind == QStringLiteral("irregular_quotes") && d.line == 3);
        QVERIFY(named);
        // A single column keeps its empty cells as missing values.
        const CsvReadResult one = readOk(writeFile(dir, QStringLiteral("o.csv"), "x\n1\n\n3\n"));
        QCOMPARE(one.table.rowCount(), 3);
        QCOMPARE(one.table.column(0).missingCount(), 1);
    }

    void previewReadsFirstRows()
    {
        CsvOptions preview;
        preview.maxRows = 25;
        const CsvReadResult r = readOk(testsupport::realData(QStringLiteral("diabetes_130_us_hospitals/diabetic_data.csv")),
                                       preview);
        QCOMPARE(r.table.rowCount(), 25);
        QCOMPARE(r.table.columnCount(), 50);
        // First data row of the file: encounter_id 2278392, race Caucasian.
        QCOMPARE(r.table.column(0).numbers()[0], 2278392.0);
        QCOMPARE(r.table.column(2).cellText(0), QStringLiteral("Caucasian"));
    }

    void cancelledReadReturnsCancelled()
    {
        class Cancelling final : public JobContext {
        public:
            bool isCancelled() const override { return true; }
            void reportProgress(double, const QString &) override { }
        } job;
        auto result = CsvReader::read(testsupport::realData(QStringLiteral("adult_ctgan/adult.csv")), CsvOptions {}, job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Cancelled);
    }

    void missingFileIsIoError()
    {
        SilentJob job;
        auto result = CsvReader::read(QStringLiteral("/nonexistent/x.csv"), CsvOptions {}, job);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Io);
        QVERIFY(result.error().message.contains(QStringLiteral("x.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
