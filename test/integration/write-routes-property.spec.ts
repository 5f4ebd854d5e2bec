/**
 * Property-based fuzzing of every write route (POST/PUT/PATCH/DELETE) of the route table, as a role the
 * permission table allows. Four kinds of body per route: (a) bodies made from the endpoint's zod body
 * schema, then mutated; (b) arbitrary JSON; (c) non-JSON bodies and wrong content types; (d) bodies over
 * MAX_BODY_BYTES. Whatever is sent, the server never answers 5xx, every error has the documented shape and
 * a documented code with its status and a human message, and no response carries a stack trace or SQL.
 *
 * Reproducible: the seed is fixed (FUZZ_SEED overrides it; a failure prints it with the counterexample).
 * FUZZ_RUNS sets the number of cases per route and kind (default 80 for (a), 40 for the others); FUZZ_LOG=<file>
 * writes every request and answer to that file.
 */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorBody, ERROR_CODES, type RouteInfo } from '../../src/contract/index.js';
import type { DevPerson } from '../../src/contract/resources.js';
import { silentLogger } from '../../src/server/logger.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { Demo } from '../support/fuzz-values.js';
import {
  arbitraryJsonBodies,
  bodySchemaOf,
  loadDemo,
  mutatedBodies,
  nonJsonBodies,
  oversizedBodies,
  PARAM_TABLES,
  paramNames,
  rolesFor,
  sendFuzzed,
  sentArb,
  WRITE_ROUTES,
  type FuzzAnswer,
  type Sent,
} from '../support/write-route-fuzz.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_515;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
/** Small enough that oversized bodies stay quick, large enough for every over-long field to reach validation. */
const MAX_BODY_BYTES = 128 * 1024;
const DOCUMENTED_CODES = new Set(Object.keys(ERROR_CODES));

type Answer = FuzzAnswer;

const stats = { requests: 0, fiveXX: 0, byStatus: new Map<number, number>() };
/** What the server logged as unexpected (the test app's logger is silent): shown with a failing case. */
const serverErrors: string[] = [];

