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
import { Buffer } from 'node:buffer';
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiErrorBody, apiRoutes, endpoints, ERROR_CODES, type Endpoint, type RouteInfo } from '../../src/contract/index.js';
import type { DevPerson } from '../../src/contract/resources.js';
import { can } from '../../src/domain/permissions.js';
import { ROLES, type Role } from '../../src/domain/vocabulary.js';
import { DEV_PERSON_HEADER } from '../../src/server/authenticator.js';
import { silentLogger } from '../../src/server/logger.js';
import { xlsxBytes } from '../support/action-import-fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { type JsonSchema, type Demo, toJsonText, validArb, applyMutation, mutationArb } from '../support/fuzz-values.js';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_515;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : undefined;
/** Small enough that oversized bodies stay quick, large enough for every over-long field to reach validation. */
const MAX_BODY_BYTES = 128 * 1024;
const DOCUMENTED_CODES = new Set(Object.keys(ERROR_CODES));

// ---------------------------------------------------------------------------------------------------------
// The routes, from the route table: a new write route is fuzzed without anyone listing it here.
// ---------------------------------------------------------------------------------------------------------

const WRITE_ROUTES = (Object.values(apiRoutes) as RouteInfo[]).filter((r) => r.method !== 'GET');
const ENDPOINTS = endpoints as unknown as Record<string, Endpoint | undefined>;


