// SPDX-License-Identifier: MIT
// libFuzzer target: the CSV reader with sniffing and type inference, then a second read with
// the inferred types (as `evaluate` reads a synthetic file). The last four bytes of an input
// pick the parse options, so the seed CSV files stay CSV.
#include "fuzzsupport.h"
#include "tablecheck.h"

#include "core/data/csvreader.h"

#include <fuzzer/FuzzedDataProvider.h>

namespace {

core::CsvOptions optionsFrom(FuzzedDataProvider &bits)
{
    core::CsvOptions o;
    // Mostly the defaults (sniff everything), as users read files; sometimes forced options.
    if (bits.ConsumeIntegralInRange(0, 3) == 0) {
        const char16_t delimiters[] = { u',', u';', u'\t', u'|', u'"' };
        o.delimiter = QChar(delimiters[bits.ConsumeIntegralInRange(0, 4)]);
    }
    if (bits.ConsumeIntegralInRange(0, 3) == 0)
        o.decimalMark = bits.ConsumeBool() ? QChar(u'.') : QChar(u',');
    o.header = core::CsvOptions::Header(bits.ConsumeIntegralInRange(0, 2));
    o.encoding = core::CsvOptions::Encoding(bits.ConsumeIntegralInRange(0, 2));
    o.dateOrder = core::CsvOptions::DateOrder(bits.ConsumeIntegralInRange(0, 2));
    o.skipRaggedRows = bits.ConsumeBool();
    o.trimWhitespace = !bits.ConsumeBool();
    if (bits.ConsumeIntegralInRange(0, 7) == 0)
        o.maxRows = bits.ConsumeIntegralInRange(0, 5);
    if (bits.ConsumeIntegralInRange(0, 7) == 0)
        o.columnNames = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("a") };
    if (bits.ConsumeIntegralInRange(0, 7) == 0)
        o.missingMarkers = { QStringLiteral("-"), QStringLiteral("0") };
    return o;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::initialize();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, size_t size)
{
    const size_t optionBytes = std::min<size_t>(size, 4);
    FuzzedDataProvider bits(data + size - optionBytes, optionBytes);
    const core::CsvOptions options = optionsFrom(bits);
    const QString path = fuzzsupport::writeInput(QStringLiteral("input.csv"), data, size - optionBytes);

    core::SilentJob job;
    const auto read = core::CsvReader::read(path, options, job);
    if (!read.ok()) {
        fuzzsupport::require(!read.error().message.isEmpty(), "an error says what is wrong");
        return 0;
    }
    const core::CsvReadResult &result = read.value();
    fuzzsupport::requireWellFormed(result.table, result.schema);

    core::CsvOptions again = options;
    again.delimiter = result.delimiter;
    again.decimalMark = result.decimalMark;
    again.header = result.hasHeader ? core::CsvOptions::Header::Present : core::CsvOptions::Header::Absent;
    const auto typed = core::CsvReader::readAs(path, result.schema, again, job);
    if (typed.ok())
        fuzzsupport::requireWellFormed(typed.value().table, typed.value().schema);
    else
        fuzzsupport::require(!typed.error().message.isEmpty(), "an error says what is wrong");
    return 0;
}
