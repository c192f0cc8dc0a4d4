// SPDX-License-Identifier: MIT
#include "core/data/csvreader.h"

#include "core/data/csvparse.h"
#include "core/data/datetimeparse.h"
#include "core/data/schemainference.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <memory>
#include <numeric>
#include <optional>
#include <thread>
#include <unordered_map>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace core {

QStringList defaultMissingMarkers()
{
    return { QString(),
             QStringLiteral("NA"),
             QStringLiteral("N/A"),
             QStringLiteral("NaN"),
             QStringLiteral("null"),
             QStringLiteral("NULL"),
             QStringLiteral("None"),
             QStringLiteral("?") };
}

namespace {

using csv::NumberInfo;
using csv::RecordReader;

constexpr qint64 kChunkBytes = qint64(4) << 20;    // parallel unit of work
constexpr qint64 kParallelMinBytes = qint64(2) << 20; // below this one chunk is faster
constexpr qint64 kSniffBytes = 64 * 1024;
constexpr int kSniffRecords = 200;
constexpr int kTextMinDistinct = 50; // a string column with more distinct values than this ...
constexpr double kTextDistinctShare = 0.5; // ... and more than this share of rows distinct is Text
constexpr int kListedLines = 10;

/// Stable storage for dictionary keys copied out of the file (or a quote-unescaping scratch).
class Arena final {
public:
    std::string_view store(std::string_view s)
    {
        if (s.size() > kBlock / 4) {
            m_large.push_back(std::make_unique<char[]>(s.size()));
            std::memcpy(m_large.back().get(), s.data(), s.size());
            return { m_large.back().get(), s.size() };
        }
        if (m_blocks.empty() || m_used + s.size() > kBlock) {
            m_blocks.push_back(std::make_unique<char[]>(kBlock));
            m_used = 0;
        }
        char *at = m_blocks.back().get() + m_used;
        std::memcpy(at, s.data(), s.size());
        m_used += s.size();
        return { at, s.size() };
    }

private:
    static constexpr size_t kBlock = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    std::vector<std::unique_ptr<char[]>> m_large;
    size_t m_used = 0;
};

// Inline equality for the short strings of CSV cells (a libc memcmp call costs more than the compare).
inline bool sameBytes(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    size_t n = a.size();
    const char *p = a.data();
    const char *q = b.data();
    while (n >= 8) {
        std::uint64_t x;
        std::uint64_t y;
        std::memcpy(&x, p, 8);
        std::memcpy(&y, q, 8);
        if (x != y)
            return false;
        p += 8;
        q += 8;
        n -= 8;
    }
    while (n-- > 0) {
        if (*p++ != *q++)
            return false;
    }
    return true;
}

/// Distinct strings of one column in first-appearance order. Open addressing; keys of up to 16
/// bytes live inside the slot, so a lookup touches one cache line (the dictionary was a fifth of
/// the reader's time with std::unordered_map, and still a sixth with keys behind pointers).
class Dictionary final {
public:
    std::int32_t code(std::string_view s)
    {
        Slot probe;
        makeSlot(s, probe);
        // Few distinct values (sex, yes/no): a linear scan beats hashing.
        if (m_slots.empty()) {
            for (size_t c = 0; c < m_linear.size(); ++c) {
                const Slot &slot = m_linear[c];
                if (slot.length == probe.length && slot.w0 == probe.w0 && slot.w1 == probe.w1
                    && (probe.length <= 16 || sameBytes(m_keys[c], s)))
                    return std::int32_t(c);
            }
            if (m_linear.size() < kLinear) {
                probe.code = std::int32_t(m_keys.size());
                m_keys.push_back(m_arena.store(s));
                m_linear.push_back(probe);
                return probe.code;
            }
            rehash(64);
        }
        const size_t mask = m_slots.size() - 1;
        size_t i = size_t(mix(probe)) & mask;
        for (;; i = (i + 1) & mask) {
            const Slot &slot = m_slots[i];
            if (slot.code < 0)
                break;
            if (slot.length == probe.length && slot.w0 == probe.w0 && slot.w1 == probe.w1
                && (probe.length <= 16 || sameBytes(m_keys[size_t(slot.code)], s)))
                return slot.code;
        }
        const auto code = std::int32_t(m_keys.size());
        m_keys.push_back(m_arena.store(s));
        probe.code = code;
        m_slots[i] = probe;
        if (m_keys.size() * 2 > m_slots.size())
            rehash(m_slots.size() * 2);
        return code;
    }
    const std::vector<std::string_view> &keys() const { return m_keys; }
    void clear()
    {
        m_slots.clear();
        m_linear.clear();
        m_keys.clear();
        m_arena = Arena();
    }

private:
    struct Slot {
        std::uint64_t w0 = 0;   // first 8 bytes, or for long keys a hash
        std::uint64_t w1 = 0;   // bytes 8-15, or for long keys a second hash
        std::uint32_t length = 0;
        std::int32_t code = -1; // -1 = empty
    };

    static std::uint64_t hashBytes(std::string_view s, std::uint64_t seed)
    {
        std::uint64_t h = seed ^ s.size();
        const char *p = s.data();
        size_t n = s.size();
        while (n >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 31;
            p += 8;
            n -= 8;
        }
        if (n > 0) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, n);
            h = (h ^ w) * 0x94D049BB133111EBull;
            h ^= h >> 29;
        }
        return h;
    }
    // Up to 8 bytes as a little-endian word, without a libc memcpy call for the variable length.
    static std::uint64_t loadBytes(const char *p, size_t n)
    {
        if (n == 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            return w;
        }
        std::uint64_t w = 0;
        for (size_t i = 0; i < n; ++i)
            w |= std::uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
        return w;
    }
    static void makeSlot(std::string_view s, Slot &slot)
    {
        slot.length = std::uint32_t(s.size());
        if (s.size() <= 8) {
            slot.w0 = loadBytes(s.data(), s.size());
        } else if (s.size() <= 16) {
            slot.w0 = loadBytes(s.data(), 8);
            slot.w1 = loadBytes(s.data() + 8, s.size() - 8);
        } else {
            slot.w0 = hashBytes(s, 0x9E3779B97F4A7C15ull);
            slot.w1 = hashBytes(s, 0xD6E8FEB86659FD93ull);
        }
    }
    static std::uint64_t mix(const Slot &slot)
    {
        std::uint64_t h = (slot.w0 ^ (slot.w1 * 0x9E3779B97F4A7C15ull) ^ slot.length) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        h *= 0x94D049BB133111EBull;
        return h ^ (h >> 29);
    }
    void rehash(size_t size)
    {
        std::vector<Slot> slots(size);
        const size_t mask = size - 1;
        for (size_t c = 0; c < m_keys.size(); ++c) {
            Slot slot;
            makeSlot(m_keys[c], slot);
            slot.code = std::int32_t(c);
            size_t i = size_t(mix(slot)) & mask;
            while (slots[i].code >= 0)
                i = (i + 1) & mask;
            slots[i] = slot;
        }
        m_slots.swap(slots);
    }

    static constexpr size_t kLinear = 8;
    std::vector<Slot> m_slots;
    std::vector<Slot> m_linear; // until kLinear keys
    std::vector<std::string_view> m_keys;
    Arena m_arena;
};

enum class Want { Auto, Numeric, String };

constexpr std::uint32_t kBitPoint = 1, kBitExponent = 2, kBitLeadingZero = 4, kBitSeen0 = 8, kBitSeen1 = 16,
                        kBitNot01 = 32, kBitFraction = 64;

/// One column's cells within one chunk, typed speculatively as numbers until a cell disagrees.
struct ChunkColumn {
    bool stringMode = false;
    bool demoted = false; // began as numbers, met text: its string cells must be rebuilt
    std::vector<double> numbers;
    std::vector<std::int32_t> codes;
    std::vector<std::uint8_t> missing;
    Dictionary dictionary;
    // Number statistics.
    qint64 numericCells = 0;
    qint64 nonFinite = 0;
    int maxDecimals = 0;
    bool anyPoint = false;
    bool anyExponent = false;
    bool anyLeadingZero = false;
    bool anyGrouped = false;
    bool all01 = true;
    bool seen0 = false;
    bool seen1 = false;
    bool allIntegralValues = true;
    std::uint32_t bits = 0; // kBit* flags ORed per cell while parsing

