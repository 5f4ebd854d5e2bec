import { can, type Operation } from '../domain/permissions.js';
import { ROLE_LABELS, type Role, type Surface } from '../domain/vocabulary.js';
import { forbidden } from './errors.js';

/** Who is acting, in which partnership, through which surface. Every service call takes one. */
export interface Actor {
  personId: string;
  partnershipId: string;
  role: Role;
  displayName: string;
  surface: Surface;
  /** The signed-in user's own token, for Graph calls that must apply the user's access (on-behalf-of). */
  userAssertion?: string;
}

export function authorize(actor: Actor, operation: Operation): void {
  if (!can(actor.role, operation)) {
    throw forbidden(`A ${ROLE_LABELS[actor.role].toLowerCase()} may not do this (${operation}).`);
  }
}

/** The CLI acts for the operator who runs it: a person of no partnership, shown by name in the audit log. */
export const SYSTEM_PERSON_ID = '00000000-0000-0000-0000-000000000000';

export function cliActor(partnershipId: string, operator: string): Actor {
  return { personId: SYSTEM_PERSON_ID, partnershipId, role: 'business_manager', displayName: `CLI (${operator})`, surface: 'cli' };
}

/** Who to record in the audit log for an actor. */
export function auditActor(actor: Actor): { partnershipId: string; actorPersonId: string | null; actorLabel: string; surface: Surface } {
  return {
    partnershipId: actor.partnershipId,
    actorPersonId: actor.personId === SYSTEM_PERSON_ID ? null : actor.personId,
    actorLabel: actor.displayName,
    surface: actor.surface,
  };
}
