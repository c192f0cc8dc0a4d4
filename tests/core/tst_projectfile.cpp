// SPDX-License-Identifier: MIT
#include "core/project/project.h"
#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestProjectFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsFormatVersion1Fixture()
    {
        core::Diagnostics warnings;
        const auto loaded = core::ProjectFile::load(
            QStringLiteral(HEALTHSYNTH_SOURCE_DIR "/tests/data/projects/format1.hsproj"), warnings);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        const core::Project &p = loaded.value();
        QCOMPARE(p.name, QStringLiteral("Heart failure cohort"));
        QCOMPARE(p.source.csvPath, QStringLiteral("data/01_raw/heart.csv"));
        QCOMPARE(p.source.csv.delimiter, QChar(u','));
        QCOMPARE(p.source.csv.missingMarkers, (QStringList { QString(), QStringLiteral("NA"), QStringLiteral("?") }));
        QCOMPARE(p.metadataOverrides.size(), 2);
        QCOMPARE(p.metadataOverrides[0].type, core::SemanticType::Id);
        QCOMPARE(p.generation.seed, std::numeric_limits<quint64>::max());
        QCOMPARE(p.generation.holdoutFraction, 0.25);
        QCOMPARE(p.generation.constraints.size(), 2);
        QCOMPARE(p.generation.constraints[1].otherColumn, QStringLiteral("discharged"));
        QCOMPARE(p.artifacts.model, QStringLiteral("models/gaussian_copula.hsmodel"));
        QVERIFY(warnings.isEmpty());
    }

    void roundTripsEveryField()
    {
        core::Diagnostics warnings;
        auto loaded = core::ProjectFile::load(
            QStringLiteral(HEALTHSYNTH_SOURCE_DIR "/tests/data/projects/format1.hsproj"), warnings);
        QVERIFY(loaded.ok());
        // An accepted "declare as missing" suggestion is part of the column's recorded metadata.
        loaded.value().metadataOverrides[1].missingValues = { QStringLiteral("?"), QStringLiteral("-9") };
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.hsproj"));
        QVERIFY(core::ProjectFile::save(loaded.value(), path).ok());
        auto again = core::ProjectFile::load(path, warnings);
        QVERIFY(again.ok());
        QCOMPARE(again.value().metadataOverrides[1].missingValues,
                 (QStringList { QStringLiteral("?"), QStringLiteral("-9") }));
        QVERIFY(again.value().metadataOverrides[0].missingValues.isEmpty());
        QCOMPARE(again.value().generation.seed, loaded.value().generation.seed);
        QCOMPARE(again.value().generation.target, QStringLiteral("DEATH_EVENT"));
        QCOMPARE(again.value().metadataOverrides[1].decimals, 3);
        QCOMPARE(again.value().generation.generatorSettings.value(QStringLiteral("default_distribution")).toString(),
                 QStringLiteral("beta"));
        QVERIFY(warnings.isEmpty());
    }

    void refusesNewerFormat()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.hsproj"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"formatVersion": 99, "appVersion": "9.0.0"})");
        file.close();
        core::Diagnostics warnings;
        const auto loaded = core::ProjectFile::load(path, warnings);
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.contains(QStringLiteral("newer")));
        QVERIFY(loaded.error().message.contains(QStringLiteral("9.0.0")));
    }

    void warnsAboutUnknownKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("extra.hsproj"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"formatVersion": 1, "colour": "blue", "generation": {"seed": "3", "wibble": 1}})");
        file.close();
        core::Diagnostics warnings;
        const auto loaded = core::ProjectFile::load(path, warnings);
        QVERIFY(loaded.ok());
        QCOMPARE(warnings.size(), 2);
        QVERIFY(warnings[0].message.contains(QStringLiteral("wibble")) || warnings[1].message.contains(QStringLiteral("wibble")));
    }

    void rejectsBrokenJsonWithPosition()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.hsproj"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"formatVersion": 1,)");
        file.close();
        core::Diagnostics warnings;
        const auto loaded = core::ProjectFile::load(path, warnings);
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().message.contains(QStringLiteral("broken.hsproj")));
        QVERIFY(loaded.error().detail.contains(QStringLiteral("byte")));
    }

    // Whatever is wrong, loading fails with the key or value at fault, and the file's name.
    void refusesMalformedProjects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cut short") << QByteArray("{\"formatVersion\": 1, \"name\": \"Heart fail")
                                   << QStringLiteral("is not valid JSON");
        QTest::newRow("a list, not a project") << QByteArray("[1, 2]") << QStringLiteral("holds no project");
        QTest::newRow("version as text") << QByteArray(R"({"formatVersion": "1"})")
                                         << QStringLiteral("no valid format version");
        QTest::newRow("version a fraction") << QByteArray(R"({"formatVersion": 0.5})")
                                            << QStringLiteral("no valid format version");
        QTest::newRow("version beyond int") << QByteArray(R"({"formatVersion": 1e300})") << QStringLiteral("newer");
        QTest::newRow("port beyond int")
            << QByteArray(R"({"formatVersion": 1, "source": {"kind": "postgresql", "port": 1e10}, "generation": {"seed": "1"}})")
            << QStringLiteral("source.port");
        QTest::newRow("port zero") << QByteArray(R"({"formatVersion": 1, "source": {"port": 0}, "generation": {"seed": "1"}})")
                                   << QStringLiteral("source.port");
        QTest::newRow("negative rows") << QByteArray(R"({"formatVersion": 1, "generation": {"seed": "1", "rows": -5}})")
                                       << QStringLiteral("generation.rows -5");
        QTest::newRow("rows beyond int64") << QByteArray(R"({"formatVersion": 1, "generation": {"seed": "1", "rows": 1e300}})")
                                           << QStringLiteral("generation.rows");
        QTest::newRow("fraction of a row") << QByteArray(R"({"formatVersion": 1, "generation": {"seed": "1", "rows": 2.5}})")
                                           << QStringLiteral("generation.rows 2.5");
        QTest::newRow("decimals beyond int")
            << QByteArray(R"({"formatVersion": 1, "metadata": [{"name": "age", "type": "numerical", "decimals": 1e300}], "generation": {"seed": "1"}})")
            << QStringLiteral("Column age in the project's metadata has decimals");
        QTest::newRow("unknown column type")
            << QByteArray(R"({"formatVersion": 1, "metadata": [{"name": "age", "type": "colour"}], "generation": {"seed": "1"}})")
            << QStringLiteral("unknown type \"colour\"");
        QTest::newRow("metadata entry not an object")
            << QByteArray(R"({"formatVersion": 1, "metadata": [7], "generation": {"seed": "1"}})")
            << QStringLiteral("Column entry 1");
        QTest::newRow("unknown constraint")
            << QByteArray(R"({"formatVersion": 1, "generation": {"seed": "1", "constraints": [{"kind": "between"}]}})")
            << QStringLiteral("unknown kind \"between\"");
        QTest::newRow("seed as a word") << QByteArray(R"({"formatVersion": 1, "generation": {"seed": "lucky"}})")
                                        << QStringLiteral("seed is not a whole number");
        QTest::newRow("hold-out share 5") << QByteArray(R"({"formatVersion": 1, "generation": {"seed": "1", "holdoutFraction": 5}})")
                                          << QStringLiteral("hold-out share 5");
    }
    void refusesMalformedProjects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("malformed.hsproj"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        core::Diagnostics warnings;
        const auto loaded = core::ProjectFile::load(path, warnings);
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, core::Error::Code::InvalidInput);
        QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().toString()));
        QVERIFY2(loaded.error().toString().contains(QStringLiteral("malformed.hsproj")), qPrintable(loaded.error().toString()));
    }

    void createsThePipelineFolders()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.hsproj"));
        QVERIFY(core::ProjectFile::createFolders(path).ok());
        for (const char *folder : { "data/01_raw", "data/02_processed", "data/03_validation", "data/04_synthetic",
                                    "models", "reports/figures" })
            QVERIFY2(QDir(dir.filePath(QLatin1StringView(folder))).exists(), folder);
        QCOMPARE(core::ProjectFile::resolve(path, QStringLiteral("models/m")), dir.filePath(QStringLiteral("models/m")));
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