    void unpackBits()
    {
        anyPoint = anyPoint || (bits & kBitPoint);
        anyExponent = anyExponent || (bits & kBitExponent);
        anyLeadingZero = anyLeadingZero || (bits & kBitLeadingZero);
        seen0 = seen0 || (bits & kBitSeen0);
        seen1 = seen1 || (bits & kBitSeen1);
        all01 = all01 && !(bits & kBitNot01);
        allIntegralValues = allIntegralValues && !(bits & kBitFraction);
        bits = 0;
    }
    // First cell that was not a number (chunk-local line offset).
    qint64 firstTextLine = -1;
    std::string firstText;

    bool local = false; // rebuilt as text into the vectors above (not in the DirectColumn)

    void resetForStrings()
    {
        stringMode = true;
        demoted = false;
        local = true;
        std::vector<double>().swap(numbers);
        codes.clear();
        missing.clear();
        dictionary.clear();
    }
};

struct Plan {
    char delimiter = ',';
    char decimalMark = '.';
    bool trim = true;
    bool skipRagged = false;
    qint64 maxRows = -1;
    int fieldCount = 0;
    std::vector<std::string> missingMarkers;
    bool emptyIsMissing = true;
    std::array<bool, 256> markerFirst {};
    size_t markerMaxLength = 0;
    std::vector<Want> wants;
    double bytesPerRecord = 64.0; // from the sniffing sample, to reserve chunk vectors
    std::vector<std::uint8_t> startAsText; // the sample already shows text: skip the number attempt

    bool isMissing(std::string_view f) const
    {
        if (f.empty())
            return emptyIsMissing;
        if (f.size() > markerMaxLength || !markerFirst[static_cast<unsigned char>(f[0])])
            return false;
        for (const std::string &m : missingMarkers) {
            if (m == f)
                return true;
        }
        return false;
    }
};

/// A column's cells for the whole file, written by every chunk at its own row offset, so the
/// loaded table needs no per-chunk copies (the copy and its page faults were a third of the time).
struct DirectColumn {
    bool numeric = true;
    std::vector<double> numbers;       // numeric columns
    std::vector<std::int32_t> codes;   // text columns: chunk-local dictionary codes until merged
    std::vector<std::uint8_t> missing;
};

struct Chunk {
    const char *begin = nullptr;
    const char *end = nullptr;
    std::vector<ChunkColumn> columns;
    qint64 bound = 0;    // records cannot exceed newlines + 1
    qint64 rowStart = 0; // where this chunk's rows start in the DirectColumn arrays
    qint64 rows = 0;
    qint64 newlines = 0;
    qint64 trailingDelimiterRows = 0;
    qint64 blankLines = 0;
    qint64 skipped = 0;
    std::vector<std::pair<qint64, int>> skippedLines; // (line offset, field count), first few
    bool failed = false;
    qint64 errorLineOffset = -1;
    int errorFieldCount = 0;
    bool irregularQuotes = false;
    qint64 irregularLineOffset = -1;
};

// Parses the chunk's records into `direct` at the chunk's row offset. With `only` set, touches
// just those columns and reads them as text into the chunk's own vectors (used to rebuild columns
// that turned out not to be numeric).
void parseChunk(Chunk &chunk, const Plan &plan, const std::vector<std::uint8_t> *only,
                const std::atomic_bool &cancel, std::vector<DirectColumn> &direct)
{
    const int n = plan.fieldCount;
    if (!only) {
        chunk.columns.clear();
        chunk.columns.resize(size_t(n));
        for (int j = 0; j < n; ++j)
            chunk.columns[size_t(j)].stringMode = !direct[size_t(j)].numeric;
        chunk.rows = chunk.trailingDelimiterRows = chunk.blankLines = chunk.skipped = 0;
        chunk.skippedLines.clear();
        chunk.failed = false;
    } else {
        for (int j = 0; j < n; ++j) {
            if ((*only)[size_t(j)])
                chunk.columns[size_t(j)].resetForStrings();
        }
    }
    RecordReader reader(chunk.begin, chunk.end, plan.delimiter, plan.trim);
    qint64 rows = 0;
    const qint64 limit = only ? std::numeric_limits<qint64>::max() : chunk.bound;
    while (rows < limit && reader.next()) {
        if ((rows & 0xFFFF) == 0 && cancel.load(std::memory_order_relaxed))
            return;
        const std::vector<std::string_view> &fields = reader.fields();
        if (reader.isBlank() && n != 1) {
            if (!only)
                ++chunk.blankLines;
            continue;
        }
        const int count = int(fields.size());
        if (count != n) {
            if (count == n + 1 && fields[size_t(n)].empty()) {
                if (!only)
                    ++chunk.trailingDelimiterRows;
            } else if (plan.skipRagged) {
                if (!only) {
                    ++chunk.skipped;
                    if (chunk.skippedLines.size() < size_t(kListedLines))
                        chunk.skippedLines.emplace_back(reader.recordLineOffset(), count);
                }
                continue;
            } else {
                if (!only) {
                    chunk.failed = true;
                    chunk.errorLineOffset = reader.recordLineOffset();
                    chunk.errorFieldCount = count;
                }
                return;
            }
        }
        const size_t at = size_t(chunk.rowStart + rows);
        for (int j = 0; j < n; ++j) {
            const std::string_view f = fields[size_t(j)];
            ChunkColumn &c = chunk.columns[size_t(j)];
            if (only) {
                // Rebuild: text into the chunk's own vectors.
                if (!(*only)[size_t(j)])
                    continue;
                if (plan.isMissing(f)) {
                    c.missing.push_back(1);
                    c.codes.push_back(Column::kMissingCode);
                } else {
                    c.codes.push_back(c.dictionary.code(f));
                    c.missing.push_back(0);
                }
                continue;
            }
            DirectColumn &d = direct[size_t(j)];
            if (plan.isMissing(f)) {
                d.missing[at] = 1;
                if (d.numeric)
                    d.numbers[at] = Column::kMissingNumber;
                else
                    d.codes[at] = Column::kMissingCode;
                continue;
            }
            if (c.demoted)
                continue; // rebuilt as text later
            if (d.numeric) {
                NumberInfo info;
                if (csv::parseNumber(f, plan.decimalMark, info)) {
                    d.numbers[at] = info.value;
                    if (info.isNan) {
                        d.missing[at] = 1;
                        continue;
                    }
                    ++c.numericCells;
                    if (info.nonFinite) {
                        ++c.nonFinite;
                        c.all01 = false;
                        continue;
                    }
                    // One OR per cell into a bit set; the flags are unpacked once per chunk.
                    c.maxDecimals = std::max(c.maxDecimals, info.decimals);
                    c.bits |= (info.hasPoint ? kBitPoint : 0u) | (info.exponent ? kBitExponent : 0u)
                        | (info.leadingZero ? kBitLeadingZero : 0u)
                        | (info.zeroOrOne ? (f[0] == '0' ? kBitSeen0 : kBitSeen1) : kBitNot01)
                        | (info.fractional ? kBitFraction : 0u);
                    if (plan.decimalMark == ',' && f.find('.') != std::string_view::npos)
                        c.anyGrouped = true;
                    continue;
                }
                // Not a number: the whole column is rebuilt as text once every chunk is done.
                c.stringMode = true;
                c.demoted = true;
                c.firstTextLine = reader.recordLineOffset();
                c.firstText.assign(f.data(), std::min<size_t>(f.size(), 200));
                continue;
            }
            // Text column: still note numbers and the first text, for the "mostly numbers" hint.
            NumberInfo info;
            const char first = f[0];
            if (((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.')
                && csv::parseNumber(f, plan.decimalMark, info)) {
                ++c.numericCells;
            } else if (c.firstTextLine < 0) {
                c.firstTextLine = reader.recordLineOffset();
                c.firstText.assign(f.data(), std::min<size_t>(f.size(), 200));
            }
            d.codes[at] = c.dictionary.code(f);
        }
        ++rows;
        if (!only && plan.maxRows >= 0 && rows >= plan.maxRows)
            break;
    }
    for (ChunkColumn &c : chunk.columns)
        c.unpackBits();
    if (!only) {
        chunk.rows = rows;
        chunk.newlines = reader.newlines();
        chunk.irregularQuotes = reader.irregularQuotes();
        chunk.irregularLineOffset = reader.irregularLineOffset();
    }
}

/// Runs task(i) for i in [0, count) on up to hardware_concurrency threads. The calling thread
/// works too and is the only one that talks to `job` (polls cancel, reports progress).
template <typename Task>
void runParallel(size_t count, Task task, JobContext &job, std::atomic_bool &cancel, double progressFrom,
                 double progressTo, const QString &stage)
{
    const size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::atomic<size_t> next { 0 };
    std::atomic<size_t> done { 0 };
    auto worker = [&]() {
        for (;;) {
            const size_t i = next.fetch_add(1);
            if (i >= count || cancel.load())
                return;
            task(i);
            done.fetch_add(1);
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < std::min(threads, count); ++t)
        pool.emplace_back(worker);
    for (;;) {
        if (job.isCancelled())
            cancel.store(true);
        const size_t i = next.fetch_add(1);
        if (i >= count || cancel.load())
            break;
        task(i);
        done.fetch_add(1);
        job.reportProgress(progressFrom + (progressTo - progressFrom) * double(done.load()) / double(count), stage);
    }
    for (std::thread &t : pool)
        t.join();
}

bool isValidUtf8(std::string_view s)
{
    const auto *p = reinterpret_cast<const unsigned char *>(s.data());
    const unsigned char *e = p + s.size();
    while (p < e) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra = 0;
        if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (e - p <= extra)
            return false;
        for (int k = 1; k <= extra; ++k) {
            if ((p[k] & 0xC0) != 0x80)
                return false;
        }
        p += extra + 1;
    }
    return true;
}

QString fromWindows1252(std::string_view s)
{
    // 0x80-0x9F differ from Latin-1; the rest of Windows-1252 equals Unicode's first 256 points.
    static constexpr char16_t kHigh[32] = { 0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
                                            0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178 };
    QString out(qsizetype(s.size()), Qt::Uninitialized);
    QChar *d = out.data();
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        d[i] = (c >= 0x80 && c < 0xA0) ? QChar(kHigh[c - 0x80]) : QChar(char16_t(c));
    }
    return out;
}

struct Decoder {
    bool utf8 = true;
    QString operator()(std::string_view s) const
    {
        return utf8 ? QString::fromUtf8(s.data(), qsizetype(s.size())) : fromWindows1252(s);
    }
};

// The truth value of a boolean spelling, by family: 0 true/false, 1 yes/no, 2 y/n, 3 t/f.
struct BoolWord {
    int family = -1;
    bool value = false;
};

BoolWord boolWord(std::string_view s)
{
    std::string lower(s);
    for (char &c : lower)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "true")
        return { 0, true };
    if (lower == "false")
        return { 0, false };
    if (lower == "yes")
        return { 1, true };
    if (lower == "no")
        return { 1, false };
    if (lower == "y")
        return { 2, true };
    if (lower == "n")
        return { 2, false };
    if (lower == "t")
        return { 3, true };
    if (lower == "f")
        return { 3, false };
    return {};
}

