import { describe, expect, it } from 'vitest';
import { NarrativeAutosave, type SaveState, type Timers } from '../../tab/src/reports/narrative-autosave.js';
import { saveStateText } from '../../tab/src/reports/report-labels.js';
import { readReportChoice, reportChoiceParams } from '../../tab/src/reports/report-params.js';
import { defaultReportPeriod, reportPeriodKey, reportPeriodLabel, reportTitle, scrutinyQuarterOfDay } from '../../tab/src/reports/report-periods.js';

describe('report periods, in a report’s words', () => {
  it('names a quarter of the scrutiny year by its months, and a year by its two calendar years', () => {
    expect(reportPeriodLabel(2026, 2)).toBe('2026 to 2027, quarter 2 (July to September)');
    expect(reportPeriodLabel(2026, 4)).toBe('2026 to 2027, quarter 4 (January to March)');
    expect(reportPeriodLabel(2026, null)).toBe('2026 to 2027');
    expect(reportTitle('annual', 2025, 3)).toBe('Annual statement of assurance, 2025 to 2026');
    expect(reportTitle('quarterly', 2025, 1)).toBe('Quarterly progress report, 2025 to 2026, quarter 1 (April to June)');
  });

  it('asks the API for a quarter as its calendar quarter and for a year as 2026/27', () => {
    expect(reportPeriodKey('quarterly', 2026, 1)).toBe('2026-Q2');
    expect(reportPeriodKey('quarterly', 2026, 4)).toBe('2027-Q1');
    expect(reportPeriodKey('annual', 2026, 4)).toBe('2026/27');
  });

  it('places a day in its scrutiny quarter, and offers the quarter just ended', () => {
    expect(scrutinyQuarterOfDay('2026-04-01')).toEqual({ scrutinyYear: 2026, quarter: 1 });
    expect(scrutinyQuarterOfDay('2026-12-06')).toEqual({ scrutinyYear: 2026, quarter: 3 });
    expect(scrutinyQuarterOfDay('2027-03-31')).toEqual({ scrutinyYear: 2026, quarter: 4 });
    expect(defaultReportPeriod('2026-12-06')).toEqual({ scrutinyYear: 2026, quarter: 2 });
    // In April, the report due is last year's fourth quarter.
    expect(defaultReportPeriod('2026-05-10')).toEqual({ scrutinyYear: 2025, quarter: 4 });
  });
});

describe('the report in the address', () => {
  it('opens the report the address names, and today’s likely one for what it leaves out or gets wrong', () => {
    const read = (q: string) => readReportChoice(new URLSearchParams(q), '2026-12-06');
    expect(read('kind=annual&year=2025')).toEqual({ kind: 'annual', scrutinyYear: 2025, quarter: 2 });
    expect(read('kind=quarterly&year=2026&quarter=3')).toEqual({ kind: 'quarterly', scrutinyYear: 2026, quarter: 3 });
    expect(read('kind=monthly&year=abc&quarter=9')).toEqual({ kind: 'quarterly', scrutinyYear: 2026, quarter: 2 });
    expect(reportChoiceParams({ kind: 'annual', scrutinyYear: 2026, quarter: 3 })).toEqual({ kind: 'annual', year: 2026, quarter: undefined });
  });
});

describe('the save state in words', () => {
  it('says when it saved, in UK time, and that a failed text is kept', () => {
    expect(saveStateText({ kind: 'saved', at: new Date('2026-07-01T09:05:00Z') })).toBe('Saved at 10:05.');
    expect(saveStateText({ kind: 'failed', message: 'No connection.', retryAt: new Date('2026-12-06T10:43:00Z') })).toBe(
      'Not saved yet: No connection. Your text is kept here; trying again at 10:43.',
    );
    // A pause in typing says nothing new (null keeps the last words), so a screen reader is not talked over.
    expect(saveStateText({ kind: 'pending' })).toBeNull();
  });
});

