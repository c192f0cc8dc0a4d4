// SPDX-License-Identifier: MIT
// The hold-out split: the consuming overload (used on big tables, so they are never held twice)
// gives exactly the split of the copying one.
#include "core/pipeline/holdout.h"

#include <QTest>

#include <cmath>

using namespace core;

namespace {

Table sampleTable(qint64 rows)
{
    Column number(QStringLiteral("n"), ColumnStorage::Number), label(QStringLiteral("l"), ColumnStorage::Category),
        text(QStringLiteral("t"), ColumnStorage::Text);
    label.labels() = { QStringLiteral("a"), QStringLiteral("b") };
    for (qint64 r = 0; r < rows; ++r) {
        if (r % 5 == 2)
            number.appendMissing();
        else
            number.appendNumber(double(r) * 1.5);
        label.appendCode(std::int32_t(r % 2));
        text.appendText(QStringLiteral("row %1").arg(r));
    }
    Table table;
    table.addColumn(std::move(number));
    table.addColumn(std::move(label));
    table.addColumn(std::move(text));
    return table;
}

bool sameCells(const Table &a, const Table &b)
{
    if (a.columnNames() != b.columnNames() || a.rowCount() != b.rowCount())
        return false;
    for (int c = 0; c < a.columnCount(); ++c)
        for (qint64 r = 0; r < a.rowCount(); ++r)
            if (a.column(c).cellText(r) != b.column(c).cellText(r))
                return false;
    return true;
}

} // namespace

class TestHoldout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void consumingSplitEqualsCopyingSplit_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::newRow("no hold-out") << 0.0;
        QTest::newRow("a fifth") << 0.2;
        QTest::newRow("most") << 0.9;
    }

    void consumingSplitEqualsCopyingSplit()
    {
        QFETCH(double, fraction);
        const Table source = sampleTable(1000);
        const HoldoutSplit copied = splitHoldout(source, fraction, 42);
        Table consumed = source;
        const HoldoutSplit moved = splitHoldout(std::move(consumed), fraction, 42);
        const qint64 holdout = qint64(std::llround(fraction * 1000.0)); // round(fraction * rows)
        QCOMPARE(moved.holdout.rowCount(), holdout);
        QCOMPARE(moved.training.rowCount(), 1000 - holdout);
        QCOMPARE(moved.trainingRows, copied.trainingRows);
        QCOMPARE(moved.holdoutRows, copied.holdoutRows);
        QVERIFY(sameCells(moved.training, copied.training));
        QVERIFY(sameCells(moved.holdout, copied.holdout));
        QCOMPARE(moved.holdout.columnNames(), source.columnNames()); // an empty hold-out keeps the columns
        // Row i of the training part is source row trainingRows[i].
        for (size_t i = 0; i < moved.trainingRows.size(); i += 97)
            QCOMPARE(moved.training.column(2).texts()[i], QStringLiteral("row %1").arg(moved.trainingRows[i]));
    }
};

QTEST_GUILESS_MAIN(TestHoldout)
#include "tst_holdout.moc"