// The opposite spelling of a lone boolean word, in the same letter case.
QString oppositeSpelling(const QString &word, bool value)
{
    static const std::array<std::pair<const char *, const char *>, 2> kWords { { { "false", "true" },
                                                                                 { "no", "yes" } } };
    const QString lower = word.toLower();
    QString other;
    for (const auto &[f, t] : kWords) {
        if (lower == QLatin1StringView(value ? t : f))
            other = QLatin1StringView(value ? f : t);
    }
    if (word == word.toUpper())
        return other.toUpper();
    if (word.at(0).isUpper())
        return other.at(0).toUpper() + other.mid(1);
    return other;
}

/// Labels {false, true} when the distinct spellings are one boolean family, else empty.
/// A single spelling counts only for the words yes/no/true/false (a lone "F" may be a sex code).
QStringList booleanLabels(const std::vector<std::string_view> &keys, const Decoder &decode)
{
    if (keys.empty() || keys.size() > 2)
        return {};
    const BoolWord a = boolWord(keys[0]);
    if (a.family < 0)
        return {};
    if (keys.size() == 1) {
        if (a.family > 1)
            return {};
        const QString word = decode(keys[0]);
        const QString other = oppositeSpelling(word, a.value);
        return a.value ? QStringList { other, word } : QStringList { word, other };
    }
    const BoolWord b = boolWord(keys[1]);
    if (b.family != a.family || b.value == a.value)
        return {};
    return a.value ? QStringList { decode(keys[1]), decode(keys[0]) }
                   : QStringList { decode(keys[0]), decode(keys[1]) };
}

bool nameHintsDate(const QString &name)
{
    const QString lower = name.toLower();
    return lower.contains(QLatin1StringView("date")) || lower.endsWith(QLatin1StringView("_dt"))
        || lower.endsWith(QLatin1StringView("_on")) || lower == QLatin1StringView("dob")
        || lower.contains(QLatin1StringView("day_of"));
}

struct Sniffed {
    char delimiter = ',';
    char decimalMark = '.';
    bool header = true;
};

// Records of the first kSniffBytes (cut at the last newline unless the file is that short).
std::vector<std::vector<std::string>> sampleRecords(const char *begin, const char *end, char delimiter, bool trim)
{
    const char *stop = end;
    if (end - begin > kSniffBytes) {
        stop = begin + kSniffBytes;
        while (stop > begin && stop[-1] != '\n')
            --stop;
        if (stop == begin)
            stop = begin + kSniffBytes;
    }
    RecordReader reader(begin, stop, delimiter, trim);
    std::vector<std::vector<std::string>> records;
    while (records.size() < size_t(kSniffRecords) && reader.next()) {
        if (reader.isBlank())
            continue;
        std::vector<std::string> fields;
        for (std::string_view f : reader.fields())
            fields.emplace_back(f);
        records.push_back(std::move(fields));
    }
    return records;
}

char sniffDelimiter(const char *begin, const char *end)
{
    char best = ',';
    double bestShare = -1.0;
    size_t bestFields = 1;
    for (char candidate : { ',', ';', '\t', '|' }) {
        const auto records = sampleRecords(begin, end, candidate, false);
        if (records.empty())
            continue;
        std::unordered_map<size_t, int> counts;
        for (const auto &r : records)
            ++counts[r.size()];
        size_t modeFields = 1;
        int modeCount = 0;
        for (const auto &[fields, c] : counts) {
            if (c > modeCount || (c == modeCount && fields > modeFields)) {
                modeFields = fields;
                modeCount = c;
            }
        }
        if (modeFields < 2)
            continue;
        const double share = double(modeCount) / double(records.size());
        if (share > bestShare + 1e-9 || (std::abs(share - bestShare) <= 1e-9 && modeFields > bestFields)) {
            best = candidate;
            bestShare = share;
            bestFields = modeFields;
        }
    }
    return best;
}

char sniffDecimalMark(const std::vector<std::vector<std::string>> &records, char delimiter)
{
    if (delimiter == ',')
        return '.';
    qint64 commas = 0;
    qint64 points = 0;
    NumberInfo info;
    for (size_t r = 1; r < records.size(); ++r) {
        for (const std::string &f : records[r]) {
            const bool hasComma = f.find(',') != std::string::npos;
            const bool hasPoint = f.find('.') != std::string::npos;
            if (hasComma && csv::parseNumber(f, ',', info))
                ++commas;
            else if (hasPoint && !hasComma && csv::parseNumber(f, '.', info))
                ++points;
        }
    }
    return commas > points ? ',' : '.';
}

bool sniffHeader(const std::vector<std::vector<std::string>> &records, const Plan &plan)
{
    if (records.size() < 2)
        return true;
    const std::vector<std::string> &first = records[0];
    NumberInfo info;
    for (const std::string &cell : first) {
        if (!plan.isMissing(cell) && csv::parseNumber(cell, plan.decimalMark, info))
            return false; // a number as a column name is far less likely than a headerless file
    }
    int numericColumns = 0;
    int repeatedNames = 0;
    for (size_t j = 0; j < first.size(); ++j) {
        bool allNumeric = true;
        bool anyValue = false;
        bool repeated = false;
        for (size_t r = 1; r < records.size(); ++r) {
            if (j >= records[r].size())
                continue;
            const std::string &cell = records[r][j];
            if (plan.isMissing(cell))
                continue;
            anyValue = true;
            allNumeric = allNumeric && csv::parseNumber(cell, plan.decimalMark, info);
            repeated = repeated || cell == first[j];
        }
        numericColumns += anyValue && allNumeric ? 1 : 0;
        repeatedNames += repeated ? 1 : 0;
    }
    if (numericColumns > 0)
        return true;
    return repeatedNames * 2 <= int(first.size());
}

