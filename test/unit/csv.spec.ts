import { describe, expect, it } from 'vitest';
import { CsvError, csvField, decodeCsvBytes, parseCsv, sniffDelimiter, toCsv } from '../../src/tabular/csv.js';
import { guardFormula, unguardFormula } from '../../src/tabular/formula-guard.js';

describe('the CSV reader (RFC 4180, as Excel writes it)', () => {
  it('reads plain records with CRLF or LF, and no empty record after the last line break', () => {
    expect(parseCsv('a,b,c\r\n1,2,3\r\n')).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps empty fields, including trailing ones', () => {
    expect(parseCsv('a,,c,\n,,,\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    const text = 'Ref,Action\r\nA-1,"Audit, then re-audit"\r\nA-2,"Say ""no"" to drift"\r\nA-3,"Line one\r\nLine two\nLine three"\r\n';
    expect(parseCsv(text)).toEqual([
      ['Ref', 'Action'],
      ['A-1', 'Audit, then re-audit'],
      ['A-2', 'Say "no" to drift'],
      ['A-3', 'Line one\r\nLine two\nLine three'],
    ]);
  });

  it('reads an empty quoted field, and one made only of a quote', () => {
    expect(parseCsv('"",""""\n')).toEqual([['', '"']]);
  });

  it('drops a UTF-8 byte order mark, and keeps £ and curly quotes', () => {
    expect(parseCsv('\uFEFFRef,Cost\nA-1,£5 “ok”\n')).toEqual([['Ref', 'Cost'], ['A-1', '£5 “ok”']]);
  });

  it('is lenient where Excel is: a quote inside an unquoted field is kept; text after a closing quote is appended', () => {
    expect(parseCsv('5" pipe,x\n"ab"cd,y\n')).toEqual([['5" pipe', 'x'], ['abcd', 'y']]);
  });

  it('refuses a quote that is never closed, naming the row', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(/Row 2: a quoted cell is never closed/);
  });

  it('stops at the limits it is given: records, fields, and characters in a cell', () => {
    expect(() => parseCsv('a\nb\nc\nd\n', { maxRecords: 3 })).toThrow(/more than 3 rows/);
    expect(() => parseCsv('a,b,c,d\n', { maxFields: 3 })).toThrow(/more than 3 columns/);
    expect(() => parseCsv(`x,${'y'.repeat(50)}\n`, { maxFieldChars: 40 })).toThrow(/Row 1, column 2 holds 50 characters/);
    expect(() => parseCsv(`x,"${'y'.repeat(50)}"\n`, { maxFieldChars: 40 })).toThrow(/more than 40 characters/);
  });

  it('reads semicolon- and tab-separated files (European Excel), but prefers commas', () => {
    expect(sniffDelimiter('a;b;c\n')).toBe(';');
    expect(sniffDelimiter('a\tb\n')).toBe('\t');
    expect(sniffDelimiter('"x;y",b\n')).toBe(',');
    expect(parseCsv('Ref;Action\nA-1;"one; two"\n')).toEqual([['Ref', 'Action'], ['A-1', 'one; two']]);
  });

  it('decodes UTF-8, and Windows-1252 from an older Excel save', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('£ “x”'))).toBe('£ “x”');
    expect(decodeCsvBytes(Uint8Array.from([0xa3, 0x35, 0x20, 0x93, 0x78, 0x94]))).toBe('£5 “x”');
  });
});

describe('the CSV writer', () => {
  it('quotes only what needs it, doubles quotes, ends every record with CRLF, and starts with a BOM', () => {
    const text = toCsv([
      ['Ref', 'Action'],
      ['A-1', 'Audit, then "re-audit"'],
      ['A-2', 'Line one\nLine two'],
      ['A-3', ' padded '],
    ]);
    expect(text).toBe('\uFEFFRef,Action\r\nA-1,"Audit, then ""re-audit"""\r\nA-2,"Line one\nLine two"\r\nA-3," padded "\r\n');
  });

  it('prefixes text a spreadsheet would run as a formula with an apostrophe (formula injection)', () => {
    for (const evil of ['=HYPERLINK("http://evil","x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx']) {
      expect(guardFormula(evil)).toBe(`'${evil}`);
    }
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(guardFormula('Safe text')).toBe('Safe text');
    expect(guardFormula('')).toBe('');
  });

  it('can leave formulas unguarded when asked (for machine-read files)', () => {
    expect(toCsv([['=1+2']], { guardFormulas: false, bom: false })).toBe('=1+2\r\n');
  });

  it('reads back what it wrote: the guard is undone on reading', () => {
    const rows = [
      ['Ref', 'Action', 'Update'],
      ['A-1', '=not a formula', '- bullet, with "quotes"\r\nand a second line'],
      ['A-2', '@mention', '+44 20 7946 0000'],
      ['A-3', '', "'already quoted"],
    ];
    const back = parseCsv(toCsv(rows)).map((r) => r.map(unguardFormula));
    expect(back).toEqual(rows);
  });
});
