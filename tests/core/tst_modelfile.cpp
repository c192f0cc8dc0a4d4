// SPDX-License-Identifier: MIT
// ModelFile on files that are not what they should be: from a newer HealthSynth, cut short at
// any byte, of an unknown generator, not a model at all. Each load fails with a message that
// names the file and the fault; none crashes. Also the damaged counts fuzz_modelfile found, and
// its findings replayed.
#include "core/pipeline/builtingenerators.h"
#include "core/pipeline/modelfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <random>

using namespace core;

namespace {

// 60 rows: a whole number, a category, a boolean and an identifier (regenerated, not learned).
void smallTable(Table &table, Schema &schema)
{
    std::mt19937 rng(5);
    Column age(QStringLiteral("age"), ColumnStorage::Number), unit(QStringLiteral("unit"), ColumnStorage::Category),
        smoker(QStringLiteral("smoker"), ColumnStorage::Boolean), id(QStringLiteral("id"), ColumnStorage::Text);
    unit.labels() = { QStringLiteral("ICU"), QStringLiteral("ward") };
    smoker.labels() = { QStringLiteral("no"), QStringLiteral("yes") };
    age.setInteger(true);
    for (int i = 0; i < 60; ++i) {
        age.appendNumber(30 + int(rng() % 50));
        unit.appendCode(qint32(rng() % 2));
        smoker.appendCode(qint32(rng() % 2));
        id.appendText(QStringLiteral("P%1").arg(1000 + i));
    }
    const SemanticType types[] = { SemanticType::Numerical, SemanticType::Categorical, SemanticType::Boolean,
                                   SemanticType::Id };
    int k = 0;
    for (Column *column : { &age, &unit, &smoker, &id }) {
        ColumnMeta meta;
        meta.name = column->name();
        meta.type = types[k++];
        meta.integer = column->isInteger();
        schema.columns.append(meta);
        table.addColumn(std::move(*column));
    }
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// QDataStream layout of the envelope, from Qt's documented format: quint32 magic, qint32
// envelope version, QString id (quint32 byte count + UTF-16BE), qint32 generator format version.
constexpr int kEnvelopeOffset = 4;
int formatOffset(const QString &id) { return 8 + 4 + 2 * int(id.size()); }

void putInt(QByteArray &bytes, int offset, qint32 value) { qToBigEndian(value, bytes.data() + offset); }

enum class Fault {
    None, LossSeries, LossValues, LossValuesAllOnes, Diagnostics, SchemaColumns, SchemaType, LengthCountsCount, NegativeLengthCount,
    MissingShape, ShortPairs,
};

// The envelope Generator::save() writes, field by field, for smallTable()'s schema, with one
// fault, followed by `body` (a Gaussian copula's own section fitted on smallTable()).
QByteArray envelope(Fault fault, const QByteArray &body)
{
    constexpr quint32 kHuge = 0xFFFFFFF0u;
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << quint32(0x48534D44) << qint32(3) << QStringLiteral("gaussian_copula") << qint32(1);
    out << QDateTime::fromSecsSinceEpoch(0, Qt::UTC) << QStringLiteral("0.1.0") << qint64(60) << quint64(3)
        << QVariantMap() << QVariantMap();
    if (fault == Fault::LossSeries) {
        out << kHuge;
        return bytes;
    }
    if (fault == Fault::LossValues || fault == Fault::LossValuesAllOnes) {
        out << quint32(1) << QStringLiteral("loss") << (fault == Fault::LossValues ? kHuge : 0xFFFFFFFFu);
        return bytes;
    }
    out << quint32(0); // losses
    if (fault == Fault::Diagnostics) {
        out << kHuge;
        return bytes;
    }
    out << quint32(0); // diagnostics
    if (fault == Fault::SchemaColumns) {
        out << kHuge;
        return bytes;
    }
    // Schema: name, type, excluded, integer, decimals, dateFormat, piiKind, pattern, confidence, override.
    const std::pair<const char *, SemanticType> columns[] = { { "age", SemanticType::Numerical },
                                                              { "unit", SemanticType::Categorical },
                                                              { "smoker", SemanticType::Boolean },
                                                              { "id", SemanticType::Id } };
    out << quint32(4);
    for (const auto &[name, type] : columns) {
        const bool damaged = fault == Fault::SchemaType && type == SemanticType::Id;
        out << QString::fromLatin1(name) << qint32(damaged ? 99 : int(type)) << false << (type == SemanticType::Numerical)
            << qint32(-1) << QString() << QString() << QString() << 1.0 << false;
    }
    // Identifiers: salt, shapes; a shape is name, storage, alphabets, length counts, missing rate,
    // unique, real hashes. The real ids are P1000 ... P1059.
    out << quint64(1) << qint32(fault == Fault::MissingShape ? 0 : 1);
    if (fault != Fault::MissingShape) {
        const QString digits = QStringLiteral("0123456789");
        out << QStringLiteral("id") << qint32(ColumnStorage::Text)
            << QStringList { QStringLiteral("P"), QStringLiteral("1"), QStringLiteral("0"), digits, digits };
        if (fault == Fault::LengthCountsCount)
            out << kHuge;
        else
            out << QList<qint64> { 0, 0, 0, 0, 0, fault == Fault::NegativeLengthCount ? -60 : 60 };
        out << 0.0 << true << QSet<quint64>();
    }
    // Condition support: unit and smoker, two values each, so their pair takes 4 bits.
    out << qint32(2) << QStringLiteral("unit") << QStringList { QStringLiteral("ICU"), QStringLiteral("ward") }
        << QStringLiteral("smoker") << QStringList { QStringLiteral("no"), QStringLiteral("yes") };
    out << QList<QByteArray> { fault == Fault::ShortPairs ? QByteArray() : QByteArray(1, '\x0f') };
    out << QMap<QString, double>();
    out.writeRawData(body.constData(), int(body.size()));
    return bytes;
}

// Where a saved model's own section starts: after the envelope Generator::save() writes.
qint64 bodyOffset(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic, n;
    qint32 envelope, version, type, decimals, count, storage;
    QString id, text;
    QDateTime when;
    qint64 rows, line;
    quint64 seed;
    QVariantMap map;
    QList<std::pair<QString, QList<double>>> losses;
    bool flag;
    double number;
    in >> magic >> envelope >> id >> version >> when >> text >> rows >> seed >> map >> map >> losses >> n;
    for (quint32 i = 0; i < n; ++i) // diagnostics
        in >> type >> text >> text >> text >> line;
    in >> n;
    for (quint32 i = 0; i < n; ++i) // schema
        in >> text >> type >> flag >> flag >> decimals >> text >> text >> text >> number >> flag;
    in >> seed >> count;
    for (qint32 i = 0; i < count; ++i) { // identifier shapes
        QStringList alphabets;
        QList<qint64> lengths;
        QSet<quint64> hashes;
        in >> text >> storage >> alphabets >> lengths >> number >> flag >> hashes;
    }
    in >> count;
    for (qint32 i = 0; i < count; ++i) { // condition support
        QStringList values;
        in >> text >> values;
    }
    QList<QByteArray> pairs;
    QMap<QString, double> missingRates;
    in >> pairs >> missingRates;
    return in.status() == QDataStream::Ok ? in.device()->pos() : -1;
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Table table;
        Schema schema;
        smallTable(table, schema);
        const QVariantMap small = { { QStringLiteral("epochs"), 1 }, { QStringLiteral("batch_size"), 20 },
                                    { QStringLiteral("pac"), 2 },    { QStringLiteral("embedding_dim"), 4 } };
        SilentJob job;
        for (const QString &id : builtInGenerators().ids()) {
            auto generator = builtInGenerators().create(id);
            FitOptions options;
            options.seed = 3;
            for (const SettingSpec &spec : generator->settings())
                if (small.contains(spec.key))
                    options.settings.insert(spec.key, small.value(spec.key));
            QVERIFY2(generator->fit(table, schema, options, job).ok(), qPrintable(id));
            QVERIFY(ModelFile::save(*generator, path(id)).ok());
        }
    }

    void generators_data()
    {
        QTest::addColumn<QString>("id");
        for (const QString &id : builtInGenerators().ids())
            QTest::newRow(qPrintable(id)) << id;
    }

    void refusesNewerEnvelope_data() { generators_data(); }
    void refusesNewerEnvelope()
    {
        QFETCH(QString, id);
        QByteArray bytes = readAll(path(id));
        putInt(bytes, kEnvelopeOffset, 99);
        const QString future = m_dir.filePath(QStringLiteral("future-envelope.hsmodel"));
        writeAll(future, bytes);
        expectRefusal(future, QStringLiteral("newer HealthSynth"));
    }

    void refusesNewerGeneratorFormat_data() { generators_data(); }
    void refusesNewerGeneratorFormat()
    {
        QFETCH(QString, id);
        QByteArray bytes = readAll(path(id));
        putInt(bytes, formatOffset(id), 99);
        const QString future = m_dir.filePath(QStringLiteral("future-format.hsmodel"));
        writeAll(future, bytes);
        expectRefusal(future, QStringLiteral("newer HealthSynth"));
    }

    // Every cut in the envelope and header, then evenly spaced cuts through the model body.
    void refusesTruncatedFiles_data() { generators_data(); }
    void refusesTruncatedFiles()
    {
        QFETCH(QString, id);
        const QByteArray whole = readAll(path(id));
        QVERIFY(whole.size() > 100);
        QList<qsizetype> cuts;
        for (qsizetype n = 0; n < std::min<qsizetype>(whole.size(), 400); ++n)
            cuts << n;
        for (int k = 1; k < 300; ++k)
            cuts << 400 + (whole.size() - 401) * k / 300;
        cuts << whole.size() - 1;
        const QString cut = m_dir.filePath(QStringLiteral("cut.hsmodel"));
        for (qsizetype n : cuts) {
            writeAll(cut, whole.left(n));
            const auto loaded = ModelFile::load(cut, builtInGenerators());
            QVERIFY2(!loaded.ok(), qPrintable(QStringLiteral("%1 cut at %2 bytes of %3 loaded").arg(id).arg(n).arg(whole.size())));
            const QString message = loaded.error().message;
            QVERIFY2(message.contains(cut), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("damaged")) || message.contains(QStringLiteral("not a HealthSynth model file")),
                     qPrintable(QStringLiteral("cut at %1: %2").arg(n).arg(loaded.error().toString())));
            QCOMPARE(loaded.error().code, Error::Code::InvalidInput);
        }
    }

