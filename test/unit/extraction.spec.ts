import { describe, it, expect } from 'vitest';
import PDFDocument from 'pdfkit';
import { Document, FootnoteReferenceRun, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { extractPages, normalisePageText, type ExtractionResult } from '../../src/documents/extraction/index.js';
import { pageTextFromItems } from '../../src/documents/extraction/pdf-page-text.js';
import { promoteRenderedBreaks } from '../../src/documents/extraction/word-page-breaks.js';
import { listZipEntries, readZipEntry, replaceZipEntry } from '../../src/documents/extraction/zip-entries.js';
import { demoDocumentsForMeeting, SYNTHETIC_NOTICE, type DemoBlock, type DemoDocument, type DemoMeetingRef } from '../../src/demo/documents/demo-document-content.js';
import { renderDemoDocument } from '../../src/demo/documents/render-demo-document.js';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Pdf = InstanceType<typeof PDFDocument>;

async function makePdf(draw: (pdf: Pdf) => void, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> {
  const pdf = new PDFDocument({ size: 'A4', ...options });
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });
  draw(pdf);
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** Five pages, each saying which page it is in words that appear nowhere else. */
const FIVE_PAGES = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
const fivePagePdf = (options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> => makePdf((pdf) => {
  FIVE_PAGES.forEach((word, i) => {
    if (i > 0) pdf.addPage();
    pdf.fontSize(14).text(`Section ${i + 1}: ${word} heading`);
    pdf.fontSize(10).text(`This is the body of page ${i + 1}, all about ${word}. `.repeat(6));
  });
}, options);

const makeDocx = async (children: (Paragraph | Table)[]): Promise<Uint8Array> =>
  new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));

function pagesOf(result: ExtractionResult): string[] {
  if (result.status !== 'extracted') throw new Error(`expected text, got ${result.status} ${result.code}: ${result.reason}`);
  return result.pages;
}

/** Edits word/document.xml inside a .docx, to produce what Word writes but the docx package cannot. */
function editDocumentXml(docx: Uint8Array, edit: (xml: string) => string): Uint8Array {
  const entries = listZipEntries(docx);
  const main = entries?.find((e) => e.name === 'word/document.xml');
  const xml = main && readZipEntry(docx, main);
  if (!entries || !xml) throw new Error('not a docx');
  const edited = replaceZipEntry(docx, entries, 'word/document.xml', Buffer.from(edit(Buffer.from(xml).toString('utf8'))));
  if (!edited) throw new Error('could not rewrite the docx');
  return edited;
}
/** Word's mark for "a page started here", at the start of the run holding `text`. */
const renderedBreakBefore = (text: string) => (xml: string): string =>
  xml.replaceAll(`<w:r><w:t xml:space="preserve">${text}</w:t>`, `<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">${text}</w:t>`);

