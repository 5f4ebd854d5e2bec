import { describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../src/contract/errors.js';
import { readErrorBody } from '../../tab/src/api/error-body.js';

/** The tab reads error bodies by hand (no zod in the browser): it must accept exactly what the schema does. */
describe("the tab's reading of an API error body", () => {
  const bodies: unknown[] = [
    { error: { code: 'not_found', message: 'No such meeting.' } },
    { error: { code: 'validation_failed', message: 'Check the form.', details: [{ path: 'body.site', message: 'must be a URL' }] } },
    { error: { code: 'validation_failed', message: 'Check the form.', details: [] } },
    { error: { code: 'no_such_code', message: 'x' } },
    { error: { code: 'not_found' } },
    { error: { code: 'not_found', message: 'x', details: [{ path: 1, message: 'x' }] } },
    { error: { code: 'not_found', message: 'x', details: 'x' } },
    { error: { code: 'toString', message: 'x' } },
    { error: null },
    { message: 'x' },
    'Internal Server Error',
    null,
    undefined,
  ];

  it.each(bodies.map((b) => [JSON.stringify(b) ?? 'undefined', b]))('agrees with ApiErrorBody on %s', (_, body) => {
    const parsed = ApiErrorBody.safeParse(body);
    const read = readErrorBody(body);
    if (!parsed.success) {
      expect(read).toBeNull();
      return;
    }
    const { code, message, details } = parsed.data.error;
    expect(read).toEqual({ code, message, details: details ?? [] });
  });
});
