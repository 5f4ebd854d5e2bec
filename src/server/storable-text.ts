import type { ErrorDetail } from '../contract/errors.js';

/**
 * U+0000, or half of a surrogate pair on its own: text that PostgreSQL cannot store (a text column refuses
 * NUL, jsonb refuses both, as `\u0000` and as an unpaired `\uD800`), so it is refused at the door with the
 * field it is in, rather than failing in the database.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first string (value or key) in a request's query or body that cannot be stored, if any. Iterative:
 * a body may nest as deep as its size allows.
 */
export function unstorableText(value: unknown, prefix: 'body' | 'query'): ErrorDetail | undefined {
  const stack: [unknown, string][] = [[value, prefix]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (UNSTORABLE.test(v)) return { path, message: 'must not contain a NUL character (U+0000) or a broken surrogate pair' };
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (UNSTORABLE.test(k)) return { path, message: 'has a field name with a NUL character (U+0000) or a broken surrogate pair' };
        stack.push([child, `${path}.${k}`]);
      }
    }
  }
  return undefined;
}
