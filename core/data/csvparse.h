// SPDX-License-Identifier: MIT
#pragma once

// Internal building blocks of CsvReader: a quote-aware record tokenizer over a byte range and a
// fast number parser. Not part of the public API; kept in a header so benchmarks and tests can
// exercise them directly.

#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace core::csv {

/// What parseNumber() learned about one cell besides its value.
struct NumberInfo {
    double value = 0.0;
    int decimals = 0;          ///< digits after the decimal mark
    bool hasPoint = false;     ///< a decimal mark was written ("65.0", "1.")
    bool exponent = false;     ///< written with e/E
    bool leadingZero = false;  ///< integer part with a superfluous leading zero ("0388", "00501")
    bool nonFinite = false;    ///< inf / infinity (any case, any sign)
    bool isNan = false;        ///< "nan" in any case: a missing value written as a number
    bool zeroOrOne = false;    ///< exactly "0" or "1"
    bool fractional = false;   ///< the value is not a whole number
};

/// Parses a decimal number: optional sign, digits with an optional decimal mark, optional
/// exponent; with decimalMark ',' a '.' may group thousands ("1.204,7"). Also inf/infinity/nan.
/// Returns false for anything else (nothing may follow the number). Results equal strtod's.
inline bool parseNumberSlow(std::string_view s, char decimalMark, NumberInfo &out);

