// SPDX-License-Identifier: MIT
#include "core/project/project.h"

#include "core/data/metadatafile.h"

#include "core/version.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <optional>

namespace core {

namespace {

constexpr qint64 kMaxDecimals = 17; // a double carries at most 17 significant decimal digits
constexpr qint64 kMaxRows = qint64(1) << 40;

// Reading keeps track of the keys it used, so every other key can be reported.
class JsonReader {
public:
    JsonReader(const QJsonObject &object, QString where, Diagnostics &warnings)
        : m_object(object)
        , m_where(std::move(where))
        , m_warnings(warnings)
    {
    }
    ~JsonReader()
    {
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_used.contains(it.key()))
                m_warnings.append({ Diagnostic::Severity::Warning, QStringLiteral("unknown_key"),
                                    ProjectFile::tr("The project file has an unknown key \"%1\" in %2; it was ignored.")
                                        .arg(it.key(), m_where),
                                    {}, -1 });
        }
    }
    QJsonValue take(const QString &key)
    {
        m_used.insert(key);
        return m_object.value(key);
    }
    QString string(const QString &key) { return take(key).toString(); }
    double number(const QString &key, double fallback = 0) { return take(key).toDouble(fallback); }
    /// A whole number in [minimum, maximum]; fallback when absent; nullopt when it is not
    /// (a fraction, out of range, or not a number), so the caller can name the key.
    std::optional<qint64> whole(const QString &key, qint64 fallback, qint64 minimum, qint64 maximum)
    {
        const QJsonValue value = take(key);
        if (value.isUndefined() || value.isNull())
            return fallback;
        const double d = value.toDouble(std::nan(""));
        if (!(d >= double(minimum) && d <= double(maximum)) || d != std::floor(d))
            return std::nullopt;
        return qint64(d);
    }
    bool boolean(const QString &key, bool fallback = false) { return take(key).toBool(fallback); }
    QJsonObject object(const QString &key) { return take(key).toObject(); }
    QJsonArray array(const QString &key) { return take(key).toArray(); }
    QStringList strings(const QString &key)
    {
        QStringList out;
        for (const QJsonValue &v : take(key).toArray())
            out.append(v.toString());
        return out;
    }

private:
    QJsonObject m_object;
    QString m_where;
    Diagnostics &m_warnings;
    QSet<QString> m_used;
};

QJsonArray toArray(const QStringList &strings)
{
    QJsonArray out;
    for (const QString &s : strings)
        out.append(s);
    return out;
}

QString charKey(QChar c) { return c.isNull() ? QString() : QString(c); }

QJsonObject csvToJson(const CsvOptions &o)
{
    return QJsonObject {
        { QStringLiteral("delimiter"), charKey(o.delimiter) },
        { QStringLiteral("decimalMark"), charKey(o.decimalMark) },
        { QStringLiteral("header"), int(o.header) },
        { QStringLiteral("encoding"), int(o.encoding) },
        { QStringLiteral("dateOrder"), int(o.dateOrder) },
        { QStringLiteral("missingMarkers"), toArray(o.missingMarkers) },
        { QStringLiteral("skipRaggedRows"), o.skipRaggedRows },
        { QStringLiteral("trimWhitespace"), o.trimWhitespace },
        { QStringLiteral("columnNames"), toArray(o.columnNames) },
    };
}

CsvOptions csvFromJson(const QJsonObject &object, Diagnostics &warnings)
{
    JsonReader r(object, QStringLiteral("source.csv"), warnings);
    CsvOptions o;
    const QString delimiter = r.string(QStringLiteral("delimiter"));
    const QString decimal = r.string(QStringLiteral("decimalMark"));
    o.delimiter = delimiter.isEmpty() ? QChar() : delimiter.at(0);
    o.decimalMark = decimal.isEmpty() ? QChar() : decimal.at(0);
    // Out-of-range choices fall back to "detect" rather than fail: they only steer sniffing.
    o.header = CsvOptions::Header(r.whole(QStringLiteral("header"), 0, 0, 2).value_or(0));
    o.encoding = CsvOptions::Encoding(r.whole(QStringLiteral("encoding"), 0, 0, 2).value_or(0));
    o.dateOrder = CsvOptions::DateOrder(r.whole(QStringLiteral("dateOrder"), 0, 0, 2).value_or(0));
    if (object.contains(QStringLiteral("missingMarkers")))
        o.missingMarkers = r.strings(QStringLiteral("missingMarkers"));
    o.skipRaggedRows = r.boolean(QStringLiteral("skipRaggedRows"));
    o.trimWhitespace = r.boolean(QStringLiteral("trimWhitespace"), true);
    o.columnNames = r.strings(QStringLiteral("columnNames"));
    return o;
}

