/**
 * Synthetic agendas, papers and minutes for the fictional Demo Borough Safeguarding Children Partnership.
 * Pure and deterministic: a meeting's forumKey and date seed the PRNG, so the same meeting always yields the same
 * documents (stable demo data, reproducible tests). Renderers live in render-docx.ts and render-pdf.ts.
 */

import {
  AGENCIES, AOB, BACKGROUND, CHALLENGES, CHILD_LETTERS, DECISIONS, DEVELOPMENT, DISCUSSION, FIRST_NAMES,
  FORUM_PROFILES, GENERIC_ACTIONS, GLOSSARY, IMPACT, LOCALITIES, METHOD, METHOD_REPORT, PURPOSE, RESPONSES, RISKS, ROLE_DEFS,
  STRENGTHS, STRENGTHS_REPORT, SUMMARY, DEVELOPMENT_REPORT, SURNAMES, VERBAL_ITEMS, VOICE, type AgencyKey, type ProfileKey,
} from './demo-text-pools.js';
import {
  COURSES, PLAN_PRIORITIES, QUARTERLY_METRICS, REVIEW_DECISIONS, REVIEW_STATUSES, SECTION11_STANDARDS, THEMES,
  VOICE_MESSAGES, VOICE_SOURCES, type TableKind, type ThemeKey,
} from './demo-paper-themes.js';

export type DemoForumKind = 'executive' | 'partnership_board' | 'subgroup' | 'task_and_finish';
export interface DemoMeetingRef { forumKey: string; forumName: string; forumKind: DemoForumKind; date: string; title: string }
export type DemoDocumentKind = 'agenda' | 'paper' | 'minutes';
export type DemoBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'bullets'; items: string[] }
  | { type: 'table'; header: string[]; rows: string[][] }
  | { type: 'pageBreak' };
export interface DemoDocument { kind: DemoDocumentKind; format: 'docx' | 'pdf'; fileName: string; title: string; blocks: DemoBlock[] }

export const SYNTHETIC_NOTICE = 'Synthetic demonstration document — Line of Sight demo data. Not about real people.';
export const PARTNERSHIP_NAME = 'Demo Borough Safeguarding Children Partnership';

// ---- seeded randomness -------------------------------------------------------------------------------------

interface Rng { next(): number; int(min: number, max: number): number; pick<T>(items: readonly T[]): T; sample<T>(items: readonly T[], n: number): T[] }

function hashString(text: string): number {
  let h = 0x811c9dc5; // FNV-1a: tiny and good enough to spread similar keys apart
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function makeRng(seedText: string): Rng {
  let a = hashString(seedText);
  const next = (): number => { // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  const sample = <T>(items: readonly T[], n: number): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) { const j = int(0, i); [copy[i], copy[j]] = [copy[j] as T, copy[i] as T]; }
    return copy.slice(0, Math.min(n, copy.length));
  };
  return { next, int, pick, sample };
}

// ---- dates (UTC throughout so the output never depends on the machine's time zone) ---------------------------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function parseIsoDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== date) throw new Error(`Demo meeting date must be YYYY-MM-DD, got "${date}"`);
  return d;
}
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);
const enGb = (d: Date): string => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const longDate = (d: Date): string => `${WEEKDAYS[d.getUTCDay()]} ${enGb(d)}`;

/** The last four complete quarters before the meeting, oldest first, labelled by UK financial year (April start). */
function recentQuarters(d: Date): { labels: string[]; lastEnd: Date } {
  let year = d.getUTCFullYear();
  let q = Math.floor(d.getUTCMonth() / 3) - 1; // calendar quarter index 0..3, last complete one
  if (q < 0) { q = 3; year -= 1; }
  const lastEnd = new Date(Date.UTC(year, q * 3 + 3, 0));
  const labels: string[] = [];
  for (let k = 0; k < 4; k++) {
    const fyStart = q === 0 ? year - 1 : year;
    labels.unshift(`Q${q === 0 ? 4 : q} ${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`);
    q -= 1;
    if (q < 0) { q = 3; year -= 1; }
  }
  return { labels, lastEnd };
}

