// SPDX-License-Identifier: MIT
#include "core/generators/generator.h"

#include "core/generators/identifiermodel.h"
#include "core/version.h"

#include <QCoreApplication>

#include <exception>

namespace core {

namespace {

constexpr quint32 kMagic = 0x48534D44; // "HSMD"
constexpr qint32 kEnvelopeVersion = 1;

Error exceptionError(const char *what, const QString &stage)
{
    return Error { Error::Code::Internal,
                   QCoreApplication::translate("core::Generator", "The generator failed while %1.").arg(stage),
                   QString::fromLocal8Bit(what) };
}

} // namespace

// Streaming for the envelope; in namespace core so QList<T> streaming finds them by ADL.
static QDataStream &operator<<(QDataStream &out, const Diagnostic &d)
{
    return out << qint32(d.severity) << d.kind << d.message << d.column << d.line;
}

static QDataStream &operator>>(QDataStream &in, Diagnostic &d)
{
    qint32 severity = 0;
    in >> severity >> d.kind >> d.message >> d.column >> d.line;
    d.severity = Diagnostic::Severity(severity);
    return in;
}

static QDataStream &operator<<(QDataStream &out, const ColumnMeta &m)
{
    return out << m.name << qint32(m.type) << m.excluded << m.integer << qint32(m.decimals) << m.dateFormat
               << m.piiKind << m.pattern << m.confidence << m.userOverride;
}

static QDataStream &operator>>(QDataStream &in, ColumnMeta &m)
{
    qint32 type = 0, decimals = 0;
    in >> m.name >> type >> m.excluded >> m.integer >> decimals >> m.dateFormat >> m.piiKind >> m.pattern
        >> m.confidence >> m.userOverride;
    m.type = SemanticType(type);
    m.decimals = decimals;
    return in;
}

Generator::Generator() = default;
Generator::~Generator() = default;

Result<void> Generator::fit(const Table &real, const Schema &schema, const FitOptions &options, JobContext &job)
{
    if (schema.columns.size() != real.columnCount())
        return Error { Error::Code::Internal, QCoreApplication::translate("core::Generator", "The metadata does not match the table."),
                       QStringLiteral("%1 columns, %2 metadata entries").arg(real.columnCount()).arg(schema.columns.size()) };
    if (real.rowCount() == 0)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The table has no rows to learn from."), {} };

    // The model sees only the columns it may learn; identifiers and PII never reach it.
    Table modelled;
    Schema modelledSchema;
    for (int i = 0; i < real.columnCount(); ++i) {
        const ColumnMeta &meta = schema.columns[i];
        if (!Schema::isModelled(meta))
            continue;
        modelled.addColumn(real.column(i));
        modelledSchema.columns.append(meta);
    }

    m_pendingLosses.clear();
    m_pendingDiagnostics.clear();
    m_pendingFacts.clear();
    try {
        if (modelled.columnCount() > 0) {
            const Result<void> fitted = doFit(modelled, modelledSchema, options, job);
            if (!fitted.ok())
                return fitted;
        }
        auto identifiers = std::make_unique<IdentifierModel>();
        identifiers->fit(real, schema);
        m_identifiers = std::move(identifiers);
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "fitting"));
    }

    m_schema = schema;
    m_info = GeneratorInfo {};
    m_info.fitted = true;
    m_info.fittedAt = QDateTime::currentDateTimeUtc();
    m_info.appVersion = appVersion();
    m_info.trainingRows = real.rowCount();
    m_info.seed = options.seed;
    m_info.settings = options.settings;
    m_info.facts = m_pendingFacts;
    m_info.losses = m_pendingLosses;
    m_info.diagnostics = m_pendingDiagnostics;
    return {};
}

void Generator::recordLoss(JobContext &job, const QString &series, int epoch, double value)
{
    job.reportMetric(series, epoch, value);
    for (auto &entry : m_pendingLosses) {
        if (entry.first == series) {
            entry.second.append(value);
            return;
        }
    }
    m_pendingLosses.append({ series, QList<double> { value } });
}

