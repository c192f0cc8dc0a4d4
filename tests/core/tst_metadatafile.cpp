// SPDX-License-Identifier: MIT
// MetadataFile: SDV single/multi-table JSON, CTGAN's list form, HealthSynth's own dialect, errors.
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
        }
    }

    void newerFormatRefused()
    {
        QTemporaryDir dir;
        Diagnostics diagnostics;
        auto result = MetadataFile::apply(writeJson(dir, R"({"formatVersion": 7, "columns": []})"), inferred({}), diagnostics);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QStringLiteral("version 7")));
    }
};

QTEST_GUILESS_MAIN(TestMetadataFile)
#include "tst_metadatafile.moc"
