import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  GenerateReport,
  GeneratedReport,
  OpenReportDraft,
  ReportDocument,
  ReportDraft,
  ReportKind,
  ReportList,
  SavedReportSection,
  SaveReportSection,
  SelectReportEvidence,
} from '../contract/reports.js';
import { SectionKey } from '../contract/reports.js';
import { apiRoutes } from '../contract/routes.js';
import { DEFAULT_RAG_THRESHOLDS, type RagThresholds } from '../domain/action-rag.js';
import { type PaperPage, paperDeepLink, tabContentUrl } from '../domain/deep-links.js';
import { can } from '../domain/permissions.js';
import { parseScrutinyPeriod } from '../domain/scrutiny-period.js';
import { ukCalendarDay } from '../domain/uk-date.js';
import { type Actor, auditActor, authorize } from '../services/actor.js';
import type { DashboardService } from '../services/dashboard-service.js';
import { invalid, notFound, ServiceError } from '../services/errors.js';
import { checkChildIdentifiers } from '../services/identifier-check.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { ReportEvidenceRepository } from '../storage/repositories/report-evidence-repository.js';
import { type ReportDraftRecord, type ReportGenerationRecord, ReportsRepository } from '../storage/repositories/reports-repository.js';
import type { Database } from '../storage/schema.js';
import { assembleDraft, REPORT_KIND_TITLES } from './assemble-draft.js';
import { narrativeHash, readSnapshot, snapshotOf } from './draft-snapshot.js';
import { buildReportDocx, inDocument } from './report-docx.js';
import { type ReportLibrary, ReportStoreError } from './report-library.js';

export interface ReportServiceOptions {
  db: Kysely<Database>;
  /** The dashboard's figures per area (shared evidence) and the work plan's days: computed once, there. */
  dashboard: DashboardService;
  library: ReportLibrary;
  /** The app's public address, for evidence links that open the paper in a browser. */
  publicUrl: string;
  /** With it, evidence links open the paper in Teams (its personal "papers" tab). */
  teamsAppId?: string;
  ragThresholds?: RagThresholds;
  now?: () => Date;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Quarterly progress reports and the annual statement of assurance. A draft is its author's alone: it may
 * show their own private observations (flagged, never included), so anyone else is told it does not
 * exist. Generating writes the included, shared evidence and the narratives to a Word document in the
 * partnership's library; the document is shared, so the partnership's readers may list and download it.
 */
export class ReportService {
  private readonly repo: ReportsRepository;
  private readonly evidence: ReportEvidenceRepository;
  private readonly auditLog: AuditLogRepository;
  private readonly now: () => Date;

  constructor(private readonly options: ReportServiceOptions) {
    this.repo = new ReportsRepository(options.db);
    this.evidence = new ReportEvidenceRepository(options.db);
    this.auditLog = new AuditLogRepository(options.db);
    this.now = options.now ?? (() => new Date());
  }

  async list(actor: Actor, query: { kind?: ReportKind }): Promise<ReportList> {
    authorize(actor, 'report.read');
    const [drafts, generations] = await Promise.all([
      can(actor.role, 'report.draft') ? this.repo.listForAuthor(actor.partnershipId, actor.personId, query.kind) : Promise.resolve([]),
      this.repo.listGenerations(actor.partnershipId, query.kind),
    ]);
    return {
      drafts: drafts.map((d) => ({
        id: d.id,
        kind: d.kind,
        periodKey: d.periodKey,
        title: titleOf(d),
        version: d.version,
        updatedAt: d.updatedAt.toISOString(),
        lastGeneratedAt: d.lastGeneratedAt ? new Date(d.lastGeneratedAt).toISOString() : null,
      })),
      documents: generations.map((g) => this.document(actor.partnershipId, g)),
    };
  }

  async open(actor: Actor, input: OpenReportDraft): Promise<ReportDraft> {
    authorize(actor, 'report.draft');
    const period = parseScrutinyPeriod(input.period);
    if (!period || (period.kind === 'year') !== (input.kind === 'annual')) {
      throw invalid('period', 'must be a scrutiny year like 2026/27 for an annual statement, or a quarter like 2026-Q3 for a quarterly report');
    }
    const draft = await this.repo.open(actor.partnershipId, actor.personId, input.kind, period.key);
    return this.view(actor, draft, 'report.open');
  }

  async get(actor: Actor, draftId: string): Promise<ReportDraft> {
    return this.view(actor, await this.ownDraft(actor, draftId), 'report.read_draft');
  }

