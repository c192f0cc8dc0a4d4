// SPDX-License-Identifier: MIT
#include "core/data/csvparse.h"
#include "core/profile/readingchanges.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <array>
#include <string>
#include <unordered_map>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace core {

namespace {

    struct Seen {
        std::string cleaned;
        qint64 count = 0;
        bool missing = false;
    };
    using ColumnSeen = std::unordered_map<std::string, Seen>;

    // The reader's own rules (csvparse.h RecordReader with trimming on): unquoted fields lose
    // spaces, and tabs unless tab is the delimiter; quoted fields keep spaces but lose tabs.
    class Cleaner {
    public:
        explicit Cleaner(const CsvReadingInfo &info)
            : m_trim(info.options.trimWhitespace)
            , m_tabIsDelimiter(info.delimiter == u'\t')
        {
            for (const QString &marker : info.options.missingMarkers) {
                if (marker.isEmpty())
                    continue;
                const QByteArray utf8 = marker.toUtf8();
                m_markers.emplace_back(utf8.constData(), size_t(utf8.size()));
                m_markerFirst[static_cast<unsigned char>(utf8[0])] = true;
                m_markerMaxLength = std::max(m_markerMaxLength, size_t(utf8.size()));
            }
        }

        std::string_view clean(std::string_view f, bool quoted) const
        {
            if (!m_trim)
                return f;
            auto strip = [&](char c) { return c == '\t' ? !m_tabIsDelimiter : (c == ' ' && !quoted); };
            while (!f.empty() && strip(f.front()))
                f.remove_prefix(1);
            while (!f.empty() && strip(f.back()))
                f.remove_suffix(1);
            return f;
        }
        bool isMarker(std::string_view f) const
        {
            if (f.empty() || f.size() > m_markerMaxLength || !m_markerFirst[static_cast<unsigned char>(f[0])])
                return false;
            for (const std::string &m : m_markers) {
                if (m == f)
                    return true;
            }
            return false;
        }

    private:
        bool m_trim;
        bool m_tabIsDelimiter;
        std::vector<std::string> m_markers;
        std::array<bool, 256> m_markerFirst {};
        size_t m_markerMaxLength = 0;
    };

    // The file's bytes, mapped read-only; pages already walked are dropped from this process as the
    // scan moves on, so its resident memory stays small however big the file is.
    class MappedFile {
    public:
        explicit MappedFile(QFile &file)
            : m_file(file)
        {
        }
        ~MappedFile()
        {
            if (m_data)
                m_file.unmap(m_data);
        }
        bool open()
        {
            if (m_file.size() == 0)
                return true;
            m_data = m_file.map(0, m_file.size());
            if (m_data) {
#ifdef Q_OS_LINUX
                ::madvise(m_data, size_t(m_file.size()), MADV_SEQUENTIAL);
#endif
                return true;
            }
            m_copy = m_file.readAll();
            return m_file.error() == QFileDevice::NoError;
        }
        const char *begin() const
        {
            return m_data ? reinterpret_cast<const char *>(m_data) : m_copy.constData();
        }
        const char *end() const
        {
            return begin() + (m_data ? m_file.size() : m_copy.size());
        }
        /// Drops the pages before byte `offset` from this process (they stay in the page cache).
        void release(qint64 offset)
        {
#ifdef Q_OS_LINUX
            if (!m_data)
                return;
            constexpr qint64 kPage = 4096;
            const qint64 done = offset / kPage * kPage;
            if (done > m_released) {
                ::madvise(m_data + m_released, size_t(done - m_released), MADV_DONTNEED);
                m_released = done;
            }
#else
            Q_UNUSED(offset)
#endif
        }

    private:
        QFile &m_file;
        uchar *m_data = nullptr;
        QByteArray m_copy;
        qint64 m_released = 0;
    };

    QString decode(std::string_view bytes, bool utf8)
    {
        return utf8 ? QString::fromUtf8(bytes.data(), qsizetype(bytes.size()))
                    : QString::fromLatin1(bytes.data(), qsizetype(bytes.size()));
    }

} // namespace

Result<ReadingChanges> scanCsvReadingChanges(
    const CsvReadingInfo &info, int columns, qint64 rows, JobContext &job)
{
    QFile file(info.path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io,
            QCoreApplication::translate("core::Profile", "Cannot open %1.")
                .arg(QDir::toNativeSeparators(info.path)),
            file.errorString() };
    MappedFile bytes(file);
    if (!bytes.open())
        return Error { Error::Code::Io,
            QCoreApplication::translate("core::Profile", "Cannot read %1.")
                .arg(QDir::toNativeSeparators(info.path)),
            file.errorString() };
    const char *begin = bytes.begin();
    const char *const end = bytes.end();
    if (end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0)
        begin += 3;
    while (begin < end && (*begin == '\n' || *begin == '\r'))
        ++begin;

    const char delimiter = info.delimiter.isNull() ? ',' : char(info.delimiter.toLatin1());
    const Cleaner cleaner(info);
    const int n = columns;
    std::vector<ColumnSeen> seen(static_cast<size_t>(n)), first(static_cast<size_t>(n));
    // Unescaped quoted fields live outside the file's bytes; fields inside them start after a quote.
    auto quoted = [begin, end](std::string_view f) {
        return f.data() < begin || f.data() >= end || (f.data() > begin && f.data()[-1] == '"');
    };

    csv::RecordReader reader(begin, end, delimiter, false);
    qint64 records = 0;
    while (reader.next()) {
        if ((records & 0xFFFF) == 0) {
            if (job.isCancelled())
                return cancelledError();
            bytes.release(reader.position() - bytes.begin() - (qint64(1) << 20));
        }
        if (reader.isBlank() && n != 1)
            continue;
        const std::vector<std::string_view> &fields = reader.fields();
        const size_t count = fields.size();
        if (count != size_t(n) && !(count == size_t(n) + 1 && fields.back().empty()))
            continue; // a ragged row: the reader skipped it, or failed on it
        // The first record may be the header: kept apart until the count of records says.
        std::vector<ColumnSeen> &into = records == 0 ? first : seen;
        ++records;
        for (int j = 0; j < n; ++j) {
            const std::string_view raw = fields[size_t(j)];
            if (raw.empty())
                continue;
            const std::string_view cleaned = cleaner.clean(raw, quoted(raw));
            const bool marker = cleaner.isMarker(cleaned);
            if (cleaned.size() == raw.size() && !marker)
                continue;
            Seen &s = into[size_t(j)][std::string(raw)];
            if (s.count++ == 0) {
                s.cleaned.assign(cleaned);
                s.missing = marker;
            }
        }
    }
    const bool header = records > rows;
    if (!header) {
        for (int j = 0; j < n; ++j) {
            for (auto &[raw, s] : first[size_t(j)]) {
                Seen &into = seen[size_t(j)][raw];
                into.cleaned = s.cleaned;
                into.missing = s.missing;
                into.count += s.count;
            }
        }
    }

    const bool utf8 = !info.encoding.startsWith(QLatin1String("Windows"));
    ReadingChanges changes;
    changes.records = header ? records - 1 : records;
    changes.columns.resize(n);
    for (int j = 0; j < n; ++j) {
        for (const auto &[raw, s] : seen[size_t(j)]) {
            changes.columns[j].append(
                ChangedCell { decode(raw, utf8), decode(s.cleaned, utf8), s.count, s.missing });
        }
        std::sort(changes.columns[j].begin(), changes.columns[j].end(),
            [](const ChangedCell &a, const ChangedCell &b) {
                return a.count != b.count ? a.count > b.count : a.raw < b.raw;
            });
    }
    return changes;
}

} // namespace core