Result<ColumnMeta> metaFromJson(const QJsonObject &object, int index, Diagnostics &warnings)
{
    JsonReader r(object, QStringLiteral("metadata[%1]").arg(index), warnings);
    ColumnMeta m;
    m.name = r.string(QStringLiteral("name"));
    const QString typeKey = r.string(QStringLiteral("type"));
    const std::optional<SemanticType> type = semanticTypeFromKey(typeKey);
    if (m.name.isEmpty() || !type)
        return Error { Error::Code::InvalidInput,
                       ProjectFile::tr("Column entry %1 of the project's metadata has no name or an unknown type \"%2\".")
                           .arg(index + 1)
                           .arg(typeKey),
                       {} };
    m.type = *type;
    m.excluded = r.boolean(QStringLiteral("excluded"));
    m.integer = r.boolean(QStringLiteral("integer"));
    const std::optional<qint64> decimals = r.whole(QStringLiteral("decimals"), -1, -1, kMaxDecimals);
    if (!decimals)
        return Error { Error::Code::InvalidInput,
                       ProjectFile::tr("Column %1 in the project's metadata has decimals %2; use a whole number "
                                       "from 0 to %3, or -1 for full precision.")
                           .arg(m.name, object.value(QStringLiteral("decimals")).toVariant().toString())
                           .arg(kMaxDecimals),
                       {} };
    m.decimals = int(*decimals);
    m.dateFormat = r.string(QStringLiteral("dateFormat"));
    m.piiKind = r.string(QStringLiteral("piiKind"));
    m.pattern = r.string(QStringLiteral("pattern"));
    m.missingValues = r.strings(QStringLiteral("missingValues"));
    m.userOverride = true;
    return m;
}

QJsonObject sourceToJson(const SourceSettings &s)
{
    QJsonObject out { { QStringLiteral("kind"), s.kind == SourceSettings::Kind::Csv ? QStringLiteral("csv")
                                                                                      : QStringLiteral("postgresql") },
                      { QStringLiteral("embedCopy"), s.embedCopy } };
    if (s.kind == SourceSettings::Kind::Csv) {
        out.insert(QStringLiteral("path"), s.csvPath);
        out.insert(QStringLiteral("csv"), csvToJson(s.csv));
    } else {
        out.insert(QStringLiteral("host"), s.host);
        out.insert(QStringLiteral("port"), s.port);
        out.insert(QStringLiteral("database"), s.database);
        out.insert(QStringLiteral("user"), s.user);
        out.insert(QStringLiteral("sslMode"), s.sslMode);
        out.insert(QStringLiteral("table"), s.table);
        out.insert(QStringLiteral("query"), s.query);
    }
    return out;
}

Result<SourceSettings> sourceFromJson(const QJsonObject &object, Diagnostics &warnings)
{
    JsonReader r(object, QStringLiteral("source"), warnings);
    SourceSettings s;
    s.kind = r.string(QStringLiteral("kind")) == QStringLiteral("postgresql") ? SourceSettings::Kind::PostgreSql
                                                                              : SourceSettings::Kind::Csv;
    s.embedCopy = r.boolean(QStringLiteral("embedCopy"));
    s.csvPath = r.string(QStringLiteral("path"));
    if (object.contains(QStringLiteral("csv")))
        s.csv = csvFromJson(r.object(QStringLiteral("csv")), warnings);
    s.host = r.string(QStringLiteral("host"));
    const std::optional<qint64> port = r.whole(QStringLiteral("port"), 5432, 1, 65535);
    if (!port)
        return Error { Error::Code::InvalidInput,
                       ProjectFile::tr("The project's source.port %1 is not a port number (1 to 65535).")
                           .arg(object.value(QStringLiteral("port")).toVariant().toString()),
                       {} };
    s.port = int(*port);
    s.database = r.string(QStringLiteral("database"));
    s.user = r.string(QStringLiteral("user"));
    s.sslMode = r.string(QStringLiteral("sslMode"));
    s.table = r.string(QStringLiteral("table"));
    s.query = r.string(QStringLiteral("query"));
    return s;
}

QJsonObject constraintToJson(const Constraint &c)
{
    if (c.kind == Constraint::Kind::Range)
        return { { QStringLiteral("kind"), QStringLiteral("range") }, { QStringLiteral("column"), c.column },
                 { QStringLiteral("min"), c.minimum }, { QStringLiteral("max"), c.maximum } };
    return { { QStringLiteral("kind"), QStringLiteral("less_or_equal") }, { QStringLiteral("column"), c.column },
             { QStringLiteral("other"), c.otherColumn } };
}

