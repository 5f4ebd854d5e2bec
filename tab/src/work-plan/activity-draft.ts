import type { NewWorkPlanActivity, WorkPlanActivity, WorkPlanActivityPatch } from '../../../src/contract/work-plan.js';
import { WORK_PLAN_ACTIVITY_KINDS, type WorkPlanActivityKind } from '../../../src/domain/vocabulary.js';

/** The activity form as typed: days per quarter as text, so "1.5" and "" can be typed. */
export interface ActivityDraft {
  kind: WorkPlanActivityKind;
  title: string;
  forumId: string;
  planned: [string, string, string, string];
  used: [string, string, string, string];
}

export function emptyDraft(): ActivityDraft {
  return { kind: WORK_PLAN_ACTIVITY_KINDS[0], title: '', forumId: '', planned: ['0', '0', '0', '0'], used: ['0', '0', '0', '0'] };
}

export function draftOfActivity(a: WorkPlanActivity): ActivityDraft {
  const four = (pick: (q: WorkPlanActivity['quarters'][number]) => number) => a.quarters.map((q) => String(pick(q))) as ActivityDraft['planned'];
  return { kind: a.kind, title: a.title, forumId: a.forumId ?? '', planned: four((q) => q.plannedDays), used: four((q) => q.actualDays) };
}

/** Days in whole or half days, 0 to 92: null when the text is not one. */
export function parseDays(text: string): number | null {
  const t = text.trim() === '' ? '0' : text.trim();
  if (!/^\d{1,2}(\.\d)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isInteger(n * 2) && n <= 92 ? n : null;
}

/** The first problem with the draft, in words, with the field it belongs to. */
export function activityProblem(d: ActivityDraft): { field: string; message: string } | null {
  if (!d.title.trim()) return { field: 'title', message: 'Say what the activity is.' };
  for (let q = 0; q < 4; q += 1) {
    if (parseDays(d.planned[q]!) === null) return { field: `planned${q}`, message: 'Whole or half days, e.g. 1.5 (at most 92).' };
    if (parseDays(d.used[q]!) === null) return { field: `used${q}`, message: 'Whole or half days, e.g. 1.5 (at most 92).' };
  }
  return null;
}

const daysOf = (d: ActivityDraft) => [0, 1, 2, 3].map((q) => ({ quarter: q + 1, plannedDays: parseDays(d.planned[q]!)!, actualDays: parseDays(d.used[q]!)! }));

export function newActivityOf(year: number, d: ActivityDraft): NewWorkPlanActivity {
  return { scrutinyYear: year, kind: d.kind, title: d.title.trim(), forumId: d.forumId || null, days: daysOf(d) };
}

export function patchOfActivity(d: ActivityDraft): WorkPlanActivityPatch {
  return { kind: d.kind, title: d.title.trim(), forumId: d.forumId || null, days: daysOf(d) };
}
