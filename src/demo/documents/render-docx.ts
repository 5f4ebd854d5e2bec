/**
 * Renders a synthetic demo document as a real Word file: built-in heading styles, real bullet lists, real tables
 * and page breaks, so the demo exercises the same parsing paths as partners' own papers.
 */

import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph,
  ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type FileChild,
} from 'docx';
import { SYNTHETIC_NOTICE, type DemoBlock, type DemoDocument } from './demo-document-content.js';

const AUTHOR = 'Line of Sight demo (synthetic)';
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function cell(text: string, header: boolean): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } : undefined,
  });
}

function blockToDocx(block: DemoBlock): FileChild[] {
  switch (block.type) {
    case 'heading':
      return [new Paragraph({ text: block.text, heading: HEADINGS[block.level] })];
    case 'paragraph':
      if (block.text === SYNTHETIC_NOTICE) {
        // Boxed and bold so nobody mistakes demo data for a real partnership paper.
        const border = { style: BorderStyle.SINGLE, size: 8, color: 'C00000', space: 4 };
        return [new Paragraph({
          children: [new TextRun({ text: block.text, bold: true, color: 'C00000' })],
          border: { top: border, bottom: border, left: border, right: border },
          spacing: { after: 240 },
        })];
      }
      return [new Paragraph({ text: block.text, spacing: { after: 120 } })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ text: item, bullet: { level: 0 } }));
    case 'table':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: block.header.map((h) => cell(h, true)) }),
            ...block.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
          ],
        }),
        new Paragraph({ text: '' }), // Word needs a paragraph between adjacent tables, and it gives breathing space
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function renderDocx(doc: DemoDocument): Promise<Uint8Array> {
  const small = (text: string): TextRun => new TextRun({ text, size: 16, color: '595959' });
  const file = new Document({
    title: doc.title,
    creator: AUTHOR,
    lastModifiedBy: AUTHOR,
    description: SYNTHETIC_NOTICE,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [small(SYNTHETIC_NOTICE)] })] }) },
      footers: {
        default: new Footer({ children: [new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [small(`${doc.title} - page `), new TextRun({ children: [PageNumber.CURRENT], size: 16, color: '595959' }),
            small(' of '), new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: '595959' })],
        })] }),
      },
      children: doc.blocks.flatMap(blockToDocx),
    }],
  });
  return new Uint8Array(await Packer.toBuffer(file));
}
