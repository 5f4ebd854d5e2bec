import { describe, expect, it } from 'vitest';
import { unstorableText } from '../../src/server/storable-text.js';

describe('text the database cannot store', () => {
  it('finds a NUL or an unpaired surrogate anywhere in a body, and names the field', () => {
    expect(unstorableText({ title: 'a\u0000b' }, 'body')).toEqual({ path: 'body.title', message: expect.stringContaining('NUL') });
    expect(unstorableText({ days: [{ note: 'ok' }, { note: '\uD800' }] }, 'body')?.path).toBe('body.days.1.note');
    expect(unstorableText({ mapping: { ['\uDC00x']: 1 } }, 'body')?.path).toBe('body.mapping');
    expect(unstorableText({ q: 'x\uDBFF' }, 'query')?.path).toBe('query.q');
  });

  it('lets any other text through: whole surrogate pairs, RTL and zero-width marks, control characters', () => {
    expect(unstorableText({ a: '👩‍👩‍👧‍👦', b: '\u202Eevil\u200B', c: 'مرحبا', d: '\u0007\r\n', e: ['\uD83D\uDE00'], f: null, g: 1 }, 'body')).toBeUndefined();
  });

  it('walks a body nested as deep as its size allows without recursion', () => {
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(unstorableText(deep, 'body')?.message).toContain('NUL');
  });
});
