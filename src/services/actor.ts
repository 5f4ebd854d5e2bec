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
}

export function authorize(actor: Actor, operation: Operation): void {
  if (!can(actor.role, operation)) {
    throw forbidden(`A ${ROLE_LABELS[actor.role].toLowerCase()} may not do this (${operation}).`);
  }
}
