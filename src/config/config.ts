import path from 'node:path';
import { z } from 'zod';
import type { RagThresholds } from '../domain/action-rag.js';
import { DEFAULT_EVIDENCE_SCHEDULE, type EvidenceRequestSettings, parseEvidenceSchedule, SCHEDULE_FORMAT_HINT } from '../domain/evidence-schedule.js';

/** One problem with one environment variable, in words a person can act on. */
export interface ConfigProblem {
  variable: string;
  problem: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      'Configuration is not valid:\n' +
        problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n') +
        '\nSee README.md, "Configuration", for every variable.',
    );
    this.name = 'ConfigError';
  }
}

export type AuthMode = 'dev' | 'entra';
export type DocumentSourceKind = 'local' | 'graph';

export interface BotCredentials {
  appId: string;
  password?: string;
  type: 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  dataDir: string;
  authMode: AuthMode;
  entra?: {
    tenantId: string;
    clientId: string;
    clientSecret?: string;
    /** The scope the tab's SSO token must carry (ENTRA_SSO_SCOPE, default access_as_user). */
    ssoScope: string;
    /** Where Entra publishes its token-signing keys (ENTRA_JWKS_URL). */
    jwksUrl: string;
  };
  documentSource: DocumentSourceKind;
  documentLibraryDir: string;
  graphBaseUrl: string;
  graphToken?: string;
  /** App-only Graph credentials (client secret), when all three ENTRA_* values are set. */
  graphApp?: { tenantId: string; clientId: string; clientSecret: string };
  managedIdentityClientId?: string;
  bot?: BotCredentials;
  maxBodyBytes: number;
  /** API requests each caller may make per minute (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** How long a caller's memberships and roles are remembered (MEMBERSHIP_CACHE_SECONDS); 0 reads them on every request. */
  membershipCacheSeconds: number;
  seedDemo: boolean;
  /** Where document bytes are kept, by content hash. */
  contentDir: string;
  /** Minutes between scheduled document syncs; 0 means on demand only. */
  syncIntervalMinutes: number;
  /** When subgroup chairs are asked for evidence, reminded, and escalated (EVIDENCE_*). */
  evidenceRequests: EvidenceRequestSettings;
  /** The rule that computes each action's RAG (RAG_*_PERCENT). */
  actionRag: RagThresholds;
  /**
   * Where generated reports are saved: `folder` (REPORTS_FOLDER) in the SharePoint library of the
   * partnership's first forum with a SharePoint source (DOCUMENT_SOURCE=graph), else a folder on this
   * server, `localDir` (REPORTS_LOCAL_DIR, default DATA_DIR/reports).
   */
  reports: { folder: string; localDir: string };
  /** The Teams app id (TEAMS_APP_ID): evidence links in reports open the paper in Teams; without it, in a browser. */
  teamsAppId?: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const boolFlag = z.preprocess(
  blankToUndefined,
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v))),
);
const httpUrl = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
        error: `must be an http(s) URL, ${what}`,
      }),
  );

/** A whole number between min and max, with a default; the errors say the unit. */
const wholeNumber = (unit: string, min: number, max: number, fallback: number, minWords: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `must be a whole number of ${unit}` })
      .int({ error: `must be a whole number of ${unit}` })
      .min(min, { error: `must be ${minWords}` })
      .max(max, { error: `must be at most ${max}` })
      .default(fallback),
  );

