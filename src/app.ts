import { createBotEndpoint, createProactiveSender } from '../bot/adapter.js';
import { createTurnHandler } from '../bot/handlers/turn-router.js';
import { OutboxWorker } from '../bot/outbox-worker.js';
import { OutboxService } from './services/outbox-service.js';
import type { Config } from './config/config.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { createDocumentPipeline, type DocumentPipeline, type GraphParts } from './documents/document-pipeline.js';
import { DocumentSourcesService } from './services/document-sources-service.js';
import { SearchService } from './services/search-service.js';
import { ChallengeService } from './services/challenge-service.js';
import { PaperService } from './services/paper-service.js';
import { MeetingService } from './services/meeting-service.js';
import { AuditService } from './services/audit-service.js';
import { ActionTrackerService } from './services/action-tracker-service.js';
import { ActionSignOffService } from './services/action-sign-off-service.js';
import { ActionImportService } from './services/action-import-service.js';
import { ActionExportService } from './services/action-export-service.js';
import { DEFAULT_TAB_DIR } from './paths.js';
import { DevAuthenticator, EntraAuthenticator, type Authenticator, type TokenValidator } from './server/authenticator.js';
import { allowedTenants } from './auth/allowed-tenants.js';
import { EntraTokenValidator } from './auth/entra-token-validator.js';
import { SigningKeys } from './auth/signing-keys.js';
import type { PartnershipsRepository } from './storage/repositories/partnerships-repository.js';
import { createAppServer, type AppServer } from './server/create-server.js';
import { signInSettingsFor } from './auth/sign-in-settings.js';
import type { Logger } from './server/logger.js';
import { MembershipCache } from './services/membership-cache.js';
import { PeriodicTask } from './services/periodic-task.js';
import { EvidenceRequestService } from './services/evidence-request-service.js';
import { EvidenceSubmissionService } from './services/evidence-submission-service.js';
import { evidenceRequestMessages } from '../bot/evidence-request-messages.js';
import { ChallengeDelivery } from '../bot/challenge-delivery.js';
import { MembershipService } from './services/membership-service.js';
import { ObservationService } from './services/observation-service.js';
import { PartnershipService } from './services/partnership-service.js';
import { openDatabase, type DatabaseHandle } from './storage/connect.js';
import { migrateToLatest } from './storage/migrate.js';
import { createRepositories } from './storage/repositories/index.js';
import { ActionsRepository } from './storage/repositories/actions-repository.js';
import { TeamsUsersRepository } from './storage/repositories/teams-users-repository.js';
import { DashboardRepository } from './storage/repositories/dashboard-repository.js';
import { DashboardService } from './services/dashboard-service.js';
import { WorkPlanService } from './services/work-plan-service.js';
import { EscalationService } from './services/escalation-service.js';
import { ReportService } from './reports/report-service.js';
import { reportLibraryFor, type ReportLibrary } from './reports/report-library.js';
import { RetentionService } from './services/retention-service.js';
import { ErasureService, removeStoredContent } from './services/erasure-service.js';
import { PartnershipExportService } from './services/partnership-export-service.js';


export interface App {
  config: Config;
  database: DatabaseHandle;
  server: AppServer;
  seeded: boolean;
  documents: DocumentPipeline;
  /** Proactive bot messages: enqueue here, the outbox worker sends them. */
  outbox: OutboxService;
  /** Queues challenge cards and reminders; swept on a schedule, or on demand (tests). */
  challengeDelivery: ChallengeDelivery;
  /** Asks subgroup chairs for evidence, reminds and escalates; run on a schedule, or by tick() (tests). */
  evidenceRequests: EvidenceRequestService;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  tabDir?: string;
  now?: () => Date;
  /** Replace the database (tests pass an already-open one). */
  database?: DatabaseHandle;
  /** Replace the Graph parts (tests pass ones built around stand-ins). */
  graph?: GraphParts;
  /** Check every response against the contract (default: outside production). */
  validateResponses?: boolean;
  /** How often the outbox worker looks for due messages (default 2 s). */
  outboxPollIntervalMs?: number;
  /** How often challenge cards not yet queued, and due reminders, are swept into the outbox (default 5 min; 0: never). */
  challengeSweepIntervalMs?: number;
  /** How often evidence requests are made, sent, reminded and escalated (default 5 min; 0: never). */
  evidenceRequestIntervalMs?: number;
  /** Replace where generated reports are saved (tests pass a failing stand-in). */
  reportLibrary?: ReportLibrary;
  /** How often retention removes what has outlived each partnership's periods (default 6 h; 0: never). */
  retentionIntervalMs?: number;
}

