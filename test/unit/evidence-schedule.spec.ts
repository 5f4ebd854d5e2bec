import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { checkEvidenceLink } from '../../src/domain/evidence-links.js';
import { currentPeriod, londonInstant, parseEvidenceSchedule } from '../../src/domain/evidence-schedule.js';

describe('EVIDENCE_REQUEST_SCHEDULE', () => {
  it.each([
    ['mon 09:00', { everyDays: 7, anchor: '1970-01-05', hour: 9, minute: 0 }],
    ['Thursday 14:30', { everyDays: 7, anchor: '1970-01-08', hour: 14, minute: 30 }],
    ['  FRI   9 ', { everyDays: 7, anchor: '1970-01-09', hour: 9, minute: 0 }],
    ['every 14 days', { everyDays: 14, anchor: '1970-01-05', hour: 9, minute: 0 }],
    ['every 1 day at 7:15', { everyDays: 1, anchor: '1970-01-05', hour: 7, minute: 15 }],
  ])('reads "%s"', (text, expected) => {
    expect(parseEvidenceSchedule(text)).toEqual(expected);
  });

  it.each(['', 'mo 09:00', 'funday 09:00', 'mon 24:00', 'mon 09:60', 'every 0 days', 'every 400 days', 'weekly', 'every 7 days at noon'])('refuses "%s"', (text) => {
    expect(parseEvidenceSchedule(text)).toBeUndefined();
  });

  it('names each period by the UK date it starts on, from the hour on that day (British Summer Time included)', () => {
    const mon9 = parseEvidenceSchedule('mon 09:00')!;
    // Mon 23 November 2026 is GMT: 09:00 UK is 09:00 UTC.
    expect(currentPeriod(mon9, new Date('2026-11-23T08:59:00Z'))).toBe('2026-11-16');
    expect(currentPeriod(mon9, new Date('2026-11-23T09:00:00Z'))).toBe('2026-11-23');
    expect(currentPeriod(mon9, new Date('2026-11-29T23:59:00Z'))).toBe('2026-11-23');
    // Mon 15 June 2026 is BST: 09:00 UK is 08:00 UTC.
    expect(currentPeriod(mon9, new Date('2026-06-15T08:00:00Z'))).toBe('2026-06-15');
    expect(currentPeriod(mon9, new Date('2026-06-15T07:59:00Z'))).toBe('2026-06-08');
    // "every 7 days" is the same as Monday at 09:00.
    expect(currentPeriod(parseEvidenceSchedule('every 7 days')!, new Date('2026-11-25T12:00:00Z'))).toBe('2026-11-23');
    const fortnight = parseEvidenceSchedule('every 14 days')!;
    const a = currentPeriod(fortnight, new Date('2026-11-23T12:00:00Z'));
    expect(currentPeriod(fortnight, new Date(Date.parse(`${a}T12:00:00Z`) + 13 * 86_400_000))).toBe(a);
  });

  it('turns UK wall-clock times into instants on either side of the clock changes', () => {
    expect(londonInstant('2026-03-28', 9, 0).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(londonInstant('2026-03-29', 9, 0).toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(londonInstant('2026-10-25', 9, 0).toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('is validated by the configuration, which names the variable and the format', () => {
    expect(loadConfig({}, '/x').evidenceRequests).toEqual({
      schedule: { everyDays: 7, anchor: '1970-01-05', hour: 9, minute: 0 },
      dueSoonDays: 7,
      reminderDays: 3,
      remindersBeforeEscalation: 2,
    });
    expect(loadConfig({ EVIDENCE_REQUEST_SCHEDULE: 'every 14 days at 10:30', EVIDENCE_REMINDERS_BEFORE_ESCALATION: '0' }, '/x').evidenceRequests).toMatchObject({
      schedule: { everyDays: 14, hour: 10, minute: 30 },
      remindersBeforeEscalation: 0,
    });
    let error: unknown;
    try {
      loadConfig({ EVIDENCE_REQUEST_SCHEDULE: 'fortnightly', EVIDENCE_REMINDER_DAYS: '0', EVIDENCE_REQUEST_DUE_SOON_DAYS: 'soon' }, '/x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.variable).sort()).toEqual(['EVIDENCE_REMINDER_DAYS', 'EVIDENCE_REQUEST_DUE_SOON_DAYS', 'EVIDENCE_REQUEST_SCHEDULE']);
    expect((error as ConfigError).message).toMatch(/EVIDENCE_REQUEST_SCHEDULE: must be a weekday and a UK time such as "mon 09:00", or "every N days"/);
    expect((error as ConfigError).message).toMatch(/EVIDENCE_REMINDER_DAYS: must be at least 1/);
  });
});

describe('evidence links', () => {
  it.each([
    ['https://demoborough.sharepoint.com/sites/SCP/Shared%20Documents/QA/Re-audit%20report.pdf', 'Re-audit report.pdf'],
    ['  https://demoborough-my.sharepoint.com/personal/dana/Documents/notes.docx?web=1 ', 'notes.docx'],
    ['https://demoborough.sharepoint.com/', 'demoborough.sharepoint.com'],
  ])('accepts %s', (url, title) => {
    expect(checkEvidenceLink(url)).toMatchObject({ ok: true, title });
  });

  it.each([
    ['http://demoborough.sharepoint.com/x', /https/],
    ['https://evil.example/sharepoint.com/x', /\.sharepoint\.com\), not evil\.example/],
    ['https://demoborough.sharepoint.com.evil.example/x', /not demoborough\.sharepoint\.com\.evil\.example/],
    ['https://sharepoint.com/x', /ending in \.sharepoint\.com/],
    ['https://user:pw@demoborough.sharepoint.com/x', /user name or password/],
    ['https://demoborough.sharepoint.com:8443/x', /port/],
    ['javascript:alert(1)', /https/],
    ['the file on the Q drive', /not a web address/],
    [`https://demoborough.sharepoint.com/${'a'.repeat(2000)}`, /too long/],
  ])('refuses %s, saying why', (url, reason) => {
    const r = checkEvidenceLink(url);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toMatch(reason);
  });
});
