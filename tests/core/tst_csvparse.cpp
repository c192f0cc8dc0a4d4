// SPDX-License-Identifier: MIT
// The CSV reader's number parser, checked against the C library's strtod as the reference,
// and its record splitter on quoted fields (RFC 4180, by hand).
#include "core/data/csvparse.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstdlib>

using core::csv::NumberInfo;
using core::csv::parseNumber;

class TestCsvParse : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesStrtod()
    {
        QRandomGenerator rng(42);
        for (int i = 0; i < 200000; ++i) {
            // Random decimal strings of 1-20 digits, a random point position and sometimes an exponent.
            const int digits = 1 + int(rng.bounded(20));
            const int point = rng.bounded(2) ? int(rng.bounded(quint32(digits))) : -1; // digits before '.'
            QByteArray bytes;
            if (rng.bounded(4) == 0)
                bytes += '-';
            for (int d = 0; d < digits; ++d) {
                if (d == point)
                    bytes += '.';
                bytes += char(d == 0 ? '1' + rng.bounded(9) : '0' + rng.bounded(10));
            }
            if (rng.bounded(8) == 0)
                bytes += 'e' + QByteArray::number(int(rng.bounded(80)) - 40);
            const std::string text = bytes.toStdString();
            NumberInfo info;
            QVERIFY2(parseNumber(text, '.', info), text.c_str());
            const double expected = std::strtod(text.c_str(), nullptr);
            QVERIFY2(info.value == expected, text.c_str());
        }
    }

    // The fast path gives up early on cells such as dates; it must accept and reject exactly what
    // the full grammar does, with strtod's values.
    void fastPathAgreesWithFullGrammar()
    {
        QRandomGenerator rng(7);
        const char others[] = ".-e,x /";
        for (int i = 0; i < 300000; ++i) {
            std::string cell;
            const int length = 1 + int(rng.bounded(12));
            for (int k = 0; k < length; ++k)
                cell += rng.bounded(20) < 14 ? char('0' + rng.bounded(10)) : others[rng.bounded(7)];
            NumberInfo fast;
            NumberInfo full;
            const bool accepted = parseNumber(cell, '.', fast);
            QVERIFY2(accepted == core::csv::parseNumberSlow(cell, '.', full), cell.c_str());
            if (!accepted)
                continue;
            char *end = nullptr;
            const double expected = std::strtod(cell.c_str(), &end);
            QVERIFY2(end == cell.c_str() + cell.size() && fast.value == expected, cell.c_str());
        }
    }

    void flags()
    {
        NumberInfo info;
        QVERIFY(parseNumber("0388", '.', info));
        QVERIFY(info.leadingZero);
        QVERIFY(parseNumber("0.5", '.', info));
        QVERIFY(!info.leadingZero);
        QCOMPARE(info.decimals, 1);
        QVERIFY(parseNumber("65.0", '.', info));
        QVERIFY(info.hasPoint);
        QVERIFY(!info.fractional);
        QVERIFY(parseNumber("65.05", '.', info));
        QVERIFY(info.fractional);
        QVERIFY(parseNumber("2.5e1", '.', info));
        QVERIFY(!info.fractional);
        QVERIFY(parseNumber("1", '.', info));
        QVERIFY(info.zeroOrOne && !info.hasPoint);
        QVERIFY(parseNumber("-Infinity", '.', info));
        QVERIFY(info.nonFinite && info.value < 0);
        QVERIFY(parseNumber("1.204,7", ',', info));
        QCOMPARE(info.value, 1204.7);
        QCOMPARE(info.decimals, 1);
        QVERIFY(parseNumber("1e308", '.', info));
        QVERIFY(info.exponent);
        QCOMPARE(info.value, 1e308);
        for (const char *bad : { "", "-", ".", "1.2.3", "03.02.2021", "1,2", "12a", "e5", "1e", "V27", "--1" })
            QVERIFY2(!parseNumber(bad, '.', info), bad);
        QVERIFY(!parseNumber("1.2", ',', info)); // in decimal-comma files "1.2" is not a number
    }

    // Quoted fields that need unescaping are copied; a later such field in the same record once
    // moved the earlier copies and left their views dangling (found by fuzz_csvreader).
    void quotedFieldsKeepTheirText_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("two doubled quotes") << QByteArray("\"O\"\"Brien\",\"said \"\"hi\"\"\"")
                                            << QStringList { QStringLiteral("O\"Brien"), QStringLiteral("said \"hi\"") };
        QTest::newRow("text after a quote, then an open quote")
            << QByteArray("\"\"4,\"1") << QStringList { QStringLiteral("4"), QStringLiteral("1") };
        QByteArray many;
        QStringList manyExpected;
        for (int i = 0; i < 40; ++i) {
            many += (i ? "," : "") + QByteArray("\"a\"\"") + QByteArray::number(i) + '"';
            manyExpected << QStringLiteral("a\"%1").arg(i);
        }
        QTest::newRow("forty escaped fields") << many << manyExpected;
    }
    void quotedFieldsKeepTheirText()
    {
        QFETCH(QByteArray, record);
        QFETCH(QStringList, expected);
        core::csv::RecordReader reader(record.constData(), record.constData() + record.size(), ',', true);
        QVERIFY(reader.next());
        QStringList fields;
        for (std::string_view field : reader.fields())
            fields << QString::fromUtf8(field.data(), qsizetype(field.size()));
        QCOMPARE(fields, expected);
    }
};

QTEST_GUILESS_MAIN(TestCsvParse)
#include "tst_csvparse.moc"