// Chunk boundaries just after a newline that lies outside quotes.
std::vector<const char *> chunkBoundaries(const char *begin, const char *end, size_t chunks)
{
    std::vector<const char *> bounds { begin };
    const qint64 size = end - begin;
    const bool quotes = std::memchr(begin, '"', size_t(size)) != nullptr;
    const char *scanned = begin;
    qint64 quoteCount = 0;
    for (size_t k = 1; k < chunks; ++k) {
        const char *target = begin + qint64(double(size) * double(k) / double(chunks));
        if (target <= bounds.back())
            continue;
        const char *p = target;
        if (quotes) {
            quoteCount += std::count(scanned, target, '"');
            bool inside = (quoteCount & 1) != 0;
            while (p < end && (inside || *p != '\n')) {
                if (*p == '"') {
                    inside = !inside;
                    ++quoteCount;
                }
                ++p;
            }
        } else {
            const void *nl = std::memchr(p, '\n', size_t(end - p));
            p = nl ? static_cast<const char *>(nl) : end;
        }
        if (p >= end)
            break;
        ++p; // past the newline
        scanned = p;
        bounds.push_back(p);
    }
    bounds.push_back(end);
    return bounds;
}

/// Names from the header, cleaned and made unique ("dose", "dose (2)") without clashing.
QStringList uniqueNames(const QStringList &raw, Diagnostics &diagnostics)
{
    QStringList names;
    QSet<QString> taken(raw.begin(), raw.end());
    QSet<QString> used;
    QStringList renamed;
    for (qsizetype j = 0; j < raw.size(); ++j) {
        QString name = raw[j].trimmed();
        if (name.isEmpty()) {
            name = QStringLiteral("column_%1").arg(j + 1);
            diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("empty_header"),
                                 CsvReader::tr("Column %1 has no name in the header; it is called %2.")
                                     .arg(j + 1)
                                     .arg(name),
                                 name, 1 });
        }
        if (used.contains(name)) {
            QString candidate;
            for (int k = 2;; ++k) {
                candidate = QStringLiteral("%1 (%2)").arg(name).arg(k);
                if (!used.contains(candidate) && !taken.contains(candidate))
                    break;
            }
            renamed.append(QStringLiteral("%1 → %2").arg(name, candidate));
            name = candidate;
        }
        used.insert(name);
        names.append(name);
    }
    if (!renamed.isEmpty())
        diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("duplicate_header"),
                             CsvReader::tr("Duplicate column names were made unique: %1.")
                                 .arg(renamed.join(QStringLiteral(", "))),
                             {}, 1 });
    return names;
}

/// The mapped (or, failing that, read) bytes of a file. Pages already parsed can be released.
class FileBytes final {
public:
    explicit FileBytes(QFile &file)
        : m_file(file)
    {
    }
    ~FileBytes() { release(); }
    bool open()
    {
        const qint64 size = m_file.size();
        if (size == 0)
            return true;
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
        // Fuzzing: an exact-size heap copy, so AddressSanitizer sees any read past the end (a
        // mapping is padded with zeros to whole pages).
        m_exact = std::make_unique<char[]>(size_t(size));
        m_data = m_exact.get();
        m_size = size;
        return m_file.read(m_exact.get(), size) == size;
#endif
#ifdef Q_OS_UNIX
        // No MAP_POPULATE: populating is serial, while faults taken by the parsing threads run in
        // parallel (and the kernel maps the neighbouring cached pages of each fault).
        void *mapped = ::mmap(nullptr, size_t(size), PROT_READ, MAP_PRIVATE, m_file.handle(), 0);
        if (mapped != MAP_FAILED) {
            m_posixMap = mapped;
            m_data = static_cast<const char *>(mapped);
            m_size = size;
            return true;
        }
#endif
        m_mapped = m_file.map(0, size);
        if (m_mapped) {
            m_data = reinterpret_cast<const char *>(m_mapped);
            m_size = size;
            return true;
        }
        m_copy = m_file.readAll();
        m_data = m_copy.constData();
        m_size = m_copy.size();
        return m_file.error() == QFileDevice::NoError;
    }
    const char *data() const { return m_data; }
    qint64 size() const { return m_size; }
    void release()
    {
#ifdef Q_OS_UNIX
        if (m_posixMap)
            ::munmap(m_posixMap, size_t(m_size));
        m_posixMap = nullptr;
#endif
        if (m_mapped)
            m_file.unmap(m_mapped);
        m_mapped = nullptr;
        m_copy.clear();
        m_exact.reset();
        m_data = nullptr;
        m_size = 0;
    }

private:
    QFile &m_file;
    uchar *m_mapped = nullptr;
    void *m_posixMap = nullptr;
    QByteArray m_copy;
    std::unique_ptr<char[]> m_exact;
    const char *m_data = nullptr;
    qint64 m_size = 0;
};

struct ColumnPlan {
    const ColumnMeta *meta = nullptr; // readAs: the given type
};

class ReadJob final {
public:
    ReadJob(const QString &path, const CsvOptions &options, const Schema *schema, JobContext &job)
        : m_path(path)
        , m_options(options)
        , m_schema(schema)
        , m_job(job)
    {
    }
    Result<CsvReadResult> run();

private:
    Error inputError(const QString &message, const QString &detail = {}) const
    {
        return Error { Error::Code::InvalidInput, message, detail.isEmpty() ? m_path : detail };
    }
    QString fileName() const { return QDir::toNativeSeparators(m_path); }
    qint64 lineOf(size_t chunk, qint64 offset) const
    {
        qint64 line = m_dataStartLine + offset + 1;
        for (size_t k = 0; k < chunk; ++k)
            line += m_chunks[k].newlines;
        return line;
    }
    /// Moves each chunk's rows of m_direct[j] down so they are contiguous; returns where each
    /// chunk's rows now start.
    std::vector<qint64> compactDirect(int j);
    Result<void> buildColumn(int j, Column &column, Diagnostics &diagnostics);
    Result<void> buildNumberColumn(int j, Column &column, Diagnostics &diagnostics);
    Result<void> buildStringColumn(int j, Column &column, Diagnostics &diagnostics);

    QString m_path;
    CsvOptions m_options;
    const Schema *m_schema;
    JobContext &m_job;
    Plan m_plan;
    std::vector<Chunk> m_chunks;
    std::vector<DirectColumn> m_direct;
    QStringList m_names;
    std::vector<const ColumnMeta *> m_metas;
    qint64 m_dataStartLine = 0;
    Decoder m_decode;
    CsvReadResult m_result;
};

