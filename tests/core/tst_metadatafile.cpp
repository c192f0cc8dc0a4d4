// SPDX-License-Identifier: MIT
// MetadataFile: SDV single/multi-table JSON, CTGAN's list form, HealthSynth's own dialect, errors.
#include "core/data/declaredmissing.h"
#include "core/data/metadatafile.h"

#include "testpaths.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace core;

namespace {

QString writeJson(const QTemporaryDir &dir, const QByteArray &json)
{
    const QString path = dir.filePath(QStringLiteral("meta.json"));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(json);
    return path;
}

Schema inferred(const QStringList &names)
{
    Schema schema;
    for (const QString &name : names) {
        ColumnMeta meta;
        meta.name = name;
        meta.type = SemanticType::Categorical;
        meta.confidence = 0.5;
        schema.columns.append(meta);
    }
    return schema;
}

} // namespace

class TestMetadataFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sdvSingleTable()
    {
        QTemporaryDir dir;
        const QString path = writeJson(dir, R"({"columns": {
            "age": {"sdtype": "numerical", "computer_representation": "Int64"},
            "bmi": {"sdtype": "numerical", "computer_representation": "Float"},
            "visit": {"sdtype": "datetime", "datetime_format": "%d/%m/%Y"},
            "mrn": {"sdtype": "id", "regex_format": "[0-9]{8}"},
            "mail": {"sdtype": "email", "pii": true},
            "extra": {"sdtype": "categorical"}},
            "primary_key": "mrn"})");
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(path, inferred({ QStringLiteral("age"), QStringLiteral("bmi"), QStringLiteral("visit"),
                                                           QStringLiteral("mrn"), QStringLiteral("mail"), QStringLiteral("kept") }),
                                          diagnostics);
        QVERIFY(result.ok());
        const Schema &s = result.value();
        QCOMPARE(s.find(QStringLiteral("age"))->type, SemanticType::Numerical);
        QVERIFY(s.find(QStringLiteral("age"))->integer);
        QVERIFY(s.find(QStringLiteral("age"))->userOverride);
        QVERIFY(!s.find(QStringLiteral("bmi"))->integer);
        QCOMPARE(s.find(QStringLiteral("visit"))->type, SemanticType::DateTime);
        QCOMPARE(s.find(QStringLiteral("visit"))->dateFormat, QStringLiteral("%d/%m/%Y"));
        QCOMPARE(s.find(QStringLiteral("mrn"))->type, SemanticType::Id);
        QCOMPARE(s.find(QStringLiteral("mrn"))->pattern, QStringLiteral("[0-9]{8}"));
        QCOMPARE(s.find(QStringLiteral("mail"))->type, SemanticType::Pii);
        QCOMPARE(s.find(QStringLiteral("mail"))->piiKind, QStringLiteral("email"));
        // Not in the file: keeps the inferred entry.
        QCOMPARE(s.find(QStringLiteral("kept"))->confidence, 0.5);
        QVERIFY(!s.find(QStringLiteral("kept"))->userOverride);
        // In the file but not in the data: a warning naming it.
        QCOMPARE(diagnostics.size(), 1);
        QCOMPARE(diagnostics[0].column, QStringLiteral("extra"));
    }

    void sdvMultiTableWrapper()
    {
        QTemporaryDir dir;
        const QString path = writeJson(dir, R"({"METADATA_SPEC_VERSION": "MULTI_TABLE_V1",
            "tables": {"patients": {"columns": {"sex": {"sdtype": "boolean"}}}}})");
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(path, inferred({ QStringLiteral("sex") }), diagnostics);
        QVERIFY(result.ok());
        QCOMPARE(result.value().columns[0].type, SemanticType::Boolean);
    }

    void unknownSdtypeNamesColumnAndValue()
    {
        QTemporaryDir dir;
        const QString path = writeJson(dir, R"({"columns": {"age": {"sdtype": "numerical"}, "colour": {"sdtype": "hue"}}})");
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(path, inferred({ QStringLiteral("age") }), diagnostics);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        QVERIFY(result.error().message.contains(QStringLiteral("colour")));
        QVERIFY(result.error().message.contains(QStringLiteral("hue")));
        QVERIFY(result.error().message.contains(QStringLiteral("meta.json")));
    }

    void invalidJson()
    {
        QTemporaryDir dir;
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(writeJson(dir, "{\"columns\": [}"), inferred({}), diagnostics);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("not valid JSON")));
    }

    void ctganAdultMetadata()
    {
        // ../shared/data/real/adult_ctgan/adult.json: continuous / categorical / ordinal.
        const QStringList names { QStringLiteral("age"), QStringLiteral("workclass"), QStringLiteral("education") };
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(testsupport::realData(QStringLiteral("adult_ctgan/adult.json")), inferred(names),
                                          diagnostics);
        QVERIFY(result.ok());
        QCOMPARE(result.value().find(QStringLiteral("age"))->type, SemanticType::Numerical);
        QCOMPARE(result.value().find(QStringLiteral("workclass"))->type, SemanticType::Categorical);
        QCOMPARE(result.value().find(QStringLiteral("education"))->type, SemanticType::Categorical);
        QCOMPARE(diagnostics.size(), 12); // the other 12 of its 15 columns are not in `names`
    }

    void ownDialectRoundTrip()
    {
        Schema schema;
        ColumnMeta a;
        a.name = QStringLiteral("admit");
        a.type = SemanticType::DateTime;
        a.dateFormat = QStringLiteral("%Y-%m-%d %H:%M:%S");
        ColumnMeta b;
        b.name = QStringLiteral("ref");
        b.type = SemanticType::Id;
        b.pattern = QStringLiteral("P-[0-9]{4}");
        b.excluded = true;
        ColumnMeta c;
        c.name = QStringLiteral("dose");
        c.type = SemanticType::Numerical;
        c.decimals = 2;
        c.missingValues = { QStringLiteral("?"), QStringLiteral("-9") };
        ColumnMeta d;
        d.name = QStringLiteral("mail");
        d.type = SemanticType::Pii;
        d.piiKind = QStringLiteral("email");
        schema.columns = { a, b, c, d };
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("own.json"));
        QVERIFY(MetadataFile::save(schema, path).ok());
        Diagnostics diagnostics;
        auto back = MetadataFile::apply(path, inferred({ QStringLiteral("admit"), QStringLiteral("ref"), QStringLiteral("dose"),
                                                         QStringLiteral("mail") }),
                                        diagnostics);
        QVERIFY(back.ok());
        QVERIFY(diagnostics.isEmpty());
        for (int i = 0; i < schema.columns.size(); ++i) {
            const ColumnMeta &x = schema.columns[i];
            const ColumnMeta &y = back.value().columns[i];
            QCOMPARE(y.name, x.name);
            QCOMPARE(y.type, x.type);
            QCOMPARE(y.dateFormat, x.dateFormat);
            QCOMPARE(y.pattern, x.pattern);
            QCOMPARE(y.excluded, x.excluded);
            QCOMPARE(y.decimals, x.decimals);
            QCOMPARE(y.piiKind, x.piiKind);
            QCOMPARE(y.missingValues, x.missingValues);
        }
    }

    void missingValuesAreReadAsMissing()
    {
        // A code column: -9 and 999 mean missing; JSON numbers and texts both name them.
        QTemporaryDir dir;
        Diagnostics diagnostics;
        auto schema = MetadataFile::apply(
            writeJson(dir, R"({"formatVersion": 1, "columns": [
                {"name": "code", "type": "numerical", "missingValues": [-9, "999"]},
                {"name": "pcv", "type": "numerical", "missingValues": ["unknown"]},
                {"name": "grp", "type": "categorical", "missingValues": [" ? "]}]})"),
            inferred({ QStringLiteral("code"), QStringLiteral("pcv"), QStringLiteral("grp") }), diagnostics);
        QVERIFY(schema.ok());
        QCOMPARE(schema.value().find(QStringLiteral("code"))->missingValues,
                 (QStringList { QStringLiteral("-9"), QStringLiteral("999") }));

        Table table;
        Column code(QStringLiteral("code"), ColumnStorage::Number);
        for (double v : { 4.0, -9.0, 999.0, 7.5 })
            code.appendNumber(v);
        // Stored as labels only because "unknown" is not a number.
        Column pcv(QStringLiteral("pcv"), ColumnStorage::Category);
        for (const char *v : { "44", "unknown", "38.5", "44" })
            pcv.appendCode(pcv.codeFor(QString::fromUtf8(v)));
        Column grp(QStringLiteral("grp"), ColumnStorage::Text);
        for (const char *v : { "a", "?", "b", "?" })
            grp.appendText(QString::fromUtf8(v));
        table.addColumn(code);
        table.addColumn(pcv);
        table.addColumn(grp);
        applyDeclaredMissingValues(table, schema.value(), diagnostics);

        const Column &c = table.column(0);
        QCOMPARE(c.missingCount(), 2);
        QVERIFY(c.isMissing(1) && c.isMissing(2) && !c.isMissing(3));
        const Column &p = table.column(1);
        QCOMPARE(p.storage(), ColumnStorage::Number); // numbers once "unknown" is missing
        QCOMPARE(p.missingCount(), 1);
        QCOMPARE(p.numbers()[0], 44.0);
        QCOMPARE(p.numbers()[2], 38.5);
        QCOMPARE(p.decimals(), 1);
        QVERIFY(!p.isInteger());
        const Column &g = table.column(2);
        QCOMPARE(g.missingCount(), 2);
        QCOMPARE(g.texts()[2], QStringLiteral("b"));
        int noted = 0;
        for (const Diagnostic &d : diagnostics)
            noted += d.kind == QStringLiteral("declared_missing") ? 1 : 0;
        QCOMPARE(noted, 3);
    }

    void newerFormatRefused()
    {
        QTemporaryDir dir;
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(writeJson(dir, R"({"formatVersion": 7, "columns": []})"), inferred({}), diagnostics);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("version 7")));
    }

    // Whatever is wrong, applying fails with the column and the value at fault, and the file's name.
    void refusesMalformedEntries_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("own dialect, unknown type")
            << QByteArray(R"({"formatVersion": 1, "columns": [{"name": "age", "type": "colour"}]})")
            << QStringList { QStringLiteral("age"), QStringLiteral("unknown type \"colour\"") };
        QTest::newRow("CTGAN list, unknown type")
            << QByteArray(R"({"columns": [{"name": "age", "type": "continuous"}, {"name": "sex", "type": "nominal"}]})")
            << QStringList { QStringLiteral("sex"), QStringLiteral("\"nominal\"") };
        QTest::newRow("type as a number") << QByteArray(R"({"columns": [{"name": "age", "type": 5}]})")
                                          << QStringList { QStringLiteral("age"), QStringLiteral("unknown type \"5\"") };
        QTest::newRow("SDV, unknown sdtype")
            << QByteArray(R"({"columns": {"age": {"sdtype": "numerical"}, "ward": {"sdtype": "location"}}})")
            << QStringList { QStringLiteral("ward"), QStringLiteral("\"location\"") };
        QTest::newRow("decimals beyond int")
            << QByteArray(R"({"formatVersion": 1, "columns": [{"name": "age", "type": "numerical", "decimals": 1e300}]})")
            << QStringList { QStringLiteral("age"), QStringLiteral("decimals 1e+300") };
        QTest::newRow("negative decimals")
            << QByteArray(R"({"formatVersion": 1, "columns": [{"name": "age", "type": "numerical", "decimals": -4}]})")
            << QStringList { QStringLiteral("age"), QStringLiteral("decimals -4") };
        QTest::newRow("entry without a name") << QByteArray(R"({"columns": [{"type": "numerical"}]})")
                                              << QStringList { QStringLiteral("entry 1"), QStringLiteral("no \"name\"") };
        QTest::newRow("columns as text") << QByteArray(R"({"columns": "age, sex"})")
                                         << QStringList { QStringLiteral("no \"columns\"") };
        QTest::newRow("version beyond int") << QByteArray(R"({"formatVersion": 1e300, "columns": []})")
                                            << QStringList { QStringLiteral("format version 1e+300") };
    }
    void refusesMalformedEntries()
    {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(writeJson(dir, json), inferred({ QStringLiteral("age"), QStringLiteral("sex") }),
                                          diagnostics);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::InvalidInput);
        QVERIFY2(result.error().message.contains(QStringLiteral("meta.json")), qPrintable(result.error().message));
        for (const QString &part : expected)
            QVERIFY2(result.error().message.contains(part), qPrintable(result.error().message));
    }
};

QTEST_GUILESS_MAIN(TestMetadataFile)
#include "tst_metadatafile.moc"
