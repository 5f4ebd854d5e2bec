/** A calendar date written in one of the en-GB forms the guard reads. Offsets are UTF-16. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_NAME =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

// 12/03/2015, 12.03.15, 12-03-2015 (day first, as en-GB writes it), one separator throughout.
const NUMERIC = /(?<![\p{L}\p{N}/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{L}\p{N}]|[/.-]\d)/gu;
// 2015-03-12
const ISO = /(?<![\p{L}\p{N}/.-])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}]|[/.-]\d)/gu;
// 12 March 2015, 12th Mar. 2015, 1st of June, 2015, 3 Sept '15
const WORDED = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th)?[ \\u00a0]+(?:of[ \\u00a0]+)?(${MONTH_NAME})\\.?,?[ \\u00a0]+(\\d{4}|['’]\\d{2})(?![\\p{L}\\p{N}])`,
  'giu',
);

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate(day: number, month: number, year: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

/** A two-digit year is read as 20yy; it only decides whether 29 February is real. */
const fullYear = (y: string): number => (y.length === 4 ? Number(y) : 2000 + Number(y.replace(/['’]/, '')));

/** Every date in the text in the en-GB forms above that is a real calendar day, in order. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  const add = (m: RegExpMatchArray, day: number, month: number, year: number) => {
    if (!isRealDate(day, month, year)) return;
    found.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  };
  for (const m of text.matchAll(NUMERIC)) add(m, Number(m[1]), Number(m[3]), fullYear(m[4]!));
  for (const m of text.matchAll(ISO)) {
    const year = Number(m[1]);
    if (year >= 1900 && year <= 2099) add(m, Number(m[3]), Number(m[2]), year);
  }
  for (const m of text.matchAll(WORDED)) {
    const key = m[2]!.toLowerCase();
    const month = MONTHS[key] ?? MONTHS[key.slice(0, 3)];
    if (month !== undefined) add(m, Number(m[1]), month, fullYear(m[3]!));
  }
  return found.sort((a, b) => a.start - b.start);
}