inline bool parseNumber(std::string_view s, char decimalMark, NumberInfo &out)
{
    // Fast path for what most cells hold: [-]digits[.digits], at most 15 digits, no leading zero
    // issue. Exact: the mantissa and the power of ten are both exact doubles (Clinger).
    static constexpr double kScale[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
    const char *p = s.data();
    const char *const e = p + s.size();
    const bool negative = p < e && *p == '-';
    p += negative ? 1 : 0;
    const char *digits = p;
    std::uint64_t mantissa = 0;
    while (p < e && unsigned(*p - '0') < 10u)
        mantissa = mantissa * 10 + std::uint64_t(*p++ - '0');
    const auto intDigits = int(p - digits);
    int fracDigits = 0;
    unsigned fraction = 0; // non-zero when a fraction digit is
    if (p < e && *p == decimalMark) {
        const char *start = ++p;
        while (p < e && unsigned(*p - '0') < 10u) {
            fraction |= unsigned(*p - '0');
            mantissa = mantissa * 10 + std::uint64_t(*p++ - '0');
        }
        fracDigits = int(p - start);
    }
    if (p == e && intDigits > 0 && intDigits + fracDigits <= 15 && (intDigits == 1 || *digits != '0')) {
        out = NumberInfo {};
        const double v = double(mantissa) / kScale[fracDigits];
        out.value = negative ? -v : v;
        out.decimals = fracDigits;
        out.hasPoint = fracDigits > 0 || (s.size() > size_t(intDigits + (negative ? 1 : 0)));
        out.zeroOrOne = s.size() == 1 && (s[0] == '0' || s[0] == '1');
        out.fractional = fraction != 0;
        return true;
    }
    // Digits followed by what no number holds (a date such as "2016-05-22"): not worth the
    // slow path's full grammar.
    if (p < e && intDigits > 0 && *p != 'e' && *p != 'E' && *p != '.' && *p != ',')
        return false;
    return parseNumberSlow(s, decimalMark, out);
}

inline bool parseNumberSlow(std::string_view s, char decimalMark, NumberInfo &out)
{
    out = NumberInfo {};
    const char *p = s.data();
    const char *const e = p + s.size();
    if (p == e)
        return false;
    bool negative = false;
    if (*p == '+' || *p == '-') {
        negative = *p == '-';
        if (++p == e)
            return false;
    }
    if (*p == 'i' || *p == 'I' || *p == 'n' || *p == 'N') {
        char word[9] = {};
        const size_t length = size_t(e - p);
        if (length > 8)
            return false;
        for (size_t i = 0; i < length; ++i)
            word[i] = char(p[i] | 0x20);
        const std::string_view w(word, length);
        if (w == "inf" || w == "infinity") {
            out.nonFinite = true;
            out.value = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
            return true;
        }
        if (w == "nan") {
            out.isNan = true;
            out.value = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        return false;
    }
    const char thousands = decimalMark == ',' ? '.' : '\0';
    std::uint64_t mantissa = 0;
    int significant = 0;
    int dropped = 0; // integer digits beyond 19 significant ones
    bool truncated = false;
    int intDigits = 0;
    int groupDigits = 0;
    bool grouped = false;
    const char *intStart = p;
    for (; p < e; ++p) {
        const char c = *p;
        if (c >= '0' && c <= '9') {
            ++intDigits;
            ++groupDigits;
            if (significant < 19) {
                mantissa = mantissa * 10 + std::uint64_t(c - '0');
                if (mantissa != 0)
                    ++significant;
            } else {
                ++dropped;
                truncated = true;
            }
        } else if (c == thousands && thousands != '\0') {
            // Valid only as 1-3 digits, then groups of exactly 3.
            if (intDigits == 0 || (!grouped && groupDigits > 3) || (grouped && groupDigits != 3))
                return false;
            grouped = true;
            groupDigits = 0;
        } else {
            break;
        }
    }
    if (grouped && groupDigits != 3)
        return false;
    out.leadingZero = intDigits > 1 && *intStart == '0';
    int fracDigits = 0;
    if (p < e && *p == decimalMark) {
        out.hasPoint = true;
        ++p;
        for (; p < e && *p >= '0' && *p <= '9'; ++p) {
            ++fracDigits;
            if (significant < 19) {
                mantissa = mantissa * 10 + std::uint64_t(*p - '0');
                if (mantissa != 0)
                    ++significant;
                --dropped; // one more scaled digit
            } else {
                truncated = true;
            }
        }
    }
    if (intDigits + fracDigits == 0)
        return false;
    int exponent = 0;
    if (p < e && (*p == 'e' || *p == 'E')) {
        out.exponent = true;
        ++p;
        bool expNegative = false;
        if (p < e && (*p == '+' || *p == '-')) {
            expNegative = *p == '-';
            ++p;
        }
        if (p == e)
            return false;
        for (; p < e && *p >= '0' && *p <= '9'; ++p) {
            if (exponent < 100000)
                exponent = exponent * 10 + (*p - '0');
        }
        if (expNegative)
            exponent = -exponent;
    }
    if (p != e)
        return false;
    out.decimals = fracDigits;
    out.zeroOrOne = s.size() == 1 && (s[0] == '0' || s[0] == '1');

    const int power = exponent + dropped;
    static constexpr double kPow10[] = { 1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                         1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };
    if (!truncated && mantissa <= (std::uint64_t(1) << 53) && power >= -22 && power <= 22) {
        // Clinger's fast path: both operands exact, so one correctly rounded operation.
        const double m = double(mantissa);
        const double v = power < 0 ? m / kPow10[-power] : m * kPow10[power];
        out.value = negative ? -v : v;
        out.fractional = out.value != std::floor(out.value);
        return true;
    }
    // Slow path: normalise to "digits.digitsEexp" and let from_chars round correctly.
    char buffer[512];
    size_t n = 0;
    for (const char *q = s.data(); q < e && n + 2 < sizeof buffer; ++q) {
        const char c = *q;
        if (c == '+' || (c == thousands && thousands != '\0'))
            continue;
        buffer[n++] = c == decimalMark ? '.' : c;
    }
    double v = 0.0;
    const auto [end, ec] = std::from_chars(buffer, buffer + n, v);
    if (ec == std::errc::result_out_of_range) {
        // from_chars leaves v untouched on overflow/underflow: give strtod's answer.
        const bool tiny = exponent < 0;
        v = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        if (buffer[0] == '-')
            v = -v;
    } else if (ec != std::errc() || end != buffer + n) {
        return false;
    }
    out.value = v;
    out.fractional = std::isfinite(v) && v != std::floor(v);
    return true;
}

/// Splits a byte range into records of fields (RFC 4180): quoted fields may hold the delimiter,
/// newlines and doubled quotes; CRLF and LF both end a record; unquoted fields are trimmed of
/// spaces (and tabs unless tab is the delimiter) when `trim` is set. Views stay valid until the
/// next call of next().
class RecordReader final {
public:
    RecordReader(const char *begin, const char *end, char delimiter, bool trim)
        : m_p(begin)
        , m_end(end)
        , m_delimiter(delimiter)
        , m_trim(trim)
    {
        for (int c = 0; c < 256; ++c)
            m_stop[c] = 0;
        m_stop[static_cast<unsigned char>(delimiter)] = 1;
        m_stop[static_cast<unsigned char>('\n')] = 1;
        m_stop[static_cast<unsigned char>('"')] = 1;
    }

    /// Reads the next record; false at the end of the range.
    bool next()
    {
        m_fields.clear();
        m_recordStartNewlines = m_newlines;
        if (m_p >= m_end)
            return false;
        size_t index = 0;
        for (;;) {
            readField(index++);
            if (m_p >= m_end)
                break;
            if (*m_p == m_delimiter) {
                ++m_p;
                continue;
            }
            // '\n'
            ++m_p;
            ++m_newlines;
            break;
        }
        return true;
    }

    const std::vector<std::string_view> &fields() const { return m_fields; }
    /// A record that is one empty unquoted field: a blank line.
    bool isBlank() const { return m_fields.size() == 1 && m_fields[0].empty() && !m_lastQuoted; }
    /// Newlines consumed before the current record started (0-based line offset in the range).
    std::int64_t recordLineOffset() const { return m_recordStartNewlines; }
    std::int64_t newlines() const { return m_newlines; }
    const char *position() const { return m_p; }
    /// A quote inside an unquoted field, text after a closing quote, or an unterminated quote
    /// was seen: the range is not strict RFC 4180 (still read leniently).
    bool irregularQuotes() const { return m_irregular; }
    /// Line offset (as recordLineOffset()) of the record with the first irregular quote, or -1.
    std::int64_t irregularLineOffset() const { return m_irregularLine; }

private:
    bool isTrimmable(char c) const { return c == ' ' || (c == '\t' && m_delimiter != '\t'); }

    void readField(size_t index)
    {
        const char *p = m_p;
        if (m_trim) {
            while (p < m_end && isTrimmable(*p))
                ++p;
        }
        m_lastQuoted = false;
        if (p < m_end && *p == '"') {
            m_lastQuoted = true;
            readQuoted(p + 1, index);
            return;
        }
        const char *start = p;
        skipToStop(p);
        const char *stop = p;
        if (stop > start && stop[-1] == '\r' && (p == m_end || *p == '\n'))
            --stop;
        if (m_trim) {
            while (stop > start && isTrimmable(stop[-1]))
                --stop;
        }
        m_fields.emplace_back(start, size_t(stop - start));
        m_p = p;
    }

    void readQuoted(const char *p, size_t index)
    {
        if (m_scratch.size() <= index)
            m_scratch.resize(index + 1);
        std::string *scratch = nullptr;
        const char *start = p;
        std::string_view content;
        for (;;) {
            const char *q = static_cast<const char *>(std::memchr(p, '"', size_t(m_end - p)));
            if (!q) {
                // Unterminated quote: the rest of the range is the field.
                markIrregular();
                countNewlines(p, m_end);
                if (scratch) {
                    scratch->append(p, m_end);
                    content = *scratch;
                } else {
                    content = std::string_view(start, size_t(m_end - start));
                }
                p = m_end;
                break;
            }
            countNewlines(p, q);
            if (q + 1 < m_end && q[1] == '"') {
                if (!scratch) {
                    scratch = &m_scratch[index];
                    scratch->assign(start, q + 1);
                } else {
                    scratch->append(p, q + 1);
                }
                p = q + 2;
                continue;
            }
            if (scratch) {
                scratch->append(p, q);
                content = *scratch;
            } else {
                content = std::string_view(start, size_t(q - start));
            }
            p = q + 1;
            break;
        }
        // Anything between the closing quote and the delimiter: spaces are dropped, other text
        // is kept (lenient, like most readers).
        const char *tail = p;
        skipToStop(p);
        const char *tailEnd = p;
        if (tailEnd > tail && tailEnd[-1] == '\r')
            --tailEnd;
        while (tailEnd > tail && isTrimmable(tailEnd[-1]))
            --tailEnd;
        while (tail < tailEnd && isTrimmable(*tail))
            ++tail;
        if (tail < tailEnd) {
            markIrregular();
            if (!scratch) {
                scratch = &m_scratch[index];
                scratch->assign(content.data(), content.size());
            }
            scratch->append(tail, tailEnd);
            content = *scratch;
        }
        if (m_trim && m_delimiter != '\t') {
            // Tabs pasted inside quotes ("\tno" in the kidney data) are never meant; spaces
            // inside quotes are kept, as RFC 4180 says.
            while (!content.empty() && content.front() == '\t')
                content.remove_prefix(1);
            while (!content.empty() && content.back() == '\t')
                content.remove_suffix(1);
        }
        m_fields.push_back(content);
        m_p = p;
    }

    void markIrregular()
    {
        if (!m_irregular)
            m_irregularLine = m_recordStartNewlines;
        m_irregular = true;
    }

#if defined(__SSE2__)
    // Bit i is set when byte i of the 64 at `p` is a delimiter, newline or quote.
    std::uint64_t stopMask(const char *p) const
    {
        const __m128i delimiter = _mm_set1_epi8(m_delimiter);
        const __m128i newline = _mm_set1_epi8('\n');
        const __m128i quote = _mm_set1_epi8('"');
        std::uint64_t mask = 0;
        for (int i = 0; i < 4; ++i) {
            const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * i));
            const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter), _mm_cmpeq_epi8(bytes, newline)),
                                             _mm_cmpeq_epi8(bytes, quote));
            mask |= std::uint64_t(std::uint32_t(_mm_movemask_epi8(hit))) << (16 * i);
        }
        return mask;
    }

    // The next stop at or after p inside the cached 64-byte block (refilled at p when p left
    // it); false when the range has fewer than 64 bytes left. Most fields end inside the block
    // they start in, so a field costs a shift and a bit scan.
    bool nextStopInBlocks(const char *&p)
    {
        for (;;) {
            if (!m_block || p < m_block || p >= m_block + 64) {
                if (m_end - p < 64)
                    return false;
                m_block = p;
                m_blockMask = stopMask(p);
            }
            const std::uint64_t ahead = m_blockMask >> (p - m_block);
            if (ahead) {
                p += std::countr_zero(ahead);
                return true;
            }
            p = m_block + 64;
        }
    }
