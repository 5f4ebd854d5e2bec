import { z } from 'zod';
import { ACTION_SOURCES, ACTION_STATUSES, CHALLENGE_STATUSES, ESCALATION_STATUSES, EVIDENCE_TYPES, JUDGEMENTS, RAG } from '../domain/vocabulary.js';
import { WorkPlanDaysSummary } from './dashboard.js';
import { Period, PeriodText } from './scrutiny-period.js';
import { IsoDate, IsoDateTime, Uuid } from './values.js';

/*
 * The quarterly progress report and the annual statement of assurance (issue 7). A draft belongs to its
 * author (a scrutineer) and is assembled afresh from the evidence each time it is read; what the author
 * adds is kept: the narrative of each section and which evidence to include. Generating it writes a Word
 * document to the partnership's reports folder (SharePoint, or the local folder in dev) as a new version.
 */

export const REPORT_KINDS = ['quarterly', 'annual'] as const;
export const ReportKind = z.enum(REPORT_KINDS, { error: 'must be quarterly or annual' });
export type ReportKind = z.infer<typeof ReportKind>;

/**
 * The sections of a report, in order. Each checklist area is a section of its own, keyed `area.<areaId>`;
 * the rest have fixed keys.
 */
export const FIXED_SECTION_KEYS = ['introduction', 'challenges', 'recommendations', 'voice', 'work-plan', 'escalations', 'conclusion'] as const;
export const SECTION_KINDS = ['introduction', 'area', 'challenges', 'recommendations', 'voice', 'work_plan', 'escalations', 'conclusion'] as const;

const SECTION_KEY = /^(introduction|challenges|recommendations|voice|work-plan|escalations|conclusion|area\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const SectionKey = z
  .string()
  .regex(SECTION_KEY, { error: `must be a section of the report: ${FIXED_SECTION_KEYS.join(', ')} or area.<areaId>` });

/**
 * An evidence item's stable id: `<kind>:<id of the row>`, e.g. `observation:3f…`. It names the same item in
 * every read of the draft, in the evidence selection, and in the snapshot taken at generation.
 */
export const EVIDENCE_KINDS = ['observation', 'challenge', 'action', 'escalation'] as const;
export const EvidenceKind = z.enum(EVIDENCE_KINDS);
export const EvidenceId = z
  .string()
  .regex(/^(observation|challenge|action|escalation):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
    error: 'must be an evidence id like observation:<uuid>',
  });

/** Against the snapshot taken when the draft was last generated: not in it, in it but different, or the same. */
export const EvidenceChange = z.enum(['new', 'changed', 'unchanged']);

/** A page of a paper that evidence rests on (an annotation, or the paper an observation was made on). */
export const PaperReference = z.object({
  documentId: Uuid,
  title: z.string(),
  /** From 1. An observation made on a paper without a passage points at its first page. */
  page: z.number().int().min(1),
  /** The passage quoted, when an annotation carries the evidence. */
  quote: z.string().nullable(),
  /** A deep link to that page of the paper (Teams when the app id is configured, else the tab in a browser). */
  link: z.string(),
});
export type PaperReference = z.infer<typeof PaperReference>;

export const ChallengeDetail = z.object({
  question: z.string(),
  status: z.enum(CHALLENGE_STATUSES),
  /** The person or agency asked. */
  addressee: z.string().nullable(),
  dueDate: IsoDate.nullable(),
  answers: z.array(z.object({ date: IsoDate, author: z.string(), text: z.string() })),
  outcome: z.string().nullable(),
  impact: z.string().nullable(),
});

export const ActionDetail = z.object({
  reference: z.string(),
  source: z.enum(ACTION_SOURCES),
  status: z.enum(ACTION_STATUSES),
  percentComplete: z.number().int(),
  /** Today's RAG by the tracker's rule; null when withdrawn. */
  rag: z.enum(RAG).nullable(),
  dueDate: IsoDate.nullable(),
  owner: z.string().nullable(),
  agency: z.string().nullable(),
});

export const EscalationDetail = z.object({
  status: z.enum(ESCALATION_STATUSES),
  parties: z.array(z.string()),
  resolution: z.string().nullable(),
});