Result<CsvReadResult> ReadJob::run()
{
    // HEALTHSYNTH_CSV_TRACE=1 prints the time of each phase to stderr (for tuning).
    static const bool tracing = qEnvironmentVariableIsSet("HEALTHSYNTH_CSV_TRACE");
    QElapsedTimer clock;
    clock.start();
    auto trace = [&](const char *phase) {
        if (tracing)
            std::fprintf(stderr, "csv %-10s %8.1f ms\n", phase, double(clock.nsecsElapsed()) / 1e6);
    };
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, CsvReader::tr("Cannot open %1.").arg(fileName()), file.errorString() };
    FileBytes bytes(file);
    if (!bytes.open())
        return Error { Error::Code::Io, CsvReader::tr("Cannot read %1.").arg(fileName()), file.errorString() };
    const char *begin = bytes.data();
    const char *end = begin + bytes.size();
    bool bom = false;
    if (end - begin >= 3 && std::memcmp(begin, "\xEF\xBB\xBF", 3) == 0) {
        begin += 3;
        bom = true;
    }
    // Leading blank lines carry no data.
    while (begin < end && (*begin == '\n' || *begin == '\r')) {
        m_dataStartLine += *begin == '\n' ? 1 : 0;
        ++begin;
    }
    if (begin == end)
        return inputError(CsvReader::tr("%1 is empty: there is no header and no data.").arg(fileName()));
    m_job.reportProgress(0.0, CsvReader::tr("Reading %1").arg(QFileInfo(m_path).fileName()));

    // Options and sniffing.
    Diagnostics &diagnostics = m_result.diagnostics;
    if (!m_options.delimiter.isNull()) {
        const char16_t d = m_options.delimiter.unicode();
        if (d > 0x7F || d == '"' || d == '\n' || d == '\r')
            return inputError(CsvReader::tr("The delimiter %1 cannot be used; choose , ; tab or |.")
                                  .arg(m_options.delimiter));
        m_plan.delimiter = char(d);
    } else {
        m_plan.delimiter = sniffDelimiter(begin, end);
    }
    m_plan.trim = m_options.trimWhitespace;
    m_plan.skipRagged = m_options.skipRaggedRows;
    m_plan.maxRows = m_options.maxRows;
    m_plan.emptyIsMissing = false;
    for (const QString &marker : m_options.missingMarkers) {
        const QByteArray utf8 = marker.toUtf8();
        if (utf8.isEmpty()) {
            m_plan.emptyIsMissing = true;
            continue;
        }
        m_plan.missingMarkers.emplace_back(utf8.constData(), size_t(utf8.size()));
        m_plan.markerFirst[static_cast<unsigned char>(utf8[0])] = true;
        m_plan.markerMaxLength = std::max(m_plan.markerMaxLength, size_t(utf8.size()));
    }
    const auto sample = sampleRecords(begin, end, m_plan.delimiter, m_plan.trim);
    {
        size_t sampleBytes = 0;
        for (const auto &record : sample) {
            for (const std::string &f : record)
                sampleBytes += f.size() + 1;
        }
        if (!sample.empty())
            m_plan.bytesPerRecord = std::max(4.0, double(sampleBytes) / double(sample.size()));
    }
    if (!m_options.decimalMark.isNull()) {
        m_plan.decimalMark = m_options.decimalMark == u',' ? ',' : '.';
    } else {
        m_plan.decimalMark = sniffDecimalMark(sample, m_plan.delimiter);
    }
    if (m_plan.decimalMark == m_plan.delimiter)
        return inputError(CsvReader::tr("The decimal mark and the delimiter of %1 are both '%2'.")
                              .arg(fileName(), QString(QLatin1Char(m_plan.delimiter))));
    bool header = true;
    switch (m_options.header) {
    case CsvOptions::Header::Present: header = true; break;
    case CsvOptions::Header::Absent: header = false; break;
    case CsvOptions::Header::Auto: header = sniffHeader(sample, m_plan); break;
    }

    // Header (or the first record's width for a headerless file).
    RecordReader headerReader(begin, end, m_plan.delimiter, m_plan.trim);
    headerReader.next();
    if (headerReader.isBlank())
        return inputError(CsvReader::tr("%1 holds only blank lines: there is no header and no data.").arg(fileName()));
    std::vector<std::string_view> headerFields = headerReader.fields();
    const char *dataBegin = begin;
    QStringList rawNames;
    bool utf8 = true;
    if (header) {
        dataBegin = headerReader.position();
        for (std::string_view f : headerFields)
            utf8 = utf8 && isValidUtf8(f);
        m_dataStartLine += headerReader.newlines();
    }
    m_plan.fieldCount = int(headerFields.size());
    const int n = m_plan.fieldCount;
    m_plan.startAsText.assign(size_t(n), 0);
    for (size_t r = header ? 1 : 0; r < sample.size(); ++r) {
        for (size_t j = 0; j < sample[r].size() && j < size_t(n); ++j) {
            NumberInfo info;
            const std::string &cell = sample[r][j];
            if (!m_plan.isMissing(cell) && !csv::parseNumber(cell, m_plan.decimalMark, info))
                m_plan.startAsText[j] = 1;
        }
    }

    // readAs: the given types decide how each column is read.
    m_metas.assign(size_t(n), nullptr);
    m_plan.wants.assign(size_t(n), Want::Auto);
    // Names need the encoding; decode provisionally as UTF-8 to match against the schema.
    for (int j = 0; j < n; ++j) {
        if (header)
            rawNames.append(QString::fromUtf8(headerFields[size_t(j)].data(),
                                              qsizetype(headerFields[size_t(j)].size())));
        else
            rawNames.append(j < m_options.columnNames.size() ? m_options.columnNames[j]
                                                              : QStringLiteral("column_%1").arg(j + 1));
    }
    std::vector<std::string> headerCopies;
    for (std::string_view f : headerFields)
        headerCopies.emplace_back(f);

    const qint64 bytesLeft = end - dataBegin;
    size_t chunkCount = 1;
    if (m_plan.maxRows < 0 && bytesLeft > kParallelMinBytes) {
        const size_t threads = std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
        chunkCount = std::clamp<size_t>(size_t(bytesLeft / kChunkBytes), threads, 256);
    }
    std::atomic_bool cancel { false };

    auto parseAll = [&](size_t chunks) {
        const std::vector<const char *> bounds = chunkBoundaries(dataBegin, end, chunks);
        m_chunks.clear();
        m_chunks.resize(bounds.size() - 1);
        for (size_t k = 0; k + 1 < bounds.size(); ++k) {
            m_chunks[k].begin = bounds[k];
            m_chunks[k].end = bounds[k + 1];
        }
        // Upper bounds of the record counts, then one array per column for the whole file.
        runParallel(
            m_chunks.size(),
            [&](size_t k) {
                Chunk &c = m_chunks[k];
                // Exact for plain files (a record per line), so the rows need no compacting.
                const bool unterminated = c.end > c.begin && c.end[-1] != '\n';
                c.bound = m_plan.maxRows >= 0 ? m_plan.maxRows
                                              : qint64(std::count(c.begin, c.end, '\n')) + (unterminated ? 1 : 0);
            },
            m_job, cancel, 0.0, 0.05, CsvReader::tr("Parsing rows"));
        qint64 total = 0;
        for (Chunk &c : m_chunks) {
            c.rowStart = total;
            total += c.bound;
        }
        m_direct.clear();
        m_direct.resize(size_t(n));
        runParallel(
            size_t(n),
            [&](size_t j) {
                DirectColumn &d = m_direct[j];
                d.numeric = m_plan.wants[j] != Want::String && !m_plan.startAsText[j];
                if (d.numeric)
                    d.numbers.resize(size_t(total));
                else
                    d.codes.resize(size_t(total));
                d.missing.resize(size_t(total));
            },
            m_job, cancel, 0.05, 0.1, CsvReader::tr("Parsing rows"));
        runParallel(
            m_chunks.size(),
            [&](size_t k) {
                parseChunk(m_chunks[k], m_plan, nullptr, cancel, m_direct);
            },
            m_job, cancel, 0.1, 0.8, CsvReader::tr("Parsing rows"));
    };

    // Names decoded for real once the encoding is known; provisional names serve readAs matching.
    m_names = rawNames;
    if (m_schema) {
        for (int j = 0; j < n; ++j) {
            const ColumnMeta *meta = m_schema->find(m_names[j]);
            if (!meta && !header && j < m_schema->columns.size())
                meta = &m_schema->columns[j];
            m_metas[size_t(j)] = meta;
            if (!meta)
                continue;
            switch (meta->type) {
            case SemanticType::Numerical: m_plan.wants[size_t(j)] = Want::Numeric; break;
            case SemanticType::Boolean: m_plan.wants[size_t(j)] = Want::Auto; break;
            case SemanticType::DateTime:
            case SemanticType::Pii:
            case SemanticType::Text: m_plan.wants[size_t(j)] = Want::String; break;
            case SemanticType::Categorical:
            case SemanticType::Id:
                m_plan.wants[size_t(j)] = (meta->integer || meta->decimals >= 0) ? Want::Auto : Want::String;
                break;
            }
        }
    }

    trace("sniff");
    parseAll(chunkCount);
    trace("parse");
    bool irregular = false;
    for (const Chunk &c : m_chunks)
        irregular = irregular || c.irregularQuotes;
    if (irregular && m_chunks.size() > 1 && !cancel.load()) {
        // Stray quotes make the quote-parity split unreliable: read again in one piece.
        parseAll(1);
    }
    if (cancel.load())
        return cancelledError();
    for (size_t k = 0; k < m_chunks.size(); ++k) {
        const Chunk &c = m_chunks[k];
        if (!c.failed)
            continue;
        const qint64 line = lineOf(k, c.errorLineOffset);
        return Error { Error::Code::InvalidInput,
                       CsvReader::tr("%1, line %2: expected %3 fields as in the header, found %4. "
                                     "Repair the line or read with \"skip ragged rows\".")
                           .arg(fileName())
                           .arg(line)
                           .arg(n)
                           .arg(c.errorFieldCount),
                       QStringLiteral("%1:%2").arg(m_path).arg(line) };
    }

    // Which columns are text in the end: any chunk met text, a code with a leading zero was
    // seen, or readAs asked for text. Their cells are rebuilt as text in the chunks that
    // still hold numbers (or held numbers before meeting text).
    std::vector<std::uint8_t> textColumn(size_t(n), 0);
    for (int j = 0; j < n; ++j) {
        bool text = m_plan.wants[size_t(j)] == Want::String;
        bool leadingZero = false;
        for (const Chunk &c : m_chunks) {
            text = text || c.columns[size_t(j)].stringMode;
            leadingZero = leadingZero || c.columns[size_t(j)].anyLeadingZero;
        }
        if (leadingZero && !text && m_plan.wants[size_t(j)] != Want::Numeric) {
            text = true;
            diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("leading_zero_codes"),
                                 CsvReader::tr("Column %1 holds codes with leading zeros, so it is kept as "
                                               "text exactly as written.")
                                     .arg(m_names[j]),
                                 m_names[j], -1 });
        }
        textColumn[size_t(j)] = text ? 1 : 0;
    }
    std::vector<std::vector<std::uint8_t>> rebuild(m_chunks.size(), std::vector<std::uint8_t>(size_t(n), 0));
    std::vector<size_t> rebuildChunks;
    for (size_t k = 0; k < m_chunks.size(); ++k) {
        bool any = false;
        for (int j = 0; j < n; ++j) {
            const ChunkColumn &c = m_chunks[k].columns[size_t(j)];
            if (textColumn[size_t(j)] && (!c.stringMode || c.demoted)) {
                rebuild[k][size_t(j)] = 1;
                any = true;
            }
        }
        if (any)
            rebuildChunks.push_back(k);
    }
    if (!rebuildChunks.empty()) {
        runParallel(
            rebuildChunks.size(),
            [&](size_t i) {
                const size_t k = rebuildChunks[i];
                parseChunk(m_chunks[k], m_plan, &rebuild[k], cancel, m_direct);
            },
            m_job, cancel, 0.8, 0.9, CsvReader::tr("Reading text columns"));
        if (cancel.load())
            return cancelledError();
    }
    trace("rebuild");
    // The bytes are no longer needed: dictionary keys were copied.
    bytes.release();

    // Encoding: the whole file is UTF-8 when every header name and distinct text is.
    for (const Chunk &c : m_chunks) {
        for (int j = 0; j < n && utf8; ++j) {
            for (std::string_view key : c.columns[size_t(j)].dictionary.keys()) {
                if (!isValidUtf8(key)) {
                    utf8 = false;
                    break;
                }
            }
        }
    }
    m_decode.utf8 = utf8;
    m_result.encoding = !utf8 ? QStringLiteral("Windows-1252")
        : bom                 ? QStringLiteral("UTF-8 with BOM")
                              : QStringLiteral("UTF-8");
    if (!utf8)
        diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("encoding_fallback"),
                             CsvReader::tr("%1 is not valid UTF-8; it was read as Windows-1252 (Latin-1).")
                                 .arg(fileName()),
                             {}, -1 });
    if (header) {
        QStringList decoded;
        for (const std::string &h : headerCopies)
            decoded.append(m_decode(h));
        m_names = uniqueNames(decoded, diagnostics);
    }

    // Table-wide findings.
    qint64 trailing = 0;
    qint64 skipped = 0;
    qint64 rows = 0;
    QStringList skippedLines;
    for (size_t k = 0; k < m_chunks.size(); ++k) {
        const Chunk &c = m_chunks[k];
        trailing += c.trailingDelimiterRows;
        skipped += c.skipped;
        rows += c.rows;
        for (const auto &[offset, count] : c.skippedLines) {
            if (skippedLines.size() < kListedLines)
                skippedLines.append(CsvReader::tr("line %1 (%2 fields)").arg(lineOf(k, offset)).arg(count));
        }
    }
    for (size_t k = 0; k < m_chunks.size(); ++k) {
        if (m_chunks[k].irregularQuotes) {
            const qint64 line = lineOf(k, m_chunks[k].irregularLineOffset);
            diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("irregular_quotes"),
                                 CsvReader::tr("Line %1 has a stray or unterminated quote; it was read leniently "
                                               "(quotes kept as text). Check that line.")
                                     .arg(line),
                                 {}, line });
            break;
        }
    }
    if (trailing > 0)
        diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("trailing_delimiter"),
                             CsvReader::tr("Trailing delimiter on %1 rows: the empty last field was dropped.")
                                 .arg(trailing),
                             {}, -1 });
    if (skipped > 0)
        diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("ragged_rows_skipped"),
                             CsvReader::tr("%1 rows with the wrong number of fields (expected %2) were "
                                           "skipped: %3%4.")
                                 .arg(skipped)
                                 .arg(n)
                                 .arg(skippedLines.join(QStringLiteral(", ")),
                                      skipped > skippedLines.size() ? QStringLiteral(", ...") : QString()),
                             {}, -1 });
    m_result.skippedRows = skipped;
    m_result.delimiter = QLatin1Char(m_plan.delimiter);
    m_result.decimalMark = QLatin1Char(m_plan.decimalMark);
    m_result.hasHeader = header;

    trace("encoding");
    // Typed columns, built in parallel (each task touches one column of every chunk).
    std::vector<Column> built(static_cast<size_t>(n));
    std::vector<Diagnostics> columnDiagnostics(static_cast<size_t>(n));
    std::vector<std::optional<Error>> columnErrors(static_cast<size_t>(n));
    runParallel(
        size_t(n),
        [&](size_t j) {
            Result<void> ok = buildColumn(int(j), built[j], columnDiagnostics[j]);
            if (!ok.ok())
                columnErrors[j] = ok.error();
        },
        m_job, cancel, 0.9, 1.0, CsvReader::tr("Typing columns"));
    if (cancel.load())
        return cancelledError();
    Table table;
    for (int j = 0; j < n; ++j) {
        if (columnErrors[size_t(j)])
            return *columnErrors[size_t(j)];
        diagnostics.append(columnDiagnostics[size_t(j)]);
        table.addColumn(std::move(built[size_t(j)]));
    }
    // "a,b,c," on every line: the header's empty last name over an always-empty column is a
    // trailing delimiter, not data.
    if (header && n > 1 && headerCopies.back().empty() && m_metas.back() == nullptr
        && table.column(n - 1).missingCount() == table.rowCount()) {
        table.removeColumn(n - 1);
        m_names.removeLast();
        m_metas.pop_back();
        diagnostics.erase(std::remove_if(diagnostics.begin(), diagnostics.end(),
                                         [](const Diagnostic &d) { return d.kind == QLatin1StringView("empty_header"); }),
                          diagnostics.end());
        diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("trailing_delimiter"),
                             CsvReader::tr("Trailing delimiter on every line, header included: the empty last "
                                           "column was dropped."),
                             {}, -1 });
    }
    m_chunks.clear();
    Q_ASSERT(table.rowCount() == rows || n == 0);

    trace("columns");
    if (m_schema) {
        Diagnostics ignored;
        const Schema inferred = inferSchema(table, ignored);
        for (int j = 0; j < table.columnCount(); ++j) {
            if (m_metas[size_t(j)]) {
                ColumnMeta meta = *m_metas[size_t(j)];
                meta.name = m_names[j];
                m_result.schema.columns.append(meta);
            } else {
                m_result.schema.columns.append(inferred.columns[j]);
                diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("unexpected_column"),
                                     CsvReader::tr("Column %1 of %2 is not in the given schema; its type was "
                                                   "inferred.")
                                         .arg(m_names[j], fileName()),
                                     m_names[j], 1 });
            }
        }
        for (const ColumnMeta &meta : m_schema->columns) {
            if (!meta.excluded && !m_names.contains(meta.name))
                return inputError(CsvReader::tr("%1 has no column %2, which the schema expects.")
                                      .arg(fileName(), meta.name));
        }
    } else {
        m_result.schema = inferSchema(table, diagnostics);
    }
    trace("schema");
    m_result.table = std::move(table);
    m_job.reportProgress(1.0, CsvReader::tr("Read %1 rows").arg(rows));
    return std::move(m_result);
}

