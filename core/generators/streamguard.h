// SPDX-License-Identifier: MIT
#pragma once

#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

#include <algorithm>

namespace core {

/// Checks for reading model files, whose counts may be damaged. Qt's container streaming
/// reserves the stored element count before it reads a single element, so a damaged count of
/// four billion asks for gigabytes; these checks fail such a stream as damaged first.

/// True when `count` elements of at least `minBytes` bytes each fit in what is left of the
/// stream's device. Always true for sequential devices, whose size is not known.
inline bool streamCanHold(const QDataStream &in, qint64 count, qint64 minBytes)
{
    const QIODevice *device = in.device();
    if (count < 0)
        return false;
    if (!device || device->isSequential())
        return true;
    return count <= device->bytesAvailable() / std::max<qint64>(minBytes, 1);
}

/// `in >> container` for a Qt container (QList, QStringList, QSet, QMap...) of elements that take
/// at least `minBytesPerElement` bytes each in the stream, after checking the count it starts
/// with; a count the rest of the stream cannot hold sets ReadCorruptData and leaves `container`
/// empty. Streams of Qt 6.4 format (32-bit counts).
template <typename Container>
QDataStream &readChecked(QDataStream &in, Container &container, qint64 minBytesPerElement)
{
    container = Container();
    if (in.status() != QDataStream::Ok)
        return in;
    if (QIODevice *device = in.device(); device && !device->isSequential()) {
        char raw[4];
        if (device->peek(raw, 4) == 4) {
            const quint32 count = in.byteOrder() == QDataStream::BigEndian ? qFromBigEndian<quint32>(raw)
                                                                            : qFromLittleEndian<quint32>(raw);
            // No exception for 0xFFFFFFFF: unlike strings, Qt 6.4 reads it as a count and reserves it.
            if (device->bytesAvailable() - 4 < qint64(count) * std::max<qint64>(minBytesPerElement, 1)) {
                in.setStatus(QDataStream::ReadCorruptData);
                return in;
            }
        }
    }
    return in >> container;
}

} // namespace core
