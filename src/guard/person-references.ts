import { AMBIGUOUS_GIVEN_NAMES, GIVEN_NAMES } from './given-names.js';

/** A mention of a person: "Jayden Clarke", "Ms Okafor", "Child A". Offsets are UTF-16. */
export interface PersonMention {
  start: number;
  end: number;
  text: string;
}

const CAP_WORD = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?";
// Honorific + surname (Master is how a boy is addressed in letters).
const HONORIFIC = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Master)\\.?[ \\u00a0]+${CAP_WORD}`, 'gu');
// How papers anonymise children: Child A, Baby B, Sibling 2, Young Person C.
const ANONYMISED = /\b(?:Child|Baby|Sibling|Young Person|YP|Infant)[ \u00a0][A-Z0-9]\b/gu;
const CAPITALISED = new RegExp(`(?<![\\p{L}])${CAP_WORD}`, 'gu');
const SURNAME_AFTER = new RegExp(`^[ \\u00a0]+(${CAP_WORD})`, 'u');

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((w) => w !== ''));

// Words that make two capitalised words an organisation, a place, an event or a document, not a person.
const NOT_A_SURNAME = words(`Act Academy Agency Agenda Assurance Audit Avenue Board Borough Care Centre Children
  Close Committee Conference Council County Court Day Drive Event Executive Forum Framework Group Hall Health
  Hospital House Inspection Lane Leadership Learning Meeting Minutes Month Office Panel Partnership Plan Police
  Policy Practice Programme Project Protocol Quarter Report Review Road Safeguarding School Service Services
  Session Strategy Street Subgroup Summary Team Term Together Training Trust Unit Update Way Week Workshop Year`);

// Capitalised words that start sentences and headings; never the first word of an unknown name.
const NOT_A_GIVEN_NAME = words(`A About After All An And As At Before Between By Dear During Each Every For From He
  Her His How If In Its Local Many Most My National New No Not Of On Our She Since So Some Such That The Their
  There These They This Those To Under Until We What When Where Which While Who Why With Year Monday Tuesday
  Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October
  November December Annual Quarterly Monthly Weekly Joint Independent Serious Rapid Child Children Young Multi
  Strategic Executive Quality Early Police Health Education Social Ofsted Partnership Safeguarding Designated`);

/**
 * An unknown name, only as "Firstname Surname (date" or "Firstname Surname, date,": how case papers write a
 * child with a date of birth. Both words must be plain capitalised words that are not headings or places.
 */
const UNKNOWN_NAME_BEFORE_DATE = new RegExp(`(?<![\\p{L}])(${CAP_WORD})[ \\u00a0]+(${CAP_WORD})(?=[ \\u00a0]?\\(|,[ \\u00a0]?\\d)`, 'gu');

/** People mentioned in the text, in order. */
export function findPersonMentions(text: string): PersonMention[] {
  const found: PersonMention[] = [];
  const push = (start: number, value: string) => found.push({ start, end: start + value.length, text: value });
  for (const m of text.matchAll(HONORIFIC)) push(m.index, m[0]);
  for (const m of text.matchAll(ANONYMISED)) push(m.index, m[0]);
  // A known given name, with the capitalised word after it as the surname unless that word is institutional.
  for (const m of text.matchAll(CAPITALISED)) {
    const given = m[0].replace(/['’]s$/u, '');
    const known = GIVEN_NAMES.has(given);
    if (!known && !AMBIGUOUS_GIVEN_NAMES.has(given)) continue;
    const end = m.index + m[0].length;
    const surname = SURNAME_AFTER.exec(text.slice(end, end + 40));
    if (surname !== null && !NOT_A_SURNAME.has(surname[1]!)) push(m.index, text.slice(m.index, end + surname[0].length));
    else if (known) push(m.index, m[0]);
  }
  for (const m of text.matchAll(UNKNOWN_NAME_BEFORE_DATE)) {
    if (NOT_A_GIVEN_NAME.has(m[1]!) || NOT_A_SURNAME.has(m[1]!) || NOT_A_SURNAME.has(m[2]!) || NOT_A_GIVEN_NAME.has(m[2]!)) continue;
    push(m.index, m[0]);
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}