Result<void> ReadJob::buildColumn(int j, Column &column, Diagnostics &diagnostics)
{
    bool text = false;
    for (const Chunk &c : m_chunks)
        text = text || c.columns[size_t(j)].stringMode;
    return text ? buildStringColumn(j, column, diagnostics) : buildNumberColumn(j, column, diagnostics);
}

std::vector<qint64> ReadJob::compactDirect(int j)
{
    DirectColumn &d = m_direct[size_t(j)];
    std::vector<qint64> starts;
    qint64 next = 0;
    for (const Chunk &chunk : m_chunks) {
        starts.push_back(next);
        const auto from = size_t(chunk.rowStart);
        const auto to = size_t(next);
        const auto count = size_t(chunk.rows);
        if (from != to && count > 0) {
            if (d.numeric)
                std::memmove(d.numbers.data() + to, d.numbers.data() + from, count * sizeof(double));
            else
                std::memmove(d.codes.data() + to, d.codes.data() + from, count * sizeof(std::int32_t));
            std::memmove(d.missing.data() + to, d.missing.data() + from, count);
        }
        next += chunk.rows;
    }
    if (d.numeric)
        d.numbers.resize(size_t(next));
    else
        d.codes.resize(size_t(next));
    d.missing.resize(size_t(next));
    return starts;
}

