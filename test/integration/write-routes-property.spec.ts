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
import { csvBytes, xlsxBytes } from '../support/action-import-fixtures.js';
import { request } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  propertyNames?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
};

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

interface Demo {
  partnershipId: string;
  personFor: Record<Role, string>;
  ids: Record<string, string[]>;
  pool: string[];
  xlsxBase64: string;
}

const paramNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

// ---------------------------------------------------------------------------------------------------------
// Values that break things.
// ---------------------------------------------------------------------------------------------------------

/** A JSON literal sent as written (JSON.stringify cannot write 1e999). */
class RawJson {
  constructor(readonly text: string) {}
}

function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}

/** An object with an own, enumerable key such as __proto__ (an object literal would set the prototype). */
function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

const SCRIPT_AND_SQL = [
  "'; DROP TABLE observations; --",
  "1' OR '1'='1",
  '" OR ""="',
  "Robert'); DELETE FROM actions WHERE ('1'='1",
  '$1',
  '%s%s%s%n',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  'https://evil.example.com/a.pdf',
  'https://demoborough.sharepoint.com/sites/SCP/Shared%20Documents/x.pdf',
];
const UNICODE = [
  '\u0000',
  'a\u0000b',
  '\u202Eevil.exe\u202Dtxt',
  '\u200B',
  '\u200B\u200C\u200D\uFEFF',
  '\uFEFFtitle',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uD800',
  'x\uDFFFy',
  'e\u0301'.repeat(300),
  'مرحبا بالعالم',
  'שלום עולם',
  'ﷺ𒐫𝔘𝔫𝔦',
  '\u0007\u001B[31m\b\r\n',
  'Ω≈ç√∫˜µ≤≥÷',
];
const DATES = [
  '2026-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-1-1',
  '2026-02-29',
  '2024-02-29',
  '0000-01-01',
  '0001-01-01',
  '1900-01-01',
  '9999-12-31',
  '10000-01-01',
  '-2026-01-01',
  '1970-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59.999999999-12:00',
  '2026-06-01T24:00:00Z',
  '2026-06-01T10:00:00',
  'Invalid Date',
  'NaN',
  'today',
];
/** Dates and times the formats accept that a database may not: year 0, year 9999 pushed past by an offset. */
const EXTREME_BUT_WELL_FORMED = [
  '0000-01-01',
  '0000-12-31',
  '0001-01-01',
  '9999-12-31',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+14:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999999999-12:00',
  '9999-12-31T23:59:59Z',
];
const NUMBERS: unknown[] = [
  0,
  -1,
  -0,
  0.5,
  1.5,
  101,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  5e-324,
  new RawJson('1e999'),
  new RawJson('-1e999'),
  new RawJson('1e-999'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('-0.0'),
  new RawJson('1E2'),
];

function nastyValue(demo: Demo): fc.Arbitrary<unknown> {
  const uuidish = fc.constantFrom(
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
    '{00000000-0000-4000-8000-000000000000}',
    '00000000-0000-4000-8000-00000000000',
    '00000000000040008000000000000000',
    'not-a-uuid',
  );
  return fc.oneof(
    fc.constantFrom<unknown>(null, true, false, '', ' ', '\t\n ', [], {}, [null], [[]], [{}]),
    fc.constantFrom(...NUMBERS),
    fc.constantFrom(...SCRIPT_AND_SQL),
    fc.constantFrom(...UNICODE),
    fc.constantFrom(...DATES, ...EXTREME_BUT_WELL_FORMED),
    uuidish,
    fc.constantFrom(...demo.pool),
    // Huge strings: past every maxLength, within MAX_BODY_BYTES.
    fc.tuple(fc.integer({ min: 2_001, max: 100_000 }), fc.constantFrom('x', ' ', 'é', '\u0000')).map(([n, c]) => c.repeat(c.length === 1 && c !== 'é' ? n : Math.floor(n / 4))),
    fc.integer({ min: 10_001, max: 12_000 }).map((n) => 'a'.repeat(n)),
    // Deep nesting (deeper still as raw text in (c): pdfjs-dist's core-js makes JSON.stringify recursive in this process).
    fc.tuple(fc.integer({ min: 50, max: 800 }), fc.constantFrom<'array' | 'object'>('array', 'object')).map(([d, k]) => nested(d, k)),
    // Long arrays, of real ids (duplicates included).
    fc.tuple(fc.integer({ min: 2, max: 300 }), fc.constantFrom(...demo.pool)).map(([n, id]) => Array.from({ length: n }, () => id)),
    fc.array(fc.constantFrom(...demo.pool), { minLength: 1, maxLength: 30 }),
    // Prototype pollution.
    fc.constantFrom('__proto__', 'constructor', 'prototype').map((k) => withOwnKey({}, k, { polluted: true, isAdmin: true })),
    fc.constant({ constructor: { prototype: { polluted: true } } }),
    // Anything at all.
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.double(),
    fc.integer(),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Bodies from the schema.
// ---------------------------------------------------------------------------------------------------------

const IMPORT_HEADERS = ['Reference', 'Action', 'Description', 'Source', 'Owner', 'Agency', 'Due date', 'Status', '% complete', 'Area', 'Forum', 'Evidence', 'Update'];

function base64Arb(demo: Demo): fc.Arbitrary<string> {
  const cell = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('SCR-01', 'Jordan Ellis', 'Priya Nair', 'audit', 'scrutiny', 'in progress', 'complete', '2026-03-31', '31/03/2026', '50%', '=1+1', '=HYPERLINK("http://x")', '45000', '-1', ''),
    fc.constantFrom(...SCRIPT_AND_SQL, ...UNICODE, ...DATES),
  );
  const csv = fc
    .tuple(fc.subarray(IMPORT_HEADERS, { minLength: 0 }), fc.array(fc.array(cell, { maxLength: 13 }), { maxLength: 8 }))
    .map(([header, rows]) => Buffer.from(csvBytes([header, ...rows])).toString('base64'));
  const xlsx = Buffer.from(demo.xlsxBase64, 'base64');
  return fc.oneof(
    csv,
    fc.constant(demo.xlsxBase64),
    // A workbook cut short, or with bytes changed: a broken zip.
    fc.integer({ min: 1, max: xlsx.length - 1 }).map((n) => xlsx.subarray(0, n).toString('base64')),
    fc.tuple(fc.nat(xlsx.length - 1), fc.integer({ min: 0, max: 255 })).map(([i, b]) => {
      const copy = Buffer.from(xlsx);
      copy[i] = b;
      return copy.toString('base64');
    }),
    fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b).toString('base64')),
    fc.constantFrom('UEsDBA==', 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==', 'AA==', '77u/', '////'),
  );
}

/** Body fields that name a row, and the table of the rows they should name. */
const FIELD_TABLES: Record<string, string> = {
  areaId: 'checklist_areas',
  areaIds: 'checklist_areas',
  ownerPersonId: 'people',
  addresseePersonId: 'people',
  agencyId: 'agencies',
  partyAgencyIds: 'agencies',
  forumId: 'forums',
  meetingId: 'meetings',
  documentId: 'documents',
  documentVersionId: 'document_versions',
  agendaItemId: 'agenda_items',
  observationId: 'observations',
  challengeId: 'challenges',
};

/** An id for a body field: mostly a row of the right kind, else a row of another kind, or none at all. */
function uuidArb(demo: Demo, key: string): fc.Arbitrary<string> {
  // A new row's id (`id`) is mostly fresh, sometimes that of a row of the same kind (a retried create), or of another.
  if (key.startsWith('id:')) {
    const same = demo.ids[key.slice(3)] ?? [];
    return fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: same.length > 0 ? 2 : 0, arbitrary: same.length > 0 ? fc.constantFrom(...same) : fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...demo.pool) });
  }
  const own = FIELD_TABLES[key] ? (demo.ids[FIELD_TABLES[key]] ?? []) : [];
  if (own.length === 0) return fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...demo.pool) });
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...demo.pool) }, { weight: 1, arbitrary: fc.uuid() });
}

function textArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 80, 80);
  const plain = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  const words = fc.constantFrom('Agree the front door dataset with health.', 'Re-audit neglect cases', 'Q3 deep dive', 'teams-meeting-id-1', '19:meeting_abc@thread.v2', 'Executive');
  return fc.oneof(plain, words).map((t) => (min > 0 && t.trim().length < min ? `x${t}` : t));
}

function validArb(s: JsonSchema, demo: Demo, key = '', idTable?: string): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validArb(a, demo, key, idTable)));
  if (s.enum) return fc.constantFrom(...s.enum);
  if ('const' in s) return fc.constant(s.const);
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      if (key === 'version') return fc.integer({ min: 1, max: 6 });
      const min = Math.max(s.minimum ?? -1_000_000, -1_000_000);
      const max = Math.min(s.maximum ?? 1_000_000, 1_000_000);
      return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
    }
    case 'number': {
      const min = s.minimum ?? -1_000_000;
      const max = s.maximum ?? 1_000_000;
      // Days are in halves; other numbers, anything in range.
      return /days/i.test(key) ? fc.integer({ min: min * 2, max: max * 2 }).map((n) => n / 2) : fc.double({ min, max, noNaN: true });
    }
    case 'string':
      if (s.format === 'uuid') return uuidArb(demo, key === 'id' && idTable ? `id:${idTable}` : key);
      if (s.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
      if (key === 'contentBase64') return base64Arb(demo);
      if (key === 'fileName') return fc.constantFrom('tracker.xlsx', 'tracker.csv', 'tracker.CSV', 'plan', 'a.xlsx.csv', '../../etc/passwd', 'x'.repeat(255));
      return textArb(s);
    case 'array': {
      const item = validArb(s.items ?? {}, demo, key, idTable);
      const constraints = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 5, 5) };
      return fc.uniqueArray(item, {
        ...constraints,
        selector: (v) => (v && typeof v === 'object' && 'quarter' in v ? (v as { quarter: unknown }).quarter : JSON.stringify(v)),
      });
    }
    case 'object': {
      if (s.properties && Object.keys(s.properties).length > 0) {
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(s.properties)) model[k] = validArb(v, demo, k, idTable);
        return fc.record(model, { requiredKeys: s.required ?? [] }) as fc.Arbitrary<unknown>;
      }
      if (s.propertyNames?.enum && typeof s.additionalProperties === 'object') {
        return fc.dictionary(fc.constantFrom(...(s.propertyNames.enum as string[])), validArb(s.additionalProperties, demo, key, idTable), { maxKeys: 8 });
      }
      return fc.constant({});
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'drop'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'extra'; pick: number; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'duplicate'; pick: number }
  /** Keeps the type of what it changes, so the body gets past the schema and into the service and database. */
  | { kind: 'typed'; pick: number; text: string; date: string; number: unknown; embed: boolean };

