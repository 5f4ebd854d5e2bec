/**
 * Renders a synthetic demo document as a PDF with real, selectable text (pdfkit's standard Helvetica, so no font
 * files ship with the app). pageBreak blocks start new pages, which lets later features point at page numbers.
 */

import PDFDocument from 'pdfkit';
import { SYNTHETIC_NOTICE, type DemoBlock, type DemoDocument } from './demo-document-content.js';

const AUTHOR = 'Line of Sight demo (synthetic)';
const MARGIN = 56;
const BODY = 10;
const HEADING_SIZES = { 1: 18, 2: 13.5, 3: 11.5 } as const;

type Pdf = InstanceType<typeof PDFDocument>;

const width = (pdf: Pdf): number => pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
const bottom = (pdf: Pdf): number => pdf.page.height - pdf.page.margins.bottom;

/** Start a new page when the next chunk would not fit, so headings and table rows are never split or orphaned. */
function ensureSpace(pdf: Pdf, needed: number): void {
  if (pdf.y + needed > bottom(pdf)) pdf.addPage();
}

function renderNotice(pdf: Pdf, text: string): void {
  pdf.font('Helvetica-Bold').fontSize(BODY);
  const h = pdf.heightOfString(text, { width: width(pdf) - 16 }) + 12;
  const top = pdf.y;
  pdf.save().lineWidth(1.2).strokeColor('#C00000').rect(MARGIN, top, width(pdf), h).stroke().restore();
  pdf.fillColor('#C00000').text(text, MARGIN + 8, top + 6, { width: width(pdf) - 16 });
  pdf.fillColor('black');
  pdf.x = MARGIN;
  pdf.y = top + h + 10;
}

function renderTable(pdf: Pdf, header: string[], rows: string[][]): void {
  const fontSize = 8.5;
  const pad = 3;
  // Column widths follow content length, clamped so that no column is starved or hogs the page.
  const weights = header.map((h, j) => Math.min(60, Math.max(8, h.length, ...rows.map((r) => (r[j] ?? '').length))));
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => (w / total) * width(pdf));
  const drawRow = (cells: string[], bold: boolean): void => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(fontSize);
    const h = Math.max(...cells.map((c, j) => pdf.heightOfString(c, { width: (widths[j] ?? 0) - 2 * pad }))) + 2 * pad;
    if (pdf.y + h > bottom(pdf)) {
      pdf.addPage();
      if (!bold) drawRow(header, true); // repeat the header on the new page, like Word does
      pdf.font('Helvetica').fontSize(fontSize);
    }
    const top = pdf.y;
    if (bold) pdf.save().rect(MARGIN, top, width(pdf), h).fill('#D9E2F3').restore();
    let x = MARGIN;
    cells.forEach((c, j) => {
      pdf.fillColor('black').text(c, x + pad, top + pad, { width: (widths[j] ?? 0) - 2 * pad });
      x += widths[j] ?? 0;
    });
    pdf.save().lineWidth(0.4).strokeColor('#A6A6A6').moveTo(MARGIN, top + h).lineTo(MARGIN + width(pdf), top + h).stroke().restore();
    pdf.x = MARGIN;
    pdf.y = top + h;
  };
  drawRow(header, true);
  rows.forEach((r) => drawRow(header.map((_, j) => r[j] ?? ''), false));
  pdf.y += 10;
}

function renderBlock(pdf: Pdf, block: DemoBlock): void {
  switch (block.type) {
    case 'heading':
      ensureSpace(pdf, 60);
      if (block.level > 1) pdf.moveDown(0.4);
      pdf.font('Helvetica-Bold').fontSize(HEADING_SIZES[block.level]).text(block.text, MARGIN, pdf.y, { width: width(pdf) });
      pdf.moveDown(0.35);
      return;
    case 'paragraph':
      if (block.text === SYNTHETIC_NOTICE) return renderNotice(pdf, block.text);
      pdf.font('Helvetica').fontSize(BODY).text(block.text, MARGIN, pdf.y, { width: width(pdf), lineGap: 1.5 });
      pdf.moveDown(0.6);
      return;
    case 'bullets':
      pdf.font('Helvetica').fontSize(BODY);
      for (const item of block.items) {
        ensureSpace(pdf, 14);
        const top = pdf.y;
        pdf.text('•', MARGIN + 6, top);
        pdf.text(item, MARGIN + 20, top, { width: width(pdf) - 20, lineGap: 1.5 });
        pdf.moveDown(0.3);
      }
      pdf.x = MARGIN;
      pdf.moveDown(0.3);
      return;
    case 'table':
      return renderTable(pdf, block.header, block.rows);
    case 'pageBreak':
      pdf.addPage();
      return;
  }
}

export async function renderPdf(doc: DemoDocument): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true, lang: 'en-GB', displayTitle: true,
    info: { Title: doc.title, Author: AUTHOR, Subject: SYNTHETIC_NOTICE, Creator: 'Line of Sight', Keywords: 'synthetic; demo' },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  for (const block of doc.blocks) renderBlock(pdf, block);
  // Footers go in after layout, when the page count is known; the bottom margin is lifted so pdfkit writes
  // into it instead of spilling onto a new page.
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const saved = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('Helvetica').fontSize(7.5).fillColor('#595959')
      .text(`${doc.title} - page ${i + 1} of ${count} - synthetic demonstration data`, MARGIN, pdf.page.height - 36,
        { width: width(pdf), align: 'center', lineBreak: false });
    pdf.page.margins.bottom = saved;
  }
  pdf.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
