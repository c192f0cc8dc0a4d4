// SPDX-License-Identifier: MIT
#include "ui/report/pageflow.h"

#include <QPainter>
#include <QPdfWriter>
#include <algorithm>

namespace ui {

namespace {
    constexpr qreal kFooterMm = 8; // reserved at the bottom of each page
    constexpr qreal kCellPadMm = 1.2;
    constexpr int kWrap = Qt::TextWordWrap;
    const QColor kRule(170, 170, 170);
    const QColor kHeaderFill(232, 238, 243);
    const QColor kTitleColor(21, 67, 96);
} // namespace

PageFlow::PageFlow(QPdfWriter &writer, QPainter &painter, const QString &footer)
    : m_writer(writer)
    , m_painter(painter)
    , m_footer(footer)
{
    m_dotsPerMm = writer.resolution() / 25.4;
    const QRect area = painter.viewport();
    m_width = area.width();
    m_height = area.height() - mm(kFooterMm);
}

QFont PageFlow::font(qreal pointSize, bool bold)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(pointSize);
    f.setBold(bold);
    // Any letter spacing turns ligatures off, so "fi" stays two letters a search can find.
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02); // 1/64 px at least, the smallest step
    return f;
}

qreal PageFlow::textHeight(const QString &text, const QFont &font, qreal width) const
{
    m_painter.setFont(font);
    return m_painter.boundingRect(QRectF(0, 0, width, 1e7), kWrap, text).height();
}

void PageFlow::ensure(qreal height)
{
    if (m_y > 0 && m_y + height > m_height)
        newPage();
}

void PageFlow::newPage()
{
    footer();
    m_writer.newPage();
    ++m_page;
    m_y = 0;
}

void PageFlow::finish()
{
    footer();
}

void PageFlow::footer()
{
    m_painter.save();
    m_painter.setPen(QPen(kRule, mm(0.2)));
    const qreal top = m_height + mm(kFooterMm) - mm(5);
    m_painter.drawLine(QPointF(0, top), QPointF(m_width, top));
    m_painter.setFont(font(7));
    m_painter.setPen(QColor(90, 90, 90));
    const QRectF box(0, top + mm(0.8), m_width, mm(4));
    m_painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter.drawText(box, Qt::AlignRight | Qt::AlignVCenter, QString::number(m_page));
    m_painter.restore();
}

void PageFlow::heading(const QString &text, int level, bool startPage)
{
    const qreal size = level == 0 ? 20 : level == 1 ? 14 : 11;
    const QFont f = font(size, true);
    const qreal h = textHeight(text, f, m_width);
    if (startPage && m_y > 0)
        newPage();
    // A heading never ends a page: keep room for a few lines of what follows.
    ensure(h + mm(level == 0 ? 4 : 22));
    if (m_y > 0)
        m_y += mm(level == 1 ? 5 : 3);
    m_painter.setFont(f);
    m_painter.setPen(kTitleColor);
    m_painter.drawText(QRectF(0, m_y, m_width, h), kWrap, text);
    m_y += h;
    if (level == 1) {
        m_painter.setPen(QPen(kTitleColor, mm(0.35)));
        m_painter.drawLine(QPointF(0, m_y + mm(0.8)), QPointF(m_width, m_y + mm(0.8)));
        m_y += mm(1.5);
    }
    m_y += mm(1.8);
}

void PageFlow::paragraph(const QString &text, qreal pointSize, const QColor &color, bool bold)
{
    const QFont f = font(pointSize, bold);
    const qreal h = textHeight(text, f, m_width);
    ensure(h);
    m_painter.setFont(f);
    m_painter.setPen(color);
    m_painter.drawText(QRectF(0, m_y, m_width, h), kWrap, text);
    m_y += h + mm(1.5);
}

void PageFlow::bullets(const QStringList &items, qreal pointSize)
{
    const QFont f = font(pointSize);
    const qreal indent = mm(4);
    for (const QString &item : items) {
        const qreal h = textHeight(item, f, m_width - indent);
        ensure(h);
        m_painter.setFont(f);
        m_painter.setPen(Qt::black);
        m_painter.drawText(QRectF(0, m_y, indent, h), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("•"));
        m_painter.drawText(QRectF(indent, m_y, m_width - indent, h), kWrap, item);
        m_y += h + mm(1);
    }
    m_y += mm(1);
}

