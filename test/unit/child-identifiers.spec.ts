import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseReferencePatternSchema, CaseReferencePatternsSchema } from '../../src/contract/guard.js';
import {
  checkPattern,
  createChildIdentifierGuard,
  findChildIdentifiers,
  isValidNhsNumber,
  nhsCheckDigit,
  PatternError,
  type Flag,
} from '../../src/guard/index.js';
import { loadLabelledSet, scoreLabelledSet } from '../fixtures/child-identifiers/score.js';

const kinds = (text: string, options?: Parameters<typeof findChildIdentifiers>[1]) =>
  findChildIdentifiers(text, options).map((f) => `${f.kind}:${f.text}`);

/** A valid NHS number in the 999 range (never issued; reserved for test data). */
const validNhsNumber = fc
  .integer({ min: 0, max: 999_999 })
  .map((n) => `999${String(n).padStart(6, '0')}`)
  .map((nine) => ({ nine, check: nhsCheckDigit(nine) }))
  .filter((x) => x.check !== null)
  .map((x) => `${x.nine}${x.check}`)
  .filter((n) => !/^(\d)\1{9}$/.test(n)); // 9999999999 is a placeholder, never flagged

describe('NHS numbers', () => {
  it('computes the Modulus 11 check digit, reading 11 as 0 and refusing 10', () => {
    expect(nhsCheckDigit('999587211')).toBe(0);
    expect(nhsCheckDigit('999039550')).toBe(0);
    expect(nhsCheckDigit('999240652')).toBe(6);
    expect(nhsCheckDigit('999000000')).toBeNull(); // check digit would be 10: the number cannot exist
    expect(nhsCheckDigit('12345')).toBeNull();
  });

  it('flags a valid number written as ten digits, 3-3-4 with spaces, hyphens or dots', () => {
    expect(kinds('NHS number 9995872110.')).toEqual(['nhs_number:9995872110']);
    expect(kinds('NHS number 999 587 2110')).toEqual(['nhs_number:999 587 2110']);
    expect(kinds('NHS no. 999-240-6526 in the referral')).toEqual(['nhs_number:999-240-6526']);
    expect(kinds('NHS 999.587.2110')).toEqual(['nhs_number:999.587.2110']);
    expect(kinds('typed as 999 5872110')).toEqual(['nhs_number:999 5872110']);
  });

  it('does not flag a number with a wrong check digit', () => {
    for (let wrong = 1; wrong <= 9; wrong += 1) expect(kinds(`NHS number 999587211${wrong}`)).toEqual([]);
  });

  it('does not flag a number whose check digit would be 10, whatever its last digit', () => {
    for (let last = 0; last <= 9; last += 1) {
      expect(isValidNhsNumber(`999000000${last}`)).toBe(false);
      expect(kinds(`NHS 999000000${last}`)).toEqual([]);
    }
  });

  it('does not flag one digit repeated, even where the check digit works out (0000000000, 2222222222)', () => {
    expect(nhsCheckDigit('222222222')).toBe(2);
    for (let d = 0; d <= 9; d += 1) expect(kinds(`NHS number ${String(d).repeat(10)}`)).toEqual([]);
  });

  it('does not flag ten digits inside a longer run, a decimal, a grouped figure or a +44 phone number', () => {
    expect(kinds('Order 99958721101 and 19995872110')).toEqual([]);
    expect(kinds('The value 3.9995872110 is a rounding artefact')).toEqual([]);
    expect(kinds('1,234,567,890 pence')).toEqual([]);
    expect(kinds('Call +44 161 496 0000 or 0161 496 0000 or 0800 123 4567')).toEqual([]);
  });

  it('finds every valid number embedded in any text', () => {
    // Text ending "+44" makes the digits a phone number, which is deliberately not flagged.
    const textBefore = fc.string({ unit: 'binary' }).filter((s) => !/\+44\s*$/.test(s));
    fc.assert(
      fc.property(textBefore, validNhsNumber, fc.string({ unit: 'binary' }), (before, nhs, after) => {
        // A letter or digit touching the number makes it part of a longer token, so the text is kept apart by a space.
        const text = `${before} ${nhs} ${after}`;
        const at = before.length + 1;
        expect(findChildIdentifiers(text)).toContainEqual(
          expect.objectContaining({ kind: 'nhs_number', start: at, end: at + 10, text: nhs }),
        );
      }),
    );
  });

  it('never flags an NHS number in text without digits', () => {
    const noDigits = fc.string({ unit: 'binary' }).map((s) => s.replace(/\d/g, ''));
    fc.assert(
      fc.property(noDigits, (text) => {
        expect(findChildIdentifiers(text).filter((f) => f.kind === 'nhs_number')).toEqual([]);
      }),
    );
  });
});