/** One piece of evidence as the draft shows it. */
export const ReportEvidence = z.object({
  id: EvidenceId,
  kind: EvidenceKind,
  /** The observation's, challenge's, action's or escalation's own id. */
  sourceId: Uuid,
  /** The observation's text, the challenge's question, the action's or escalation's title. */
  text: z.string(),
  /** The UK calendar day it happened: observed, raised, due (else last changed). */
  date: IsoDate,
  /** The forum it was seen in or belongs to. */
  forum: z.string().nullable(),
  judgement: z.enum(JUDGEMENTS).nullable(),
  evidenceType: z.enum(EVIDENCE_TYPES).nullable(),
  /** The papers and pages behind it, each with its deep link. */
  papers: z.array(PaperReference),
  /**
   * The caller's own private observation: shown in their draft only, never in a generated document
   * (share it first). Other people's private observations never appear at all.
   */
  private: z.boolean(),
  /** Chosen to go in the document. Always false for a private observation. */
  included: z.boolean(),
  change: EvidenceChange,
  /** `change` is not `unchanged`: new or different since the last generated draft. */
  changedSinceLastDraft: z.boolean(),
  challenge: ChallengeDetail.nullable(),
  action: ActionDetail.nullable(),
  escalation: EscalationDetail.nullable(),
});
export type ReportEvidence = z.infer<typeof ReportEvidence>;

/** The RAG of a checklist area for the period, and why. */
export const AreaRag = z.object({
  rag: z.enum(RAG).nullable(),
  /** `assessment`: the scrutineer's own assessment of the area; `evidence`: suggested from the evidence; `none`: no evidence. */
  basis: z.enum(['assessment', 'evidence', 'none']),
  rationale: z.string(),
});
export type AreaRag = z.infer<typeof AreaRag>;

export const ReportArea = z.object({
  areaId: Uuid,
  key: z.string(),
  title: z.string(),
  rag: AreaRag,
  /** Evidence ids by judgement, in date order: what has gone well, too early to tell, concerns. */
  goneWell: z.array(EvidenceId),
  tooEarly: z.array(EvidenceId),
  concerns: z.array(EvidenceId),
  /** No shared evidence for the area in the period (a blind spot). */
  noEvidence: z.boolean(),
});

export const ReportSection = z.object({
  key: SectionKey,
  kind: z.enum(SECTION_KINDS),
  title: z.string(),
  /** The scrutineer's own words; empty until written. */
  narrative: z.string(),
  /** Raised by each save of this section's narrative; an autosave sends the version it last saw. 0 before the first save. */
  version: z.number().int().min(0),
  updatedAt: IsoDateTime.nullable(),
  /** The narrative differs from the one in the last generated draft (or there is none and it is not empty). */
  narrativeChangedSinceLastDraft: z.boolean(),
  /** For an area's section. */
  area: ReportArea.nullable(),
  /** The evidence behind the section, in date order. An observation tagged to two areas is in both. */
  evidence: z.array(ReportEvidence),
  /** Evidence that was in the last generated draft and is no longer there (deleted, made private, moved out of the period). */
  removedSinceLastDraft: z.array(z.object({ id: EvidenceId, text: z.string() })),
});
export type ReportSection = z.infer<typeof ReportSection>;

/** Where a generated document went. */
export const ReportDocument = z.object({
  id: Uuid,
  draftId: Uuid,
  kind: ReportKind,
  periodKey: z.string(),
  fileName: z.string(),
  /** `graph`: the partnership's SharePoint folder; `local`: the folder on the server (dev). */
  store: z.enum(['graph', 'local']),
  /** SharePoint's address of the file (graph), else null. */
  webUrl: z.string().nullable(),
  /** The file on the server (local), else null. */
  localPath: z.string().nullable(),
  /** The library's version label (e.g. `3.0`) when it gave one, else the count of generations of this draft. */
  version: z.string(),
  /** The API address to download this document's bytes (docx). */
  downloadPath: z.string(),
  generatedAt: IsoDateTime,
  generatedBy: z.string(),
  sizeBytes: z.number().int(),
});
export type ReportDocument = z.infer<typeof ReportDocument>;