// ---- people: one fixed synthetic cast per role, so the same role is the same person in every forum -------------

interface Person { name: string; role: string; agency: AgencyKey }
const CAST: Map<string, Person> = (() => {
  const rng = makeRng('demo-borough-cast');
  const firsts = rng.sample(FIRST_NAMES, ROLE_DEFS.length);
  const lasts = rng.sample(SURNAMES, ROLE_DEFS.length);
  return new Map(ROLE_DEFS.map((r, i) => [r.id, { name: `${firsts[i]} ${lasts[i]} (synthetic)`, role: r.role, agency: r.agency }]));
})();
const person = (roleId: string): Person => CAST.get(roleId) ?? (() => { throw new Error(`Unknown demo role ${roleId}`); })();
const describePerson = (p: Person): string => `${p.name}, ${p.role}, ${AGENCIES[p.agency].name}`;

function profileFor(m: DemoMeetingRef): ProfileKey {
  const key = `${m.forumKey} ${m.forumName}`.toLowerCase();
  if (m.forumKind === 'executive' || key.includes('exec')) return 'executive';
  if (key.includes('exploit')) return 'exploitation';
  if (key.includes('review')) return 'case_review';
  if (key.includes('learning') || key.includes('training')) return 'learning';
  if (m.forumKind === 'partnership_board' || key.includes('board')) return 'board';
  if (m.forumKind === 'task_and_finish') return 'task';
  return 'qa';
}

// ---- template filling ----------------------------------------------------------------------------------------

interface Ctx { rng: Rng; forum: string; topic: string; quarter: string; period: string; letter: string; lead: string; agency: AgencyKey }

const STATUTORY: AgencyKey[] = ['la', 'police', 'health', 'education', 'probation'];
// One agency per context, so a challenge about "Police" is answered by Police colleagues, not a random agency.
const ctxFor = (rng: Rng, plan: Plan, topic: string, lead: string): Ctx => ({
  rng, forum: plan.meeting.forumName, topic, quarter: plan.quarters[3] ?? '', period: plan.period, letter: plan.letter, lead,
  agency: rng.pick(STATUTORY),
});

function fill(template: string, c: Ctx): string {
  return template.replace(/\{(\w+)\}/g, (_all, slot: string) => {
    switch (slot) {
      case 'topic': return c.topic;
      case 'Topic': return c.topic.charAt(0).toUpperCase() + c.topic.slice(1);
      case 'forum': return c.forum;
      case 'agency': return AGENCIES[c.agency].name;
      case 'agencyShort': return AGENCIES[c.agency].short;
      case 'pct': return `${c.rng.int(55, 95)}%`;
      case 'pctLow': return `${c.rng.int(20, 50)}%`;
      case 'pctSmall': return `${c.rng.int(4, 15)}%`;
      case 'n': return String(c.rng.int(3, 24));
      case 'months': return String(c.rng.int(3, 12));
      case 'quarter': return c.quarter;
      case 'period': return c.period;
      case 'locality': return c.rng.pick(LOCALITIES);
      case 'letter': return c.letter;
      case 'lead': return c.lead;
      default: return slot;
    }
  });
}
const fillAll = (templates: readonly string[], c: Ctx): string[] => templates.map((t) => fill(t, c));

// ---- the meeting plan, shared by agenda, papers and minutes so they agree with one another -------------------

interface PaperPlan { item: number; theme: ThemeKey; title: string; lead: Person; format: 'pdf' | 'docx'; pages: number }
interface Plan {
  meeting: DemoMeetingRef; date: Date; abbr: string; time: [string, string]; venue: string; chair: Person;
  present: Person[]; apologies: Person[]; papers: PaperPlan[]; verbal: { item: number; title: string; lead: Person }[];
  quarters: string[]; period: string; letter: string; previous: Date; next: Date;
}