const envSchema = z.object({
  NODE_ENV: z.preprocess(
    blankToUndefined,
    z.enum(['development', 'production', 'test'], { error: 'must be development, production or test' }).default('development'),
  ),
  PORT: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(0, { error: 'must be between 0 and 65535' })
      .max(65535, { error: 'must be between 0 and 65535' })
      .default(3978),
  ),
  HOST: optionalString,
  PUBLIC_URL: httpUrl('for example https://los.example.org'),
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .refine((v) => v === undefined || /^postgres(ql)?:\/\/\S+$/.test(v), {
        error: 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database (leave it unset to use embedded PGlite)',
      }),
  ),
  DATA_DIR: optionalString,
  AUTH_MODE: z.preprocess(blankToUndefined, z.enum(['dev', 'entra'], { error: 'must be dev or entra' }).optional()),
  ENTRA_TENANT_ID: optionalString,
  ENTRA_CLIENT_ID: optionalString,
  ENTRA_CLIENT_SECRET: optionalString,
  ENTRA_SSO_SCOPE: optionalString,
  ENTRA_JWKS_URL: httpUrl('for example https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  DOCUMENT_SOURCE: z.preprocess(
    blankToUndefined,
    z.enum(['local', 'graph'], { error: 'must be local or graph' }).default('local'),
  ),
  DOCUMENT_LIBRARY_DIR: optionalString,
  GRAPH_BASE_URL: httpUrl('for example https://graph.microsoft.com/v1.0'),
  GRAPH_TOKEN: optionalString,
  MANAGED_IDENTITY_CLIENT_ID: optionalString,
  BOT_ID: optionalString,
  BOT_PASSWORD: optionalString,
  BOT_TYPE: z.preprocess(
    blankToUndefined,
    z.enum(['SingleTenant', 'UserAssignedMSI'], { error: 'must be SingleTenant or UserAssignedMSI' }).default('SingleTenant'),
  ),
  BOT_TENANT_ID: optionalString,
  RATE_LIMIT_PER_MINUTE: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of requests' })
      .int({ error: 'must be a whole number of requests' })
      .min(10, { error: 'must be at least 10' })
      .max(100_000, { error: 'must be at most 100000' })
      .default(600),
  ),
  MEMBERSHIP_CACHE_SECONDS: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of seconds' })
      .int({ error: 'must be a whole number of seconds' })
      .min(0, { error: 'must be 0 (off) or more' })
      .max(300, { error: 'must be at most 300' })
      .default(10),
  ),
  MAX_BODY_BYTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of bytes' })
      .int({ error: 'must be a whole number of bytes' })
      .min(1024, { error: 'must be at least 1024' })
      .max(50 * 1024 * 1024, { error: 'must be at most 52428800 (50 MiB)' })
      .default(1024 * 1024),
  ),
  SEED_DEMO: boolFlag,
  SYNC_INTERVAL_MINUTES: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: 'must be a whole number of minutes' })
      .int({ error: 'must be a whole number of minutes' })
      .min(0, { error: 'must be 0 (no schedule) or more' })
      .max(1440, { error: 'must be at most 1440 (a day)' })
      .default(15),
  ),
  EVIDENCE_REQUEST_SCHEDULE: z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(DEFAULT_EVIDENCE_SCHEDULE)
      .transform((v, ctx) => {
        const schedule = parseEvidenceSchedule(v);
        if (!schedule) ctx.addIssue({ code: 'custom', message: SCHEDULE_FORMAT_HINT });
        return schedule ?? z.NEVER;
      }),
  ),
  EVIDENCE_REQUEST_DUE_SOON_DAYS: wholeNumber('days', 0, 90, 7, '0 (never) or more'),
  EVIDENCE_REMINDER_DAYS: wholeNumber('days', 1, 60, 3, 'at least 1'),
  EVIDENCE_REMINDERS_BEFORE_ESCALATION: wholeNumber('reminders', 0, 10, 2, '0 (escalate at once) or more'),
  RAG_RED_MAX_PERCENT: wholeNumber('per cent', 0, 100, 25, '0 or more'),
  RAG_AMBER_MAX_PERCENT: wholeNumber('per cent', 0, 100, 75, '0 or more'),
  RAG_OVERDUE_RED_BELOW_PERCENT: wholeNumber('per cent', 0, 100, 50, '0 (overdue alone is never red) or more'),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' }).default('info'),
  ),
  REPORTS_FOLDER: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .max(200, { error: 'must be at most 200 characters' })
      .refine((v) => !/(^|\/)\.\.?(\/|$)|[\\:*?"<>|#%]/.test(v), { error: 'must be a folder path inside the library, e.g. Scrutiny/Reports, without \\ : * ? " < > | # % or ..' })
      .default('Line of Sight reports'),
  ),
  REPORTS_LOCAL_DIR: optionalString,
  TEAMS_APP_ID: optionalString,
});

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads and validates configuration. Every problem is collected, so that one
 * start-up tells the operator everything that is wrong, each naming its variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0] ?? 'environment'), problem: i.message })),
    );
  }
  const e = parsed.data;
  const problems: ConfigProblem[] = [];

  const authMode: AuthMode = e.AUTH_MODE ?? (e.NODE_ENV === 'production' ? 'entra' : 'dev');
  if (authMode === 'dev' && e.NODE_ENV === 'production') {
    problems.push({
      variable: 'AUTH_MODE',
      problem: 'dev sign-in is refused when NODE_ENV=production; set AUTH_MODE=entra and the ENTRA_* variables',
    });
  }

  let entra: Config['entra'];
  if (authMode === 'entra') {
    if (!e.ENTRA_TENANT_ID) problems.push({ variable: 'ENTRA_TENANT_ID', problem: 'is required when AUTH_MODE=entra' });
    else if (!GUID.test(e.ENTRA_TENANT_ID))
      problems.push({ variable: 'ENTRA_TENANT_ID', problem: 'must be a directory (tenant) id, a GUID' });
    if (!e.ENTRA_CLIENT_ID) problems.push({ variable: 'ENTRA_CLIENT_ID', problem: 'is required when AUTH_MODE=entra' });
    else if (!GUID.test(e.ENTRA_CLIENT_ID))
      problems.push({ variable: 'ENTRA_CLIENT_ID', problem: 'must be an application (client) id, a GUID' });
    if (e.ENTRA_TENANT_ID && e.ENTRA_CLIENT_ID) {
      entra = {
        tenantId: e.ENTRA_TENANT_ID.toLowerCase(),
        clientId: e.ENTRA_CLIENT_ID.toLowerCase(),
        clientSecret: e.ENTRA_CLIENT_SECRET,
        ssoScope: e.ENTRA_SSO_SCOPE ?? 'access_as_user',
        // Multi-tenant: guests and partner tenants' users are signed by the same published keys.
        jwksUrl: e.ENTRA_JWKS_URL ?? 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      };
    }
  }

  if (e.MANAGED_IDENTITY_CLIENT_ID && !GUID.test(e.MANAGED_IDENTITY_CLIENT_ID)) {
    problems.push({ variable: 'MANAGED_IDENTITY_CLIENT_ID', problem: 'must be the client id of a user-assigned managed identity, a GUID' });
  }
  const graphSecret = e.ENTRA_TENANT_ID && e.ENTRA_CLIENT_ID && e.ENTRA_CLIENT_SECRET;
  if (e.DOCUMENT_SOURCE === 'graph' && !e.GRAPH_TOKEN && !graphSecret && !e.MANAGED_IDENTITY_CLIENT_ID) {
    problems.push({
      variable: 'DOCUMENT_SOURCE',
      problem:
        'graph needs credentials: set ENTRA_TENANT_ID, ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET, or MANAGED_IDENTITY_CLIENT_ID (or GRAPH_TOKEN for a test server)',
    });
  }

  let bot: BotCredentials | undefined;
  if (e.BOT_ID) {
    if (!GUID.test(e.BOT_ID)) problems.push({ variable: 'BOT_ID', problem: 'must be the bot\'s Microsoft App ID, a GUID' });
    if (e.BOT_TYPE === 'SingleTenant' && !e.BOT_PASSWORD)
      problems.push({ variable: 'BOT_PASSWORD', problem: 'is required when BOT_ID is set and BOT_TYPE=SingleTenant' });
    const tenantId = e.BOT_TENANT_ID ?? e.ENTRA_TENANT_ID;
    if (!tenantId) problems.push({ variable: 'BOT_TENANT_ID', problem: 'is required when BOT_ID is set (or set ENTRA_TENANT_ID)' });
    else if (!GUID.test(tenantId)) problems.push({ variable: 'BOT_TENANT_ID', problem: 'must be a directory (tenant) id, a GUID' });
    bot = { appId: e.BOT_ID, password: e.BOT_PASSWORD, type: e.BOT_TYPE, tenantId };
  } else if (e.NODE_ENV === 'production') {
    problems.push({ variable: 'BOT_ID', problem: 'is required when NODE_ENV=production: the bot endpoint must authenticate callers' });
  }

  if (e.RAG_AMBER_MAX_PERCENT < e.RAG_RED_MAX_PERCENT) {
    problems.push({ variable: 'RAG_AMBER_MAX_PERCENT', problem: `must be at least RAG_RED_MAX_PERCENT (${e.RAG_RED_MAX_PERCENT}): amber starts where red ends` });
  }

  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(cwd, e.DATA_DIR ?? '.data');
  // Dev sign-in must not be reachable from the network by default.
  const host = e.HOST ?? (authMode === 'dev' ? '127.0.0.1' : '0.0.0.0');
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    authMode,
    entra,
    documentSource: e.DOCUMENT_SOURCE,
    documentLibraryDir: path.resolve(cwd, e.DOCUMENT_LIBRARY_DIR ?? path.join(dataDir, 'library')),
    graphBaseUrl: (e.GRAPH_BASE_URL ?? 'https://graph.microsoft.com/v1.0').replace(/\/+$/, ''),
    graphToken: e.GRAPH_TOKEN,
    graphApp:
      e.ENTRA_TENANT_ID && e.ENTRA_CLIENT_ID && e.ENTRA_CLIENT_SECRET
        ? { tenantId: e.ENTRA_TENANT_ID, clientId: e.ENTRA_CLIENT_ID, clientSecret: e.ENTRA_CLIENT_SECRET }
        : undefined,
    managedIdentityClientId: e.MANAGED_IDENTITY_CLIENT_ID,
    bot,
    maxBodyBytes: e.MAX_BODY_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    membershipCacheSeconds: e.MEMBERSHIP_CACHE_SECONDS,
    seedDemo: e.SEED_DEMO ?? authMode === 'dev',
    contentDir: path.join(dataDir, 'content'),
    syncIntervalMinutes: e.SYNC_INTERVAL_MINUTES,
    reports: {
      folder: e.REPORTS_FOLDER.replace(/^\/+|\/+$/g, ''),
      localDir: path.resolve(cwd, e.REPORTS_LOCAL_DIR ?? path.join(dataDir, 'reports')),
    },
    teamsAppId: e.TEAMS_APP_ID,
    actionRag: { redMaxPercent: e.RAG_RED_MAX_PERCENT, amberMaxPercent: e.RAG_AMBER_MAX_PERCENT, overdueRedBelowPercent: e.RAG_OVERDUE_RED_BELOW_PERCENT },
    evidenceRequests: {
      schedule: e.EVIDENCE_REQUEST_SCHEDULE,
      dueSoonDays: e.EVIDENCE_REQUEST_DUE_SOON_DAYS,
      reminderDays: e.EVIDENCE_REMINDER_DAYS,
      remindersBeforeEscalation: e.EVIDENCE_REMINDERS_BEFORE_ESCALATION,
    },
    logLevel: e.LOG_LEVEL,
  };
}
