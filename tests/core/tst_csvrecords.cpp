// SPDX-License-Identifier: MIT
// The record splitter reads back fields written by RFC 4180's rules, whatever their length and
// wherever they fall against the splitter's 64-byte blocks.
#include "core/data/csvparse.h"

#include <QRandomGenerator>
#include <QTest>

#include <string>
#include <vector>

namespace {

// A field of 0-150 characters; some hold the delimiter, quotes or a newline and so need quoting.
std::string randomField(QRandomGenerator &rng)
{
    static const char kPlain[] = "abcdefghij0123456789.-";
    static const char kSpecial[] = ",\"\n";
    const int length = rng.bounded(8) == 0 ? int(rng.bounded(150)) : int(rng.bounded(12));
    const bool special = rng.bounded(6) == 0;
    std::string field;
    for (int i = 0; i < length; ++i)
        field += special && rng.bounded(10) == 0 ? kSpecial[rng.bounded(3)] : kPlain[rng.bounded(22)];
    return field;
}

// RFC 4180: a field with a delimiter, quote or newline is quoted, its quotes doubled.
std::string written(const std::string &field)
{
    if (field.find_first_of(",\"\n") == std::string::npos)
        return field;
    std::string out(1, '"');
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

} // namespace

class TestCsvRecords : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsBackWhatWasWritten()
    {
        QRandomGenerator rng(11);
        for (int file = 0; file < 200; ++file) {
            std::vector<std::vector<std::string>> records(1 + rng.bounded(60));
            std::string text;
            for (auto &record : records) {
                record.resize(1 + rng.bounded(8));
                for (size_t j = 0; j < record.size(); ++j) {
                    record[j] = randomField(rng);
                    if (j > 0)
                        text += ',';
                    text += written(record[j]);
                }
                // A record of one empty field would read as a blank line.
                if (record.size() == 1 && record[0].empty())
                    text += written(record[0] = std::string(1, 'x'));
                text += rng.bounded(4) == 0 ? "\r\n" : "\n";
            }
            core::csv::RecordReader reader(text.data(), text.data() + text.size(), ',', false);
            for (size_t r = 0; r < records.size(); ++r) {
                QVERIFY2(reader.next(), qPrintable(QStringLiteral("file %1 record %2").arg(file).arg(r)));
                const std::vector<std::string_view> &fields = reader.fields();
                QCOMPARE(fields.size(), records[r].size());
                for (size_t j = 0; j < fields.size(); ++j)
                    QCOMPARE(std::string(fields[j]), records[r][j]);
            }
            QVERIFY(!reader.next());
            QVERIFY(!reader.irregularQuotes());
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvRecords)
#include "tst_csvrecords.moc"