describe('extractPages: PDF', () => {
  it('reads each page separately, in order (pages[2] is page 3)', async () => {
    const pages = pagesOf(await extractPages(await fivePagePdf(), PDF, 'five.pdf'));
    expect(pages).toHaveLength(5);
    expect(pages[2]).toContain('Section 3: charlie heading');
    expect(pages[2]).toContain('This is the body of page 3, all about charlie.');
    for (const other of FIVE_PAGES.filter((w) => w !== 'charlie')) expect(pages[2]).not.toContain(other);
    pages.forEach((page, i) => expect(page.split('\n')[0]).toBe(`Section ${i + 1}: ${FIVE_PAGES[i]} heading`));
  });

  it('keeps line breaks, puts runs on one baseline on one line, and normalises whitespace', async () => {
    const bytes = await makePdf((pdf) => {
      pdf.fontSize(12).text('Left cell', 72, 100, { lineBreak: false });
      pdf.text('Right cell', 300, 100, { lineBreak: false });
      pdf.text('Next   line   here', 72, 130);
    });
    const [page] = pagesOf(await extractPages(bytes, PDF, 'layout.pdf'));
    expect(page).toBe('Left cell Right cell\nNext line here');
    expect(normalisePageText(page ?? '')).toBe(page); // already in normal form, so quotes can be matched again
  });

  it('leaves the caller\'s bytes intact (pdf.js detaches the buffer it is given)', async () => {
    const bytes = await fivePagePdf();
    const copy = bytes.slice();
    await extractPages(bytes, PDF, 'five.pdf');
    expect(bytes.length).toBe(copy.length);
    expect(Buffer.compare(bytes, copy)).toBe(0);
  });

  it('reports a password-protected PDF as encrypted, with advice', async () => {
    const result = await extractPages(await fivePagePdf({ userPassword: 'secret', pdfVersion: '1.7' }), PDF, 'Locked paper.pdf');
    expect(result).toMatchObject({ status: 'failed', code: 'encrypted' });
    if (result.status !== 'extracted') expect(result.reason).toMatch(/"Locked paper\.pdf" is password-protected.*unprotected copy/);
  });

  it('reads a PDF with only an owner (permissions) password, which opens without one', async () => {
    const pages = pagesOf(await extractPages(await fivePagePdf({ ownerPassword: 'owner', permissions: { printing: 'highResolution' } }), PDF, 'restricted.pdf'));
    expect(pages[4]).toContain('echo');
  });

  it('reports truncated and random bytes as corrupt, and a zero-byte file as empty', async () => {
    const whole = await fivePagePdf();
    expect(await extractPages(whole.subarray(0, Math.floor(whole.length / 2)), PDF, 'half.pdf')).toMatchObject({ status: 'failed', code: 'corrupt' });
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    expect(await extractPages(random, 'application/octet-stream', 'noise.pdf')).toMatchObject({ status: 'failed', code: 'corrupt' });
    const empty = await extractPages(new Uint8Array(0), PDF, 'nothing.pdf');
    expect(empty).toMatchObject({ status: 'failed', code: 'empty' });
    if (empty.status !== 'extracted') expect(empty.reason).toContain('0 bytes');
  });

  it('reports a PDF with no text (a scan) as empty, suggesting OCR', async () => {
    const bytes = await makePdf((pdf) => { pdf.rect(100, 100, 200, 200).fill('#888888'); pdf.addPage(); });
    const result = await extractPages(bytes, PDF, 'scan.pdf');
    expect(result).toMatchObject({ status: 'failed', code: 'empty' });
    if (result.status !== 'extracted') expect(result.reason).toMatch(/2 pages.*OCR/);
  });

  it('applies the size and page limits', async () => {
    const bytes = await fivePagePdf();
    const large = await extractPages(bytes, PDF, 'big.pdf', { maxBytes: 1000 });
    expect(large).toMatchObject({ status: 'failed', code: 'too_large' });
    const capped = await extractPages(bytes, PDF, 'long.pdf', { maxPages: 2 });
    expect(capped).toMatchObject({ status: 'extracted', pages: [expect.stringContaining('alpha'), expect.stringContaining('bravo')] });
    if (capped.status === 'extracted') expect(capped.warnings?.[0]).toMatch(/first 2 pages of 5/);
  });

  it('trusts the PDF signature over the name and type, as for a Graph rendition still named .pptx', async () => {
    const pages = pagesOf(await extractPages(await fivePagePdf(), 'application/vnd.openxmlformats-officedocument.presentationml.presentation', 'Slides.pptx'));
    expect(pages).toHaveLength(5);
  });
});

describe('pageTextFromItems', () => {
  const item = (str: string, x: number, y: number, width: number, hasEOL = false) => ({ str, transform: [10, 0, 0, 10, x, y], width, height: 10, hasEOL });
  it('joins runs on a line, adds a space only at a real gap, and starts a line when the baseline moves', () => {
    expect(pageTextFromItems([
      item('Safe', 50, 700, 20), item('guarding', 70.2, 700, 40), // kerning-size gap: one word
      item('board', 113, 700, 25), // word-size gap: a space
      item('minutes', 50, 686, 35), // next baseline: a new line
      { type: 'beginMarkedContent' }, // marked content carries no text
      item('end', 90, 686, 15, true), item('', 105, 686, 0, true), item('after', 50, 672, 20),
    ])).toBe('Safeguarding board\nminutes end\nafter');
  });
});