export const ReportDraft = z.object({
  id: Uuid,
  kind: ReportKind,
  period: Period,
  title: z.string(),
  /** Raised by every change the author makes (narrative or evidence choice). */
  version: z.number().int().min(0),
  updatedAt: IsoDateTime,
  /** Today (UK calendar day): action RAG and overdue are as of it. */
  asOf: IsoDate,
  /** No evidence of any kind in the period: the document will say so. */
  empty: z.boolean(),
  sections: z.array(ReportSection),
  workPlan: WorkPlanDaysSummary,
  /** The last generated document of this draft, whose snapshot `change` compares against; null before the first. */
  lastGenerated: ReportDocument.nullable(),
  /** Counts for the page's summary. */
  counts: z.object({
    evidence: z.number().int(),
    included: z.number().int(),
    private: z.number().int(),
    changedSinceLastDraft: z.number().int(),
  }),
});
export type ReportDraft = z.infer<typeof ReportDraft>;

/** Open (create if need be) the caller's draft for a kind and period. */
export const OpenReportDraft = z
  .strictObject({ kind: ReportKind, period: PeriodText })
  .refine((b) => (b.kind === 'annual') === /^\d{4}\/\d{2}$/.test(b.period), {
    error: 'period must be a scrutiny year like 2026/27 for an annual statement, or a quarter like 2026-Q3 for a quarterly report',
    path: ['period'],
  });
export type OpenReportDraft = z.infer<typeof OpenReportDraft>;

/** Autosave of one section's narrative. A stale `expectedVersion` is refused with 409 edit_conflict. */
export const SaveReportSection = z.strictObject({
  narrative: z.string({ error: 'must be text' }).max(20_000, { error: 'must be at most 20000 characters' }),
  expectedVersion: z.number({ error: 'must be the section version last read' }).int().min(0),
});
export type SaveReportSection = z.infer<typeof SaveReportSection>;

export const SavedReportSection = z.object({
  draftId: Uuid,
  key: SectionKey,
  narrative: z.string(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
  draftVersion: z.number().int(),
  narrativeChangedSinceLastDraft: z.boolean(),
});
export type SavedReportSection = z.infer<typeof SavedReportSection>;

/** Choose evidence in or out. A private observation cannot be included (400: share it first). */
export const SelectReportEvidence = z.strictObject({
  items: z
    .array(z.strictObject({ id: EvidenceId, included: z.boolean() }))
    .min(1, { error: 'must name at least one evidence item' })
    .max(5_000, { error: 'must name at most 5000 evidence items' }),
});
export type SelectReportEvidence = z.infer<typeof SelectReportEvidence>;

export const SelectedReportEvidence = z.object({
  draftId: Uuid,
  draftVersion: z.number().int(),
  items: z.array(z.object({ id: EvidenceId, included: z.boolean() })),
});

export const ReportDraftSummary = z.object({
  id: Uuid,
  kind: ReportKind,
  periodKey: z.string(),
  title: z.string(),
  version: z.number().int(),
  updatedAt: IsoDateTime,
  lastGeneratedAt: IsoDateTime.nullable(),
});

/** The caller's own drafts, and the documents generated in the partnership (shared: no private evidence). */
export const ReportList = z.object({
  drafts: z.array(ReportDraftSummary),
  documents: z.array(ReportDocument),
});
export type ReportList = z.infer<typeof ReportList>;

export const ReportListQuery = z.strictObject({ kind: ReportKind.optional() });

/**
 * Generating. The narratives leave the scrutineer's drafts for a shared library, so they pass the
 * child-identifier guard first: flagged text is refused (422 child_identifiers_flagged, each passage in the
 * details, path `body.narrative.<sectionKey>`) unless `identifiersConfirmed` says the scrutineer has seen it.
 */
export const GenerateReport = z.strictObject({ identifiersConfirmed: z.boolean().optional() });
export type GenerateReport = z.infer<typeof GenerateReport>;

export const GeneratedReport = z.object({
  document: ReportDocument,
  /** The draft after generation: its snapshot is now this document's, so nothing shows as changed. */
  draftVersion: z.number().int(),
});
export type GeneratedReport = z.infer<typeof GeneratedReport>;