/** Timers run by the test, and a clock it moves. */
function manualTimers() {
  let now = Date.parse('2026-12-06T10:42:00Z');
  let next = 1;
  const due = new Map<number, { at: number; run: () => void }>();
  const timers: Timers = {
    set: (run, ms) => {
      const id = next++;
      due.set(id, { at: now + ms, run });
      return id;
    },
    clear: (id) => void due.delete(id as number),
  };
  return {
    timers,
    now: () => new Date(now),
    /** Moves the clock on, running what falls due. */
    async advance(ms: number) {
      now += ms;
      for (const [id, t] of [...due]) {
        if (t.at <= now) {
          due.delete(id);
          t.run();
        }
      }
      await new Promise((r) => setTimeout(r, 0));
    },
  };
}

class Conflict extends Error {}

function harness(answers: ('ok' | 'fail' | 'conflict')[]) {
  const clock = manualTimers();
  const sent: string[] = [];
  const states: SaveState[] = [];
  const saver = new NarrativeAutosave('Initial.', {
    save: async (text) => {
      sent.push(text);
      const answer = answers.shift() ?? 'ok';
      if (answer === 'fail') throw new Error('Line of Sight could not reach its server.');
      if (answer === 'conflict') throw new Conflict('changed elsewhere');
    },
    isConflict: (e) => e instanceof Conflict,
    describe: (e) => (e as Error).message,
    onState: (s) => states.push(s),
    now: clock.now,
    timers: clock.timers,
    pauseMs: 800,
    retryMs: [3_000, 10_000],
  });
  return { clock, sent, states, saver, last: () => states.at(-1)! };
}

describe('autosaving a narrative', () => {
  it('saves once typing pauses, the last text only, and says when', async () => {
    const h = harness([]);
    h.saver.edit('Init');
    await h.clock.advance(300);
    h.saver.edit('Initial words.');
    await h.clock.advance(799);
    expect(h.sent).toEqual([]);
    expect(h.last()).toEqual({ kind: 'pending' });
    await h.clock.advance(1);
    expect(h.sent).toEqual(['Initial words.']);
    expect(h.last()).toMatchObject({ kind: 'saved' });
    expect(h.saver.unsaved).toBe(false);
  });

  it('keeps the text after a failed save and sends it again, without a keystroke', async () => {
    const h = harness(['fail', 'fail']);
    h.saver.edit('Partners agreed the neglect strategy.');
    await h.clock.advance(800);
    expect(h.last()).toMatchObject({ kind: 'failed', message: 'Line of Sight could not reach its server.' });
    expect(h.saver.text).toBe('Partners agreed the neglect strategy.');
    expect(h.saver.unsaved).toBe(true);
    await h.clock.advance(3_000);
    expect(h.sent).toHaveLength(2);
    // The wait grows after a second failure.
    await h.clock.advance(3_000);
    expect(h.sent).toHaveLength(2);
    await h.clock.advance(7_000);
    expect(h.sent).toEqual(Array(3).fill('Partners agreed the neglect strategy.'));
    expect(h.last()).toMatchObject({ kind: 'saved' });
  });

  it('tries again at once when asked', async () => {
    const h = harness(['fail']);
    h.saver.edit('Words.');
    await h.clock.advance(800);
    await h.saver.retryNow();
    expect(h.sent).toEqual(['Words.', 'Words.']);
    expect(h.last()).toMatchObject({ kind: 'saved' });
  });

  it('sends what was typed during a save right after it', async () => {
    const h = harness([]);
    h.saver.edit('One.');
    await h.clock.advance(800);
    h.saver.edit('One. Two.');
    await h.saver.flush();
    expect(h.sent).toEqual(['One.', 'One. Two.']);
  });

  it('stops on a version conflict, keeps the words, and sends them only when told to', async () => {
    const h = harness(['conflict']);
    h.saver.edit('Mine.');
    await h.clock.advance(800);
    expect(h.last()).toEqual({ kind: 'conflict', message: 'changed elsewhere' });
    h.saver.edit('Mine, longer.');
    await h.clock.advance(60_000);
    expect(h.sent).toEqual(['Mine.']);
    await h.saver.resolveConflict('Theirs.');
    expect(h.sent).toEqual(['Mine.', 'Mine, longer.']);
    expect(h.last()).toMatchObject({ kind: 'saved' });
  });
});