  async saveSection(actor: Actor, draftId: string, key: string, input: SaveReportSection): Promise<SavedReportSection> {
    const draft = await this.ownDraft(actor, draftId);
    if (!SectionKey.safeParse(key).success) throw notFound('That section of the report');
    if (key.startsWith('area.') && !(await this.repo.isCurrentArea(actor.partnershipId, key.slice(5)))) {
      throw notFound('That checklist area');
    }
    // Autosaves are not logged one by one (they would bury the log); the generation records each section's version.
    const saved = await this.repo.saveSection(actor.partnershipId, draft.id, key, input.narrative, input.expectedVersion);
    if (!saved) {
      throw new ServiceError(
        'edit_conflict',
        'This section was saved somewhere else (another window or device) since you last read it. Reload the draft to see the latest text, then edit again.',
      );
    }
    const last = await this.repo.lastGeneration(actor.partnershipId, draft.id);
    const snapshot = last ? readSnapshot(last.snapshot) : null;
    return {
      draftId: draft.id,
      key,
      narrative: saved.section.narrative,
      version: saved.section.version,
      updatedAt: saved.section.updatedAt.toISOString(),
      draftVersion: saved.draftVersion,
      narrativeChangedSinceLastDraft: snapshot
        ? narrativeHash(saved.section.narrative) !== (snapshot.sections[key]?.n ?? narrativeHash(''))
        : saved.section.narrative !== '',
    };
  }

  async selectEvidence(actor: Actor, draftId: string, input: SelectReportEvidence): Promise<{ draftId: string; draftVersion: number; items: { id: string; included: boolean }[] }> {
    const draft = await this.ownDraft(actor, draftId);
    const wanted = input.items.filter((i) => i.included && i.id.startsWith('observation:')).map((i) => i.id.slice('observation:'.length));
    const privateOnes = await this.repo.ownPrivateObservations(actor.partnershipId, actor.personId, wanted);
    if (privateOnes.size > 0) {
      const index = input.items.findIndex((i) => privateOnes.has(i.id.slice('observation:'.length)));
      throw invalid(`items.${index}`, 'is one of your private observations: share it first, then include it. A report never contains private notes.');
    }
    const draftVersion = await this.repo.setChoices(actor.partnershipId, draft.id, input.items);
    await this.auditLog.append({
      ...auditActor(actor),
      action: 'report.select_evidence',
      entityType: 'report_draft',
      entityId: draft.id,
      detail: { included: input.items.filter((i) => i.included).length, excluded: input.items.filter((i) => !i.included).length },
    });
    const latest = new Map(input.items.map((i) => [i.id, i.included]));
    return { draftId: draft.id, draftVersion, items: [...latest].map(([id, included]) => ({ id, included })) };
  }

  /**
   * Builds the document and saves it to the library as a new version. If the library refuses, nothing
   * about the draft changes (no generation is recorded) and the error says what to do.
   */
  async generate(actor: Actor, draftId: string, options: GenerateReport = {}): Promise<GeneratedReport> {
    const draft = await this.ownDraft(actor, draftId);
    const [view, partnership] = await Promise.all([this.assemble(actor, draft), this.evidence.partnership(actor.partnershipId)]);
    if (!partnership) throw notFound('The partnership');
    // The narratives are the scrutineer's own words, leaving their drafts for a shared library.
    const flagged = checkChildIdentifiers(Object.fromEntries(view.sections.map((s) => [`narrative.${s.key}`, s.narrative])), options.identifiersConfirmed);
    const generatedAt = this.now();
    const bytes = await buildReportDocx({ draft: view, partnershipName: partnership.name, generatedAt });
    const fileName = reportFileName(partnership.shortName, draft.kind, view.period.key);
    const previousSaves = await this.repo.countGenerationsOfFile(actor.partnershipId, fileName);
    const included = view.sections.flatMap((s) => s.evidence).filter(inDocument);
    let saved;
    try {
      saved = await this.options.library.save({ partnershipId: actor.partnershipId, fileName, bytes, previousSaves });
    } catch (error) {
      const failure = error instanceof ReportStoreError ? error : new ReportStoreError(`The report could not be saved (${(error as Error)?.message ?? String(error)}).`, 'Try again; the draft is kept.', { cause: error });
      await this.auditLog.append({ ...auditActor(actor), action: 'report.generate_failed', entityType: 'report_draft', entityId: draft.id, detail: { fileName, reason: failure.message } });
      throw failure;
    }
    const id = randomUUID();
    await this.repo.insertGeneration(actor.partnershipId, {
      id,
      draftId: draft.id,
      generatedById: actor.personId,
      kind: draft.kind,
      periodKey: draft.periodKey,
      fileName,
      store: saved.store,
      webUrl: saved.webUrl,
      localPath: saved.localPath,
      versionLabel: saved.versionLabel,
      sizeBytes: bytes.byteLength,
      content: bytes,
      snapshot: snapshotOf(view),
    });
    await this.auditLog.append({
      ...auditActor(actor),
      action: 'report.generate',
      entityType: 'report_generation',
      entityId: id,
      detail: {
        draftId: draft.id,
        kind: draft.kind,
        period: draft.periodKey,
        fileName,
        store: saved.store,
        version: saved.versionLabel,
        evidence: new Set(included.map((e) => e.id)).size,
        sections: Object.fromEntries(view.sections.map((s) => [s.key, s.version])),
        identifiersConfirmed: flagged,
      },
    });
    const record = await this.repo.lastGeneration(actor.partnershipId, draft.id);
    const current = await this.repo.find(actor.partnershipId, draft.id);
    return { document: this.document(actor.partnershipId, record!.record), draftVersion: current?.version ?? draft.version };
  }

