// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/postgressource.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableView;
class QTreeWidget;

namespace ui {

class TablePreviewModel;

/// The PostgreSQL connection form (host, port, database, user, password, SSL mode), a Test
/// button with a plain verdict, a schema/table browser and a SQL query box. The password lives
/// in memory and, if the user asks, in the system keychain; never in settings or projects.
class PostgresSourceWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PostgresSourceWidget)
public:
    explicit PostgresSourceWidget(QWidget *parent = nullptr);

    /// The form's connection, password included (in memory only).
    core::PostgresConnectionInfo connectionInfo() const;
    /// True when a table is selected, or the query box holds a statement.
    bool isReady() const;
    bool usesQuery() const;
    QString selectedSchema() const;
    QString selectedTable() const;
    QString query() const;
    /// Fills the form (e.g. from a libpq URI); the password only if given.
    void setConnectionInfo(const core::PostgresConnectionInfo &info);
    /// The Test button: connects in the background, shows the verdict and the table browser.
    void testConnection();
    /// The verdict's text (plain), for tests and accessibility.
    QString verdict() const;
    /// Selects a table in the browser; false if it is not listed (test the connection first).
    bool selectTable(const QString &schema, const QString &table);
    /// Loads the chosen table or query in full (blocking; the caller shows a busy cursor).
    core::Result<core::PostgresLoadResult> load(core::JobContext &job) const;

Q_SIGNALS:
    void readyChanged();
    /// The Test button's verdict arrived.
    void tested(bool ok);

private:
    void showTables(const QList<core::PostgresTableRef> &tables);
    void preview();
    void setVerdict(bool ok, const QString &text);
    void rememberSettings() const;
    void loadPasswordFromKeychain();
    void storePasswordInKeychain() const;

    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QComboBox *m_sslMode = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_verdict = nullptr;
    QRadioButton *m_tableMode = nullptr;
    QRadioButton *m_queryMode = nullptr;
    QTreeWidget *m_tables = nullptr;
    QPlainTextEdit *m_query = nullptr;
    QPushButton *m_preview = nullptr;
    QTableView *m_previewView = nullptr;
    TablePreviewModel *m_previewModel = nullptr;
};

} // namespace ui
