import { describe, it, expect } from 'vitest';
import { inflateRawSync, inflateSync } from 'node:zlib';
import {
  demoDocumentsForMeeting, SYNTHETIC_NOTICE, type DemoBlock, type DemoDocument, type DemoMeetingRef,
} from '../../src/demo/documents/demo-document-content.js';
import { renderDemoDocument } from '../../src/demo/documents/render-demo-document.js';
import { renderDocx } from '../../src/demo/documents/render-docx.js';
import { renderPdf } from '../../src/demo/documents/render-pdf.js';

const FORUMS: Omit<DemoMeetingRef, 'date' | 'title'>[] = [
  { forumKey: 'executive', forumName: 'Executive', forumKind: 'executive' },
  { forumKey: 'partnership-board', forumName: 'Partnership Board', forumKind: 'partnership_board' },
  { forumKey: 'qa-subgroup', forumName: 'Quality Assurance Subgroup', forumKind: 'subgroup' },
  { forumKey: 'case-review', forumName: 'Case Review Subgroup', forumKind: 'subgroup' },
  { forumKey: 'learning-development', forumName: 'Learning and Development Subgroup', forumKind: 'subgroup' },
  { forumKey: 'exploitation', forumName: 'Exploitation Subgroup', forumKind: 'subgroup' },
  { forumKey: 'neglect-tf', forumName: 'Neglect Strategy Task and Finish Group', forumKind: 'task_and_finish' },
];

/** 56 meetings: every forum, eight dates spread over two years. */
const MEETINGS: DemoMeetingRef[] = FORUMS.flatMap((f, i) =>
  Array.from({ length: 8 }, (_, k) => {
    const date = new Date(Date.UTC(2025, 0, 6 + i * 3 + k * 88)).toISOString().slice(0, 10);
    return { ...f, date, title: `${f.forumName} - ${date}` };
  }));
const QA: DemoMeetingRef = {
  forumKey: 'qa-subgroup', forumName: 'Quality Assurance Subgroup', forumKind: 'subgroup', date: '2026-01-14',
  title: 'Quality Assurance Subgroup - January 2026',
};