describe('postcodes', () => {
  it('flags full postcodes with or without the space, in any case, and GIR 0AA', () => {
    expect(kinds('Moved to SE13 6AB in May')).toEqual(['postcode:SE13 6AB']);
    expect(kinds('Placement at CR01NX')).toEqual(['postcode:CR01NX']);
    expect(kinds('an address in m1 1ae')).toEqual(['postcode:m1 1ae']);
    expect(kinds('EC1A 1BB, W1A 1AA and GIR 0AA')).toEqual(['postcode:EC1A 1BB', 'postcode:W1A 1AA', 'postcode:GIR 0AA']);
  });

  it('flags the postcode of an office too: the guard cannot tell a building from a home', () => {
    expect(kinds('The partnership office is at KT1 1EU.')).toEqual(['postcode:KT1 1EU']);
  });

  it('does not flag an outward code alone or postcode look-alikes', () => {
    expect(kinds('Schools in SW1A and B12 and the CR0 district')).toEqual([]);
    expect(kinds('Q3 2024, FY24 budget, the M25 and A406, Year 6 2024')).toEqual([]);
    expect(kinds('SE13 6ABC and XSE13 6AB')).toEqual([]);
  });
});

describe('dates of birth', () => {
  it('flags a date next to a date-of-birth marker, in each en-GB form', () => {
    expect(kinds('DOB 12/03/2015')).toEqual(['date_of_birth:12/03/2015']);
    expect(kinds('d.o.b. 12.03.15')).toEqual(['date_of_birth:12.03.15']);
    expect(kinds('born 12 March 2015')).toEqual(['date_of_birth:12 March 2015']);
    expect(kinds('date of birth 12th Mar 2015')).toEqual(['date_of_birth:12th Mar 2015']);
    expect(kinds('Date of birth: 2015-03-12')).toEqual(['date_of_birth:2015-03-12']);
    expect(kinds('12/03/2015 (DOB)')).toEqual(['date_of_birth:12/03/2015']);
  });

  it('flags a date next to a name, an honorific, an anonymised child or an age', () => {
    expect(kinds('Jayden Clarke (12/03/2015) was discussed')).toEqual(['date_of_birth:12/03/2015']);
    expect(kinds('Master Kai Thompson, 19.09.2012, is the older sibling')).toEqual(['date_of_birth:19.09.2012']);
    expect(kinds('Child A (12.12.12) was not brought')).toEqual(['date_of_birth:12.12.12']);
    expect(kinds('Lily, aged 7, 05/06/2017, attends')).toEqual(['date_of_birth:05/06/2017']);
    expect(kinds('Kofi Mensah (04/11/2016) moved in')).toEqual(['date_of_birth:04/11/2016']);
  });

  it('does not flag meeting dates, deadlines or dates an adult is named beside for their job', () => {
    expect(kinds('The board met on 12 March 2025')).toEqual([]);
    expect(kinds('Jane Smith chaired the meeting on 12 March 2025.')).toEqual([]);
    expect(kinds('Presented by Sarah Khan, 12 March 2025, to the executive.')).toEqual([]);
    expect(kinds('The annual report is due by 31/03/2026.')).toEqual([]);
    expect(kinds('Jacob Smith (12/03/2025 strategy discussion)')).toEqual([]);
    expect(kinds('Strategic Leadership Group (12 March 2025) agreed the priorities.')).toEqual([]);
  });

  it('does not flag a date that is not on the calendar', () => {
    expect(kinds('DOB 31/02/2015 and DOB 29/02/2015')).toEqual([]);
    expect(kinds('DOB 29/02/2016')).toEqual(['date_of_birth:29/02/2016']);
  });

  it('reads a list of dates after one marker, but not a later event date', () => {
    expect(kinds('DOBs 01/02/2021 and 05/06/2023')).toEqual(['date_of_birth:01/02/2021', 'date_of_birth:05/06/2023']);
    expect(kinds('DOB 12/03/2015, referred 14/05/2023')).toEqual(['date_of_birth:12/03/2015']);
  });
});

