// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;
class QPdfWriter;

namespace ui {

/// A table for PageFlow::table: a header row and rows of text cells. A cell may carry a
/// colour dot (a traffic light) drawn before its text.
struct FlowTable {
    struct Cell {
        Cell(const QString &text = {}, const QColor &dot = {}, bool bold = false)
            : text(text)
            , dot(dot)
            , bold(bold)
        {
        }
        QString text;
        QColor dot; ///< invalid: no dot
        bool bold = false;
    };
    QStringList header;
    QList<qreal> widths; ///< relative column widths
    QList<Qt::Alignment> align; ///< per column; default left
    QList<QList<Cell>> rows;
    qreal fontSize = 8.5; ///< points
};

/// Lays text, tables and drawings out top to bottom over A4 pages of a QPdfWriter, breaking
/// pages where a block does not fit and stamping a footer on every page. Units are device
/// pixels; mm() converts. The painter must be active on the writer. GUI thread (or the thread
/// that owns the QGuiApplication).
class PageFlow final {
public:
    PageFlow(QPdfWriter &writer, QPainter &painter, const QString &footer);

    qreal mm(qreal millimetres) const { return millimetres * m_dotsPerMm; }
    qreal width() const { return m_width; }
    qreal remaining() const { return m_height - m_y; }
    int pageNumber() const { return m_page; }
    QPainter &painter() { return m_painter; }

    /// Level 0: the title; 1: a section (starts on a new page when `newPage`); 2: a subsection.
    void heading(const QString &text, int level, bool newPage = false);
    void paragraph(
        const QString &text, qreal pointSize = 9.5, const QColor &color = Qt::black, bool bold = false);
    /// Paragraphs with a bullet, kept together line by line.
    void bullets(const QStringList &items, qreal pointSize = 9);
    /// Rows break over pages; the header is repeated on each new page.
    void table(const FlowTable &table);
    /// A block of `height` for the caller to draw into; starts a new page when it does not fit.
    QRectF reserve(qreal height);
    void space(qreal millimetres) { m_y += mm(millimetres); }
    void newPage();
    /// Stamps the last page's footer; call once before QPainter::end().
    void finish();

    static QFont font(qreal pointSize, bool bold = false);

private:
    qreal textHeight(const QString &text, const QFont &font, qreal width) const;
    void ensure(qreal height);
    void footer();
    void tableHeader(const FlowTable &table, const QList<qreal> &x, const QList<qreal> &w);

    QPdfWriter &m_writer;
    QPainter &m_painter;
    QString m_footer;
    qreal m_dotsPerMm = 1;
    qreal m_width = 0;
    qreal m_height = 0; ///< of the text area, above the footer
    qreal m_y = 0;
    int m_page = 1;
};

} // namespace ui