/** Every place in a value a mutation can reach: [] is the body itself. */
function placesIn(value: unknown, at: (string | number)[] = [], depth = 0): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (depth >= 3 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) out.push(...placesIn(v, [...at, Array.isArray(value) ? Number(k) : k], depth + 1));
  return out;
}

function applyMutation(value: unknown, m: Mutation): unknown {
  if (m.kind === 'none') return value;
  if (m.kind === 'whole') return m.value;
  const body = structuredClone(value);
  const places = placesIn(body);
  const inner = places.filter((p) => p.length > 0);
  const parentOf = (place: (string | number)[]) => {
    let node: unknown = body;
    for (const k of place.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
    return node as Record<string | number, unknown>;
  };
  if (m.kind === 'extra') {
    const containers = places.filter((p) => {
      let node: unknown = body;
      for (const k of p) node = (node as Record<string | number, unknown>)[k];
      return node !== null && typeof node === 'object' && !Array.isArray(node);
    });
    const place = containers[m.pick % Math.max(containers.length, 1)] ?? [];
    let node: unknown = body;
    for (const k of place) node = (node as Record<string | number, unknown>)[k];
    if (node && typeof node === 'object') withOwnKey(node as Record<string, unknown>, m.key, m.value);
    return body;
  }
  if (inner.length === 0) return m.kind === 'replace' ? m.value : body;
  const place = inner[m.pick % inner.length]!;
  const parent = parentOf(place);
  const key = place[place.length - 1]!;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.kind === 'replace') {
    parent[key] = m.value;
  } else if (m.kind === 'typed') {
    const leaves = inner.filter((p) => {
      const v = parentOf(p)[p[p.length - 1]!];
      return v === null || typeof v !== 'object' || Array.isArray(v);
    });
    const leaf = leaves[m.pick % Math.max(leaves.length, 1)] ?? place;
    const at = parentOf(leaf);
    const k = leaf[leaf.length - 1]!;
    const v = at[k];
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v)) at[k] = m.date;
    else if (typeof v === 'string') at[k] = m.embed && v.length > 0 ? v.slice(0, m.pick % v.length) + m.text + v.slice(m.pick % v.length) : m.text;
    else if (typeof v === 'number') at[k] = m.number;
    else if (typeof v === 'boolean') at[k] = !v;
    else if (Array.isArray(v)) at[k] = v.length > 0 && m.embed ? [...v, v[0]] : typeof v[0] === 'string' ? [m.text] : [];
    else at[k] = m.text;
  } else if (m.kind === 'duplicate') {
    const target = parent[key];
    if (Array.isArray(target) && target.length > 0) target.push(target[0]);
    else if (Array.isArray(parent)) parent.push(parent[Number(key)]);
    else parent[key] = [target, target];
  }
  return body;
}

