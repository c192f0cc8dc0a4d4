// SPDX-License-Identifier: MIT
#include "core/data/datetimeformat.h"
#include "core/data/table.h"

#include <QTest>

class TestTable : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellTextKeepsRepresentation()
    {
        core::Column integers(QStringLiteral("age"), core::ColumnStorage::Number);
        integers.setInteger(true);
        integers.appendNumber(64.0);
        integers.appendMissing();
        QCOMPARE(integers.cellText(0), QStringLiteral("64"));
        QCOMPARE(integers.cellText(1), QString());
        QCOMPARE(integers.missingCount(), 1);

        core::Column money(QStringLiteral("charge"), core::ColumnStorage::Number);
        money.setDecimals(2);
        money.appendNumber(12.5);
        QCOMPARE(money.cellText(0), QStringLiteral("12.50"));
    }

    void formatDateTime_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        // 2021-02-03 is day 18661 after 1970-01-01 (by hand: 51 years incl. 13 leap days = 18627, + 34).
        QTest::newRow("iso date") << 18661.0 * 86400 << QStringLiteral("%Y-%m-%d") << QStringLiteral("2021-02-03");
        QTest::newRow("day first with time") << 18661.0 * 86400 + 3723 << QStringLiteral("%d/%m/%Y %H:%M:%S")
                                             << QStringLiteral("03/02/2021 01:02:03");
        QTest::newRow("before 1970") << -86400.0 << QStringLiteral("%Y-%m-%d") << QStringLiteral("1969-12-31");
        QTest::newRow("month name") << 18661.0 * 86400 << QStringLiteral("%d %b %Y") << QStringLiteral("03 Feb 2021");
    }
    void formatDateTime()
    {
        QFETCH(double, seconds);
        QFETCH(QString, format);
        QFETCH(QString, expected);
        QCOMPARE(core::formatDateTime(seconds, format), expected);
    }

    void selectRowsKeepsLabels()
    {
        core::Table table;
        core::Column sex(QStringLiteral("sex"), core::ColumnStorage::Category);
        for (const char *label : { "F", "M", "F" })
            sex.appendCode(sex.codeFor(QString::fromLatin1(label)));
        table.addColumn(sex);
        const core::Table picked = table.selectRows({ 2, 1 });
        QCOMPARE(picked.rowCount(), 2);
        QCOMPARE(picked.column(0).cellText(0), QStringLiteral("F"));
        QCOMPARE(picked.column(0).cellText(1), QStringLiteral("M"));
        QCOMPARE(table.indexOf(QStringLiteral("sex")), 0);
        QCOMPARE(table.indexOf(QStringLiteral("age")), -1);
    }
};

QTEST_GUILESS_MAIN(TestTable)
#include "tst_table.moc"
