// SPDX-License-Identifier: MIT
// The Source step against a real, throw-away PostgreSQL server (ctest fixture "postgres"): the
// Test button's verdict, the table browser, a wrong password's message, and loading a table
// into the project.
#include "core/data/postgresconnection.h"
#include "services.h"
#include "ui/controllers/projectcontroller.h"
#include "ui/wizard/postgressourcewidget.h"
#include "ui/wizard/sourcepage.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class TestPostgresSourcePage : public QObject {
    Q_OBJECT

    core::PostgresConnectionInfo m_info;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString uri = testsupport::postgresUri();
        if (uri.isEmpty())
            QSKIP("the postgres fixture is not running (run through ctest)");
        auto info = core::PostgresConnectionInfo::fromUri(uri);
        QVERIFY(info.ok());
        m_info = info.value();
        m_info.password = testsupport::postgresPassword();
        auto connection = core::PostgresConnection::open(m_info);
        QVERIFY2(connection.ok(), qPrintable(connection.ok() ? QString() : connection.error().toString()));
        QVERIFY(connection.value().exec("DROP SCHEMA IF EXISTS ui_test CASCADE", QStringLiteral("drop")).ok());
        QVERIFY(connection.value().exec("CREATE SCHEMA ui_test", QStringLiteral("schema")).ok());
        QVERIFY(connection.value()
                    .exec("CREATE TABLE ui_test.visits (id int, age int, admitted date, smoker boolean)",
                          QStringLiteral("create"))
                    .ok());
        QVERIFY(connection.value()
                    .exec("INSERT INTO ui_test.visits VALUES (1, 54, '2021-03-01', true), (2, 61, '2021-04-11', false),"
                          " (3, NULL, '2021-05-20', false)",
                          QStringLiteral("insert"))
                    .ok());
    }

    void testButtonListsTablesAndLoadsOne()
    {
        ui::ProjectController project;
        ui::SourcePage page(&project);
        page.choosePostgres(true);
        ui::PostgresSourceWidget *form = page.postgresWidget();
        form->setConnectionInfo(m_info);
        QSignalSpy tested(form, &ui::PostgresSourceWidget::tested);
        form->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 20000);
        QCOMPARE(tested.at(0).at(0).toBool(), true);
        QVERIFY2(form->verdict().startsWith(QStringLiteral("Connected")), qPrintable(form->verdict()));
        QVERIFY(!page.isComplete());
        QVERIFY(form->selectTable(QStringLiteral("ui_test"), QStringLiteral("visits")));
        QVERIFY(page.isComplete());
        QVERIFY(page.validatePage());
        QCOMPARE(project.realTable().rowCount(), qint64(3));
        QCOMPARE(project.realTable().columnNames(),
                 (QStringList { QStringLiteral("id"), QStringLiteral("age"), QStringLiteral("admitted"),
                                QStringLiteral("smoker") }));
        QCOMPARE(project.project().source.kind, core::SourceSettings::Kind::PostgreSql);
        QCOMPARE(project.project().source.table, QStringLiteral("ui_test.visits"));
        QVERIFY(project.realTable().column(1).isMissing(2));
    }

    void wrongPasswordGivesAClearVerdict()
    {
        ui::ProjectController project;
        ui::SourcePage page(&project);
        page.choosePostgres(true);
        core::PostgresConnectionInfo wrong = m_info;
        wrong.password = QStringLiteral("not-the-password");
        page.postgresWidget()->setConnectionInfo(wrong);
        QSignalSpy tested(page.postgresWidget(), &ui::PostgresSourceWidget::tested);
        page.postgresWidget()->testConnection();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, 20000);
        QCOMPARE(tested.at(0).at(0).toBool(), false);
        const QString verdict = page.postgresWidget()->verdict();
        QVERIFY(!verdict.isEmpty());
        QVERIFY(!verdict.contains(QStringLiteral("not-the-password"))); // never echo the secret
    }
};

QTEST_MAIN(TestPostgresSourcePage)
#include "tst_postgressourcepage.moc"
