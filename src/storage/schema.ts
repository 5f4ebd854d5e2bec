import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type {
  ActionSource,
  ActionStatus,
  AgencyKind,
  ChallengeStatus,
  DocumentKind,
  EscalationStatus,
  EvidenceRequestStatus,
  EvidenceType,
  ForumKind,
  Judgement,
  Rag,
  Role,
  Surface,
  Visibility,
  WorkPlanActivityKind,
} from '../domain/vocabulary.js';

/**
 * Row types of the schema in migrations/. Both drivers are configured (connect.ts)
 * to return DATE as 'YYYY-MM-DD', NUMERIC and INT8 as numbers, and timestamptz as Date.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface PartnershipsTable {
  id: string;
  name: string;
  short_name: string;
  is_synthetic: Generated<boolean>;
  host_tenant_id: string | null;
  scrutiny_days_budget: Generated<number>;
  checklist_framework_id: string | null;
  created_at: Timestamp;
}

export interface AgenciesTable {
  id: string;
  partnership_id: string;
  name: string;
  kind: AgencyKind;
  is_statutory_partner: Generated<boolean>;
  tenant_id: string | null;
  created_at: Timestamp;
}

export interface PeopleTable {
  id: string;
  partnership_id: string;
  display_name: string;
  email: string | null;
  job_title: string | null;
  role: Role;
  agency_id: string | null;
  entra_object_id: string | null;
  tenant_id: string | null;
  is_active: Generated<boolean>;
  created_at: Timestamp;
}

export interface ChecklistFrameworksTable {
  id: string;
  partnership_id: string;
  key: string;
  version: number;
  title: string;
  source_note: Generated<string>;
  created_at: Timestamp;
}

export interface ChecklistAreasTable {
  id: string;
  partnership_id: string;
  framework_id: string;
  key: string;
  position: number;
  title: string;
  description: Generated<string>;
}

export interface ChecklistPromptsTable {
  id: string;
  partnership_id: string;
  area_id: string;
  position: number;
  text: string;
}

export interface ForumsTable {
  id: string;
  partnership_id: string;
  name: string;
  kind: ForumKind;
  description: Generated<string>;
  position: Generated<number>;
  chair_person_id: string | null;
  teams_team_id: string | null;
  teams_channel_id: string | null;
  document_folder: string | null;
  created_at: Timestamp;
}

export interface MeetingsTable {
  id: string;
  partnership_id: string;
  forum_id: string;
  title: string;
  starts_at: ColumnType<Date, Date | string, Date | string>;
  ends_at: ColumnType<Date, Date | string, Date | string>;
  location: string | null;
  join_url: string | null;
  teams_meeting_id: string | null;
  created_at: Timestamp;
}

export interface DocumentsTable {
  id: string;
  partnership_id: string;
  forum_id: string | null;
  meeting_id: string | null;
  kind: DocumentKind;
  title: string;
  source: 'local' | 'graph';
  drive_id: Generated<string>;
  item_id: string;
  path: string;
  web_url: string | null;
  current_version_id: string | null;
  deleted_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentVersionsTable {
  id: string;
  partnership_id: string;
  document_id: string;
  version_number: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  etag: string | null;
  ctag: string | null;
  content_hash: string | null;
  content_path: string | null;
  source_modified_at: Date | null;
  extraction_status: Generated<'pending' | 'extracted' | 'failed' | 'skipped'>;
  extraction_error: string | null;
  page_count: number | null;
  created_at: Timestamp;
}

export interface DocumentPagesTable {
  partnership_id: string;
  document_version_id: string;
  page_number: number;
  text: string;
}

export interface AgendaItemsTable {
  id: string;
  partnership_id: string;
  meeting_id: string;
  position: number;
  title: string;
  presenter: string | null;
  document_id: string | null;
}

export interface ObservationsTable {
  id: string;
  partnership_id: string;
  author_id: string;
  meeting_id: string | null;
  document_id: string | null;
  agenda_item_id: string | null;
  body: string;
  judgement: Judgement;
  evidence_type: EvidenceType;
  visibility: Generated<Visibility>;
  shared_at: Date | null;
  observed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Date | null;
}

export interface ObservationAreasTable {
  partnership_id: string;
  observation_id: string;
  area_id: string;
}

export interface AnnotationsTable {
  id: string;
  partnership_id: string;
  author_id: string;
  document_id: string;
  document_version_id: string;
  page_number: number;
  quote: string;
  prefix: Generated<string>;
  suffix: Generated<string>;
  start_offset: number;
  status: Generated<'anchored' | 'orphaned'>;
  observation_id: string | null;
  challenge_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AreaAssessmentsTable {
  id: string;
  partnership_id: string;
  area_id: string;
  period_start: DateOnly;
  period_end: DateOnly;
  rag: Rag;
  rationale: Generated<string>;
  assessed_by_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AreaAssessmentEvidenceTable {
  partnership_id: string;
  assessment_id: string;
  observation_id: string;
}

export interface ChallengesTable {
  id: string;
  partnership_id: string;
  raised_by_id: string;
  observation_id: string | null;
  forum_id: string | null;
  addressee_person_id: string | null;
  addressee_agency_id: string | null;
  question: string;
  due_date: DateOnly | null;
  status: Generated<ChallengeStatus>;
  outcome: string | null;
  impact: string | null;
  raised_at: Timestamp;
  closed_at: Date | null;
  updated_at: Timestamp;
}

export interface ChallengeResponsesTable {
  id: string;
  partnership_id: string;
  challenge_id: string;
  author_id: string;
  kind: 'answer' | 'follow_up' | 'decision';
  body: string;
  surface: Surface;
  created_at: Timestamp;
}

export interface ActionsTable {
  id: string;
  partnership_id: string;
  reference: string;
  title: string;
  description: Generated<string>;
  source: ActionSource;
  source_ref: string | null;
  area_id: string | null;
  owner_person_id: string | null;
  agency_id: string | null;
  forum_id: string | null;
  challenge_id: string | null;
  due_date: DateOnly | null;
  status: Generated<ActionStatus>;
  percent_complete: Generated<number>;
  completion_proposed_by_id: string | null;
  completion_proposed_at: Date | null;
  signed_off_by_id: string | null;
  signed_off_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActionHistoryTable {
  id: string;
  partnership_id: string;
  action_id: string;
  actor_id: string | null;
  surface: Surface;
  changes: Json;
  comment: string | null;
  at: Timestamp;
}

export interface ActionEvidenceTable {
  id: string;
  partnership_id: string;
  action_id: string;
  url: string;
  title: string;
  added_by_id: string | null;
  added_at: Timestamp;
}

export interface EvidenceRequestsTable {
  id: string;
  partnership_id: string;
  chair_person_id: string;
  forum_id: string | null;
  due_at: ColumnType<Date, Date | string, Date | string>;
  status: Generated<EvidenceRequestStatus>;
  sent_at: Date | null;
  answered_at: Date | null;
  reminders_sent: Generated<number>;
  created_at: Timestamp;
}

export interface EscalationsTable {
  id: string;
  partnership_id: string;
  title: string;
  issue: string;
  status: Generated<EscalationStatus>;
  resolution: string | null;
  raised_at: Timestamp;
  resolved_at: Date | null;
}

export interface EscalationPartiesTable {
  partnership_id: string;
  escalation_id: string;
  agency_id: string;
}

export interface WorkPlanActivitiesTable {
  id: string;
  partnership_id: string;
  scrutiny_year: number;
  kind: WorkPlanActivityKind;
  title: string;
  forum_id: string | null;
  created_at: Timestamp;
}

export interface WorkPlanDaysTable {
  partnership_id: string;
  activity_id: string;
  quarter: number;
  planned_days: Generated<number>;
  actual_days: Generated<number>;
}

export interface AuditLogTable {
  id: Generated<number>;
  partnership_id: string;
  actor_person_id: string | null;
  actor_label: string;
  surface: Surface;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: ColumnType<unknown, string | undefined, never>;
  at: Timestamp;
}

export interface Database {
  partnerships: PartnershipsTable;
  agencies: AgenciesTable;
  people: PeopleTable;
  checklist_frameworks: ChecklistFrameworksTable;
  checklist_areas: ChecklistAreasTable;
  checklist_prompts: ChecklistPromptsTable;
  forums: ForumsTable;
  meetings: MeetingsTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_pages: DocumentPagesTable;
  agenda_items: AgendaItemsTable;
  observations: ObservationsTable;
  observation_areas: ObservationAreasTable;
  annotations: AnnotationsTable;
  area_assessments: AreaAssessmentsTable;
  area_assessment_evidence: AreaAssessmentEvidenceTable;
  challenges: ChallengesTable;
  challenge_responses: ChallengeResponsesTable;
  actions: ActionsTable;
  action_history: ActionHistoryTable;
  action_evidence: ActionEvidenceTable;
  evidence_requests: EvidenceRequestsTable;
  escalations: EscalationsTable;
  escalation_parties: EscalationPartiesTable;
  work_plan_activities: WorkPlanActivitiesTable;
  work_plan_days: WorkPlanDaysTable;
  audit_log: AuditLogTable;
}

export type Partnership = Selectable<PartnershipsTable>;
export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type Forum = Selectable<ForumsTable>;
export type Meeting = Selectable<MeetingsTable>;
export type ObservationRow = Selectable<ObservationsTable>;
export type ObservationUpdate = Updateable<ObservationsTable>;
