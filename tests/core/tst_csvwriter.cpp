// SPDX-License-Identifier: MIT
// CsvWriter: exact output for a hand-made table, and read -> write -> read round trips.
#include "core/data/csvreader.h"
#include "core/data/csvwriter.h"
#include "core/data/datetimeformat.h"

#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace core;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exactOutput()
    {
        Table table;
        Column id(QStringLiteral("id"), ColumnStorage::Number);
        id.setInteger(true);
        id.appendNumber(1);
        id.appendNumber(2);
        id.appendNumber(3);
        Column dose(QStringLiteral("dose"), ColumnStorage::Number);
        dose.setDecimals(2);
        dose.appendNumber(1.5);
        dose.appendMissing();
        dose.appendNumber(-0.125);
        Column note(QStringLiteral("note, free"), ColumnStorage::Text);
        note.appendText(QStringLiteral("plain"));
        note.appendText(QStringLiteral("a, \"b\""));
        note.appendText(QStringLiteral("two\nlines"));
        Column flag(QStringLiteral("flag"), ColumnStorage::Boolean);
        flag.labels() = { QStringLiteral("N"), QStringLiteral("Y") };
        flag.appendCode(1);
        flag.appendCode(0);
        flag.appendMissing();
        Column when(QStringLiteral("when"), ColumnStorage::DateTime);
        when.setDateFormat(QStringLiteral("%d/%m/%Y"));
        when.appendNumber(-86400.0); // 1969-12-31
        when.appendNumber(0.0);
        when.appendMissing();
        table.addColumn(id);
        table.addColumn(dose);
        table.addColumn(note);
        table.addColumn(flag);
        table.addColumn(when);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        SilentJob job;
        QVERIFY(CsvWriter::write(table, path, job).ok());
        // Rounding -0.125 to 2 places: to_chars gives "-0.12" (round-half-even on the exact binary value).
        const QByteArray expected = "id,dose,\"note, free\",flag,when\n"
                                    "1,1.50,plain,Y,31/12/1969\n"
                                    "2,,\"a, \"\"b\"\"\",N,01/01/1970\n"
                                    "3,-0.12,\"two\nlines\",,\n";
        QCOMPARE(fileBytes(path), expected);
    }

    void fullPrecisionReadsBackExactly()
    {
        Table table;
        Column x(QStringLiteral("x"), ColumnStorage::Number);
        const std::vector<double> values { 0.1, 1.0 / 3.0, 0.30000000000000004, 1e-300, 123456789.123456789 };
        for (double v : values)
            x.appendNumber(v);
        table.addColumn(x);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.csv"));
        SilentJob job;
        QVERIFY(CsvWriter::write(table, path, job).ok());
        QVERIFY(fileBytes(path).startsWith("x\n0.1\n"));
        auto back = CsvReader::read(path, CsvOptions {}, job);
        QVERIFY(back.ok());
        QCOMPARE(back.value().table.column(0).numbers(), values);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList cases { QStringLiteral("001_utf8_bom_quoted_header.csv"), QStringLiteral("002_semicolon_decimal_comma.csv"),
                                  QStringLiteral("004_leading_zero_codes.csv"), QStringLiteral("005_trailing_delimiter.csv"),
                                  QStringLiteral("007_duplicate_header_names.csv"), QStringLiteral("014_infinite_values.csv"),
                                  QStringLiteral("015_boolean_spellings.csv"), QStringLiteral("018_date_formats_ydm_and_mixed.csv"),
                                  QStringLiteral("027_bool_binary_allmissing_profile.csv") };
        for (const QString &c : cases)
            QTest::newRow(qPrintable(c)) << testsupport::caseFile(c);
        QTest::newRow("mimic iv admissions") << testsupport::realData(QStringLiteral("mimic_iv_demo/hosp/admissions.csv"));
        QTest::newRow("synthea patients") << testsupport::realData(QStringLiteral("synthea_sample/patients.csv"));
        QTest::newRow("kidney") << testsupport::realData(QStringLiteral("chronic_kidney_disease/kidney_disease.csv"));
        QTest::newRow("cervical") << testsupport::realData(QStringLiteral("cervical_cancer/risk_factors_cervical_cancer.csv"));
    }
    void roundTrip()
    {
        QFETCH(QString, path);
        SilentJob job;
        auto first = CsvReader::read(path, CsvOptions {}, job);
        QVERIFY(first.ok());
        const Table &a = first.value().table;
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("rt.csv"));
        QVERIFY(CsvWriter::write(a, out, job).ok());
        auto second = CsvReader::read(out, CsvOptions {}, job);
        QVERIFY(second.ok());
        const Table &b = second.value().table;
        QCOMPARE(b.columnNames(), a.columnNames());
        QCOMPARE(b.rowCount(), a.rowCount());
        for (int j = 0; j < a.columnCount(); ++j) {
            QCOMPARE(b.column(j).storage(), a.column(j).storage());
            QCOMPARE(b.column(j).isInteger(), a.column(j).isInteger());
            QCOMPARE(b.column(j).missingMask(), a.column(j).missingMask());
            for (qint64 r = 0; r < a.rowCount(); ++r)
                QCOMPARE(b.column(j).cellText(r), a.column(j).cellText(r));
            if (a.column(j).storage() == ColumnStorage::Number || a.column(j).storage() == ColumnStorage::DateTime) {
                for (qint64 r = 0; r < a.rowCount(); ++r) {
                    if (!a.column(j).isMissing(r))
                        QCOMPARE(b.column(j).numbers()[size_t(r)], a.column(j).numbers()[size_t(r)]);
                }
            }
        }
    }

    void datesMatchFormatDateTime()
    {
        // The writer formats dates itself for speed; it must print what formatDateTime() prints.
        const QStringList formats { QStringLiteral("%Y-%m-%d"), QStringLiteral("%d/%m/%Y %H:%M:%S"),
                                    QStringLiteral("%Y-%m-%dT%H:%M:%S.%fZ"), QStringLiteral("%d %b %Y"),
                                    QStringLiteral("%Y%m%d") };
        for (const QString &format : formats) {
            Table table;
            Column when(QStringLiteral("when"), ColumnStorage::DateTime);
            when.setDateFormat(format);
            QStringList expected { QStringLiteral("when") };
            // 1600-01-01 to 2400-01-01 in uneven steps, plus fractions of a second.
            for (double s = -11676096000.0; s < 13569465600.0; s += 86400.0 * 3652.37 + 3671.25) {
                when.appendNumber(s);
                expected.append(formatDateTime(s, format));
            }
            table.addColumn(when);
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("dates.csv"));
            SilentJob job;
            QVERIFY(CsvWriter::write(table, path, job).ok());
            QCOMPARE(QString::fromUtf8(fileBytes(path)), expected.join(u'\n') + u'\n');
        }
    }

    void leadingZerosAndIntegersSurvive()
    {
        SilentJob job;
        auto read = CsvReader::read(testsupport::caseFile(QStringLiteral("004_leading_zero_codes.csv")), CsvOptions {}, job);
        QVERIFY(read.ok());
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("codes.csv"));
        QVERIFY(CsvWriter::write(read.value().table, out, job).ok());
        const QByteArray bytes = fileBytes(out);
        QVERIFY(bytes.startsWith("record_no,zip,icd9_code,charge\n000101,02134,0388,120.00\n"));
        QVERIFY(bytes.contains("000104,00501,250.00,310.25\n"));
        QVERIFY(bytes.contains("000106,08402,00845,15.00\n"));
    }

    void failureKeepsOldFile()
    {
        QTemporaryDir dir;
        Table table;
        Column c(QStringLiteral("c"), ColumnStorage::Number);
        for (int i = 0; i < 300000; ++i)
            c.appendNumber(i * 1.25);
        table.addColumn(c);
        const QString path = dir.filePath(QStringLiteral("keep.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old\n");
        old.close();
        class Cancelling final : public JobContext {
        public:
            bool isCancelled() const override { return true; }
            void reportProgress(double, const QString &) override { }
        } cancel;
        auto result = CsvWriter::write(table, path, cancel);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::Cancelled);
        QCOMPARE(fileBytes(path), QByteArray("old\n"));

        SilentJob job;
        auto io = CsvWriter::write(table, QStringLiteral("/nonexistent-dir/x.csv"), job);
        QVERIFY(!io.ok());
        QCOMPARE(io.error().code, Error::Code::Io);
        QVERIFY(io.error().message.contains(QStringLiteral("x.csv")));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