/** Composes the whole application from configuration: the one place dependencies are wired. */
export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const database = options.database ?? (await openDatabase(config.database));
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info('migrations applied', { applied });
    const repos = createRepositories(database.db, { coalesceWrites: true, writesInFlight: database.kind === 'pglite' ? 1 : 4 });
    const documents = createDocumentPipeline(config, database.db, { logger, now, graph: options.graph });
    let seeded = false;
    if (config.seedDemo) {
      seeded = await seedDemoIfEmpty(database.db, {
        libraryDir: config.documentLibraryDir,
        now: now(),
        logger,
        syncDocuments: async (id) => void (await documents.runner.syncPartnership(id)),
      });
    }

    const membershipCache = new MembershipCache<Awaited<ReturnType<MembershipService['memberships']>>>(config.membershipCacheSeconds * 1000);
    const membership = new MembershipService(repos.people, membershipCache);
    const authenticator: Authenticator = config.authMode === 'dev' ? new DevAuthenticator() : new EntraAuthenticator(entraValidator(config, repos.partnerships));
    const outbox = new OutboxService(repos.outbox, repos.botConversations, repos.auditLog, now);
    const outboxWorker = new OutboxWorker({
      outbox,
      send: createProactiveSender({ credentials: config.bot }),
      pollIntervalMs: options.outboxPollIntervalMs ?? 2_000,
      onError: (error) => logger.error('outbox send failed', { error: (error as Error)?.stack ?? String(error) }),
    });
    const teamsUsers = new TeamsUsersRepository(database.db);
    // Late-bound: the delivery reads challenges, and the challenges tell the delivery what was raised.
    let challengeDelivery: ChallengeDelivery | undefined;
    const challenges = new ChallengeService(database.db, repos.auditLog, now, async (partnershipId, id) => challengeDelivery?.deliver(partnershipId, id));
    challengeDelivery = new ChallengeDelivery({ challenges, outbox, conversations: repos.botConversations, teamsUsers, auditLog: repos.auditLog, now });
    const delivery = challengeDelivery;
    const challengeSweep = new PeriodicTask(() => delivery.sweep(), options.challengeSweepIntervalMs ?? 5 * 60_000, (error) =>
      logger.error('challenge delivery sweep failed', { error: (error as Error)?.stack ?? String(error) }),
    );
    const evidenceRequests = new EvidenceRequestService({
      db: database.db,
      messages: evidenceRequestMessages,
      settings: config.evidenceRequests,
      now,
      onError: (error, requestId) => logger.error('evidence request step failed', { requestId, error: (error as Error)?.stack ?? String(error) }),
    });
    const evidenceSchedule = new PeriodicTask(
      async () => {
        const report = await evidenceRequests.tick();
        if (report.created + report.steps + report.failed > 0) logger.info('evidence requests', { ...report });
      },
      options.evidenceRequestIntervalMs ?? 5 * 60_000,
      (error) => logger.error('evidence request pass failed', { error: (error as Error)?.stack ?? String(error) }),
    );
    const retention = new RetentionService(database.db, now);
    const retentionSchedule = new PeriodicTask(
      async () => {
        const removed = await retention.sweep();
        if (Object.keys(removed).length > 0) logger.info('retention applied', { removed });
      },
      options.retentionIntervalMs ?? 6 * 60 * 60_000,
      (error) => logger.error('retention pass failed', { error: (error as Error)?.stack ?? String(error) }),
    );
    const botServices = {
      people: repos.people,
      challenges,
      actions: new ActionsRepository(database.db),
      teamsUsers,
      evidenceRequests: new EvidenceSubmissionService(database.db, now),
      now,
    };
    const messages = createBotEndpoint(createTurnHandler({ conversations: repos.botConversations, now, services: botServices }), {
      credentials: config.bot,
      onError: (error) => logger.error('bot turn failed', { error: (error as Error)?.stack ?? String(error) }),
    });
    const server = createAppServer({
      database,
      services: {
        membership,
        partnerships: new PartnershipService(repos, now),
        observations: new ObservationService(repos, now),
        documentSources: new DocumentSourcesService(database.db, documents.resolve, documents.runner, repos.auditLog),
        search: new SearchService(repos),
        challenges,
        papers: new PaperService(database.db, documents.store, repos.auditLog, now),
        meetings: new MeetingService(repos, now),
        audit: new AuditService(repos.auditLog),
        actions: { tracker: new ActionTrackerService(database.db, config.actionRag, now), signOff: new ActionSignOffService(database.db, config.actionRag, now) },
        actionImport: new ActionImportService(database.db, now),
        actionExport: new ActionExportService(database.db, config.actionRag, now),
        dashboard: new DashboardService(new DashboardRepository(database.db), now, config.actionRag),
        workPlan: new WorkPlanService(database.db, now),
        escalations: new EscalationService(database.db, now),
        reports: new ReportService({
          db: database.db,
          dashboard: new DashboardService(new DashboardRepository(database.db), now, config.actionRag),
          library: options.reportLibrary ?? reportLibraryFor(config, database.db, logger),
          publicUrl: config.publicUrl,
          teamsAppId: config.teamsAppId,
          ragThresholds: config.actionRag,
          now,
        }),
        dataProtection: {
          retention,
          erasure: new ErasureService(database.db, now, { removeContent: removeStoredContent(config.contentDir), forgetMemberships: () => membershipCache.clear() }),
          export: new PartnershipExportService(database.db, now),
        },
      },
      authenticator,
      signIn: signInSettingsFor(config),
      messages,
      tabDir: options.tabDir ?? DEFAULT_TAB_DIR,
      maxBodyBytes: config.maxBodyBytes,
      rateLimitPerMinute: config.rateLimitPerMinute,
      logger,
      validateResponses: options.validateResponses ?? config.nodeEnv !== 'production',
    });
    documents.runner.schedule(config.syncIntervalMinutes);
    outboxWorker.start();
    challengeSweep.start();
    evidenceSchedule.start();
    retentionSchedule.start();
    return {
      config,
      database,
      server,
      seeded,
      documents,
      outbox,
      challengeDelivery: delivery,
      evidenceRequests,
      async close() {
        documents.runner.stop();
        await challengeSweep.stop();
        await evidenceSchedule.stop();
        await retentionSchedule.stop();
        await outboxWorker.stop();
        await server.close();
        await documents.runner.drain();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close().catch(() => undefined);
    throw error;
  }
}

/** The SSO token validator for AUTH_MODE=entra (configuration guarantees the ENTRA_* values). */
function entraValidator(config: Config, partnerships: PartnershipsRepository): TokenValidator | undefined {
  if (!config.entra) return undefined;
  return new EntraTokenValidator(new SigningKeys({ jwksUrl: config.entra.jwksUrl }), {
    clientId: config.entra.clientId,
    requiredScope: config.entra.ssoScope,
    allowedTenants: allowedTenants(config.entra.tenantId, () => partnerships.tenantIds()),
  });
}