describe('case references', () => {
  const mosaic = { label: 'Mosaic id', pattern: '\\bMOS-?\\d{6,8}\\b' };

  it('flags the conservative defaults: prefixed references, family court numbers, labelled numbers', () => {
    expect(kinds('Strategy discussion for CP/2024/12345')).toEqual(['case_reference:CP/2024/12345']);
    expect(kinds('court case BM24C50123 adjourned')).toEqual(['case_reference:BM24C50123']);
    expect(kinds('Case ref 1234567 closed; Mosaic ID: 4567891')).toEqual(['case_reference:1234567', 'case_reference:4567891']);
  });

  it('does not flag invoice numbers, purchase orders, statistics or years after a system name', () => {
    expect(kinds('Invoice INV-2024-0032, PO/2024/5566, AP-12, 1,234 referrals, LCS 2024 upgrade')).toEqual([]);
  });

  it('flags a configured pattern, and only the group named ref when there is one', () => {
    expect(kinds('Quoted MOS-1234567 to police', { caseReferencePatterns: [mosaic] })).toEqual(['case_reference:MOS-1234567']);
    expect(kinds('Quoted MOS-1234567 to police')).toEqual([]);
    const narrowed = { label: 'Liquidlogic id', pattern: 'LL id (?<ref>\\d{6})' };
    expect(kinds('See LL id 123456.', { caseReferencePatterns: [narrowed] })).toEqual(['case_reference:123456']);
  });

  it('can leave out the defaults', () => {
    expect(kinds('CP/2024/12345 and MOS1234567', { caseReferencePatterns: [mosaic], useDefaultCaseReferences: false })).toEqual([
      'case_reference:MOS1234567',
    ]);
  });

  it('refuses a bad pattern with a clear error naming it', () => {
    expect(() => createChildIdentifierGuard({ caseReferencePatterns: [{ label: 'Broken', pattern: '[MOS' }] })).toThrow(PatternError);
    expect(() => createChildIdentifierGuard({ caseReferencePatterns: [{ label: 'Broken', pattern: '[MOS' }] })).toThrow(
      /“Broken”: The pattern is not a valid regular expression/,
    );
  });

  it('refuses patterns that could take a very long time or match nothing', () => {
    expect(checkPattern('(\\d+)+$')).toMatch(/without a limit/);
    expect(checkPattern('\\d*')).toMatch(/without a limit/);
    expect(checkPattern('(a|a){30}')).toMatch(/too many ways/);
    expect(checkPattern('(a{1,9}){1,9}')).toMatch(/too many ways/);
    expect(checkPattern('(\\d)\\1')).toMatch(/backreference/);
    expect(checkPattern('\\d{1,99}')).toMatch(/more than 50 times/);
    expect(checkPattern(`${'a'.repeat(201)}`)).toMatch(/longer than 200/);
    expect(checkPattern('a?')).toMatch(/empty text/);
    expect(checkPattern(mosaic.pattern)).toBeNull();
    expect(checkPattern('\\b(?:CP|CIN)[/-]20\\d{2}[/-]\\d{3,6}\\b')).toBeNull();
  });

  it('validates configured patterns in the contract, with the problem as the message', () => {
    expect(CaseReferencePatternSchema.safeParse(mosaic).success).toBe(true);
    const bad = CaseReferencePatternSchema.safeParse({ label: 'Mosaic id', pattern: '(\\d+)+' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/without a limit/);
    expect(CaseReferencePatternSchema.safeParse({ label: ' ', pattern: 'MOS\\d{6}' }).success).toBe(false);
    expect(CaseReferencePatternsSchema.safeParse(Array.from({ length: 21 }, () => mosaic)).success).toBe(false);
  });
});

describe('flags', () => {
  it('gives UTF-16 offsets that highlight exactly the flagged text after emoji and accents', () => {
    const text = '👍🏽 Zoë Martin (13/05/2014), NHS 999 587 2110, SE13 6AB, CP/2024/12345';
    const flags = findChildIdentifiers(text);
    expect(flags.map((f) => f.text)).toEqual(['13/05/2014', '999 587 2110', 'SE13 6AB', 'CP/2024/12345']);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(flags[0]!.start).toBe(text.indexOf('13/05/2014'));
  });

  it('says why each flag was raised', () => {
    const [flag] = findChildIdentifiers('Jayden Clarke (12/03/2015)');
    expect(flag!.reason).toMatch(/date of birth.*Jayden Clarke/);
  });

  it('never throws, and returns sorted, non-overlapping flags whose text is the input between their offsets', () => {
    const pieces = fc.oneof(
      fc.string({ unit: 'binary' }),
      validNhsNumber,
      fc.constantFrom('DOB ', 'Jayden Clarke (', '12/03/2015', ' 12 March 2015', 'SE13 6AB', 'CP/2024/12345', ' ', ', ', '\ud800', '\udc00', '😀', 'é'),
    );
    const guard = createChildIdentifierGuard({ caseReferencePatterns: [{ label: 'digits', pattern: '\\d{4,12}' }] });
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')), (text) => {
        const flags: Flag[] = guard(text);
        for (const [i, f] of flags.entries()) {
          expect(f.start).toBeLessThan(f.end);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          if (i > 0) expect(f.start).toBeGreaterThanOrEqual(flags[i - 1]!.end);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the labelled test set', () => {
  const set = loadLabelledSet();
  const result = scoreLabelledSet(set, createChildIdentifierGuard({ caseReferencePatterns: set.caseReferencePatterns }));

  it('holds at least 150 synthetic sentences, with NHS numbers only from the 999 test range', () => {
    expect(set.sentences.length).toBeGreaterThanOrEqual(150);
    for (const s of set.sentences) {
      for (const f of s.flags.filter((x) => x.kind === 'nhs_number')) expect(f.text.replace(/\D/g, '')).toMatch(/^999\d{7}$/);
      for (const f of s.flags) expect(s.text).toContain(f.text);
    }
  });

  it('finds at least 95% of what it should, and at least 95% of what it flags is right', () => {
    expect(result.overall.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.overall.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('misses no NHS number and no postcode in the set', () => {
    expect(result.byKind.nhs_number.recall).toBe(1);
    expect(result.byKind.postcode.recall).toBe(1);
  });
});