Result<void> ReadJob::buildNumberColumn(int j, Column &column, Diagnostics &diagnostics)
{
    const QString &name = m_names[j];
    const ColumnMeta *meta = m_metas[size_t(j)];
    qint64 rows = 0;
    qint64 numeric = 0;
    qint64 nonFinite = 0;
    int maxDecimals = 0;
    bool anyPoint = false;
    bool anyExponent = false;
    bool anyGrouped = false;
    bool all01 = true;
    bool seen0 = false;
    bool seen1 = false;
    bool integral = true;
    compactDirect(j);
    std::vector<double> values = std::move(m_direct[size_t(j)].numbers);
    std::vector<std::uint8_t> absent = std::move(m_direct[size_t(j)].missing);
    rows = qint64(values.size());
    for (const Chunk &chunk : m_chunks) {
        const ChunkColumn &c = chunk.columns[size_t(j)];
        numeric += c.numericCells;
        nonFinite += c.nonFinite;
        maxDecimals = std::max(maxDecimals, c.maxDecimals);
        anyPoint |= c.anyPoint;
        anyExponent |= c.anyExponent;
        anyGrouped |= c.anyGrouped;
        all01 &= c.all01;
        seen0 |= c.seen0;
        seen1 |= c.seen1;
        integral &= c.allIntegralValues;
    }
    const SemanticType given = meta ? meta->type : SemanticType::Numerical;
    const bool binary = all01 && seen0 && seen1 && nonFinite == 0;
    const bool asBoolean = meta ? given == SemanticType::Boolean : binary;
    if (asBoolean) {
        if (!all01)
            return Error { Error::Code::InvalidInput,
                           CsvReader::tr("Column %1 of %2 should be boolean but holds numbers other than 0 and 1.")
                               .arg(name, fileName()),
                           m_path };
        column = Column(name, ColumnStorage::Boolean);
        column.labels() = QStringList { QStringLiteral("0"), QStringLiteral("1") };
        column.reserve(rows);
        for (size_t r = 0; r < values.size(); ++r)
            column.appendCode(absent[r] ? Column::kMissingCode : std::int32_t(values[r] != 0.0));
        return {};
    }

    const bool integerWritten = numeric > 0 && !anyPoint && !anyExponent && nonFinite == 0 && integral;
    // yyyymmdd integers become dates only when the name says so (20210308 could be a count).
    bool yyyymmdd = !meta && integerWritten && nameHintsDate(name);
    if (meta && given == SemanticType::DateTime)
        yyyymmdd = true;
    if (yyyymmdd) {
        for (size_t r = 0; r < values.size() && yyyymmdd; ++r)
            yyyymmdd = absent[r] || isPlausibleYyyymmdd(values[r]);
    }
    if (yyyymmdd && numeric > 0) {
        column = Column(name, ColumnStorage::DateTime);
        column.setDateFormat(QStringLiteral("%Y%m%d"));
        column.reserve(rows);
        for (size_t r = 0; r < values.size(); ++r) {
            if (absent[r]) {
                column.appendMissing();
                continue;
            }
            const std::string digits = std::to_string(qint64(values[r]));
            column.appendNumber(parseDateTime(digits, "%Y%m%d").value_or(Column::kMissingNumber));
        }
        diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("yyyymmdd_dates"),
                                      CsvReader::tr("Column %1 holds 8-digit numbers read as yyyymmdd dates.")
                                          .arg(name),
                                      name, -1 });
        return {};
    }
    if (meta && given == SemanticType::DateTime)
        return Error { Error::Code::InvalidInput,
                       CsvReader::tr("Column %1 of %2 should hold dates (%3) but holds numbers.")
                           .arg(name, fileName(), meta->dateFormat),
                       m_path };

    column = Column(name, ColumnStorage::Number);
    column.numbers() = std::move(values);
    column.missingMask() = std::move(absent);
    column.setInteger(integerWritten);
    column.setDecimals(anyExponent || nonFinite == numeric ? -1 : (integerWritten ? 0 : maxDecimals));
    if (meta && (given == SemanticType::Numerical || given == SemanticType::Categorical)) {
        column.setInteger(meta->integer && integral && nonFinite == 0);
        if (meta->decimals >= 0 && !column.isInteger())
            column.setDecimals(meta->decimals);
    }
    if (nonFinite > 0)
        diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("non_finite_values"),
                                      CsvReader::tr("Column %1 holds %2 infinite values (inf / Infinity); they "
                                                    "are kept as ±infinity.")
                                          .arg(name)
                                          .arg(nonFinite),
                                      name, -1 });
    if (anyGrouped)
        diagnostics.append({ Diagnostic::Severity::Info, QStringLiteral("thousands_separator"),
                                      CsvReader::tr("Column %1 has numbers with '.' as thousands separator "
                                                    "(e.g. 1.204,7 = 1204.7).")
                                          .arg(name),
                                      name, -1 });
    return {};
}