#endif

    // Advances to the delimiter or newline ending an unquoted stretch; stray quotes are text.
    void skipToStop(const char *&p)
    {
        for (;;) {
#if defined(__SSE2__)
            if (!nextStopInBlocks(p)) {
#endif
                while (p < m_end && !m_stop[static_cast<unsigned char>(*p)])
                    ++p;
#if defined(__SSE2__)
            }
#endif
            if (p < m_end && *p == '"') {
                markIrregular();
                ++p;
                continue;
            }
            return;
        }
    }

    void countNewlines(const char *from, const char *to)
    {
        for (const char *c = from; c < to; ++c)
            m_newlines += *c == '\n' ? 1 : 0;
    }

    const char *m_p;
    const char *m_end;
    char m_delimiter;
    bool m_trim;
    bool m_lastQuoted = false;
    bool m_irregular = false;
    std::int64_t m_irregularLine = -1;
    unsigned char m_stop[256];
    const char *m_block = nullptr; // the 64 bytes whose stops m_blockMask holds
    std::uint64_t m_blockMask = 0;
    std::int64_t m_newlines = 0;
    std::int64_t m_recordStartNewlines = 0;
    std::vector<std::string_view> m_fields;
    // Unescaped copies of quoted fields, one per field index. A deque, because m_fields views
    // them: growing it for a later field must not move the strings of earlier ones.
    std::deque<std::string> m_scratch;
};

} // namespace core::csv