async function send(base: string, method: string, s: Sent): Promise<Answer> {
  stats.requests++;
  // A transport error (a reset instead of an answer) fails the case like a 5xx would.
  const res = await sendFuzzed(base, method, s);
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${method} ${s.path} ${res.status} ${typeof s.body === 'string' ? s.body.slice(0, 300) : ''} => ${res.text.slice(0, 200)}\n`);
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
  if (res.status >= 500) stats.fiveXX++;
  return res;
}

/** Traces of our insides: a stack frame, or the database's own words and SQL. */
const LEAKS: [string, RegExp][] = [
  ['stack frame', /\bat (?:async )?[\w$.<>[\] ]*\(?(?:file:\/\/|\/|node:)[^\s)]*:\d+:\d+\)?/],
  ['source path', /(?:node_modules|\/src\/(?:server|services|storage)\/|\.ts:\d+)/],
  ['error class', /\b(?:TypeError|ReferenceError|RangeError|SyntaxError|DatabaseError)\b/],
  ['SQL', /\b(?:select|insert into|update|delete from)\b[^"]{0,200}"[a-z_]+"\s*(?:\(|where|set|values|as|,)/i],
  ['database message', /violates (?:foreign key|unique|check|not-null|exclusion) constraint|duplicate key value|invalid input syntax for|syntax error at or near|relation "[^"]+" does not exist|out of range for type|date\/time field value out of range|invalid byte sequence for encoding|unterminated quoted|current transaction is aborted|column "[^"]+" (?:of relation|does not exist)/i],
];

function readableText(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const out: string[] = [];
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) out.push(k), stack.push(child);
  }
  return out.join('\n');
}

function problemsWith(a: Answer): string[] {
  const problems: string[] = [];
  if (a.status >= 500) problems.push(`answered ${a.status}`);
  if (a.status < 200 || (a.status >= 300 && a.status < 400)) problems.push(`answered ${a.status}`);
  // Looked for in the text as a person would read it: JSON's escapes undone.
  const readable = readableText(a.text);
  for (const [what, pattern] of LEAKS) {
    const m = pattern.exec(readable);
    if (m) problems.push(`shows a ${what}: ${JSON.stringify(m[0].slice(0, 120))}`);
  }
  if (a.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(a.text);
    } catch {
      problems.push(`error body is not JSON: ${JSON.stringify(a.text.slice(0, 120))}`);
      return problems;
    }
    if (!a.contentType.startsWith('application/json')) problems.push(`error content-type is ${a.contentType}`);
    const shape = ApiErrorBody.safeParse(parsed);
    const code = (parsed as { error?: { code?: unknown } })?.error?.code;
    if (typeof code !== 'string' || !DOCUMENTED_CODES.has(code)) problems.push(`undocumented error code ${JSON.stringify(code)}`);
    else if (ERROR_CODES[code as keyof typeof ERROR_CODES] !== a.status) problems.push(`code ${code} came with status ${a.status}`);
    if (!shape.success) problems.push(`error body has not the documented shape: ${a.text.slice(0, 200)}`);
    else {
      const message = shape.data.error.message;
      if (message.trim().length < 10 || !/[a-z]{3}/i.test(message) || message === shape.data.error.code) problems.push(`error message is not for people: ${JSON.stringify(message)}`);
    }
  }
  return problems;
}

function describeSent(method: string, s: Sent): string {
  const body =
    s.body === undefined
      ? '(none)'
      : typeof s.body === 'string'
        ? `${s.body.length} chars: ${JSON.stringify(s.body.slice(0, 300))}`
        : s.body instanceof Uint8Array
          ? `${s.body.length} bytes`
          : `stream of ${s.body.streamBytes} bytes`;
  return `${method} ${s.path} as ${s.role}, content-type ${JSON.stringify(s.contentType)}, body ${body}`;
}

// ---------------------------------------------------------------------------------------------------------

describe('write routes under property-based fuzzing (fast-check, demo data)', () => {
  let t: TestApp;
  let demo: Demo;
  let quietError = silentLogger.error;
  const started = Date.now();

  beforeAll(async () => {
    quietError = silentLogger.error;
    silentLogger.error = (msg, fields) => void serverErrors.push(`${msg}: ${String(fields?.error ?? '').split('\n').slice(0, 3).join(' | ')}`);
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', MAX_BODY_BYTES: String(MAX_BODY_BYTES) } });
    expect(t.app.config.maxBodyBytes).toBe(MAX_BODY_BYTES);
    const people = (await request(t.url, 'GET', '/api/v1/dev/people')).body.people as DevPerson[];
    demo = await loadDemo(t.app.database.db, people);
  });

  afterAll(async () => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...stats.byStatus.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`write-route fuzz: ${stats.requests} requests, ${stats.fiveXX} 5xx (${WRITE_ROUTES.length} routes, seed ${SEED}, ${seconds}s; ${statuses})`);
    await t?.close();
    silentLogger.error = quietError;
  });

  it('enumerates every write route from the route table, and knows a body schema and demo ids for each', () => {
    expect(WRITE_ROUTES.length).toBeGreaterThanOrEqual(25);
    const missing: string[] = [];
    for (const route of WRITE_ROUTES) {
      const schema = bodySchemaOf(route);
      if (typeof schema === 'string') missing.push(schema);
      if (rolesFor(route).length === 0) missing.push(`${route.name}: no role may call it`);
      for (const name of paramNames(route.path)) {
        if (name !== 'partnershipId' && !PARAM_TABLES[name]) missing.push(`${route.name}: no demo ids for :${name} (add it to PARAM_TABLES)`);
      }
    }
    expect(missing).toEqual([]);
  });

  async function check(route: RouteInfo, kind: string, arb: fc.Arbitrary<Sent>, numRuns: number): Promise<void> {
    const property = fc.asyncProperty(arb, async (s) => {
      const logged = serverErrors.length;
      const answer = await send(t.url, route.method, s);
      const problems = problemsWith(answer);
      if (problems.length > 0) {
        const log = serverErrors.slice(logged).join('\n    ');
        throw new Error(`${problems.join('; ')}\n  sent: ${describeSent(route.method, s)}\n  got: ${answer.status} ${answer.text.slice(0, 400)}${log ? `\n  server logged: ${log}` : ''}`);
      }
    });
    try {
      await fc.assert(property, { seed: SEED, numRuns: RUNS ?? numRuns, interruptAfterTimeLimit: 60_000 });
    } catch (error) {
      (error as Error).message = `${route.name} (${kind}): reproduce with FUZZ_SEED=${SEED}\n${(error as Error).message}`;
      throw error;
    }
  }

  describe.each(WRITE_ROUTES.map((r) => [`${r.method} ${r.name}`, r] as const))('%s', (_label, route) => {
    it('(a) bodies from its zod schema, mutated', async () => {
      await check(route, 'mutated bodies', sentArb(route, demo, mutatedBodies(route, demo)), 80);
    });

    it('(b) arbitrary JSON', async () => {
      await check(route, 'arbitrary JSON', sentArb(route, demo, arbitraryJsonBodies), 40);
    });

    it('(c) non-JSON bodies and wrong content types', async () => {
      await check(route, 'non-JSON bodies', sentArb(route, demo, nonJsonBodies), 40);
    });

    it('(d) bodies over MAX_BODY_BYTES', async () => {
      await check(route, 'oversized bodies', sentArb(route, demo, oversizedBodies(MAX_BODY_BYTES)), 40);
    });
  });

  it('the allowed roles reach the handlers: not every answer is a refusal', () => {
    // A guard against a fuzz that only ever met 400/403 at the door.
    const success = [...stats.byStatus.entries()].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
    const notFound = stats.byStatus.get(404) ?? 0;
    expect(success, 'no 2xx at all').toBeGreaterThan(0);
    expect(notFound + success).toBeGreaterThan(0);
    expect(stats.byStatus.get(413) ?? 0).toBeGreaterThan(0);
    expect(stats.byStatus.get(415) ?? 0).toBeGreaterThan(0);
  });
});