function mutationArb(demo: Demo): fc.Arbitrary<Mutation> {
  const pick = fc.nat(1_000);
  const nasty = nastyValue(demo);
  const extraKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'partnershipId', 'partnership_id', 'authorId', 'isAdmin', 'role', ''),
    fc.constantFrom(...SCRIPT_AND_SQL, ...UNICODE),
    fc.string({ maxLength: 20 }),
  );
  // Each family of trouble equally likely, so that a rare one (NUL, an unpaired surrogate, year 0) is tried on every route.
  const text = fc.oneof(
    fc.constantFrom('\u0000', 'a\u0000b', '\u0000\u0000'),
    fc.constantFrom('\uD800', 'x\uDFFFy', '\uDBFF\uDBFF', '\uDC00\uD800'),
    fc.constantFrom(...UNICODE),
    fc.constantFrom(...SCRIPT_AND_SQL),
    fc.constantFrom(...EXTREME_BUT_WELL_FORMED),
    fc.constantFrom(...DATES),
    fc.constantFrom(...demo.pool),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }),
    fc.integer({ min: 1, max: 20_000 }).map((n) => 'y'.repeat(n)),
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
    { weight: 2, arbitrary: pick.map((p): Mutation => ({ kind: 'drop', pick: p })) },
    { weight: 4, arbitrary: fc.record({ pick, value: nasty }).map((r): Mutation => ({ kind: 'replace', ...r })) },
    { weight: 14, arbitrary: fc.record({ pick, text, date: fc.constantFrom(...EXTREME_BUT_WELL_FORMED, ...DATES), number: fc.constantFrom(...NUMBERS), embed: fc.boolean() }).map((r): Mutation => ({ kind: 'typed', ...r })) },
    { weight: 2, arbitrary: fc.record({ pick, key: extraKey, value: nasty }).map((r): Mutation => ({ kind: 'extra', ...r })) },
    { weight: 1, arbitrary: nasty.map((v): Mutation => ({ kind: 'whole', value: v })) },
    { weight: 1, arbitrary: pick.map((p): Mutation => ({ kind: 'duplicate', pick: p })) },
  );
}

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