describe('extractPages: Word', () => {
  it('splits at explicit page breaks and makes paragraphs lines', async () => {
    const bytes = await makeDocx([
      new Paragraph('First page, first paragraph.'),
      new Paragraph('First page, second paragraph with <angle> & "quotes".'),
      new Paragraph({ children: [new PageBreak()] }),
      new Paragraph('Second page.'),
      new Paragraph({ children: [new TextRun('Still second page.'), new PageBreak(), new TextRun('Third page, same paragraph.')] }),
    ]);
    expect(pagesOf(await extractPages(bytes, DOCX, 'breaks.docx'))).toEqual([
      'First page, first paragraph.\nFirst page, second paragraph with <angle> & "quotes".',
      'Second page.\nStill second page.',
      'Third page, same paragraph.',
    ]);
  });

  it('keeps table text, one line per row', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const bytes = await makeDocx([
      new Paragraph('Before the table.'),
      new Table({ rows: [new TableRow({ children: [cell('Measure'), cell('Q1')] }), new TableRow({ children: [cell('Referrals'), cell('1,204')] })] }),
      new Paragraph('After the table.'),
    ]);
    expect(pagesOf(await extractPages(bytes, 'application/octet-stream', 'table.docx'))).toEqual(['Before the table.\nMeasure Q1\nReferrals 1,204\nAfter the table.']);
  });

  it('puts footnotes at the end of the last page, without the back links', async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({
      footnotes: { 1: { children: [new Paragraph('Source: partnership dashboard.')] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('Referrals rose.'), new FootnoteReferenceRun(1)] }), new Paragraph('Next paragraph.')] }],
    })));
    expect(pagesOf(await extractPages(bytes, DOCX, 'notes.docx'))).toEqual(['Referrals rose.[1]\nNext paragraph.\nSource: partnership dashboard.']);
  });

  it('treats a document with no page breaks as one page', async () => {
    const bytes = await makeDocx(['One.', 'Two.', 'Three.'].map((t) => new Paragraph(t)));
    expect(pagesOf(await extractPages(bytes, DOCX, 'flow.docx'))).toEqual(['One.\nTwo.\nThree.']);
  });

  it('uses the page breaks Word rendered when it last saved the file, once per table row', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
    const plain = await makeDocx([
      new Paragraph('Alpha one'), new Paragraph('Bravo two'),
      new Table({ rows: [new TableRow({ children: [cell('Cell one'), cell('Cell two'), cell('Cell three')] })] }),
      new Paragraph('Charlie three'),
    ]);
    const rendered = ['Bravo two', 'Cell one', 'Cell two', 'Cell three'].reduce((bytes, text) => editDocumentXml(bytes, renderedBreakBefore(text)), plain);
    expect(pagesOf(await extractPages(rendered, DOCX, 'rendered.docx'))).toEqual(['Alpha one', 'Bravo two', 'Cell one Cell two Cell three\nCharlie three']);
  });

  it('prefers rendered breaks to explicit ones when Word rendered them all, and explicit ones otherwise', async () => {
    const withExplicit = await makeDocx([
      new Paragraph('Alpha one'), new Paragraph({ children: [new PageBreak()] }), new Paragraph('Bravo two'), new Paragraph('Charlie three'),
    ]);
    // Word saved it: a rendered break after the explicit one, and one where the text filled the page.
    const fromWord = editDocumentXml(editDocumentXml(withExplicit, renderedBreakBefore('Bravo two')), renderedBreakBefore('Charlie three'));
    expect(pagesOf(await extractPages(fromWord, DOCX, 'word.docx'))).toEqual(['Alpha one', 'Bravo two', 'Charlie three']);
    // Edited since: fewer rendered breaks than explicit ones, so the explicit ones are the trustworthy ones.
    const edited = await makeDocx([
      new Paragraph('Alpha one'), new Paragraph({ children: [new PageBreak()] }), new Paragraph('Bravo two'),
      new Paragraph({ children: [new PageBreak()] }), new Paragraph('Charlie three'),
    ]);
    expect(pagesOf(await extractPages(editDocumentXml(edited, renderedBreakBefore('Charlie three')), DOCX, 'edited.docx')))
      .toEqual(['Alpha one', 'Bravo two', 'Charlie three']);
  });

  it('promotes rendered breaks without touching anything else in the XML', () => {
    const xml = '<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>B</w:t></w:r></w:p>'
      + '<w:tbl><w:tr><w:trPr/><w:tc><w:p><w:r><w:lastRenderedPageBreak/><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:lastRenderedPageBreak/></w:r></w:p></w:tc></w:tr></w:tbl>';
    expect(promoteRenderedBreaks(xml)).toBe('<w:p><w:r><w:br/></w:r></w:p><w:p><w:r><w:br w:type="page"/><w:t>B</w:t></w:r></w:p>'
      + '<w:tbl><w:tr><w:trPr/><w:tc><w:p><w:r><w:br w:type="page"/><w:t>C</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r></w:r></w:p></w:tc></w:tr></w:tbl>');
  });

  it('reports damaged, password-protected and old-format Word files in plain English', async () => {
    const good = await makeDocx([new Paragraph('Text.')]);
    expect(await extractPages(good.subarray(0, Math.floor(good.length / 2)), DOCX, 'cut.docx')).toMatchObject({ status: 'failed', code: 'corrupt' });
    expect(await extractPages(new Uint8Array(2048).fill(7), DOCX, 'noise.docx')).toMatchObject({ status: 'failed', code: 'corrupt' });
    // Office encrypts a .docx by wrapping it in an OLE compound file with an "EncryptedPackage" stream.
    const compound = (streamName: string): Uint8Array => {
      const bytes = new Uint8Array(4096);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      bytes.set(Buffer.from(streamName, 'utf16le'), 1024);
      return bytes;
    };
    const locked = await extractPages(compound('EncryptedPackage'), DOCX, 'Locked.docx');
    expect(locked).toMatchObject({ status: 'failed', code: 'encrypted' });
    if (locked.status !== 'extracted') expect(locked.reason).toContain('password-protected');
    const legacy = await extractPages(compound('WordDocument'), DOCX, 'Renamed.docx');
    expect(legacy).toMatchObject({ status: 'failed', code: 'corrupt' });
    if (legacy.status !== 'extracted') expect(legacy.reason).toContain('Word 97-2003');
  });
});

