import type { Role } from './vocabulary.js';

/**
 * The one permission table: which role may do which operation.
 * Services enforce it (the UI only mirrors it), so a route, a bot handler and
 * the CLI all get the same answer.
 */
export const OPERATIONS = [
  'partnership.read',
  'partnership.configure',
  'people.read',
  'people.manage',
  'forum.read',
  'forum.manage',
  'meeting.read',
  'meeting.manage',
  'document.read',
  'document.manage',
  'checklist.read',
  'checklist.manage',
  'observation.create',
  'observation.read_shared',
  'annotation.create',
  'assessment.read',
  'assessment.manage',
  'challenge.create',
  'challenge.read_all',
  'challenge.read_own',
  'challenge.respond',
  'challenge.decide',
  'action.read_all',
  'action.read_own',
  'action.create',
  'action.update',
  'action.propose_complete',
  'action.sign_off',
  'evidence_request.manage',
  'evidence_request.respond',
  'escalation.read',
  'escalation.manage',
  'work_plan.read',
  'work_plan.manage',
  'report.draft',
  'report.read',
  'audit.read',
  // Retention periods, erasure and the whole partnership's export: the business manager only.
  'data_protection.manage',
] as const;
export type Operation = (typeof OPERATIONS)[number];

const READ_SHARED: Operation[] = [
  'partnership.read',
  'forum.read',
  'meeting.read',
  'document.read',
  'checklist.read',
  'observation.read_shared',
  'assessment.read',
  'challenge.read_all',
  'action.read_all',
  'escalation.read',
  'work_plan.read',
  'report.read',
];

export const PERMISSIONS: Record<Role, ReadonlySet<Operation>> = {
  scrutineer: new Set<Operation>([
    ...READ_SHARED,
    'people.read',
    'observation.create',
    'annotation.create',
    'assessment.manage',
    'challenge.create',
    'challenge.respond',
    'challenge.decide',
    'action.create',
    'action.update',
    'action.sign_off',
    'escalation.manage',
    'work_plan.manage',
    'report.draft',
  ]),
  business_manager: new Set<Operation>([
    ...READ_SHARED,
    'partnership.configure',
    'people.read',
    'people.manage',
    'forum.manage',
    'meeting.manage',
    'document.manage',
    'checklist.manage',
    'action.create',
    'action.update',
    // The business unit owns actions of its own; the scrutineer (or another business manager) signs those off.
    'action.propose_complete',
    'action.sign_off',
    'evidence_request.manage',
    'escalation.manage',
    'work_plan.manage',
    'audit.read',
    'data_protection.manage',
  ]),
  safeguarding_partner: new Set<Operation>([...READ_SHARED, 'people.read', 'challenge.respond', 'action.propose_complete']),
  subgroup_chair: new Set<Operation>([
    'partnership.read',
    'forum.read',
    'meeting.read',
    'document.read',
    'checklist.read',
    'challenge.read_own',
    'challenge.respond',
    'action.read_own',
    'action.propose_complete',
    'evidence_request.respond',
  ]),
  partner_member: new Set<Operation>([
    'partnership.read',
    'forum.read',
    'checklist.read',
    'challenge.read_own',
    'challenge.respond',
    'action.read_own',
    'action.propose_complete',
  ]),
  read_only: new Set<Operation>(READ_SHARED),
};

export function can(role: Role, operation: Operation): boolean {
  return PERMISSIONS[role].has(operation);
}

export function operationsFor(role: Role): Operation[] {
  return OPERATIONS.filter((op) => PERMISSIONS[role].has(op));
}