    void refusesUnknownGenerator()
    {
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << quint32(0x48534D44) << qint32(3) << QStringLiteral("quantum_gan") << qint32(1);
        const QString unknown = m_dir.filePath(QStringLiteral("unknown.hsmodel"));
        writeAll(unknown, bytes);
        expectRefusal(unknown, QStringLiteral("\"quantum_gan\" model, which this version does not know"));
    }

    void refusesOtherFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("a CSV file") << QByteArray("age,sex\n61,F\n");
        QTest::newRow("a project file") << QByteArray("{\"formatVersion\": 1}");
        QTest::newRow("magic only") << QByteArray("HSMD");
    }
    void refusesOtherFiles()
    {
        QFETCH(QByteArray, bytes);
        const QString other = m_dir.filePath(QStringLiteral("other.hsmodel"));
        writeAll(other, bytes);
        expectRefusal(other, QStringLiteral("not a HealthSynth model file"));
    }

    // Damaged counts and values in the envelope, as fuzz_modelfile found them: each must fail as
    // damaged, at once and without reserving what the count claims.
    void handWrittenEnvelopeLoads()
    {
        const QString written = m_dir.filePath(QStringLiteral("hand-written.hsmodel"));
        writeAll(written, envelope(Fault::None, copulaBody()));
        auto loaded = ModelFile::load(written, builtInGenerators());
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        SilentJob job;
        const auto sampled = loaded.value()->sample(20, 1, job);
        QVERIFY(sampled.ok());
        QCOMPARE(sampled.value().columnNames(),
                 (QStringList { QStringLiteral("age"), QStringLiteral("unit"), QStringLiteral("smoker"), QStringLiteral("id") }));
    }

    void refusesDamagedEnvelope_data()
    {
        QTest::addColumn<int>("fault");
        QTest::newRow("loss series count") << int(Fault::LossSeries);
        QTest::newRow("loss values count") << int(Fault::LossValues);
        QTest::newRow("loss values count of all ones") << int(Fault::LossValuesAllOnes);
        QTest::newRow("diagnostics count") << int(Fault::Diagnostics);
        QTest::newRow("schema columns count") << int(Fault::SchemaColumns);
        QTest::newRow("unknown column type") << int(Fault::SchemaType);
        QTest::newRow("identifier length counts count") << int(Fault::LengthCountsCount);
        QTest::newRow("identifier negative length count") << int(Fault::NegativeLengthCount);
        QTest::newRow("identifier column without a shape") << int(Fault::MissingShape);
        QTest::newRow("condition pairs too short") << int(Fault::ShortPairs);
    }
    void refusesDamagedEnvelope()
    {
        QFETCH(int, fault);
        const QString damaged = m_dir.filePath(QStringLiteral("damaged-envelope.hsmodel"));
        writeAll(damaged, envelope(Fault(fault), copulaBody()));
        expectRefusal(damaged, QStringLiteral("damaged"));
    }

    // Damaged sizes in a generator's own section: the copula's correlation dimension, TVAE's
    // network and transformer, the Bayesian network's attribute count. Offsets are from each
    // generator's doSave().
    void refusesDamagedModelBody_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("offset");
        QTest::addColumn<qint32>("value");
        QTest::newRow("copula dimension") << QStringLiteral("gaussian_copula") << 12 << qint32(100000);
        QTest::newRow("copula columns") << QStringLiteral("gaussian_copula") << 16 << qint32(100000);
        QTest::newRow("tvae latent size") << QStringLiteral("tvae") << 8 << qint32(1 << 30);
        QTest::newRow("tvae transformer columns") << QStringLiteral("tvae") << 28 << qint32(1000000);
        QTest::newRow("ctgan noise size") << QStringLiteral("ctgan") << 12 << qint32(1 << 30);
        QTest::newRow("bayesian network attributes") << QStringLiteral("bayesian_network") << 18 << qint32(100000);
    }
    void refusesDamagedModelBody()
    {
        QFETCH(QString, id);
        QFETCH(int, offset);
        QFETCH(qint32, value);
        QByteArray bytes = readAll(path(id));
        putInt(bytes, int(bodyOffset(bytes)) + offset, value);
        const QString damaged = m_dir.filePath(QStringLiteral("damaged-body.hsmodel"));
        writeAll(damaged, bytes);
        expectRefusal(damaged, QStringLiteral("damaged"));
    }

    // Inputs fuzz_modelfile found (crashes and hangs before the fixes), replayed: load, and sample
    // what loads. Each must end in an error that names the file, or in rows.
    void replaysFuzzFindings_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(HEALTHSYNTH_SOURCE_DIR "/tests/data/fuzz/modelfile"));
        for (const QString &name : dir.entryList(QDir::Files))
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void replaysFuzzFindings()
    {
        QFETCH(QString, file);
        auto loaded = ModelFile::load(file, builtInGenerators());
        if (!loaded.ok()) {
            QVERIFY2(loaded.error().message.contains(file), qPrintable(loaded.error().toString()));
            return;
        }
        SilentJob job;
        const auto sampled = loaded.value()->sample(5, 7, job);
        QVERIFY(sampled.ok() || !sampled.error().message.isEmpty());
    }

    void namesAMissingFile()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.hsmodel"));
        const auto loaded = ModelFile::load(missing, builtInGenerators());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, Error::Code::Io);
        QVERIFY2(loaded.error().message.contains(missing), qPrintable(loaded.error().message));
    }

private:
    QString path(const QString &id) const { return m_dir.filePath(id + QStringLiteral(".hsmodel")); }
    QByteArray copulaBody() const
    {
        const QByteArray whole = readAll(path(QStringLiteral("gaussian_copula")));
        return whole.mid(bodyOffset(whole));
    }

    static void expectRefusal(const QString &file, const QString &reason)
    {
        const auto loaded = ModelFile::load(file, builtInGenerators());
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().code, Error::Code::InvalidInput);
        QVERIFY2(loaded.error().message.contains(file), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(reason), qPrintable(loaded.error().message));
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