Result<Table> Generator::sample(qint64 rows, quint64 seed, JobContext &job)
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The generator has not been trained yet."), {} };
    if (rows < 0)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The number of rows must not be negative."),
                       QString::number(rows) };

    Table modelled;
    bool anyModelled = false;
    for (const ColumnMeta &meta : m_schema.columns)
        anyModelled = anyModelled || Schema::isModelled(meta);
    try {
        if (anyModelled) {
            Result<Table> drawn = doSample(rows, seed, job);
            if (!drawn.ok())
                return drawn.error();
            modelled = std::move(drawn).value();
        }
        Table out;
        int nextModelled = 0;
        for (qsizetype i = 0; i < m_schema.columns.size(); ++i) {
            const ColumnMeta &meta = m_schema.columns[i];
            if (meta.excluded)
                continue;
            if (Schema::isModelled(meta))
                out.addColumn(std::move(modelled.column(nextModelled++)));
            else
                out.addColumn(m_identifiers->generate(meta.name, rows, seed + quint64(i)));
        }
        return out;
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "sampling"));
    }
}

Result<void> Generator::save(QIODevice &device) const
{
    if (!isFitted())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "Only a trained generator can be saved."), {} };
    QDataStream out(&device);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kEnvelopeVersion << id() << qint32(formatVersion());
    out << m_info.fittedAt << m_info.appVersion << m_info.trainingRows << m_info.seed << m_info.settings
        << m_info.facts << m_info.losses << m_info.diagnostics;
    out << m_schema.columns;
    m_identifiers->save(out);
    try {
        const Result<void> saved = doSave(out);
        if (!saved.ok())
            return saved;
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "saving"));
    }
    if (out.status() != QDataStream::Ok)
        return Error { Error::Code::Io, QCoreApplication::translate("core::Generator", "The model could not be written."),
                       device.errorString() };
    return {};
}

Result<void> Generator::load(QIODevice &device)
{
    auto corrupt = [](const QString &detail) {
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model file is damaged or incomplete."), detail };
    };
    QDataStream in(&device);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    qint32 envelope = 0, version = 0;
    QString storedId;
    in >> magic >> envelope;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "This is not a HealthSynth model file."), {} };
    if (envelope > kEnvelopeVersion)
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model was saved by a newer HealthSynth; update to open it."),
                       QStringLiteral("envelope version %1 > %2").arg(envelope).arg(kEnvelopeVersion) };
    in >> storedId >> version;
    if (storedId != id())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model file holds a \"%1\" model, not \"%2\".").arg(storedId, id()), {} };
    if (version > formatVersion())
        return Error { Error::Code::InvalidInput,
                       QCoreApplication::translate("core::Generator", "The model was saved by a newer HealthSynth; update to open it."),
                       QStringLiteral("%1 format %2 > %3").arg(id()).arg(version).arg(formatVersion()) };

    GeneratorInfo info;
    Schema schema;
    in >> info.fittedAt >> info.appVersion >> info.trainingRows >> info.seed >> info.settings >> info.facts
        >> info.losses >> info.diagnostics;
    in >> schema.columns;
    if (in.status() != QDataStream::Ok)
        return corrupt(QStringLiteral("header"));
    auto identifiers = std::make_unique<IdentifierModel>();
    if (const Result<void> loaded = identifiers->load(in); !loaded.ok())
        return loaded;
    try {
        if (const Result<void> loaded = doLoad(in, version); !loaded.ok())
            return loaded;
    } catch (const std::exception &e) {
        return exceptionError(e.what(), QCoreApplication::translate("core::Generator", "loading"));
    }
    if (in.status() != QDataStream::Ok)
        return corrupt(QStringLiteral("model body"));
    info.fitted = true;
    m_info = info;
    m_schema = schema;
    m_identifiers = std::move(identifiers);
    return {};
}

} // namespace core