Result<void> ReadJob::buildStringColumn(int j, Column &column, Diagnostics &diagnostics)
{
    const QString &name = m_names[j];
    const ColumnMeta *meta = m_metas[size_t(j)];

    // readAs with a numeric type: the first cell that is not a number is the error.
    if (meta && meta->type == SemanticType::Numerical) {
        for (size_t k = 0; k < m_chunks.size(); ++k) {
            const ChunkColumn &c = m_chunks[k].columns[size_t(j)];
            if (c.firstTextLine >= 0) {
                const qint64 line = lineOf(k, c.firstTextLine);
                return Error { Error::Code::InvalidInput,
                               CsvReader::tr("%1, line %2, column %3: \"%4\" is not a number.")
                                   .arg(fileName())
                                   .arg(line)
                                   .arg(name, QString::fromUtf8(c.firstText)),
                               QStringLiteral("%1:%2").arg(m_path).arg(line) };
            }
        }
    }

    // Global dictionary in first-appearance order; remap chunk codes.
    std::unordered_map<std::string_view, std::int32_t> global;
    std::vector<std::string_view> keys;
    std::vector<qint64> counts;
    std::vector<std::int32_t> codes;
    std::vector<std::uint8_t> missing;
    auto remapFor = [&](const ChunkColumn &c) {
        std::vector<std::int32_t> remap(c.dictionary.keys().size());
        for (size_t i = 0; i < remap.size(); ++i) {
            const std::string_view key = c.dictionary.keys()[i];
            const auto [it, added] = global.emplace(key, std::int32_t(keys.size()));
            if (added) {
                keys.push_back(key);
                counts.push_back(0);
            }
            remap[i] = it->second;
        }
        return remap;
    };
    bool local = false;
    for (const Chunk &chunk : m_chunks)
        local = local || chunk.columns[size_t(j)].local;
    if (local) {
        // Rebuilt as text: concatenate the chunks' own vectors.
        qint64 total = 0;
        for (const Chunk &chunk : m_chunks)
            total += qint64(chunk.columns[size_t(j)].codes.size());
        codes.reserve(size_t(total));
        missing.reserve(size_t(total));
        for (Chunk &chunk : m_chunks) {
            ChunkColumn &c = chunk.columns[size_t(j)];
            const std::vector<std::int32_t> remap = remapFor(c);
            for (std::int32_t code : c.codes) {
                const std::int32_t g = code < 0 ? Column::kMissingCode : remap[size_t(code)];
                codes.push_back(g);
                missing.push_back(g < 0 ? 1 : 0);
                if (g >= 0)
                    ++counts[size_t(g)];
            }
            std::vector<std::int32_t>().swap(c.codes);
            std::vector<std::uint8_t>().swap(c.missing);
        }
        std::vector<std::int32_t>().swap(m_direct[size_t(j)].codes);
        std::vector<double>().swap(m_direct[size_t(j)].numbers);
        std::vector<std::uint8_t>().swap(m_direct[size_t(j)].missing);
    } else {
        // Written in place: remap each chunk's segment of the shared array.
        const std::vector<qint64> starts = compactDirect(j);
        codes = std::move(m_direct[size_t(j)].codes);
        missing = std::move(m_direct[size_t(j)].missing);
        for (size_t k = 0; k < m_chunks.size(); ++k) {
            const std::vector<std::int32_t> remap = remapFor(m_chunks[k].columns[size_t(j)]);
            std::int32_t *segment = codes.data() + starts[k];
            for (qint64 r = 0; r < m_chunks[k].rows; ++r) {
                const std::int32_t code = segment[r];
                if (code >= 0) {
                    segment[r] = remap[size_t(code)];
                    ++counts[size_t(segment[r])];
                }
            }
        }
    }
    const auto rows = qint64(codes.size());
    const qint64 present = rows - std::accumulate(missing.begin(), missing.end(), qint64(0));
    const SemanticType given = meta ? meta->type : SemanticType::Categorical;

    // Booleans in their own spelling.
    if (!meta || given == SemanticType::Boolean) {
        const QStringList labels = booleanLabels(keys, m_decode);
        if (!labels.isEmpty()) {
            column = Column(name, ColumnStorage::Boolean);
            column.labels() = labels;
            std::vector<std::int32_t> toCode(keys.size());
            for (size_t i = 0; i < keys.size(); ++i)
                toCode[i] = boolWord(keys[i]).value ? 1 : 0;
            for (std::int32_t &code : codes)
                code = code < 0 ? Column::kMissingCode : toCode[size_t(code)];
            column.codes() = std::move(codes);
            column.missingMask() = std::move(missing);
            return {};
        }
        if (meta) {
            if (keys.size() > 2)
                return Error { Error::Code::InvalidInput,
                               CsvReader::tr("Column %1 of %2 should be boolean but holds %3 different values.")
                                   .arg(name, fileName())
                                   .arg(keys.size()),
                               m_path };
            column = Column(name, ColumnStorage::Boolean);
            for (std::string_view key : keys)
                column.labels().append(m_decode(key));
            while (column.labels().size() < 2)
                column.labels().append(QString());
            column.codes() = std::move(codes);
            column.missingMask() = std::move(missing);
            return {};
        }
    }

    // Dates.
    const bool tryDates = meta ? given == SemanticType::DateTime : true;
    if (tryDates && !keys.empty()) {
        DateDetection dates;
        if (meta && !meta->dateFormat.isEmpty()) {
            const QByteArray format = meta->dateFormat.toUtf8();
            dates.isDate = true;
            dates.format = meta->dateFormat;
            dates.seconds.resize(keys.size());
            for (size_t i = 0; i < keys.size() && dates.isDate; ++i) {
                const auto seconds = parseDateTime(keys[i], std::string_view(format.constData(), size_t(format.size())));
                dates.isDate = seconds.has_value();
                dates.seconds[i] = seconds.value_or(0.0);
            }
        }
        if (!dates.isDate) {
            const DateOrderHint order = m_options.dateOrder == CsvOptions::DateOrder::DayFirst ? DateOrderHint::DayFirst
                : m_options.dateOrder == CsvOptions::DateOrder::MonthFirst                  ? DateOrderHint::MonthFirst
                                                                                            : DateOrderHint::Auto;
            dates = detectDateColumn(keys, counts, order);
        }
        if (dates.isDate) {
            column = Column(name, ColumnStorage::DateTime);
            column.setDateFormat(dates.format);
            std::vector<double> &numbers = column.numbers();
            numbers.reserve(codes.size());
            for (std::int32_t code : codes)
                numbers.push_back(code < 0 ? Column::kMissingNumber : dates.seconds[size_t(code)]);
            column.missingMask() = std::move(missing);
            const QString order = dates.dayFirstChosen ? CsvReader::tr("day-first") : CsvReader::tr("month-first");
            if (dates.mixed)
                diagnostics.append(
                    { Diagnostic::Severity::Warning, QStringLiteral("mixed_date_formats"),
                      CsvReader::tr("Column %1 mixes date formats: %2. Every value was read%3; dates are "
                                    "written back as %4.")
                          .arg(name, dates.formatNames.join(QStringLiteral(", ")),
                               dates.ambiguous ? CsvReader::tr(" (ambiguous ones %1)").arg(order) : QString(),
                               dates.format),
                      name, -1 });
            if (dates.ambiguous)
                diagnostics.append(
                    { Diagnostic::Severity::Warning, QStringLiteral("ambiguous_date"),
                      CsvReader::tr("Column %1 has dates that fit both day-first and month-first; they were "
                                    "read %2. Set the date order if that is wrong.")
                          .arg(name, order),
                      name, -1 });
            return {};
        }
        if (meta)
            return Error { Error::Code::InvalidInput,
                           CsvReader::tr("Column %1 of %2 should hold dates%3 but some values are not dates.")
                               .arg(name, fileName(),
                                    meta->dateFormat.isEmpty() ? QString()
                                                               : QStringLiteral(" (%1)").arg(meta->dateFormat)),
                           m_path };
    }

    // Numbers with a few text cells: say where the first text is, it may be a typo.
    if (!meta) {
        qint64 numericCells = 0;
        qint64 firstLine = -1;
        QString firstText;
        for (size_t k = 0; k < m_chunks.size(); ++k) {
            const ChunkColumn &c = m_chunks[k].columns[size_t(j)];
            numericCells += c.numericCells;
            if (firstLine < 0 && c.firstTextLine >= 0) {
                firstLine = lineOf(k, c.firstTextLine);
                firstText = m_decode(c.firstText);
            }
        }
        if (firstLine >= 0 && numericCells * 2 >= present)
            diagnostics.append({ Diagnostic::Severity::Warning, QStringLiteral("text_in_numeric_column"),
                                          CsvReader::tr("Column %1 is mostly numbers, but line %2 holds \"%3\"; "
                                                        "the column is read as text.")
                                              .arg(name)
                                              .arg(firstLine)
                                              .arg(firstText),
                                          name, firstLine });
    }

    // Category or free text.
    QStringList labels;
    labels.reserve(qsizetype(keys.size()));
    for (std::string_view key : keys)
        labels.append(m_decode(key));
    const bool text = qint64(keys.size()) > kTextMinDistinct && double(keys.size()) > kTextDistinctShare * double(present)
        && given != SemanticType::Categorical;
    if (text) {
        column = Column(name, ColumnStorage::Text);
        std::vector<QString> &texts = column.texts();
        texts.reserve(codes.size());
        for (std::int32_t code : codes)
            texts.push_back(code < 0 ? QString() : labels[code]);
        column.missingMask() = std::move(missing);
        return {};
    }
    column = Column(name, ColumnStorage::Category);
    column.labels() = std::move(labels);
    column.codes() = std::move(codes);
    column.missingMask() = std::move(missing);
    return {};
}

} // namespace

Result<CsvReadResult> CsvReader::read(const QString &path, const CsvOptions &options, JobContext &job)
{
    ReadJob reader(path, options, nullptr, job);
    return reader.run();
}

Result<CsvReadResult> CsvReader::readAs(const QString &path, const Schema &schema, const CsvOptions &options,
                                        JobContext &job)
{
    ReadJob reader(path, options, &schema, job);
    return reader.run();
}

} // namespace core
