import PDFDocument from 'pdfkit';

/**
 * A small layout kit over pdfkit for the reports: A4 landscape, a title, key-value blocks,
 * single-line tables that repeat their header on each page, and a footer with page numbers
 * written once every page exists (bufferPages).
 */

/** A column's header and its share of the table width: `['Account', 10]`. */
export type PdfColumn = readonly [header: string, width: number];

const MARGIN = 40;
const FOOTER_SPACE = 28;
const ROW_H = 11;

export interface ReportPdf {
  doc: PDFKit.PDFDocument;
  title(text: string, subtitle?: string): void;
  heading(text: string): void;
  paragraph(text: string, options?: { muted?: boolean }): void;
  keyValues(pairs: ReadonlyArray<readonly [string, string]>): void;
  /** The table, or the `empty` sentence in its place when there are no rows. */
  table(columns: readonly PdfColumn[], rows: ReadonlyArray<readonly string[]>, options?: { empty?: string }): void;
  /** Writes the footers and returns the file's bytes. */
  finish(footer: string): Promise<Buffer>;
}

export function createReportPdf(info: { title: string; author: string }): ReportPdf {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, bufferPages: true, info: { Title: pdfText(info.title), Author: info.author, Creator: info.author } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const width = () => doc.page.width - MARGIN * 2;
  const bottom = () => doc.page.height - MARGIN - FOOTER_SPACE;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  function cellsLine(columns: readonly PdfColumn[], cells: readonly string[], bold: boolean) {
    const total = columns.reduce((sum, [, share]) => sum + share, 0);
    let x = MARGIN;
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7);
    columns.forEach(([, share], i) => {
      const w = (share / total) * width();
      doc.text(fit(doc, pdfText(cells[i] ?? ''), w - 4), x + 2, y + 2, { width: w - 4, lineBreak: false });
      x += w;
    });
    doc.x = MARGIN;
    doc.y = y + ROW_H;
  }

  function paragraph(text: string, options?: { muted?: boolean }) {
    ensure(14);
    doc.font('Helvetica').fontSize(8.5).fillColor(options?.muted ? '#4b5563' : '#111827').text(pdfText(text), MARGIN, doc.y, { width: width() });
    doc.fillColor('#111827').moveDown(0.3);
  }

  return {
    doc,
    title(text, subtitle) {
      doc.font('Helvetica-Bold').fontSize(18).fillColor('#111827').text(pdfText(text), MARGIN, doc.y, { width: width() });
      if (subtitle) doc.moveDown(0.2).font('Helvetica').fontSize(10).fillColor('#4b5563').text(pdfText(subtitle), { width: width() });
      doc.fillColor('#111827').moveDown(0.8);
    },
    heading(text) {
      ensure(40);
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).fillColor('#111827').text(pdfText(text), MARGIN, doc.y, { width: width() });
      doc.moveDown(0.3);
    },
    paragraph,
    keyValues(pairs) {
      const keyW = 150;
      for (const [key, value] of pairs) {
        doc.font('Helvetica').fontSize(8.5);
        const h = Math.max(doc.heightOfString(pdfText(value), { width: width() - keyW }), 10);
        ensure(h + 2);
        const y = doc.y;
        doc.font('Helvetica-Bold').fillColor('#374151').text(pdfText(key), MARGIN, y, { width: keyW - 8 });
        doc.font('Helvetica').fillColor('#111827').text(pdfText(value), MARGIN + keyW, y, { width: width() - keyW });
        doc.y = Math.max(doc.y, y + h) + 2;
      }
      doc.x = MARGIN;
      doc.moveDown(0.3);
    },
    table(columns, rows, options) {
      if (rows.length === 0 && options?.empty !== undefined) {
        paragraph(options.empty);
        return;
      }
      const header = () => {
        doc.rect(MARGIN, doc.y, width(), ROW_H).fill('#e5e7eb');
        doc.fillColor('#111827');
        cellsLine(columns, columns.map(([name]) => name), true);
      };
      ensure(ROW_H * 3);
      header();
      rows.forEach((row, i) => {
        if (doc.y + ROW_H > bottom()) {
          doc.addPage();
          header();
        }
        if (i % 2 === 1) doc.rect(MARGIN, doc.y, width(), ROW_H).fill('#f3f4f6');
        doc.fillColor('#111827');
        cellsLine(columns, row, false);
      });
      doc.moveDown(0.6);
    },
    async finish(footer) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        // Writing inside the bottom margin would start a new page: lift the margin while we do.
        const margins = doc.page.margins;
        doc.page.margins = { ...margins, bottom: 0 };
        const y = doc.page.height - MARGIN + 4;
        doc.moveTo(MARGIN, y - 6).lineTo(doc.page.width - MARGIN, y - 6).lineWidth(0.5).strokeColor('#d1d5db').stroke();
        doc.font('Helvetica').fontSize(7).fillColor('#4b5563');
        doc.text(pdfText(footer), MARGIN, y, { width: width() - 80, lineBreak: false });
        doc.text(`Page ${i + 1 - range.start} of ${range.count}`, doc.page.width - MARGIN - 80, y, { width: 80, align: 'right', lineBreak: false });
        doc.page.margins = margins;
      }
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

/** Cuts text to the width, with an ellipsis: table rows stay one line. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, mid)}…`) <= width) low = mid;
    else high = mid - 1;
  }
  return `${text.slice(0, low)}…`;
}

/** The standard PDF fonts speak WinAnsi: characters outside it would print as garbage. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function pdfText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else if (code < 0x20) out += ' ';
    else out += '?';
  }
  return out;
}
