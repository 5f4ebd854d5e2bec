/**
 * What the write-route fuzzing sends (test/integration/write-routes-property.spec.ts): values that break
 * things, bodies made from an endpoint's JSON Schema, and mutations of them. fast-check arbitraries only.
 */
import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import type { Role } from '../../src/domain/vocabulary.js';
import { csvBytes } from './action-import-fixtures.js';

export type JsonSchema = {
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

export interface Demo {
  partnershipId: string;
  personFor: Record<Role, string>;
  ids: Record<string, string[]>;
  pool: string[];
  xlsxBase64: string;
}

// ---------------------------------------------------------------------------------------------------------
// Values that break things.
// ---------------------------------------------------------------------------------------------------------

/** A JSON literal sent as written (JSON.stringify cannot write 1e999). */
export class RawJson {
  constructor(readonly text: string) {}
}

export function toJsonText(value: unknown): string {
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
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

export function nested(depth: number, kind: 'array' | 'object'): unknown {
  let v: unknown = kind === 'array' ? [] : {};
  for (let i = 0; i < depth; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

export const SCRIPT_AND_SQL = [
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
export const UNICODE = [
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
export const DATES = [
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
export const EXTREME_BUT_WELL_FORMED = [
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
export const NUMBERS: unknown[] = [
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

export function nastyValue(demo: Demo): fc.Arbitrary<unknown> {
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

export const IMPORT_HEADERS = ['Reference', 'Action', 'Description', 'Source', 'Owner', 'Agency', 'Due date', 'Status', '% complete', 'Area', 'Forum', 'Evidence', 'Update'];

export function base64Arb(demo: Demo): fc.Arbitrary<string> {
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
export const FIELD_TABLES: Record<string, string> = {
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
export function uuidArb(demo: Demo, key: string): fc.Arbitrary<string> {
  // A new row's id (`id`) is mostly fresh, sometimes that of a row of the same kind (a retried create), or of another.
  if (key.startsWith('id:')) {
    const same = demo.ids[key.slice(3)] ?? [];
    return fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: same.length > 0 ? 2 : 0, arbitrary: same.length > 0 ? fc.constantFrom(...same) : fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...demo.pool) });
  }
  const own = FIELD_TABLES[key] ? (demo.ids[FIELD_TABLES[key]] ?? []) : [];
  if (own.length === 0) return fc.oneof({ weight: 6, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.constantFrom(...demo.pool) });
  return fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: fc.constantFrom(...demo.pool) }, { weight: 1, arbitrary: fc.uuid() });
}

export function textArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 80, 80);
  const plain = fc.string({ minLength: min, maxLength: Math.max(min, max) });
  const words = fc.constantFrom('Agree the front door dataset with health.', 'Re-audit neglect cases', 'Q3 deep dive', 'teams-meeting-id-1', '19:meeting_abc@thread.v2', 'Executive');
  return fc.oneof(plain, words).map((t) => (min > 0 && t.trim().length < min ? `x${t}` : t));
}

export function validArb(s: JsonSchema, demo: Demo, key = '', idTable?: string): fc.Arbitrary<unknown> {
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

export type Mutation =
  | { kind: 'none' }
  | { kind: 'drop'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'extra'; pick: number; key: string; value: unknown }
  | { kind: 'whole'; value: unknown }
  | { kind: 'duplicate'; pick: number }
  /** Keeps the type of what it changes, so the body gets past the schema and into the service and database. */
  | { kind: 'typed'; pick: number; text: string; date: string; number: unknown; embed: boolean };

/** Every place in a value a mutation can reach: [] is the body itself. */
export function placesIn(value: unknown, at: (string | number)[] = [], depth = 0): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (depth >= 3 || value === null || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value)) out.push(...placesIn(v, [...at, Array.isArray(value) ? Number(k) : k], depth + 1));
  return out;
}

export function applyMutation(value: unknown, m: Mutation): unknown {
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

export function mutationArb(demo: Demo): fc.Arbitrary<Mutation> {
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

