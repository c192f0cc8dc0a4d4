// SPDX-License-Identifier: MIT
#include "ui/wizard/csvsourcewidget.h"

#include "ui/settings.h"
#include "ui/wizard/tablepreviewmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace ui {

namespace {
    constexpr int kPreviewRows = 200;

    QString delimiterName(QChar c)
    {
        if (c == u',')
            return CsvSourceWidget::tr("comma");
        if (c == u';')
            return CsvSourceWidget::tr("semicolon");
        if (c == u'\t')
            return CsvSourceWidget::tr("tab");
        if (c == u'|')
            return CsvSourceWidget::tr("pipe");
        return QString(c);
    }
} // namespace

QStringList droppedLocalFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile())
            files.append(url.toLocalFile());
    }
    return files;
}

CsvSourceWidget::CsvSourceWidget(QWidget *parent)
    : QWidget(parent)
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *fileRow = new QHBoxLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    m_path = new QLineEdit(this);
    m_path->setPlaceholderText(tr("Choose a CSV file, or drop one here"));
    m_path->setClearButtonEnabled(true);
    fileLabel->setBuddy(m_path);
    auto *browse = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Browse..."), this);
    m_recent = new QToolButton(this);
    m_recent->setText(tr("&Recent"));
    m_recent->setPopupMode(QToolButton::InstantPopup);
    m_recent->setMenu(new QMenu(m_recent));
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    fileRow->addWidget(m_recent);
    layout->addLayout(fileRow);

    auto *optionsBox = new QGroupBox(tr("Parse options"), this);
    auto *grid = new QGridLayout(optionsBox);
    auto addCombo = [&](int row, int col, const QString &label, QComboBox *combo) {
        auto *l = new QLabel(label, optionsBox);
        l->setBuddy(combo);
        grid->addWidget(l, row, col * 2);
        grid->addWidget(combo, row, col * 2 + 1);
    };
    m_delimiter = new QComboBox(optionsBox);
    m_delimiter->addItem(tr("Detect"), QString());
    m_delimiter->addItem(tr("Comma ( , )"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->addItem(tr("Pipe ( | )"), QStringLiteral("|"));
    m_header = new QComboBox(optionsBox);
    m_header->addItem(tr("Detect"), int(core::CsvOptions::Header::Auto));
    m_header->addItem(tr("First row is a header"), int(core::CsvOptions::Header::Present));
    m_header->addItem(tr("No header row"), int(core::CsvOptions::Header::Absent));
    m_encoding = new QComboBox(optionsBox);
    m_encoding->addItem(tr("Detect"), int(core::CsvOptions::Encoding::Auto));
    m_encoding->addItem(QStringLiteral("UTF-8"), int(core::CsvOptions::Encoding::Utf8));
    m_encoding->addItem(tr("Windows-1252 / Latin-1"), int(core::CsvOptions::Encoding::Latin1));
    m_decimal = new QComboBox(optionsBox);
    m_decimal->addItem(tr("Detect"), QString());
    m_decimal->addItem(tr("Point ( 1.5 )"), QStringLiteral("."));
    m_decimal->addItem(tr("Comma ( 1,5 )"), QStringLiteral(","));
    addCombo(0, 0, tr("&Delimiter:"), m_delimiter);
    addCombo(0, 1, tr("&Header:"), m_header);
    addCombo(1, 0, tr("&Encoding:"), m_encoding);
    addCombo(1, 1, tr("Decimal &mark:"), m_decimal);
    m_missing = new QLineEdit(optionsBox);
    m_missing->setToolTip(tr("Cell values read as missing, separated by spaces"));
    QStringList markers = core::defaultMissingMarkers();
    markers.removeAll(QString());
    m_missing->setText(markers.join(u' '));
    auto *missingLabel = new QLabel(tr("Missing &markers:"), optionsBox);
    missingLabel->setBuddy(m_missing);
    grid->addWidget(missingLabel, 2, 0);
    grid->addWidget(m_missing, 2, 1);
    m_emptyMissing = new QCheckBox(tr("Empty cells are missing"), optionsBox);
    m_emptyMissing->setChecked(true);
    m_skipRagged = new QCheckBox(tr("Skip rows with a wrong number of fields"), optionsBox);
    m_skipRagged->setToolTip(tr("Otherwise such a row stops loading with an error naming its line"));
    grid->addWidget(m_emptyMissing, 2, 2);
    grid->addWidget(m_skipRagged, 2, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    layout->addWidget(optionsBox);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_model = new TablePreviewModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->setAccessibleName(tr("Preview of the first rows"));
    layout->addWidget(m_view, 1);

    connect(browse, &QPushButton::clicked, this, &CsvSourceWidget::browse);
    connect(m_path, &QLineEdit::editingFinished, this, &CsvSourceWidget::reparse);
    for (QComboBox *combo : { m_delimiter, m_header, m_encoding, m_decimal })
        connect(combo, &QComboBox::currentIndexChanged, this, &CsvSourceWidget::reparse);
    connect(m_missing, &QLineEdit::editingFinished, this, &CsvSourceWidget::reparse);
    connect(m_emptyMissing, &QCheckBox::toggled, this, &CsvSourceWidget::reparse);
    connect(m_skipRagged, &QCheckBox::toggled, this, &CsvSourceWidget::reparse);
    connect(m_recent->menu(), &QMenu::aboutToShow, this, &CsvSourceWidget::refreshRecent);
    refreshRecent();
    reparse();
}

QString CsvSourceWidget::path() const { return m_path->text().trimmed(); }

void CsvSourceWidget::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    reparse();
}

core::CsvOptions CsvSourceWidget::options() const
{
    core::CsvOptions o;
    const QString delimiter = m_delimiter->currentData().toString();
    o.delimiter = delimiter.isEmpty() ? QChar() : delimiter.at(0);
    const QString decimal = m_decimal->currentData().toString();
    o.decimalMark = decimal.isEmpty() ? QChar() : decimal.at(0);
    o.header = core::CsvOptions::Header(m_header->currentData().toInt());
    o.encoding = core::CsvOptions::Encoding(m_encoding->currentData().toInt());
    o.missingMarkers = m_missing->text().split(u' ', Qt::SkipEmptyParts);
    if (m_emptyMissing->isChecked())
        o.missingMarkers.prepend(QString());
    o.skipRaggedRows = m_skipRagged->isChecked();
    return o;
}

void CsvSourceWidget::setOptions(const core::CsvOptions &o)
{
    m_blockReparse = true;
    m_delimiter->setCurrentIndex(std::max(0, m_delimiter->findData(o.delimiter.isNull() ? QString() : QString(o.delimiter))));
    m_decimal->setCurrentIndex(std::max(0, m_decimal->findData(o.decimalMark.isNull() ? QString() : QString(o.decimalMark))));
    m_header->setCurrentIndex(std::max(0, m_header->findData(int(o.header))));
    m_encoding->setCurrentIndex(std::max(0, m_encoding->findData(int(o.encoding))));
    QStringList markers = o.missingMarkers;
    m_emptyMissing->setChecked(markers.contains(QString()));
    markers.removeAll(QString());
    m_missing->setText(markers.join(u' '));
    m_skipRagged->setChecked(o.skipRaggedRows);
    m_blockReparse = false;
    reparse();
}

void CsvSourceWidget::browse()
{
    QString dir = settings::lastDirectory.value();
    if (!path().isEmpty())
        dir = QFileInfo(path()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a CSV file"), dir,
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (file.isEmpty())
        return;
    settings::lastDirectory.setValue(QFileInfo(file).absolutePath());
    setPath(file);
}

void CsvSourceWidget::refreshRecent()
{
    QMenu *menu = m_recent->menu();
    menu->clear();
    const QStringList recent = settings::recentCsvFiles.value();
    for (const QString &file : recent) {
        QAction *action = menu->addAction(QDir::toNativeSeparators(file));
        action->setEnabled(QFileInfo::exists(file));
        connect(action, &QAction::triggered, this, [this, file] { setPath(file); });
    }
    if (recent.isEmpty())
        menu->addAction(tr("No recent files"))->setEnabled(false);
    m_recent->setEnabled(true);
}

void CsvSourceWidget::reparse()
{
    if (m_blockReparse)
        return;
    m_previewValid = false;
    m_error = {};
    const QString file = QDir::fromNativeSeparators(path());
    if (file.isEmpty()) {
        m_model->clear();
        m_status->setText(tr("No file chosen yet. Use Browse, a recent file, drop a CSV file here, or try the demo data."));
        Q_EMIT previewChanged();
        return;
    }
    core::CsvOptions o = options();
    o.maxRows = kPreviewRows;
    core::SilentJob job;
    auto read = core::CsvReader::read(file, o, job);
    if (!read.ok()) {
        m_error = read.error();
        m_model->clear();
        m_status->setText(QStringLiteral("<span style=\"color:#b03a2e\"><b>") + tr("Cannot read this file:").toHtmlEscaped()
                          + QStringLiteral("</b> ") + m_error.message.toHtmlEscaped() + QStringLiteral("</span>"));
        Q_EMIT previewChanged();
        return;
    }
    const core::CsvReadResult &r = read.value();
    m_previewValid = true;
    settings::pushRecent(settings::recentCsvFiles, QFileInfo(file).absoluteFilePath());
    QString status = tr("Preview of the first %n row(s)", nullptr, int(r.table.rowCount())) + QStringLiteral(" · ")
        + tr("%n column(s)", nullptr, r.table.columnCount()) + QStringLiteral(" · ") + tr("delimiter: %1").arg(delimiterName(r.delimiter))
        + QStringLiteral(" · ") + tr("decimal mark: %1").arg(r.decimalMark) + QStringLiteral(" · ") + r.encoding + QStringLiteral(" · ")
        + (r.hasHeader ? tr("header row") : tr("no header row"));
    if (!r.diagnostics.isEmpty())
        status += QStringLiteral(" · ") + tr("%n warning(s)", nullptr, int(r.diagnostics.size()));
    m_status->setText(status.toHtmlEscaped());
    QStringList tips;
    for (const core::Diagnostic &d : r.diagnostics)
        tips.append(d.message);
    m_status->setToolTip(tips.join(u'\n'));
    m_model->setTable(r.table, r.schema, kPreviewRows);
    m_view->resizeColumnsToContents();
    Q_EMIT previewChanged();
}

void CsvSourceWidget::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedLocalFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void CsvSourceWidget::dropEvent(QDropEvent *event)
{
    const QStringList files = droppedLocalFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    setPath(files.first());
}

} // namespace ui
