/**
 * What fuzzing the write routes sends, and how: every write route of the route table with its body schema
 * and the roles that may call it, the demo ids to fill paths and bodies, and the four kinds of body
 * (schema-made and mutated, arbitrary JSON, not JSON, oversized). Shared by the integration property test
 * (test/integration/write-routes-property.spec.ts, in process) and the reliability suite's bad-input part
 * (test/reliability/bad-input.ts, against the server process).
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { apiRoutes, endpoints, type Endpoint, type RouteInfo } from '../../src/contract/index.js';
import { can } from '../../src/domain/permissions.js';
import { ROLES, type Role } from '../../src/domain/vocabulary.js';
import { DEV_PERSON_HEADER } from '../../src/server/authenticator.js';
import type { Database } from '../../src/storage/schema.js';
import { xlsxBytes } from './action-import-fixtures.js';
import { applyMutation, type Demo, type JsonSchema, mutationArb, toJsonText, validArb } from './fuzz-values.js';

/** The routes, from the route table: a new write route is fuzzed without anyone listing it here. */
export const WRITE_ROUTES = (Object.values(apiRoutes) as RouteInfo[]).filter((r) => r.method !== 'GET');
const ENDPOINTS = endpoints as unknown as Record<string, Endpoint | undefined>;

/** The body schema of a route as JSON Schema, or why there is none. */
export function bodySchemaOf(route: RouteInfo): JsonSchema | string {
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
export function rolesFor(route: RouteInfo): Role[] {
  if (route.access === 'public' || route.access === 'signed_in') return [...ROLES];
  return ROLES.filter((role) => can(role, route.access as Parameters<typeof can>[1]));
}

/** Where the demo ids for each path param come from. A write route with a param not named here fails. */
export const PARAM_TABLES: Record<string, string> = {
  forumId: 'forums',
  meetingId: 'meetings',
  documentId: 'documents',
  versionId: 'document_versions',
  observationId: 'observations',
  actionId: 'actions',
  activityId: 'work_plan_activities',
  escalationId: 'escalations',
  challengeId: 'challenges',
  personId: 'people',
  draftId: 'report_drafts',
  // Section keys are `area.<areaId>` or fixed words: an area's bare id, or a random one, is a key that names no section (404).
  sectionKey: 'checklist_areas',
};
const POOL_TABLES = [...new Set([...Object.values(PARAM_TABLES), 'agencies', 'people', 'checklist_areas', 'agenda_items', 'annotations'])];

export const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/**
 * What the demo data offers for ids: path params of each kind, and a pool of every id (for body fields, so
 * that a body names real rows, rows of the wrong kind, and rows that do not exist).
 */
export async function loadDemo(db: Kysely<Database>, people: { id: string; role: string; partnership: { id: string } }[]): Promise<Demo> {
  const partnershipId = people[0]!.partnership.id;
  const personFor = Object.fromEntries(ROLES.map((role) => [role, people.find((p) => p.role === role && p.partnership.id === partnershipId)?.id])) as Record<Role, string>;
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
  return { partnershipId, personFor, ids, pool: [...new Set(Object.values(ids).flat()), ...people.map((p) => p.id)], xlsxBase64: Buffer.from(xlsx).toString('base64') };
}

/** One request as fuzzed. */
export interface Sent {
  path: string;
  personId: string;
  role: Role;
  /** The body as sent (text or bytes), or a stream of n bytes. */
  body?: string | Uint8Array | { streamBytes: number };
  /** null: no Content-Type header at all. */
  contentType: string | null;
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** Sends one fuzzed request. A transport error (a reset instead of an answer) rejects. */
export async function sendFuzzed(base: string, method: string, s: Sent): Promise<FuzzAnswer> {
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
  const res = await fetch(base + s.path, { method, headers, body, ...(duplex ? { duplex } : {}) } as RequestInit);
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

/** Path params: mostly demo rows of the right kind, some of another kind, some random, a few not ids at all. */
export function pathArb(route: RouteInfo, demo: Demo): fc.Arbitrary<string> {
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

export function sentArb(route: RouteInfo, demo: Demo, body: fc.Arbitrary<Pick<Sent, 'body' | 'contentType'>>): fc.Arbitrary<Sent> {
  return fc
    .record({ path: pathArb(route, demo), role: fc.constantFrom(...rolesFor(route)), body })
    .map(({ path, role, body: b }) => ({ path, role, personId: demo.personFor[role], ...b }));
}

type Body = Pick<Sent, 'body' | 'contentType'>;

/** (a) Bodies made from the route's zod schema, then mutated. */
export function mutatedBodies(route: RouteInfo, demo: Demo): fc.Arbitrary<Body> {
  const schema = bodySchemaOf(route);
  if (typeof schema === 'string') throw new Error(schema);
  // The table of what the route creates (its last path segment), for body ids that repeat an existing row's.
  const creates = route.path.split('/').filter((p) => p && !p.startsWith(':')).pop() ?? '';
  return fc.tuple(validArb(schema, demo, '', creates), mutationArb(demo)).map(([v, m]) => ({ body: toJsonText(applyMutation(v, m)), contentType: 'application/json' }));
}

/** (b) Arbitrary JSON. */
export const arbitraryJsonBodies: fc.Arbitrary<Body> = fc
  .oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })), fc.object())
  .map((v) => ({ body: toJsonText(v), contentType: 'application/json' }));

/** (c) Non-JSON bodies and wrong content types. */
export const nonJsonBodies: fc.Arbitrary<Body> = fc.oneof(
  // Not JSON, said to be JSON.
  fc
    .oneof(
      fc.string({ minLength: 1, maxLength: 200 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
      fc.constantFrom('{', '}', '{"a":', "{'a':1}", '{"a":1,}', '{} x', '\uFEFF{}', '{"a":NaN}', '{"a":Infinity}', '{"a":undefined}', '/* c */ {}', 'a=1&b=2', '<xml/>', '\u0000', '"\\ud800"', '{"__proto__":{"polluted":true}}', '{"a":1,"a":2}', '["\\u0000"]'),
      fc.integer({ min: 1_000, max: 30_000 }).map((d) => '['.repeat(d) + ']'.repeat(d)),
      fc.integer({ min: 1_000, max: 30_000 }).map((d) => '{"a":'.repeat(d) + '1' + '}'.repeat(d)),
      fc.integer({ min: 1, max: 30_000 }).map((d) => '['.repeat(d)),
    )
    .map((text) => ({ body: text as string | Uint8Array, contentType: 'application/json' as string | null })),
  // Bytes that are not UTF-8.
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ body: bytes as string | Uint8Array, contentType: 'application/json' as string | null })),
  // JSON under another name, or none.
  fc
    .tuple(
      fc.constantFrom('{}', '{"id":"x"}', '[]', 'null', '"text"'),
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

/** (d) Bodies over the size limit: valid JSON with its Content-Length, not JSON, and chunked with none. */
export function oversizedBodies(maxBodyBytes: number): fc.Arbitrary<Body> {
  const size = fc.integer({ min: maxBodyBytes + 1, max: maxBodyBytes * 2 });
  return fc.oneof(
    size.map((n) => ({ body: toJsonText({ title: 'x'.repeat(n) }) as Sent['body'], contentType: 'application/json' as string | null })),
    size.map((n) => ({ body: new Uint8Array(n).fill(0x7b) as Sent['body'], contentType: 'text/plain' as string | null })),
    size.map((n) => ({ body: { streamBytes: n } as Sent['body'], contentType: 'application/json' as string | null })),
  );
}
