// SPDX-License-Identifier: MIT
// The Source step's CSV panel: parse options re-parse the preview live, a drop sets the file,
// and unreadable files say why instead of showing a preview.
#include "ui/wizard/csvsourcewidget.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QFile>
#include <QMimeData>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

class TestCsvSourceWidget : public QObject {
    Q_OBJECT

    static QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
    {
        const QString path = dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            return {};
        return path;
    }

    static QAbstractItemModel *model(ui::CsvSourceWidget &w) { return w.findChild<QTableView *>()->model(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void optionsReparseLive()
    {
        QTemporaryDir dir;
        // Semicolons with decimal commas, one missing marker "NA": 3 columns, 2 rows (by hand).
        const QString path = write(dir, QStringLiteral("semi.csv"), "id;weight;city\n1;70,5;Lyon\n2;NA;Paris\n");
        ui::CsvSourceWidget w;
        w.setPath(path);
        QVERIFY(w.isPreviewValid());
        QCOMPARE(model(w)->columnCount(), 3);
        QCOMPARE(model(w)->rowCount(), 2);
        QCOMPARE(model(w)->index(0, 1).data().toString(), QStringLiteral("70.5"));
        QCOMPARE(model(w)->index(1, 1).data().toString(), QStringLiteral("missing"));

        // Forcing the comma as delimiter re-parses at once: the header is one field but "1;70,5;Lyon"
        // is two, so the preview turns into an error naming line 2.
        auto *delimiter = w.findChildren<QComboBox *>().at(0);
        delimiter->setCurrentIndex(delimiter->findData(QStringLiteral(",")));
        QVERIFY(!w.isPreviewValid());
        QVERIFY(w.previewError().message.contains(QStringLiteral("2")));
        QCOMPARE(model(w)->columnCount(), 0);

        // Back to detection; then declare there is no header: the header line becomes a row.
        delimiter->setCurrentIndex(0);
        QCOMPARE(model(w)->columnCount(), 3);
        auto *header = w.findChildren<QComboBox *>().at(1);
        header->setCurrentIndex(2); // "No header row"
        QCOMPARE(model(w)->rowCount(), 3);
        QCOMPARE(w.options().header, core::CsvOptions::Header::Absent);
    }

    void dropSetsTheFile()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("a.csv"), "x,y\n1,2\n3,4\n");
        ui::CsvSourceWidget w;
        w.show();
        QMimeData mime;
        mime.setUrls({ QUrl::fromLocalFile(path) });
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&w, &drop);
        QCOMPARE(QDir::fromNativeSeparators(w.path()), path);
        QVERIFY(w.isPreviewValid());
        QCOMPARE(model(w)->rowCount(), 2);
    }

    void raggedFileSaysWhy()
    {
        QTemporaryDir dir;
        const QString path = write(dir, QStringLiteral("ragged.csv"), "a,b\n1,2\n3,4,5\n");
        ui::CsvSourceWidget w;
        w.setPath(path);
        QVERIFY(!w.isPreviewValid());
        QVERIFY(w.previewError().message.contains(QStringLiteral("3"))); // names the line
        QCOMPARE(model(w)->rowCount(), 0);
    }
};

QTEST_MAIN(TestCsvSourceWidget)
#include "tst_csvsourcewidget.moc"