/** The body schema of a route as JSON Schema, or why there is none. */
function bodySchemaOf(route: RouteInfo): JsonSchema | string {
  const e = ENDPOINTS[route.name];
  if (!e) return `${route.name} is in the route table but has no endpoint (src/contract/endpoints/)`;
  if (!(e.body instanceof z.ZodType)) return `${route.name} has no zod body schema`;
  try {
    const js = z.toJSONSchema(e.body, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    const objects = js.anyOf ?? js.oneOf ?? [js];
    if (!objects.every((o) => o.type === 'object')) return `${route.name}'s body schema is not a JSON object`;
    return js;
  } catch (error) {
    return `${route.name}'s body schema cannot be read: ${(error as Error).message}`;
  }
}

/** The roles the permission table lets call a route. */
function rolesFor(route: RouteInfo): Role[] {
  if (route.access === 'public' || route.access === 'signed_in') return [...ROLES];
  return ROLES.filter((role) => can(role, route.access as Parameters<typeof can>[1]));
}

// ---------------------------------------------------------------------------------------------------------
// What the demo data offers for ids: path params of each kind, and a pool of every id (for body fields, so
// that a body names real rows, rows of the wrong kind, and rows that do not exist).
// ---------------------------------------------------------------------------------------------------------

/** Where the demo ids for each path param come from. A write route with a param not named here fails. */
const PARAM_TABLES: Record<string, string> = {
  forumId: 'forums',
  meetingId: 'meetings',
  documentId: 'documents',
  versionId: 'document_versions',
  observationId: 'observations',
  actionId: 'actions',
  activityId: 'work_plan_activities',
  escalationId: 'escalations',
  challengeId: 'challenges',
};
const POOL_TABLES = [...new Set([...Object.values(PARAM_TABLES), 'agencies', 'people', 'checklist_areas', 'agenda_items', 'annotations'])];


const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

// ---------------------------------------------------------------------------------------------------------
// Requests and what every answer must look like.
// ---------------------------------------------------------------------------------------------------------

interface Sent {
  path: string;
  personId: string;
  role: Role;
  /** The body as sent (text or bytes), or a stream of n bytes. */
  body?: string | Uint8Array | { streamBytes: number };
  /** null: no Content-Type header at all. */
  contentType: string | null;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const stats = { requests: 0, fiveXX: 0, byStatus: new Map<number, number>() };
/** What the server logged as unexpected (the test app's logger is silent): shown with a failing case. */
const serverErrors: string[] = [];

async function send(base: string, method: string, s: Sent): Promise<Answer> {
  const headers: Record<string, string> = { [DEV_PERSON_HEADER]: s.personId };
  if (s.contentType !== null) headers['content-type'] = s.contentType;
  let body: BodyInit | undefined;
  let duplex: 'half' | undefined;
  if (s.body === undefined || typeof s.body === 'string' || s.body instanceof Uint8Array) {
    body = s.body as BodyInit | undefined;
  } else {
    // Chunked, with no Content-Length: the limit must hold while reading, not only on the header.
    let left = s.body.streamBytes;
    body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left <= 0) return controller.close();
        const n = Math.min(left, 16 * 1024);
        left -= n;
        controller.enqueue(new Uint8Array(n).fill(0x20));
      },
    });
    duplex = 'half';
  }
  stats.requests++;
  // A transport error (a reset instead of an answer) fails the case like a 5xx would.
  const res = await fetch(base + s.path, { method, headers, body, ...(duplex ? { duplex } : {}) } as RequestInit);
  const text = await res.text();
  if (process.env.FUZZ_LOG) appendFileSync(process.env.FUZZ_LOG, `${method} ${s.path} ${res.status} ${typeof s.body === 'string' ? s.body.slice(0, 300) : ''} => ${text.slice(0, 200)}\n`);
  stats.byStatus.set(res.status, (stats.byStatus.get(res.status) ?? 0) + 1);
  if (res.status >= 500) stats.fiveXX++;
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text };
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
    const partnershipId = people[0]!.partnership.id;
    const personFor = Object.fromEntries(ROLES.map((role) => [role, people.find((p) => p.role === role && p.partnership.id === partnershipId)?.id])) as Record<Role, string>;
    const db = t.app.database.db;
    const ids: Record<string, string[]> = {};
    for (const table of POOL_TABLES) {
      const rows = await sql<{ id: string }>`select id from ${sql.table(table)} where partnership_id = ${partnershipId} order by id limit 40`.execute(db);
      ids[table] = rows.rows.map((r) => r.id);
    }
    // The scrutineer's own observations, so edits reach them rather than only "not found".
    const own = await db.selectFrom('observations').select('id').where('partnership_id', '=', partnershipId).where('author_id', '=', personFor.scrutineer).execute();
    ids.observations = [...new Set([...own.map((o) => o.id), ...(ids.observations ?? [])])];
    const xlsx = await xlsxBytes({
      Tracker: [
        ['Reference', 'Action', 'Owner', 'Due date', 'Status', '% complete', 'Source'],
        ['FZ-01', 'Agree the dataset.', 'Jordan Ellis', new Date('2026-03-31'), 'In progress', 50, 'audit'],
        ['FZ-02', 'Re-audit neglect cases.', 'Nobody Known', 'soon', 'Done', 120, 'nonsense'],
      ],
    });
    demo = {
      partnershipId,
      personFor,
      ids,
      pool: [...new Set(Object.values(ids).flat()), ...people.map((p) => p.id)],
      xlsxBase64: Buffer.from(xlsx).toString('base64'),
    };
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

  /** Path params: mostly demo rows of the right kind, some of another kind, some random, a few not ids at all. */
  function pathArb(route: RouteInfo): fc.Arbitrary<string> {
    const names = paramNames(route.path);
    const parts: Record<string, fc.Arbitrary<string>> = {};
    const notIds = fc.constantFrom('not-a-uuid', '0', "1' OR '1'='1", '..', '%00', '%E2%80%AE', '%', '%E0%A4%A', '%zz', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000');
    for (const name of names) {
      if (name === 'partnershipId') {
        parts[name] = fc.oneof({ weight: 12, arbitrary: fc.constant(demo.partnershipId) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: notIds });
        continue;
      }
      const own = demo.ids[PARAM_TABLES[name]!] ?? [];
      parts[name] = fc.oneof(
        { weight: own.length > 0 ? 10 : 0, arbitrary: own.length > 0 ? fc.constantFrom(...own) : fc.uuid() },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: fc.constantFrom(...demo.pool) },
        { weight: 1, arbitrary: notIds },
      );
    }
    return fc.record(parts).map((values) => route.path.replace(/:(\w+)/g, (_m, n: string) => values[n]!));
  }

  function roleArb(route: RouteInfo): fc.Arbitrary<Role> {
    return fc.constantFrom(...rolesFor(route));
  }

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

  const sentArb = (route: RouteInfo, body: fc.Arbitrary<Pick<Sent, 'body' | 'contentType'>>): fc.Arbitrary<Sent> =>
    fc.record({ path: pathArb(route), role: roleArb(route), body }).map(({ path, role, body: b }) => ({ path, role, personId: demo.personFor[role], ...b }));

  describe.each(WRITE_ROUTES.map((r) => [`${r.method} ${r.name}`, r] as const))('%s', (_label, route) => {
    it('(a) bodies from its zod schema, mutated', async () => {
      const schema = bodySchemaOf(route);
      if (typeof schema === 'string') throw new Error(schema);
      // The table of what the route creates (its last path segment), for body ids that repeat an existing row's.
      const creates = route.path.split('/').filter((p) => p && !p.startsWith(':')).pop() ?? '';
      const body = fc.tuple(validArb(schema, demo, '', creates), mutationArb(demo)).map(([v, m]) => ({ body: toJsonText(applyMutation(v, m)), contentType: 'application/json' }));
      await check(route, 'mutated bodies', sentArb(route, body), 80);
    });

    it('(b) arbitrary JSON', async () => {
      const body = fc
        .oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), fc.object())
        .map((v) => ({ body: toJsonText(v), contentType: 'application/json' }));
      await check(route, 'arbitrary JSON', sentArb(route, body), 40);
    });

    it('(c) non-JSON bodies and wrong content types', async () => {
      const json = fc.constantFrom('{}', '{"id":"x"}', '[]', 'null', '"text"');
      const body = fc.oneof(
        // Not JSON, said to be JSON.
        fc.oneof(
          fc.string({ minLength: 1, maxLength: 200 }),
          fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
          fc.constantFrom('{', '}', '{"a":', "{'a':1}", '{"a":1,}', '{} x', '\uFEFF{}', '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', '/* c */ {}', 'a=1&b=2', '<xml/>', '\u0000', '"\\ud800"', '{"__proto__":{"polluted":true}}', '{"a":1,"a":2}', '["\\u0000"]'),
          fc.integer({ min: 1_000, max: 30_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
          fc.integer({ min: 1_000, max: 30_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
          fc.integer({ min: 1, max: 30_000 }).map((d) => '['.repeat(d)),
        ).map((text) => ({ body: text as string | Uint8Array, contentType: 'application/json' as string | null })),
        // Bytes that are not UTF-8.
        fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ body: bytes as string | Uint8Array, contentType: 'application/json' as string | null })),
        // JSON under another name, or none.
        fc
          .tuple(
            json,
            fc.constantFrom<string | null>(
              null,
              'text/plain',
              'text/html',
              'application/x-www-form-urlencoded',
              'multipart/form-data; boundary=x',
              'application/xml',
              'application/jsonx',
              'application/octet-stream',
              'json',
              '*/*',
              ';',
              'application/json; charset=utf-16',
              'Application/JSON',
              'application/merge-patch+json',
              'application/json, text/plain',
              '  application/json  ',
            ),
          )
          .map(([text, contentType]) => ({ body: text as string | Uint8Array, contentType })),
        // Nothing at all, with and without a type.
        fc.constantFrom<string | null>(null, 'application/json', 'text/plain').map((contentType) => ({ body: undefined, contentType })),
      );
      await check(route, 'non-JSON bodies', sentArb(route, body), 40);
    });

    it('(d) bodies over MAX_BODY_BYTES', async () => {
      const size = fc.integer({ min: MAX_BODY_BYTES + 1, max: MAX_BODY_BYTES * 2 });
      const body = fc.oneof(
        // Valid JSON, too big, with its Content-Length.
        size.map((n) => ({ body: toJsonText({ title: 'x'.repeat(n) }) as Sent['body'], contentType: 'application/json' as string | null })),
        // Too big and not JSON: the size is refused first.
        size.map((n) => ({ body: new Uint8Array(n).fill(0x7b) as Sent['body'], contentType: 'text/plain' as string | null })),
        // Chunked, no Content-Length.
        size.map((n) => ({ body: { streamBytes: n } as Sent['body'], contentType: 'application/json' as string | null })),
      );
      const property = sentArb(route, body);
      await check(route, 'oversized bodies', property, 40);
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
