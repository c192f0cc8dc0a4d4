// SPDX-License-Identifier: MIT
#include "ui/showerror.h"

#include <QLoggingCategory>
#include <QMessageBox>

Q_LOGGING_CATEGORY(lcUiErrors, "healthsynth.ui.errors")

namespace ui {

void showError(QWidget *parent, const QString &title, const core::Error &error)
{
    // Every error is logged with its detail, so nothing is lost even if the box is dismissed.
    qCWarning(lcUiErrors).noquote() << title << ':' << error.toString();
    if (error.code == core::Error::Code::Cancelled)
        return;
    QMessageBox box(QMessageBox::Critical, title, error.message, QMessageBox::Ok, parent);
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

} // namespace ui
