// SPDX-License-Identifier: MIT
#pragma once

#include "core/data/csvreader.h"

#include <QWidget>

class QMimeData;

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QToolButton;

namespace ui {

class TablePreviewModel;

/// Choosing a CSV file (dialog, drop, recent list) and its parse options, with a live preview
/// of the first rows as parsed. Re-parses whenever a file or an option changes.
class CsvSourceWidget final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CsvSourceWidget)
public:
    explicit CsvSourceWidget(QWidget *parent = nullptr);

    QString path() const;
    /// Sets the file and re-parses the preview.
    void setPath(const QString &path);
    /// The options the user chose (Auto where left to sniffing).
    core::CsvOptions options() const;
    /// Shows `options` in the controls (e.g. from a reopened project) and re-parses.
    void setOptions(const core::CsvOptions &options);
    /// True when the current file and options parse without error.
    bool isPreviewValid() const { return m_previewValid; }
    /// The last preview error (empty when valid).
    const core::Error &previewError() const { return m_error; }

Q_SIGNALS:
    void previewChanged();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void browse();
    void reparse();
    void refreshRecent();

    QLineEdit *m_path = nullptr;
    QToolButton *m_recent = nullptr;
    QComboBox *m_delimiter = nullptr;
    QComboBox *m_header = nullptr;
    QComboBox *m_encoding = nullptr;
    QComboBox *m_decimal = nullptr;
    QLineEdit *m_missing = nullptr;
    QCheckBox *m_emptyMissing = nullptr;
    QCheckBox *m_skipRagged = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_view = nullptr;
    TablePreviewModel *m_model = nullptr;
    bool m_previewValid = false;
    bool m_blockReparse = false;
    core::Error m_error;
};

/// The paths of local files among a drop's URLs.
QStringList droppedLocalFiles(const QMimeData *mime);

} // namespace ui