Result<Constraint> constraintFromJson(const QJsonObject &object, int index, Diagnostics &warnings)
{
    JsonReader r(object, QStringLiteral("constraints[%1]").arg(index), warnings);
    Constraint c;
    const QString kind = r.string(QStringLiteral("kind"));
    c.column = r.string(QStringLiteral("column"));
    if (kind == QStringLiteral("range")) {
        c.kind = Constraint::Kind::Range;
        c.minimum = r.number(QStringLiteral("min"));
        c.maximum = r.number(QStringLiteral("max"));
    } else if (kind == QStringLiteral("less_or_equal")) {
        c.kind = Constraint::Kind::LessOrEqual;
        c.otherColumn = r.string(QStringLiteral("other"));
    } else {
        return Error { Error::Code::InvalidInput,
                       ProjectFile::tr("Constraint %1 in the project has an unknown kind \"%2\".").arg(index + 1).arg(kind),
                       {} };
    }
    return c;
}

QJsonObject generationToJson(const GenerationSettings &g)
{
    QJsonArray constraints;
    for (const Constraint &c : g.constraints)
        constraints.append(constraintToJson(c));
    return {
        { QStringLiteral("generator"), g.generatorId },
        { QStringLiteral("settings"), QJsonObject::fromVariantMap(g.generatorSettings) },
        { QStringLiteral("rows"), double(g.rows) },
        // A string: JSON numbers lose 64-bit seeds.
        { QStringLiteral("seed"), QString::number(g.seed) },
        { QStringLiteral("holdoutFraction"), g.holdoutFraction },
        { QStringLiteral("target"), g.target },
        { QStringLiteral("sensitiveColumns"), toArray(g.sensitiveColumns) },
        { QStringLiteral("quasiIdentifiers"), toArray(g.quasiIdentifiers) },
        { QStringLiteral("constraints"), constraints },
    };
}

Result<GenerationSettings> generationFromJson(const QJsonObject &object, Diagnostics &warnings)
{
    JsonReader r(object, QStringLiteral("generation"), warnings);
    GenerationSettings g;
    g.generatorId = r.string(QStringLiteral("generator"));
    g.generatorSettings = r.object(QStringLiteral("settings")).toVariantMap();
    const std::optional<qint64> rows = r.whole(QStringLiteral("rows"), 0, 0, kMaxRows);
    if (!rows)
        return Error { Error::Code::InvalidInput,
                       ProjectFile::tr("The project's generation.rows %1 is not a whole number from 0 to %2.")
                           .arg(object.value(QStringLiteral("rows")).toVariant().toString())
                           .arg(kMaxRows),
                       {} };
    g.rows = *rows;
    bool seedOk = false;
    g.seed = r.string(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return Error { Error::Code::InvalidInput, ProjectFile::tr("The project's seed is not a whole number."), {} };
    g.holdoutFraction = r.number(QStringLiteral("holdoutFraction"), 0.2);
    g.target = r.string(QStringLiteral("target"));
    g.sensitiveColumns = r.strings(QStringLiteral("sensitiveColumns"));
    g.quasiIdentifiers = r.strings(QStringLiteral("quasiIdentifiers"));
    const QJsonArray constraints = r.array(QStringLiteral("constraints"));
    for (int i = 0; i < constraints.size(); ++i) {
        Result<Constraint> c = constraintFromJson(constraints[i].toObject(), i, warnings);
        if (!c.ok())
            return c.error();
        g.constraints.append(c.value());
    }
    if (g.holdoutFraction < 0 || g.holdoutFraction > 0.9)
        return Error { Error::Code::InvalidInput,
                       ProjectFile::tr("The project's hold-out share %1 is outside 0 to 0.9.").arg(g.holdoutFraction), {} };
    return g;
}

QJsonObject artifactsToJson(const ProjectArtifacts &a)
{
    return { { QStringLiteral("processedTable"), a.processedTable }, { QStringLiteral("holdoutTable"), a.holdoutTable },
             { QStringLiteral("model"), a.model }, { QStringLiteral("syntheticTable"), a.syntheticTable },
             { QStringLiteral("scores"), a.scores }, { QStringLiteral("report"), a.report } };
}

ProjectArtifacts artifactsFromJson(const QJsonObject &object, Diagnostics &warnings)
{
    JsonReader r(object, QStringLiteral("artifacts"), warnings);
    ProjectArtifacts a;
    a.processedTable = r.string(QStringLiteral("processedTable"));
    a.holdoutTable = r.string(QStringLiteral("holdoutTable"));
    a.model = r.string(QStringLiteral("model"));
    a.syntheticTable = r.string(QStringLiteral("syntheticTable"));
    a.scores = r.string(QStringLiteral("scores"));
    a.report = r.string(QStringLiteral("report"));
    return a;
}

} // namespace