function planMeeting(meeting: DemoMeetingRef): Plan {
  const date = parseIsoDate(meeting.date);
  const rng = makeRng(`${meeting.forumKey}|${meeting.date}`);
  const profile = FORUM_PROFILES[profileFor(meeting)];
  const chair = person(profile.chair);
  const members = profile.members.map(person);
  const paperCount = rng.int(2, 3);
  const papers = rng.sample(profile.themes, paperCount).map((theme, i): PaperPlan => ({
    item: 4 + i, theme, title: '', lead: person(THEMES[theme].lead),
    // The first paper is always the long PDF that page-level features need; the second always Word for the mix.
    format: i === 0 ? 'pdf' : i === 1 ? 'docx' : rng.pick(['pdf', 'docx'] as const),
    pages: i === 0 ? rng.int(4, 8) : rng.int(1, 2),
  }));
  // Presenters never send apologies (the minutes would contradict themselves), and apologies never leave a
  // statutory partner unrepresented, since partnership meetings are only quorate with all three.
  const apologies: Person[] = [];
  for (const m of rng.sample(members.filter((x) => !papers.some((p) => p.lead === x)), rng.int(1, 3))) {
    const others = [chair, ...members].filter((x) => x.agency === m.agency && x !== m && !apologies.includes(x));
    if (!['la', 'police', 'health'].includes(m.agency) || others.length > 0) apologies.push(m);
  }
  const present = [chair, ...members.filter((p) => !apologies.includes(p))];
  const letter = rng.pick(CHILD_LETTERS);
  const { labels, lastEnd } = recentQuarters(date);
  const period = `the quarter ending ${enGb(lastEnd)}`;
  for (const p of papers) {
    p.title = rng.pick(THEMES[p.theme].titles).replace('{letter}', letter);
  }
  const verbal = rng.sample(VERBAL_ITEMS, rng.int(0, 1)).map((title, i) => ({
    item: 4 + papers.length + i, title, lead: title.includes('Scrutineer') ? person('scrutineer') : chair,
  }));
  const venue = rng.next() < 0.6 ? 'Microsoft Teams' : 'Committee Room 2, Demo Borough Civic Centre, and Microsoft Teams (hybrid)';
  return {
    meeting, date, abbr: profile.abbr, time: profile.time, venue, chair, present, apologies, papers, verbal,
    quarters: labels, period, letter, previous: addDays(date, -7 * profile.cadenceWeeks), next: addDays(date, 7 * profile.cadenceWeeks),
  };
}

