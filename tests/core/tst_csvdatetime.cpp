// SPDX-License-Identifier: MIT
// Date parsing and date-format detection used by the CSV reader. Expected seconds were computed
// with Python: (datetime(...) - datetime(1970, 1, 1)).total_seconds().
#include "core/data/datetimeformat.h"
#include "core/data/datetimeparse.h"

#include <QTest>

using namespace core;

namespace {

QStringList sl(std::initializer_list<const char *> values)
{
    QStringList out;
    for (const char *v : values)
        out.append(QString::fromUtf8(v));
    return out;
}

} // namespace

class TestCsvDateTime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("format");
        QTest::addColumn<double>("seconds");
        QTest::newRow("iso") << "2021-03-04" << "%Y-%m-%d" << 1614816000.0;
        QTest::newRow("before 1970") << "1942-03-05" << "%Y-%m-%d" << -878169600.0;
        QTest::newRow("iso time Z") << "2007-12-19T02:46:42Z" << "%Y-%m-%dT%H:%M:%SZ" << 1198032402.0;
        QTest::newRow("day first") << "04/03/2021" << "%d/%m/%Y" << 1614816000.0;
        QTest::newRow("month first") << "04/03/2021" << "%m/%d/%Y" << 1617408000.0;
        QTest::newRow("dotted") << "3.2.2021" << "%d.%m.%Y" << 1612310400.0;
        QTest::newRow("month name") << "4 Mar 2021" << "%d %b %Y" << 1614816000.0;
        QTest::newRow("full month name") << "March 4 2021" << "%b %d %Y" << 1614816000.0;
        QTest::newRow("compact") << "20210308" << "%Y%m%d" << 1615161600.0;
        QTest::newRow("fraction") << "2021-03-04 10:00:00.25" << "%Y-%m-%d %H:%M:%S.%f" << 1614852000.25;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QString, format);
        QFETCH(double, seconds);
        const QByteArray t = text.toUtf8();
        const QByteArray f = format.toUtf8();
        const auto parsed = parseDateTime(std::string_view(t.constData(), size_t(t.size())),
                                          std::string_view(f.constData(), size_t(f.size())));
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, seconds);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("format");
        QTest::newRow("month 13") << "2021-13-01" << "%Y-%m-%d";
        QTest::newRow("31 February") << "2021-02-31" << "%Y-%m-%d";
        QTest::newRow("trailing text") << "2021-02-01x" << "%Y-%m-%d";
        QTest::newRow("wrong separator") << "2021/02/01" << "%Y-%m-%d";
    }
    void rejects()
    {
        QFETCH(QString, text);
        QFETCH(QString, format);
        const QByteArray t = text.toUtf8();
        const QByteArray f = format.toUtf8();
        QVERIFY(!parseDateTime(std::string_view(t.constData(), size_t(t.size())),
                               std::string_view(f.constData(), size_t(f.size())))
                     .has_value());
    }

    void detectSingleFormats_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("ambiguous");
        QTest::newRow("iso") << sl({ "2021-01-05", "2020-12-31" }) << "%Y-%m-%d" << false;
        QTest::newRow("day first evident") << sl({ "25/01/2021", "03/02/2021" }) << "%d/%m/%Y" << false;
        QTest::newRow("month first evident") << sl({ "01/25/2021", "03/02/2021" }) << "%m/%d/%Y" << false;
        QTest::newRow("ambiguous") << sl({ "01/02/2021", "03/04/2021" }) << "%d/%m/%Y" << true;
        QTest::newRow("iso with Z") << sl({ "2007-12-19T02:46:42Z" }) << "%Y-%m-%dT%H:%M:%SZ" << false;
        QTest::newRow("ydm") << sl({ "2021-26-01", "2021-01-01" }) << "%Y-%d-%m" << false;
    }
    void detectSingleFormats()
    {
        QFETCH(QStringList, values);
        QFETCH(QString, format);
        QFETCH(bool, ambiguous);
        std::vector<QByteArray> storage;
        std::vector<std::string_view> views;
        for (const QString &v : values)
            storage.push_back(v.toUtf8());
        for (const QByteArray &b : storage)
            views.emplace_back(b.constData(), size_t(b.size()));
        const DateDetection d = detectDateColumn(views, std::vector<qint64>(views.size(), 1), DateOrderHint::Auto);
        QVERIFY(d.isDate);
        QCOMPARE(d.format, format);
        QCOMPARE(d.ambiguous, ambiguous);
        QVERIFY(!d.mixed);
    }

    void notDates()
    {
        for (const QStringList &values : { sl({ "I31.4", "I47.3" }), sl({ "2021-01-05", "soon" }),
                                           sl({ "8302-2", "8867-4" }), sl({ "12345678" }) }) {
            std::vector<QByteArray> storage;
            std::vector<std::string_view> views;
            for (const QString &v : values)
                storage.push_back(v.toUtf8());
            for (const QByteArray &b : storage)
                views.emplace_back(b.constData(), size_t(b.size()));
            QVERIFY2(!detectDateColumn(views, {}, DateOrderHint::Auto).isDate, qPrintable(values.join(u',')));
        }
    }

    void formatsRoundTrip()
    {
        // formatDateTime is parseDateTime's inverse for the formats detection produces.
        for (const char *format : { "%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%SZ", "%d %b %Y", "%Y%m%d", "%Y-%d-%m" }) {
            const double seconds = -878169600.0 + 3 * 3600 + 25 * 60 + 7; // 1942-03-05 03:25:07
            const bool hasTime = QByteArray(format).contains("%H");
            const double expected = hasTime ? seconds : -878169600.0;
            const QByteArray text = formatDateTime(seconds, QString::fromLatin1(format)).toUtf8();
            const auto parsed = parseDateTime(std::string_view(text.constData(), size_t(text.size())), format);
            QVERIFY2(parsed.has_value(), format);
            QCOMPARE(*parsed, expected);
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvDateTime)
#include "tst_csvdatetime.moc"