QRectF PageFlow::reserve(qreal height)
{
    ensure(height);
    const QRectF r(0, m_y, m_width, height);
    m_y += height;
    return r;
}

void PageFlow::tableHeader(const FlowTable &table, const QList<qreal> &x, const QList<qreal> &w)
{
    const QFont f = font(table.fontSize, true);
    const qreal pad = mm(kCellPadMm);
    qreal h = 0;
    for (int c = 0; c < table.header.size(); ++c)
        h = std::max(h, textHeight(table.header.at(c), f, w.at(c) - 2 * pad));
    h += 2 * pad;
    ensure(h * 2);
    m_painter.fillRect(QRectF(0, m_y, m_width, h), kHeaderFill);
    m_painter.setFont(f);
    m_painter.setPen(Qt::black);
    for (int c = 0; c < table.header.size(); ++c) {
        const Qt::Alignment a = c < table.align.size() ? table.align.at(c) : Qt::AlignLeft;
        m_painter.drawText(QRectF(x.at(c) + pad, m_y + pad, w.at(c) - 2 * pad, h - 2 * pad), int(a) | kWrap,
            table.header.at(c));
    }
    m_y += h;
    m_painter.setPen(QPen(kRule, mm(0.25)));
    m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
}

void PageFlow::table(const FlowTable &table)
{
    const int columns = int(table.header.size());
    if (columns == 0)
        return;
    qreal total = 0;
    for (int c = 0; c < columns; ++c)
        total += c < table.widths.size() ? table.widths.at(c) : 1.0;
    QList<qreal> x, w;
    qreal left = 0;
    for (int c = 0; c < columns; ++c) {
        const qreal share = (c < table.widths.size() ? table.widths.at(c) : 1.0) / total;
        x.append(left);
        w.append(share * m_width);
        left += share * m_width;
    }
    const qreal pad = mm(kCellPadMm);
    const qreal dot = mm(2.4);
    tableHeader(table, x, w);
    for (int r = 0; r < table.rows.size(); ++r) {
        const QList<FlowTable::Cell> &row = table.rows.at(r);
        qreal h = 0;
        for (int c = 0; c < columns && c < row.size(); ++c) {
            const qreal textWidth = w.at(c) - 2 * pad - (row.at(c).dot.isValid() ? dot + pad : 0);
            h = std::max(h, textHeight(row.at(c).text, font(table.fontSize, row.at(c).bold), textWidth));
        }
        h += 2 * pad;
        if (m_y + h > m_height) {
            newPage();
            tableHeader(table, x, w);
        }
        if (r % 2 == 1)
            m_painter.fillRect(QRectF(0, m_y, m_width, h), QColor(248, 248, 248));
        for (int c = 0; c < columns && c < row.size(); ++c) {
            const FlowTable::Cell &cell = row.at(c);
            qreal textLeft = x.at(c) + pad;
            if (cell.dot.isValid()) {
                m_painter.setPen(QPen(cell.dot.darker(130), mm(0.15)));
                m_painter.setBrush(cell.dot);
                m_painter.drawEllipse(QRectF(textLeft, m_y + pad + mm(0.4), dot, dot));
                m_painter.setBrush(Qt::NoBrush);
                textLeft += dot + pad;
            }
            const Qt::Alignment a = c < table.align.size() ? table.align.at(c) : Qt::AlignLeft;
            m_painter.setFont(font(table.fontSize, cell.bold));
            m_painter.setPen(Qt::black);
            m_painter.drawText(QRectF(textLeft, m_y + pad, x.at(c) + w.at(c) - pad - textLeft, h - 2 * pad),
                int(a) | kWrap, cell.text);
        }
        m_y += h;
        m_painter.setPen(QPen(kRule, mm(0.1)));
        m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
    }
    m_y += mm(3);
}

} // namespace ui