const safeName = (s: string): string => s.replace(/[\\/:*?"<>|#%]/g, '-').replace(/\s+/g, ' ').trim();
const notice = (): DemoBlock => ({ type: 'paragraph', text: SYNTHETIC_NOTICE });
const para = (text: string): DemoBlock => ({ type: 'paragraph', text });
const heading = (level: 1 | 2 | 3, text: string): DemoBlock => ({ type: 'heading', level, text });

// ---- data tables -----------------------------------------------------------------------------------------------

const QUARTERLY: TableKind[] = ['mash', 'dashboard', 'exploitation'];
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Split a total into k positive-ish parts, so sample tables add up like real ones do. */
function split(rng: Rng, total: number, k: number): number[] {
  const weights = Array.from({ length: k }, () => 0.3 + rng.next());
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((w / sum) * total));
  parts[0] = (parts[0] ?? 0) + total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

function dataTable(kind: TableKind, rng: Rng, plan: Plan): DemoBlock {
  const q = plan.quarters;
  const pct = (a: number, b: number): string => `${b === 0 ? 0 : Math.round((a / b) * 100)}%`;
  const rag = (): string => { const r = rng.next(); return r < 0.6 ? 'Green' : r < 0.92 ? 'Amber' : 'Red'; };
  switch (kind) {
    case 'mash': case 'dashboard': case 'exploitation':
      return { type: 'table', header: ['Measure', ...q], rows: QUARTERLY_METRICS[kind].map(([label, min, max, unit]) => {
        let v = rng.int(min, max); // a gentle random walk reads more like real quarterly data than independent draws
        return [label, ...q.map(() => {
          v = Math.max(min, Math.min(max, v + Math.round((rng.next() - 0.5) * (max - min) * 0.25)));
          return unit === '%' ? `${v}%` : unit === 'rate' ? `${v}.${rng.int(0, 9)}` : thousands(v);
        })];
      }) };
    case 'sample': {
      const n = rng.int(12, 30);
      const ages = split(rng, n, 4);
      const plans = split(rng, n, 4);
      const labels = ['Aged 0 to 4', 'Aged 5 to 10', 'Aged 11 to 15', 'Aged 16 to 17', 'Early help', 'Child in need', 'Child protection plan', 'Child looked after'];
      return { type: 'table', header: ['Sample characteristic', 'Cases', 'Share'], rows: [...ages, ...plans].map((v, i) => [labels[i] ?? '', String(v), pct(v, n)]) };
    }
    case 'training':
      return { type: 'table', header: ['Course', 'Places offered', 'Attended', 'Attendance', 'Did not attend'],
        rows: rng.sample(COURSES, 5).map((course) => {
          const offered = rng.int(20, 80);
          const attended = Math.round(offered * (0.6 + rng.next() * 0.35));
          return [course, String(offered), String(attended), pct(attended, offered), String(rng.int(0, offered - attended))];
        }) };
    case 'section11':
      return { type: 'table', header: ['Standard', 'Local authority', 'Police', 'ICB / health', 'Education', 'Probation'],
        rows: SECTION11_STANDARDS.map((s) => [s, rag(), rag(), rag(), rag(), rag()]) };
    case 'escalation':
      return { type: 'table', header: ['Agency raising', 'Stage 1', 'Stage 2', 'Stage 3', 'Resolved in timescale'],
        rows: ['Education', 'ICB / health', 'Police', 'Local authority', 'Probation', 'Voluntary sector'].map((a) =>
          { const s1 = rng.int(0, 12); const s2 = rng.int(0, Math.min(4, s1)); return [a, String(s1), String(s2), String(rng.int(0, Math.min(1, s2))), `${rng.int(60, 100)}%`]; }) };
    case 'voice': {
      const messages = rng.sample(VOICE_MESSAGES, 4);
      return { type: 'table', header: ['Source', 'Responses', 'What we heard'],
        rows: rng.sample(VOICE_SOURCES, 4).map((s, i) => [s, String(rng.int(6, 140)), messages[i] ?? '']) };
    }
    case 'reviews':
      return { type: 'table', header: ['Review', 'Notified', 'Rapid review held', 'Decision', 'Status'],
        rows: rng.sample(CHILD_LETTERS, rng.int(3, 4)).map((letter) => {
          const notified = addDays(plan.date, -rng.int(30, 300));
          return [`Child ${letter} (synthetic)`, enGb(notified), enGb(addDays(notified, rng.int(12, 20))), rng.pick(REVIEW_DECISIONS), rng.pick(REVIEW_STATUSES)];
        }) };
    case 'plan':
      return { type: 'table', header: ['Priority', 'Actions', 'Complete', 'On track', 'Behind'],
        rows: PLAN_PRIORITIES.map((p) => { const total = rng.int(6, 14); return [p, String(total), ...split(rng, total, 3).map(String)]; }) };
  }
}

// ---- documents ---------------------------------------------------------------------------------------------

function paperMeta(plan: Plan, p: PaperPlan, rng: Rng): DemoBlock {
  return { type: 'table', header: ['Report details', ''], rows: [
    ['Meeting', `${plan.meeting.forumName}, ${longDate(plan.date)}`],
    ['Agenda item', String(p.item)],
    ['Author', describePerson(p.lead)],
    ['Purpose', rng.pick(['For assurance', 'For decision', 'For discussion and assurance', 'For information'])],
    ['Classification', 'OFFICIAL (synthetic demonstration data)'],
  ] };
}

/** Findings and recommendations, from their own seed so the paper and its minute quote the same figures. */
function paperKeyPoints(plan: Plan, p: PaperPlan): { findings: string[]; recs: string[] } {
  const rng = makeRng(`${plan.meeting.forumKey}|${plan.meeting.date}|item ${p.item}|key points`);
  const theme = THEMES[p.theme];
  const c = ctxFor(rng, plan, theme.topic, p.lead.name);
  return { findings: fillAll(rng.sample(theme.findings, 3), c), recs: fillAll(rng.sample(theme.recs, rng.int(3, 4)), c) };
}

function paperDocument(plan: Plan, p: PaperPlan): DemoDocument {
  const rng = makeRng(`${plan.meeting.forumKey}|${plan.meeting.date}|item ${p.item}`);
  const theme = THEMES[p.theme];
  const c = ctxFor(rng, plan, theme.topic, p.lead.name);
  const { findings, recs } = paperKeyPoints(plan, p);
  const audit = theme.table === 'sample'; // case audits talk about cases; other reports about data and activity
  const blocks: DemoBlock[] = [notice(), heading(1, p.title), para(PARTNERSHIP_NAME), paperMeta(plan, p, rng)];
  let section = 0;
  const h = (text: string): DemoBlock => heading(2, `${++section}. ${text}`);
  if (p.pages >= 4) {
    // Long paper: one section group per page, so page numbers mean something to later features.
    const pages: DemoBlock[][] = [
      [h('Purpose'), para(fill(rng.pick(PURPOSE), c)), h('Recommendations'), para(`The ${plan.meeting.forumName} is asked to:`), { type: 'bullets', items: recs }],
      [h('Background'), ...fillAll(rng.sample(BACKGROUND, 2), c).map(para), h('Methodology'), ...fillAll(rng.sample(audit ? METHOD : METHOD_REPORT, 2), c).map(para)],
      [h('What the data tell us'), para(QUARTERLY.includes(theme.table)
        ? `The table below shows the position from ${plan.quarters[0]} to ${plan.quarters[3]}. All figures are synthetic.`
        : 'The table below summarises the evidence considered for this report. All figures are synthetic.'),
        dataTable(theme.table, rng, plan), para(findings[0] ?? '')],
      // Theme findings mix good and bad news, so they get their own list rather than sitting under "working well".
      [h('Key findings'), { type: 'bullets', items: findings.slice(1) }, heading(3, 'What is working well'), { type: 'bullets', items: fillAll(rng.sample(audit ? STRENGTHS : STRENGTHS_REPORT, 2), c) },
        heading(3, 'What needs to improve'), { type: 'bullets', items: fillAll(rng.sample(audit ? DEVELOPMENT : DEVELOPMENT_REPORT, 3), c) }],
    ];
    const extras: (() => DemoBlock[])[] = [
      () => [h('Voice of children and families'), ...fillAll(rng.sample(VOICE, 3), c).map(para)],
      () => [h('Impact and what has changed'), ...fillAll(rng.sample(IMPACT, 2), c).map(para), para(fill(rng.pick(SUMMARY), c))],
      () => [h('Risks and mitigations'), { type: 'bullets', items: fillAll(rng.sample(RISKS, 3), c) }],
      () => [h('Next steps'), { type: 'table', header: ['Action', 'Lead', 'By when'],
        rows: recs.map((r) => [r, person(rng.pick([theme.lead, 'bm', 'qa_officer'])).role, enGb(addDays(plan.date, 7 * rng.int(6, 26)))]) }],
      () => [heading(2, 'Appendix A. Glossary'), { type: 'table', header: ['Term', 'Meaning'], rows: GLOSSARY.map(([t, m]) => [t, m]) }],
    ];
    const chosen = rng.sample(extras.map((_, i) => i), p.pages - 4).sort((a, b) => a - b);
    for (const i of chosen) pages.push(extras[i]?.() ?? []);
    pages.forEach((page, i) => { if (i > 0) blocks.push({ type: 'pageBreak' }); blocks.push(...page); });
  } else {
    blocks.push(h('Purpose'), para(fill(rng.pick(PURPOSE), c)), h('Summary of key points'), { type: 'bullets', items: findings });
    if (p.pages === 2) blocks.push({ type: 'pageBreak' });
    blocks.push(h('Supporting data'), dataTable(theme.table, rng, plan), h('Recommendations'), { type: 'bullets', items: recs }, h('Conclusion'), para(fill(rng.pick(SUMMARY), c)));
  }
  const ext = p.format === 'pdf' ? 'pdf' : 'docx';
  return { kind: 'paper', format: p.format, fileName: safeName(`${plan.meeting.date} Item ${p.item} - ${p.title}.${ext}`), title: p.title, blocks };
}

function agendaDocument(plan: Plan): DemoDocument {
  const m = plan.meeting;
  let minutes = Number(plan.time[0].slice(0, 2)) * 60 + Number(plan.time[0].slice(3));
  // Papers share whatever time the standing items leave, so the agenda ends when the meeting does.
  const length = Number(plan.time[1].slice(0, 2)) * 60 + Number(plan.time[1].slice(3)) - minutes;
  const paperSlot = Math.max(10, Math.floor((length - 30 - 10 * plan.verbal.length) / plan.papers.length / 5) * 5);
  const at = (duration: number): string => { const t = minutes; minutes += duration; return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`; };
  const last = 4 + plan.papers.length + plan.verbal.length;
  const rows: string[][] = [
    ['1', 'Welcome, introductions, apologies and declarations of interest', plan.chair.name, 'Verbal', at(5)],
    ['2', `Minutes of the meeting held on ${enGb(plan.previous)} and matters arising`, plan.chair.name, 'Paper', at(10)],
    ['3', 'Action log', person('bm').name, 'Paper', at(10)],
    ...plan.papers.map((p) => [String(p.item), p.title, p.lead.name, `Paper (${p.format.toUpperCase()})`, at(paperSlot)]),
    ...plan.verbal.map((v) => [String(v.item), v.title, v.lead.name, 'Verbal', at(10)]),
    [String(last), 'Any other business', plan.chair.name, 'Verbal', at(5)],
    [String(last + 1), `Date of next meeting: ${longDate(plan.next)}`, plan.chair.name, '', at(0)],
  ];
  const title = `Agenda - ${m.forumName}`;
  return { kind: 'agenda', format: 'docx', fileName: safeName(`${m.date} ${title}.docx`), title, blocks: [
    notice(), heading(1, m.forumName), para(PARTNERSHIP_NAME), heading(2, m.title),
    para(`${longDate(plan.date)}, ${plan.time[0]} to ${plan.time[1]}. Venue: ${plan.venue}.`),
    para(`Chair: ${describePerson(plan.chair)}.`),
    { type: 'table', header: ['Item', 'Title', 'Lead', 'Paper', 'Time'], rows },
    para('Papers are circulated one week before the meeting and are available in the Files tab of the meeting channel. Members unable to attend are asked to send a deputy with delegated authority.'),
  ] };
}

/** Non-members in the room: the scrutineer, the minute-taker and presenters, each listed once. */
function attendance(plan: Plan, minuteTaker: Person): string[] {
  const roles = new Map<Person, string[]>([[person('scrutineer'), []], [minuteTaker, ['minutes']]]);
  for (const p of plan.papers) if (!plan.present.includes(p.lead)) roles.set(p.lead, [...(roles.get(p.lead) ?? []), `for item ${p.item}`]);
  return [...roles].map(([who, why]) => describePerson(who) + (why.length ? ` (${why.join('; ')})` : ''));
}

function minutesDocument(plan: Plan): DemoDocument {
  const m = plan.meeting;
  const rng = makeRng(`${m.forumKey}|${m.date}|minutes`);
  const minuteTaker = person(plan.present.includes(person('bm')) ? 'qa_officer' : 'bm');
  const actions: string[][] = [];
  const addAction = (text: string, owner: Person): string => {
    const ref = `${plan.abbr}-${m.date.slice(2, 4)}${m.date.slice(5, 7)}-${String(actions.length + 1).padStart(2, '0')}`;
    actions.push([ref, text, owner.role, AGENCIES[owner.agency].short, enGb(addDays(plan.date, 7 * rng.int(3, 12)))]);
    return ref;
  };
  const blocks: DemoBlock[] = [
    notice(), heading(1, `Minutes - ${m.forumName}`), para(PARTNERSHIP_NAME),
    para(`${m.title}. Held on ${longDate(plan.date)}, ${plan.time[0]} to ${plan.time[1]}. Venue: ${plan.venue}.`),
    heading(2, 'Present'), { type: 'table', header: ['Name', 'Role', 'Agency'], rows: plan.present.map((p, i) => [p.name + (i === 0 ? ' (Chair)' : ''), p.role, AGENCIES[p.agency].short]) },
    heading(2, 'In attendance'), { type: 'bullets', items: attendance(plan, minuteTaker) },
    heading(2, 'Apologies'), plan.apologies.length > 0 ? { type: 'bullets', items: plan.apologies.map(describePerson) } : para('None received.'),
    heading(2, '1. Welcome, introductions and apologies'),
    para(`The chair welcomed members${rng.next() < 0.5 ? ' and introductions were made' : ''}. Apologies were noted as above. ${rng.pick(['No declarations of interest were made.', 'No new declarations of interest were made.', 'No conflicts of interest were declared in relation to the agenda.'])}`),
    heading(2, '2. Minutes of the previous meeting and matters arising'),
    para(`The minutes of the meeting held on ${enGb(plan.previous)} were agreed as an accurate record${rng.next() < 0.4 ? ', subject to a minor correction to the list of attendees' : ''}. There were no matters arising not covered by the agenda or the action log.`),
    heading(2, '3. Action log'),
  ];
  const total = rng.int(4, 12); const closed = rng.int(1, total - 1); const open = total - closed; const overdue = rng.int(0, open);
  blocks.push(para(`The action log was reviewed. ${closed} ${closed === 1 ? 'action was' : 'actions were'} closed with evidence and ${open} ${open === 1 ? 'remains' : 'remain'} open. `
    + (overdue === 0 ? 'No open action is past its due date.' : `${overdue} ${overdue === 1 ? 'is' : 'are'} past the due date; the business manager will contact the owners before the next meeting.`)));
  for (const p of plan.papers) {
    const theme = THEMES[p.theme];
    const c = ctxFor(rng, plan, theme.topic, p.lead.name);
    const { findings, recs } = paperKeyPoints(plan, p);
    const refs = [addAction(rng.pick(recs), p.lead)];
    if (rng.next() < 0.6) refs.push(addAction(fill(rng.pick(GENERIC_ACTIONS), c), rng.pick(plan.present)));
    blocks.push(heading(2, `${p.item}. ${p.title}`),
      para(`${p.lead.name} presented the paper on ${theme.topic}. ${rng.pick(findings)}`),
      ...fillAll(rng.sample(DISCUSSION, 2), c).map(para),
      para(fill(rng.pick(CHALLENGES), c) + ' ' + fill(rng.pick(RESPONSES), c)),
      para(`Decision: ${fill(rng.pick(DECISIONS), c)}`), para(`Actions: ${refs.join(', ')}.`));
  }
  for (const v of plan.verbal) {
    const c = ctxFor(rng, plan, 'partnership priorities', v.lead.name);
    blocks.push(heading(2, `${v.item}. ${v.title}`), para(`${v.lead.name} gave a verbal update. ${fill(rng.pick(DISCUSSION), c)}`));
  }
  const last = 4 + plan.papers.length + plan.verbal.length;
  blocks.push(heading(2, `${last}. Any other business`), para(rng.pick(AOB)),
    heading(2, `${last + 1}. Date of next meeting`), para(`${longDate(plan.next)}, ${plan.time[0]} to ${plan.time[1]}.`),
    heading(2, 'Actions agreed at this meeting'),
    { type: 'table', header: ['Ref', 'Action', 'Owner (role)', 'Agency', 'Due date'], rows: actions });
  const title = `Minutes - ${m.forumName}`;
  return { kind: 'minutes', format: 'docx', fileName: safeName(`${m.date} ${title}.docx`), title, blocks };
}

/** Agenda, two or three papers (the first a 4 to 8 page PDF) and minutes for one meeting, in that order. */
export function demoDocumentsForMeeting(meeting: DemoMeetingRef): DemoDocument[] {
  const plan = planMeeting(meeting);
  return [agendaDocument(plan), ...plan.papers.map((p) => paperDocument(plan, p)), minutesDocument(plan)];
}
