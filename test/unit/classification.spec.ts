import { describe, expect, it } from 'vitest';
import { classifyDocument, DocumentConventions, dateIn, documentDate, titleFromFileName } from '../../src/documents/classification.js';

describe('classifying documents', () => {
  it.each([
    [['Executive', '2026-01-14'], '2026-01-14 Agenda - Executive.docx', 'agenda'],
    [['Executive', '2026-01-14'], '2026-01-14 Minutes - Executive.docx', 'minutes'],
    [['Executive', '2026-01-14'], '2026-01-14 Item 4 - Multi-agency audit of neglect.pdf', 'paper'],
    [['QA', 'Minutes'], 'Draft agenda for March.docx', 'agenda'],
    [['QA', 'Minutes'], 'QA subgroup 3 March.docx', 'minutes'],
    [['Board'], 'Annual report 2025-26.pdf', 'paper'],
    [['Reports'], 'Independent scrutiny statement of assurance 2025-26.docx', 'report'],
    [['Board'], 'MASH performance.xlsx', 'paper'],
    [['Board'], 'logo.png', 'other'],
    [['Board'], 'Stagenda.docx', 'paper'],
  ])('%j / %s is %s', (folders, name, kind) => {
    expect(classifyDocument(folders, name)).toBe(kind);
  });

  it('follows a partnership\'s own words', () => {
    const conventions = DocumentConventions.parse({ minutes: ['note of meeting'] });
    expect(classifyDocument([], 'Note of meeting 3 March.docx', conventions)).toBe('minutes');
    expect(classifyDocument([], 'Minutes 3 March.docx', conventions)).toBe('paper');
  });
});

describe('dates in names', () => {
  it.each([
    ['2026-01-14 Agenda', '2026-01-14'],
    ['Agenda 14.01.2026', '2026-01-14'],
    ['Minutes 14-1-2026', '2026-01-14'],
    ['Board 14 January 2026', '2026-01-14'],
    ['Board 3rd Mar 2026', '2026-03-03'],
    ['scan_20260114', '2026-01-14'],
    ['Item 4 - audit', null],
    ['2026-02-30 Agenda', null],
    ['Version 2.1', null],
  ])('%s → %s', (text, date) => {
    expect(dateIn(text)).toBe(date);
  });

  it('prefers a library column, then the file name, then the nearest folder', () => {
    const conventions = DocumentConventions.parse({ meetingDateField: 'MeetingDate' });
    expect(documentDate(['2026-01-14'], 'Agenda 2026-02-11.docx', { MeetingDate: '2026-03-04T00:00:00Z' }, conventions)).toBe('2026-03-04');
    expect(documentDate(['2026-01-14'], 'Agenda 2026-02-11.docx', undefined)).toBe('2026-02-11');
    expect(documentDate(['2025', '2026-01-14'], 'Agenda.docx', undefined)).toBe('2026-01-14');
  });

  it('makes a title without the date prefix or extension', () => {
    expect(titleFromFileName('2026-01-14 Item 4 - Multi-agency audit of neglect.pdf')).toBe('Item 4 - Multi-agency audit of neglect');
    expect(titleFromFileName('Agenda.docx')).toBe('Agenda');
  });
});
