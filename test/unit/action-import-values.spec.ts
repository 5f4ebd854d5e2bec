import { describe, expect, it } from 'vitest';
import { parseDateText, parseDueDate, parseEvidence, parsePercent, parseSource, parseStatus } from '../../src/action-import/parse-values.js';
import { findHeaderRow, suggestMapping } from '../../src/action-import/suggest-mapping.js';
import type { Cell } from '../../src/tabular/table.js';

const text = (t: string): Cell => ({ kind: 'text', text: t });

describe('reading a tracker\'s cells', () => {
  it.each([
    ['15/12/2026', '2026-12-15'],
    ['5/1/2027', '2027-01-05'],
    ['15-12-26', '2026-12-15'],
    ['15.12.2026', '2026-12-15'],
    ['2026-12-15', '2026-12-15'],
    ['2026-12-15T00:00:00Z', '2026-12-15'],
    ['15 Dec 2026', '2026-12-15'],
    ['15th December 2026', '2026-12-15'],
    ['Tuesday 15 December 2026', '2026-12-15'],
    ['March 2027', '2027-03-31'],
    ['end of Feb 2028', '2028-02-29'],
  ])('reads the date %s as %s (day first, as in the UK)', (input, iso) => {
    expect(parseDateText(input)).toBe(iso);
  });

  it.each(['12/31/2026', '31/02/2026', '29/02/2027', 'Q3 2026', 'TBC', 'Ongoing', '15 Decembre 2026', '2026-13-01'])('refuses %s as a date', (input) => {
    expect(parseDateText(input)).toBeUndefined();
    expect(parseDueDate(text(input))).toMatchObject({ ok: false, message: expect.stringMatching(/is not a date: write it as day\/month\/year/) });
  });

  it('takes a date Excel formatted, and an unformatted Excel serial day number', () => {
    expect(parseDueDate({ kind: 'date', iso: '2026-12-15' })).toEqual({ ok: true, value: '2026-12-15' });
    expect(parseDueDate({ kind: 'number', value: 46371, percent: false })).toEqual({ ok: true, value: '2026-12-15' });
    expect(parseDueDate({ kind: 'number', value: 7, percent: false })).toMatchObject({ ok: false });
    expect(parseDueDate(null)).toEqual({ ok: true, value: null });
  });

  it('reads a percentage however it was typed', () => {
    expect(parsePercent({ kind: 'number', value: 0.5, percent: true })).toEqual({ ok: true, value: 50 });
    expect(parsePercent({ kind: 'number', value: 0.25, percent: false })).toEqual({ ok: true, value: 25 });
    expect(parsePercent({ kind: 'number', value: 60, percent: false })).toEqual({ ok: true, value: 60 });
    expect(parsePercent(text('75%'))).toEqual({ ok: true, value: 75 });
    expect(parsePercent(text('33.4'))).toEqual({ ok: true, value: 33 });
    expect(parsePercent(text('half'))).toMatchObject({ ok: false });
    expect(parsePercent({ kind: 'number', value: 1.5, percent: true })).toMatchObject({ ok: false, message: expect.stringMatching(/not between 0 and 100%/) });
  });

  it('knows the words trackers use for status and source', () => {
    expect(['Not started', 'ongoing', 'ON TRACK', 'Awaiting sign-off', 'Completed', 'Superseded', 'in_progress'].map((s) => parseStatus(text(s)))).toEqual(
      ['not_started', 'in_progress', 'in_progress', 'proposed_complete', 'complete', 'withdrawn', 'in_progress'].map((value) => ({ ok: true, value })),
    );
    expect(['CSPR', 'Rapid review', 'S11', 'Section 175', 'MACA', 'Board minutes', 'Scrutiny', 'section_11'].map((s) => parseSource(text(s)))).toEqual(
      ['case_review', 'case_review', 'section_11', 'section_11', 'audit', 'minutes', 'scrutiny', 'section_11'].map((value) => ({ ok: true, value })),
    );
    expect(parseSource(text('Ofsted'))).toMatchObject({ ok: false, message: expect.stringMatching(/"Ofsted" is not a source the tracker knows/) });
  });

  it('reads evidence as links: several in a cell, a cell\'s own hyperlink, and a note refused whole', () => {
    const a = 'https://x.sharepoint.com/a.pdf';
    const b = 'https://x.sharepoint.com/b%20c.docx';
    expect(parseEvidence(text(`${a}\n${b}`))).toEqual({ ok: true, value: [a, b] });
    expect(parseEvidence(text(`${a}; ${b}, ${a}`))).toEqual({ ok: true, value: [a, b] });
    expect(parseEvidence({ kind: 'text', text: 'Audit report', link: a })).toEqual({ ok: true, value: [a] });
    expect(parseEvidence(text('see the minutes of 12/3'))).toMatchObject({ ok: false, message: expect.stringMatching(/^"see the minutes of 12\/3" is not a link/) });
    expect(parseEvidence(text(`${a} and more`))).toMatchObject({ ok: false, message: expect.stringMatching(/^"and" is not a link/) });
    expect(parseEvidence(text('https://user:pw@x.sharepoint.com/a'))).toMatchObject({ ok: false, message: expect.stringMatching(/user name or password/) });
  });
});

describe('finding the headers', () => {
  it('skips a title and a date above the table', () => {
    const rows = [[text('Composite action plan')], [text('Updated 01/11/2026')], [], [text('Ref'), text('Action'), text('Owner'), text('Due date')], [text('A-1'), text('Do it'), text('Jane'), text('1/1/2027')]];
    expect(findHeaderRow(rows)).toBe(3);
  });

  it('maps each column once, and says the RAG is left out', () => {
    const s = suggestMapping(['Reference', 'Action', 'Action required', 'RAG rating', 'Status', 'Status update']);
    expect(s.mapping).toEqual({ reference: 0, title: 1, status: 4, update: 5 });
    expect(s.ignored.map((i) => i.header)).toEqual(['RAG rating']);
  });
});