  /** A generated document's bytes: shared, so any reader of the partnership may have them. */
  async download(actor: Actor, documentId: string): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
    authorize(actor, 'report.read');
    const found = await this.repo.generationContent(actor.partnershipId, documentId);
    if (!found) throw notFound('The report document');
    await this.auditLog.append({ ...auditActor(actor), action: 'report.download', entityType: 'report_generation', entityId: documentId, detail: { fileName: found.record.fileName } });
    return { fileName: found.record.fileName, contentType: DOCX, bytes: new Uint8Array(found.content) };
  }

  private async ownDraft(actor: Actor, draftId: string): Promise<ReportDraftRecord> {
    authorize(actor, 'report.draft');
    const draft = await this.repo.find(actor.partnershipId, draftId);
    // Another author's draft may hold their private observations: it is not found, not forbidden.
    if (!draft || draft.authorId !== actor.personId) throw notFound('The report draft');
    return draft;
  }

  private async view(actor: Actor, draft: ReportDraftRecord, auditAction: string): Promise<ReportDraft> {
    const view = await this.assemble(actor, draft);
    await this.auditLog.append({
      ...auditActor(actor),
      action: auditAction,
      entityType: 'report_draft',
      entityId: draft.id,
      detail: { kind: draft.kind, period: draft.periodKey, evidence: view.counts.evidence, private: view.counts.private },
    });
    return view;
  }

  private async assemble(actor: Actor, draft: ReportDraftRecord): Promise<ReportDraft> {
    const period = parseScrutinyPeriod(draft.periodKey)!;
    const range = { start: period.start, end: period.end };
    const [dashboard, rows, narratives, choices, last] = await Promise.all([
      this.options.dashboard.dashboard(actor, { period: draft.periodKey }),
      this.evidence.read(actor.partnershipId, actor.personId, range),
      this.repo.sections(actor.partnershipId, draft.id),
      this.repo.choices(actor.partnershipId, draft.id),
      this.repo.lastGeneration(actor.partnershipId, draft.id),
    ]);
    return assembleDraft({
      draft: { id: draft.id, kind: draft.kind, version: draft.version, updatedAt: draft.updatedAt },
      period,
      today: ukCalendarDay(this.now()),
      ragThresholds: this.options.ragThresholds ?? DEFAULT_RAG_THRESHOLDS,
      areas: dashboard.areas,
      workPlan: dashboard.workPlan,
      rows,
      narratives,
      choices,
      snapshot: last ? readSnapshot(last.snapshot) : null,
      lastGenerated: last ? this.document(actor.partnershipId, last.record) : null,
      paperLink: (paper, label) => this.paperLink(paper, label),
    });
  }

  private paperLink(paper: PaperPage, label: string): string {
    const { teamsAppId, publicUrl } = this.options;
    return teamsAppId ? paperDeepLink({ appId: teamsAppId, entityId: 'papers', base: publicUrl, label, paper }) : tabContentUrl(publicUrl, 'papers', paper);
  }

  private document(partnershipId: string, g: ReportGenerationRecord): ReportDocument {
    return {
      id: g.id,
      draftId: g.draftId,
      kind: g.kind,
      periodKey: g.periodKey,
      fileName: g.fileName,
      store: g.store,
      webUrl: g.webUrl,
      localPath: g.localPath,
      version: g.versionLabel,
      downloadPath: apiRoutes.downloadReport.path.replace(':partnershipId', partnershipId).replace(':documentId', g.id),
      generatedAt: g.generatedAt.toISOString(),
      generatedBy: g.generatedBy,
      sizeBytes: g.sizeBytes,
    };
  }
}

function titleOf(d: { kind: ReportKind; periodKey: string }): string {
  const period = parseScrutinyPeriod(d.periodKey);
  return `${REPORT_KIND_TITLES[d.kind]}: ${period?.label ?? d.periodKey}`;
}

/** "DB Annual statement of assurance 2026-27.docx": one file per kind and period, so each generation is a new version of it. */
export function reportFileName(shortName: string, kind: ReportKind, periodKey: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|#%\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
  return `${safe(shortName)} ${REPORT_KIND_TITLES[kind]} ${safe(periodKey)}.docx`;
}
