// SPDX-License-Identifier: MIT
#include "core/pipeline/modelfile.h"

#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace core {

Result<void> ModelFile::save(const Generator &generator, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error { Error::Code::Io, tr("Cannot write the model file %1.").arg(shown), file.errorString() };
    if (const Result<void> saved = generator.save(file); !saved.ok()) {
        file.cancelWriting();
        return Error { saved.error().code, saved.error().message, shown + QStringLiteral(": ") + saved.error().detail };
    }
    if (!file.commit())
        return Error { Error::Code::Io, tr("The model file %1 could not be saved; any previous file is kept.").arg(shown),
                       file.errorString() };
    return {};
}

Result<std::unique_ptr<Generator>> ModelFile::load(const QString &path, const GeneratorRegistry &registry)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, tr("Cannot open the model file %1.").arg(shown), file.errorString() };
    // Peek at the envelope (magic, version, id) to know which generator to create.
    QDataStream peek(&file);
    peek.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    qint32 envelope = 0;
    QString id;
    peek >> magic >> envelope >> id;
    if (peek.status() != QDataStream::Ok || id.isEmpty())
        return Error { Error::Code::InvalidInput, tr("%1 is not a HealthSynth model file.").arg(shown), {} };
    std::unique_ptr<Generator> generator = registry.create(id);
    if (!generator)
        return Error { Error::Code::InvalidInput,
                       tr("The model file %1 holds a \"%2\" model, which this version does not know.").arg(shown, id), {} };
    file.seek(0);
    if (const Result<void> loaded = generator->load(file); !loaded.ok())
        return Error { loaded.error().code, tr("%1: %2").arg(shown, loaded.error().message), loaded.error().detail };
    return generator;
}

} // namespace core
