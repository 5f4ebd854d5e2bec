/**
 * The domain's fixed vocabularies, shared by the server, the tab, the bot and the schema.
 * Labels are the words the users themselves use (see shared/PRODUCT.md).
 */

export const ROLES = [
  'scrutineer',
  'business_manager',
  'safeguarding_partner',
  'subgroup_chair',
  'partner_member',
  'read_only',
] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  scrutineer: 'Independent scrutineer',
  business_manager: 'Business manager',
  safeguarding_partner: 'Lead / delegated safeguarding partner',
  subgroup_chair: 'Subgroup chair',
  partner_member: 'Partner member',
  read_only: 'Read-only',
};

export const FORUM_KINDS = ['executive', 'partnership_board', 'subgroup', 'task_and_finish'] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];
export const FORUM_KIND_LABELS: Record<ForumKind, string> = {
  executive: 'Executive',
  partnership_board: 'Partnership board',
  subgroup: 'Subgroup',
  task_and_finish: 'Task-and-finish group',
};

export const AGENCY_KINDS = ['local_authority', 'police', 'health', 'education', 'probation', 'voluntary', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const DOCUMENT_KINDS = ['agenda', 'paper', 'minutes', 'report', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const JUDGEMENTS = ['gone_well', 'too_early', 'concern'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];
export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  gone_well: 'What has gone well',
  too_early: 'Potential but too early to assess impact',
  concern: 'Concern that needs addressing',
};

export const EVIDENCE_TYPES = [
  'meeting_observation',
  'paper_or_data',
  'audit',
  'voice_of_children_and_families',
  'voice_of_practitioners',
  'inspection_finding',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];
export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  meeting_observation: 'Observation of a meeting',
  paper_or_data: 'Paper or data',
  audit: 'Audit',
  voice_of_children_and_families: 'Voice of children and families',
  voice_of_practitioners: 'Voice of practitioners',
  inspection_finding: 'Inspection finding',
};

export const RAG = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAG)[number];

export const CHALLENGE_STATUSES = ['open', 'answered', 'follow_up', 'accepted', 'escalated', 'closed'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const ACTION_SOURCES = ['scrutiny', 'challenge', 'minutes', 'case_review', 'audit', 'section_11'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];
export const ACTION_SOURCE_LABELS: Record<ActionSource, string> = {
  scrutiny: 'Scrutiny',
  challenge: 'Challenge',
  minutes: 'Minutes',
  case_review: 'Case review',
  audit: 'Audit',
  section_11: 'Section 11',
};

export const ACTION_STATUSES = ['not_started', 'in_progress', 'proposed_complete', 'complete', 'withdrawn'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const EVIDENCE_REQUEST_STATUSES = ['scheduled', 'sent', 'answered', 'escalated', 'cancelled'] as const;
export type EvidenceRequestStatus = (typeof EVIDENCE_REQUEST_STATUSES)[number];

export const ESCALATION_STATUSES = ['open', 'in_resolution', 'resolved', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const WORK_PLAN_ACTIVITY_KINDS = [
  'observe_meeting',
  'read_papers',
  'deep_dive',
  'visit',
  'meet_children_and_families',
  'section_11_challenge',
  'reporting',
  'administration',
] as const;
export type WorkPlanActivityKind = (typeof WORK_PLAN_ACTIVITY_KINDS)[number];

export const VISIBILITIES = ['private', 'shared'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SURFACES = ['tab', 'bot', 'cli', 'api', 'system'] as const;
export type Surface = (typeof SURFACES)[number];