const pagesOf = (doc: DemoDocument): number => doc.blocks.filter((b) => b.type === 'pageBreak').length + 1;
const textOf = (blocks: DemoBlock[]): string => blocks.map((b) =>
  b.type === 'heading' || b.type === 'paragraph' ? b.text
    : b.type === 'bullets' ? b.items.join('\n')
      : b.type === 'table' ? [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n') : '').join('\n');
const ascii = (bytes: Uint8Array, n: number): string => Buffer.from(bytes.subarray(0, n)).toString('latin1');

/** Reads one entry of a zip through its central directory (no zip library is a dependency). */
function unzipEntry(bytes: Uint8Array, name: string): string {
  const buf = Buffer.from(bytes);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const nameLength = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + nameLength) === name) {
      const local = buf.readUInt32LE(p + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const raw = buf.subarray(start, start + buf.readUInt32LE(p + 20));
      return (buf.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    }
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error(`${name} is not in the zip`);
}

/** The text a PDF reader would extract: the strings shown by TJ operators in the page content streams. */
function pdfText(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes);
  const latin = buf.toString('latin1');
  const shown: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(latin); m; m = streams.exec(latin)) {
    const end = latin.indexOf('endstream', m.index + m[0].length);
    try {
      const content = inflateSync(buf.subarray(m.index + m[0].length, end)).toString('latin1');
      for (const tj of content.matchAll(/\[(.*?)\]\s*TJ/g)) {
        shown.push([...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1] ?? '', 'hex').toString('latin1')).join(''));
      }
    } catch { /* not a deflated content stream */ }
    streams.lastIndex = end + 'endstream'.length;
  }
  // Standard fonts use WinAnsi; map the few non-Latin-1 characters the documents use.
  return shown.join(' ').replace(/\u0097/g, '—').replace(/\u0095/g, '•').replace(/\s+/g, ' ');
}
const pdfPageCount = (bytes: Uint8Array): number => Buffer.from(bytes).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('demoDocumentsForMeeting', () => {
  it('is deterministic: the same meeting always yields identical documents', () => {
    expect(demoDocumentsForMeeting({ ...QA })).toEqual(demoDocumentsForMeeting({ ...QA }));
    for (const m of MEETINGS.slice(0, 10)) expect(JSON.stringify(demoDocumentsForMeeting(m))).toBe(JSON.stringify(demoDocumentsForMeeting(m)));
  });

  it('rejects a date that is not a real YYYY-MM-DD date', () => {
    expect(() => demoDocumentsForMeeting({ ...QA, date: '14/01/2026' })).toThrow(/YYYY-MM-DD/);
    expect(() => demoDocumentsForMeeting({ ...QA, date: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
  });

  it('gives every meeting an agenda, two or three papers (PDF and Word) and minutes', () => {
    for (const m of MEETINGS) {
      const docs = demoDocumentsForMeeting(m);
      const papers = docs.filter((d) => d.kind === 'paper');
      expect(docs.filter((d) => d.kind === 'agenda').map((d) => d.format)).toEqual(['docx']);
      expect(docs.filter((d) => d.kind === 'minutes').map((d) => d.format)).toEqual(['docx']);
      expect(papers.length).toBeGreaterThanOrEqual(2);
      expect(papers.length).toBeLessThanOrEqual(3);
      expect(papers.some((p) => p.format === 'pdf')).toBe(true);
      expect(papers.some((p) => p.format === 'docx')).toBe(true);
    }
  });

  it('puts the synthetic notice on the first page of every document', () => {
    for (const doc of MEETINGS.flatMap(demoDocumentsForMeeting)) {
      const firstBreak = doc.blocks.findIndex((b) => b.type === 'pageBreak');
      const firstPage = firstBreak < 0 ? doc.blocks : doc.blocks.slice(0, firstBreak);
      expect(firstPage).toContainEqual({ type: 'paragraph', text: SYNTHETIC_NOTICE });
      expect(doc.blocks[0]).toEqual({ type: 'paragraph', text: SYNTHETIC_NOTICE });
    }
  });

  it('names files the SharePoint way, starting with the meeting date', () => {
    const names = demoDocumentsForMeeting(QA).map((d) => d.fileName);
    expect(names[0]).toBe('2026-01-14 Agenda - Quality Assurance Subgroup.docx');
    expect(names.at(-1)).toBe('2026-01-14 Minutes - Quality Assurance Subgroup.docx');
    for (const m of MEETINGS) {
      for (const d of demoDocumentsForMeeting(m)) {
        expect(d.fileName.startsWith(`${m.date} `)).toBe(true);
        expect(d.fileName.endsWith(`.${d.format}`)).toBe(true);
        expect(d.fileName).not.toMatch(/[\\/:*?"<>|#%]/);
        if (d.kind === 'paper') expect(d.fileName).toMatch(/^\d{4}-\d{2}-\d{2} Item \d+ - .+\.(pdf|docx)$/);
      }
    }
  });

  it('always includes a PDF paper of four to eight pages, marked by explicit page breaks', () => {
    for (const m of MEETINGS) {
      const long = demoDocumentsForMeeting(m).filter((d) => d.kind === 'paper' && d.format === 'pdf' && pagesOf(d) >= 4);
      expect(long.length).toBeGreaterThanOrEqual(1);
      for (const d of long) expect(pagesOf(d)).toBeLessThanOrEqual(8);
    }
  });

  it('writes minutes with attendees by agency, apologies, decisions and an actions table with en-GB due dates', () => {
    for (const m of MEETINGS) {
      const minutes = demoDocumentsForMeeting(m).find((d) => d.kind === 'minutes');
      const tables = (minutes?.blocks ?? []).filter((b): b is Extract<DemoBlock, { type: 'table' }> => b.type === 'table');
      const present = tables.find((t) => t.header[0] === 'Name');
      const actions = tables.find((t) => t.header[0] === 'Ref');
      expect(new Set(present?.rows.map((r) => r[2])).size).toBeGreaterThanOrEqual(3);
      expect(present?.rows.every((r) => r[0]?.includes('(synthetic)'))).toBe(true);
      expect(actions?.header).toEqual(['Ref', 'Action', 'Owner (role)', 'Agency', 'Due date']);
      expect(actions?.rows.length).toBeGreaterThanOrEqual(2);
      for (const row of actions?.rows ?? []) expect(row[4]).toMatch(/^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
      const text = textOf(minutes?.blocks ?? []);
      expect(text).toContain('Apologies');
      expect(text).toMatch(/Decision: /);
      expect(text).toContain('Independent Scrutineer');
    }
  });

  it('varies content between meetings and forums', () => {
    const a = demoDocumentsForMeeting(QA).filter((d) => d.kind === 'paper');
    const b = demoDocumentsForMeeting({ ...QA, date: '2026-03-11' }).filter((d) => d.kind === 'paper');
    expect(textOf(a.flatMap((d) => d.blocks.slice(4)))).not.toBe(textOf(b.flatMap((d) => d.blocks.slice(4))));
    const all = MEETINGS.flatMap(demoDocumentsForMeeting);
    const bodies = (kind: string): string[] => all.filter((d) => d.kind === kind).map((d) => textOf(d.blocks.slice(4)));
    expect(new Set(bodies('paper')).size).toBe(bodies('paper').length);
    expect(new Set(bodies('minutes')).size).toBe(bodies('minutes').length);
    expect(new Set(all.filter((d) => d.kind === 'paper').map((d) => d.title)).size).toBeGreaterThanOrEqual(20);
    const chairs = new Set(FORUMS.map((f) => demoDocumentsForMeeting({ ...f, date: '2026-01-14', title: 't' })[0]?.blocks.find((x) => x.type === 'paragraph' && x.text.startsWith('Chair:'))));
    expect(chairs.size).toBeGreaterThanOrEqual(5);
  });

  it('contains nothing shaped like an NHS number or a UK postcode', () => {
    const text = textOf(MEETINGS.flatMap(demoDocumentsForMeeting).flatMap((d) => d.blocks));
    expect(text).not.toMatch(/\b\d{3} ?\d{3} ?\d{4}\b/);
    expect(text).not.toMatch(/\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/);
  });
});

describe('rendering', () => {
  const docs = demoDocumentsForMeeting(QA);

  it('renders Word documents as zips with real headings, bullets, tables and the notice', async () => {
    for (const doc of docs.filter((d) => d.format === 'docx')) {
      const bytes = await renderDemoDocument(doc);
      expect(ascii(bytes, 2)).toBe('PK');
      const xml = unzipEntry(bytes, 'word/document.xml');
      expect(xml).toContain(SYNTHETIC_NOTICE);
      expect(xml).toContain('w:val="Heading1"');
      expect(xml).toContain('<w:tbl>');
      if (doc.blocks.some((b) => b.type === 'bullets')) expect(xml).toContain('<w:numPr>');
      if (doc.blocks.some((b) => b.type === 'pageBreak')) expect(xml).toContain('w:type="page"');
    }
  });

  it('renders PDFs with extractable text, metadata, and one page per page-break section', async () => {
    for (const m of MEETINGS.filter((_, i) => i % 4 === 0).concat(QA)) {
      for (const doc of demoDocumentsForMeeting(m).filter((d) => d.format === 'pdf')) {
        const bytes = await renderDemoDocument(doc);
        expect(ascii(bytes, 4)).toBe('%PDF');
        // Pages must not overflow, or page references made by later features would drift.
        expect(pdfPageCount(bytes)).toBe(pagesOf(doc));
        const text = pdfText(bytes);
        expect(text).toContain(SYNTHETIC_NOTICE);
        expect(text).toContain(doc.title);
        const raw = Buffer.from(bytes).toString('latin1');
        expect(raw).toContain('(Line of Sight demo \\(synthetic\\))');
        expect(raw).toMatch(/\/Author \d+ 0 R/);
      }
    }
  });

  it('chooses the renderer by format', async () => {
    const paper = docs.find((d) => d.format === 'pdf');
    expect(paper).toBeDefined();
    if (!paper) return;
    expect(ascii(await renderDemoDocument({ ...paper, format: 'docx' }), 2)).toBe('PK');
    expect(ascii(await renderPdf(docs[0] as DemoDocument), 4)).toBe('%PDF');
    expect(ascii(await renderDocx(paper), 2)).toBe('PK');
  });
});
