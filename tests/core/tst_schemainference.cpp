// SPDX-License-Identifier: MIT
// inferSchema: semantic types decided from hand-made columns (rules in schemainference.cpp).
#include "core/data/schemainference.h"

#include <QTest>

using namespace core;

namespace {

Column numbers(const QString &name, const std::vector<double> &values, bool integer = true)
{
    Column c(name, ColumnStorage::Number);
    c.setInteger(integer);
    for (double v : values)
        c.appendNumber(v);
    return c;
}

Column strings(const QString &name, const QStringList &values)
{
    Column c(name, ColumnStorage::Category);
    for (const QString &v : values)
        c.appendCode(v.isEmpty() ? Column::kMissingCode : c.codeFor(v));
    return c;
}

std::vector<double> range(int from, int count)
{
    std::vector<double> v;
    for (int i = 0; i < count; ++i)
        v.push_back(from + i);
    return v;
}

ColumnMeta inferOne(Column column)
{
    Table table;
    table.addColumn(std::move(column));
    Diagnostics diagnostics;
    return inferSchema(table, diagnostics).columns.value(0);
}

QStringList repeated(const QStringList &values, int times)
{
    QStringList out;
    for (int t = 0; t < times; ++t)
        out += values;
    return out;
}

} // namespace

class TestSchemaInference : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idLikeNumbersNeverNumerical()
    {
        QCOMPARE(inferOne(numbers(QStringLiteral("patient_id"), range(1000, 30))).type, SemanticType::Id);
        QCOMPARE(inferOne(numbers(QStringLiteral("record_no"), range(1, 30))).type, SemanticType::Id);
        QCOMPARE(inferOne(numbers(QStringLiteral("patientId"), range(1, 30))).type, SemanticType::Id);
        // Unique whole numbers in 50+ rows without a telling name.
        QCOMPARE(inferOne(numbers(QStringLiteral("mystery"), range(500, 60))).type, SemanticType::Id);
        // An ID-like name on a handful of codes: categorical, never numerical.
        std::vector<double> codes;
        for (int i = 0; i < 100; ++i)
            codes.push_back(1 + i % 25);
        QCOMPARE(inferOne(numbers(QStringLiteral("discharge_disposition_id"), codes)).type, SemanticType::Categorical);
        // "lipid" ends in "id" but is a measurement.
        QCOMPARE(inferOne(numbers(QStringLiteral("lipid"), { 1.2, 3.4, 2.2, 5.1, 4.4, 3.9, 2.0 }, false)).type,
                 SemanticType::Numerical);
    }

    void zipCodes()
    {
        QCOMPARE(inferOne(numbers(QStringLiteral("zip"), { 10001, 90210, 30301, 60601, 10001, 94105, 73301 })).type,
                 SemanticType::Pii);
        const ColumnMeta text = inferOne(strings(QStringLiteral("ZIP"), { QStringLiteral("02134"), QStringLiteral("00501") }));
        QCOMPARE(text.type, SemanticType::Pii);
        QCOMPARE(text.piiKind, QStringLiteral("postal_code"));
    }

    void fewWholeNumbersAreCodes()
    {
        // SDV's rule: whole, non-negative, at most min(round(n/10), 10) distinct values in n > 5 rows.
        std::vector<double> stage;
        for (int i = 0; i < 40; ++i)
            stage.push_back(i % 4);
        QCOMPARE(inferOne(numbers(QStringLiteral("stage"), stage)).type, SemanticType::Categorical);
        // 40 rows allow 4 distinct codes; 5 distinct values stay numerical.
        std::vector<double> five;
        for (int i = 0; i < 40; ++i)
            five.push_back(i % 5);
        QCOMPARE(inferOne(numbers(QStringLiteral("count"), five)).type, SemanticType::Numerical);
        std::vector<double> age;
        for (int i = 0; i < 40; ++i)
            age.push_back(20 + (i * 7) % 50);
        QCOMPARE(inferOne(numbers(QStringLiteral("age"), age)).type, SemanticType::Numerical);
    }

    void pii_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("kind");
        const QStringList emails { QStringLiteral("ann@example.org"), QStringLiteral("bo@mail.example.com"),
                                   QStringLiteral("c.d@example.net") };
        const QStringList ssns { QStringLiteral("999-84-7690"), QStringLiteral("999-12-3456"), QStringLiteral("999-55-0001") };
        const QStringList phones { QStringLiteral("+1 617 555 0100"), QStringLiteral("(617) 555-0199"),
                                   QStringLiteral("617-555-0142") };
        const QStringList names { QStringLiteral("Colin861"), QStringLiteral("Ann12"), QStringLiteral("Bo7") };
        QTest::newRow("email") << QStringLiteral("contact") << emails << QStringLiteral("email");
        QTest::newRow("ssn") << QStringLiteral("x") << ssns << QStringLiteral("ssn");
        QTest::newRow("phone") << QStringLiteral("x") << phones << QStringLiteral("phone_number");
        QTest::newRow("first name") << QStringLiteral("FIRST") << names << QStringLiteral("first_name");
        QTest::newRow("last name") << QStringLiteral("last_name") << names << QStringLiteral("last_name");
    }
    void pii()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, values);
        QFETCH(QString, kind);
        const ColumnMeta meta = inferOne(strings(name, values));
        QCOMPARE(meta.type, SemanticType::Pii);
        QCOMPARE(meta.piiKind, kind);
    }

    void stringIdsGetAPattern()
    {
        QStringList ids;
        for (int i = 0; i < 24; ++i)
            ids.append(QStringLiteral("S-%1").arg(quint32(0x1a2b3c4d) * quint32(i + 7) % 0xffffffffu, 8, 16,
                                                  QLatin1Char('0')));
        const ColumnMeta meta = inferOne(strings(QStringLiteral("sample_id"), ids));
        QCOMPARE(meta.type, SemanticType::Id);
        QCOMPARE(meta.pattern, QStringLiteral("S-[0-9a-f]{8}"));
        const ColumnMeta uuid = inferOne(strings(QStringLiteral("PATIENT"),
                                                 repeated({ QStringLiteral("c39719dd-2ca8-aa4d-091f-f2eb709b4e5f"),
                                                            QStringLiteral("e5e83eb8-0d46-508c-1246-cf4e8d2705b5") },
                                                          5)));
        QCOMPARE(uuid.type, SemanticType::Id);
    }

    void categoriesAndText()
    {
        const ColumnMeta unit = inferOne(strings(QStringLiteral("unit"), repeated({ QStringLiteral("ICU"), QStringLiteral("CCU"),
                                                                                    QStringLiteral("MED") },
                                                                                  5)));
        QCOMPARE(unit.type, SemanticType::Categorical);
        Column notes(QStringLiteral("notes"), ColumnStorage::Text);
        for (int i = 0; i < 80; ++i)
            notes.appendText(QStringLiteral("patient reports pain level %1 after walk").arg(i));
        Table table;
        table.addColumn(notes);
        Diagnostics diagnostics;
        QCOMPARE(inferSchema(table, diagnostics).columns[0].type, SemanticType::Text);
    }

    void booleansDatesAndEmpty()
    {
        Column flag(QStringLiteral("flag01"), ColumnStorage::Boolean);
        flag.labels() = { QStringLiteral("0"), QStringLiteral("1") };
        flag.appendCode(0);
        flag.appendCode(1);
        const ColumnMeta b = inferOne(flag);
        QCOMPARE(b.type, SemanticType::Boolean);
        QVERIFY(b.integer);
        Column when(QStringLiteral("when"), ColumnStorage::DateTime);
        when.setDateFormat(QStringLiteral("%d.%m.%Y"));
        when.appendNumber(0);
        const ColumnMeta d = inferOne(when);
        QCOMPARE(d.type, SemanticType::DateTime);
        QCOMPARE(d.dateFormat, QStringLiteral("%d.%m.%Y"));
        Column empty(QStringLiteral("pending_result"), ColumnStorage::Number);
        for (int i = 0; i < 12; ++i)
            empty.appendMissing();
        Table table;
        table.addColumn(empty);
        Diagnostics diagnostics;
        QVERIFY(!Schema::isModelled(inferSchema(table, diagnostics).columns[0]));
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics[0].kind, QStringLiteral("all_missing"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaInference)
#include "tst_schemainference.moc"