describe('extractPages: other types', () => {
  const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]);
  it('asks for other Office files to be converted to PDF first', async () => {
    expect(await extractPages(bytes, 'application/octet-stream', 'Slides.pptx')).toMatchObject({ status: 'skipped', code: 'needs_conversion' });
    expect(await extractPages(bytes, 'application/vnd.ms-excel', 'data')).toMatchObject({ status: 'skipped', code: 'needs_conversion' });
    for (const name of ['a.doc', 'a.ppt', 'a.xlsx', 'a.xls', 'a.odt', 'a.rtf']) {
      expect(await extractPages(bytes, '', name)).toMatchObject({ status: 'skipped', code: 'needs_conversion' });
    }
  });
  it('skips anything else as unsupported', async () => {
    const result = await extractPages(bytes, 'image/png', 'Photo.png');
    expect(result).toMatchObject({ status: 'skipped', code: 'unsupported' });
    if (result.status !== 'extracted') expect(result.reason).toContain('"Photo.png"');
  });
});

describe('extractPages on the demo generator\'s documents', () => {
  const MEETINGS: DemoMeetingRef[] = [
    { forumKey: 'qa-subgroup', forumName: 'Quality Assurance Subgroup', forumKind: 'subgroup', date: '2026-01-14', title: 'QA - January 2026' },
    { forumKey: 'executive', forumName: 'Executive', forumKind: 'executive', date: '2025-06-09', title: 'Executive - June 2025' },
    { forumKey: 'case-review', forumName: 'Case Review Subgroup', forumKind: 'subgroup', date: '2025-10-21', title: 'Case Review - October 2025' },
    { forumKey: 'neglect-tf', forumName: 'Neglect Strategy Task and Finish Group', forumKind: 'task_and_finish', date: '2025-03-03', title: 'Neglect - March 2025' },
  ];
  /** The generator's pages: the blocks between pageBreak blocks. */
  const sections = (doc: DemoDocument): DemoBlock[][] => doc.blocks.reduce<DemoBlock[][]>((acc, block) => {
    if (block.type === 'pageBreak') acc.push([]);
    else acc[acc.length - 1]?.push(block);
    return acc;
  }, [[]]);
  const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

  it('finds the synthetic notice on page 1 and each page\'s headings on that page, in PDF and Word', async () => {
    const documents = MEETINGS.flatMap(demoDocumentsForMeeting);
    expect(documents.some((d) => d.format === 'pdf')).toBe(true);
    for (const doc of documents) {
      const pages = pagesOf(await extractPages(await renderDemoDocument(doc), doc.format === 'pdf' ? PDF : DOCX, doc.fileName));
      const expected = sections(doc);
      expect(pages, doc.fileName).toHaveLength(expected.length);
      expect(pages[0], doc.fileName).toContain(SYNTHETIC_NOTICE);
      expected.forEach((blocks, i) => {
        for (const heading of blocks.filter((b) => b.type === 'heading')) {
          expect(oneLine(pages[i] ?? ''), `${doc.fileName} page ${i + 1}`).toContain(heading.text);
          // Numbered section headings are unique, so they must be on their own page and no other.
          if (/^\d+\. /.test(heading.text)) pages.forEach((p, j) => { if (j !== i) expect(oneLine(p)).not.toContain(heading.text); });
        }
      });
    }
  }, 60_000);
});
