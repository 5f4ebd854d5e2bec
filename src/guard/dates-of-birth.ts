import { findDates, type DateMention } from './dates.js';
import { findPersonMentions, type PersonMention } from './person-references.js';
import type { Flag } from './types.js';

// A date is read as a date of birth only with evidence next to it: a marker (DOB, born, date of birth),
// an age ("aged 7"), or a person's name with nothing but punctuation between them ("Jayden Clarke (12/03/2015)").
// A date introduced by anything else ("met on", "was seen on", "by") is an event, and is left alone: papers
// are full of meeting dates, and a guard that cries wolf is switched off.
const LOOK_BEHIND = 60;
const CUE_GAP = 30;
// "birth" covers date of birth and birth date; pre-birth (an assessment) does not count.
const DOB_CUE = /\b(?:d\.o\.b\b\.?|d\.?o\.?bs?\b|date[ \u00a0]+of[ \u00a0]+birth|(?<!-)birth(?:[ \u00a0]?date)?|born)\b/giu;
const DOB_CUE_AFTER = /^[\s(\[,:–—-]{0,3}(?:d\.o\.b\b|d\.?o\.?b\b|date[ \u00a0]+of[ \u00a0]+birth)/iu;
const AGED = /\baged[ \u00a0]+\d{1,2}(?:[ \u00a0]+(?:years?|yrs?|months?)(?:[ \u00a0]+old)?)?/giu;
const ONLY_PUNCTUATION = /^[\s,;:()[\]–—-]{0,5}$/u;
// Between a marker and a later date, only other dates and "and" may stand: "DOBs 01/02/2021 and 05/06/2023".
const ONLY_LIST = /^(?:[\s,;&]|\band\b|\bor\b)*$/iu;
// "On 12/03/2015 Amira was born", "… the baby was born": the marker comes after the date and its subject.
const BORN_AFTER = /^,?[ \u00a0]+(?:\p{Lu}[\p{L}'’-]*(?:[ \u00a0]+\p{Lu}[\p{L}'’-]*)?|the[ \u00a0]+(?:baby|child|infant|twins))[ \u00a0]+(?:was|were)[ \u00a0]+born\b/u;
// After a date next to a name, a lowercase word makes it an event ("Jacob Smith (12/03/2025 strategy discussion)"),
// and a job title makes the person an adult ("Mr Daniel Okoro, 12/03/2025, chair of the subgroup").
const EVENT_AFTER = /^[ \u00a0]+\p{Ll}/u;
const ADULT_ROLE_AFTER = /^[\s,;:()–—-]*(?:the[ \u00a0]+)?(?:chair|head|director|manager|lead|officer|designated|nurse|doctor|social[ \u00a0]+worker|detective|inspector|superintendent|DCI|DI|DS|headteacher|principal)\b/iu;
// A name after one of these is an adult doing their job ("presented by Jane Smith, 12 March 2025").
const ADULT_ROLE_BEFORE = /\b(?:by|from|author|authors|chair|chaired|presented|prepared|signed|attendees?|apologies|present|minutes|cc|contact|officer|lead)\b[\s:,]*$/iu;
// Where a clause ends: a line break, ; ! ? or a full stop that does not end an honorific or a single letter (d.o.b.).
const CLAUSE_END = /(?:[\n;!?]|(?<!\b(?:Mr|Mrs|Ms|Mx|Dr|St|No|[A-Za-z]))\.)\s/gu;

function clauseStart(text: string, at: number): number {
  const from = Math.max(0, at - LOOK_BEHIND);
  let start = from;
  for (const m of text.slice(from, at).matchAll(CLAUSE_END)) start = from + m.index + m[0].length;
  return start;
}

function lastMatchIn(re: RegExp, text: string, from: number, to: number): { start: number; end: number; text: string } | null {
  let last: { start: number; end: number; text: string } | null = null;
  for (const m of text.slice(from, to).matchAll(re)) last = { start: from + m.index, end: from + m.index + m[0].length, text: m[0] };
  return last;
}

/** The index of the first mention starting at or after an offset (mentions are sorted by start). */
function firstAtOrAfter(people: readonly PersonMention[], offset: number): number {
  let lo = 0;
  let hi = people.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (people[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when the text between two offsets is a list of dates and nothing else. */
function onlyDatesBetween(text: string, dates: readonly DateMention[], from: number, to: number): boolean {
  let gap = '';
  let at = from;
  for (const d of dates) {
    if (d.start < from || d.end > to) continue;
    gap += text.slice(at, d.start);
    at = d.end;
  }
  return at === from ? true : ONLY_LIST.test(gap + text.slice(at, to));
}

function reasonFor(date: DateMention, text: string, dates: readonly DateMention[], people: readonly PersonMention[]): string | null {
  const from = clauseStart(text, date.start);
  const cue = lastMatchIn(DOB_CUE, text, from, date.start);
  if (cue !== null && date.start - cue.end <= CUE_GAP && onlyDatesBetween(text, dates, cue.end, date.start)) {
    return `Looks like a date of birth (it follows “${cue.text}”).`;
  }
  const after = text.slice(date.end, date.end + 40);
  if (DOB_CUE_AFTER.test(after) || BORN_AFTER.test(after)) return 'Looks like a date of birth (it is marked as one).';
  const aged = lastMatchIn(AGED, text, from, date.start);
  if (aged !== null && ONLY_PUNCTUATION.test(text.slice(aged.end, date.start))) {
    return `Looks like a date of birth (it follows an age, “${aged.text}”).`;
  }
  // The person mentioned closest before the date (the longest reading, "Jayden Clarke" over "Jayden").
  let person: PersonMention | undefined;
  for (let i = firstAtOrAfter(people, from); i < people.length && people[i]!.start < date.start; i += 1) {
    const p = people[i]!;
    if (p.end <= date.start && (person === undefined || p.end > person.end)) person = p;
  }
  if (
    person !== undefined &&
    ONLY_PUNCTUATION.test(text.slice(person.end, date.start)) &&
    !ADULT_ROLE_BEFORE.test(text.slice(Math.max(0, person.start - 30), person.start)) &&
    !EVENT_AFTER.test(after) &&
    !ADULT_ROLE_AFTER.test(after)
  ) {
    return `Looks like a date of birth (it is next to a name, “${person.text}”).`;
  }
  return null;
}

/** Dates that read as someone's date of birth. */
export function findDatesOfBirth(text: string): Flag[] {
  const dates = findDates(text);
  if (dates.length === 0) return [];
  const people = findPersonMentions(text);
  const flags: Flag[] = [];
  for (const date of dates) {
    const reason = reasonFor(date, text, dates, people);
    if (reason !== null) flags.push({ kind: 'date_of_birth', start: date.start, end: date.end, text: date.text, reason });
  }
  return flags;
}