Result<Project> ProjectFile::load(const QString &path, Diagnostics &warnings)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, tr("Cannot open the project %1.").arg(shown), file.errorString() };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error { Error::Code::InvalidInput, tr("The project %1 is not valid JSON.").arg(shown),
                       tr("%1 at byte %2").arg(parseError.errorString()).arg(parseError.offset) };
    if (!document.isObject())
        return Error { Error::Code::InvalidInput, tr("The project %1 holds no project (a JSON object).").arg(shown), {} };

    JsonReader r(document.object(), QStringLiteral("the project"), warnings);
    const QJsonValue version = r.take(QStringLiteral("formatVersion"));
    const double versionNumber = version.toDouble(std::nan(""));
    if (!version.isDouble() || versionNumber < 1 || versionNumber != std::floor(versionNumber))
        return Error { Error::Code::InvalidInput, tr("The project %1 has no valid format version.").arg(shown),
                       tr("formatVersion must be a whole number from 1") };
    if (versionNumber > Project::kFormatVersion)
        return Error { Error::Code::InvalidInput,
                       tr("The project %1 was saved by a newer HealthSynth (%2); update HealthSynth to open it.")
                           .arg(shown, r.string(QStringLiteral("appVersion"))),
                       tr("format version %1, this version reads up to %2").arg(versionNumber).arg(Project::kFormatVersion) };
    r.take(QStringLiteral("appVersion"));

    Project project;
    project.name = r.string(QStringLiteral("name"));
    Result<SourceSettings> source = sourceFromJson(r.object(QStringLiteral("source")), warnings);
    if (!source.ok())
        return Error { source.error().code, source.error().message, shown };
    project.source = source.value();
    const QJsonArray metadata = r.array(QStringLiteral("metadata"));
    for (int i = 0; i < metadata.size(); ++i) {
        Result<ColumnMeta> meta = metaFromJson(metadata[i].toObject(), i, warnings);
        if (!meta.ok())
            return Error { meta.error().code, meta.error().message, shown };
        project.metadataOverrides.append(meta.value());
    }
    Result<GenerationSettings> generation = generationFromJson(r.object(QStringLiteral("generation")), warnings);
    if (!generation.ok())
        return Error { generation.error().code, generation.error().message, shown };
    project.generation = generation.value();
    project.artifacts = artifactsFromJson(r.object(QStringLiteral("artifacts")), warnings);
    return project;
}

Result<void> ProjectFile::save(const Project &project, const QString &path)
{
    QJsonArray metadata;
    for (const ColumnMeta &meta : project.metadataOverrides)
        metadata.append(MetadataFile::columnToJson(meta));
    const QJsonObject root {
        { QStringLiteral("formatVersion"), Project::kFormatVersion },
        { QStringLiteral("appVersion"), appVersion() },
        { QStringLiteral("name"), project.name },
        { QStringLiteral("source"), sourceToJson(project.source) },
        { QStringLiteral("metadata"), metadata },
        { QStringLiteral("generation"), generationToJson(project.generation) },
        { QStringLiteral("artifacts"), artifactsToJson(project.artifacts) },
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, tr("Cannot write the project %1.").arg(QDir::toNativeSeparators(path)),
                       file.errorString() };
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error { Error::Code::Io,
                       tr("The project %1 could not be saved; the previous version is kept.").arg(QDir::toNativeSeparators(path)),
                       file.errorString() };
    return {};
}

Result<void> ProjectFile::createFolders(const QString &projectPath)
{
    const QDir base = QFileInfo(projectPath).absoluteDir();
    for (const char *folder : { "data/01_raw", "data/02_processed", "data/03_validation", "data/04_synthetic", "models",
                                "reports/figures" }) {
        if (!base.mkpath(QLatin1StringView(folder)))
            return Error { Error::Code::Io,
                           tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(base.filePath(QLatin1StringView(folder)))),
                           {} };
    }
    return {};
}

QString ProjectFile::resolve(const QString &projectPath, const QString &relative)
{
    if (relative.isEmpty() || QDir::isAbsolutePath(relative))
        return relative;
    return QFileInfo(projectPath).absoluteDir().filePath(relative);
}

} // namespace core
