import { operationsFor } from '../domain/permissions.js';
import type { Surface } from '../domain/vocabulary.js';
import type { DevPerson, Me } from '../contract/resources.js';
import type { PeopleRepository, PersonWithContext } from '../storage/repositories/people-repository.js';
import type { Actor } from './actor.js';
import { MembershipCache } from './membership-cache.js';
import { forbidden } from './errors.js';

/** Who a signed-in caller is. Dev identities exist only when AUTH_MODE=dev (the server decides). */
export type Identity =
  | { kind: 'dev'; personId: string }
  | {
      kind: 'entra';
      tenantId: string;
      objectId: string;
      name: string;
      /** The validated token itself, for calls made to Graph on the user's behalf. */
      assertion?: string;
    };

export class MembershipService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly cache = new MembershipCache<PersonWithContext[]>(0),
  ) {}

  async memberships(identity: Identity): Promise<PersonWithContext[]> {
    const key = identity.kind === 'dev' ? `dev:${identity.personId}` : `entra:${identity.tenantId}:${identity.objectId}`;
    return this.cache.get(key, () => this.readMemberships(identity));
  }

  private async readMemberships(identity: Identity): Promise<PersonWithContext[]> {
    if (identity.kind === 'dev') {
      const p = await this.people.findById(identity.personId);
      // Dev sign-in reaches synthetic partnerships only.
      return p && p.partnership.isSynthetic ? [p] : [];
    }
    return this.people.findByEntraIdentity(identity.tenantId, identity.objectId);
  }

  async me(identity: Identity, authMode: 'dev' | 'entra'): Promise<Me[]> {
    const people = await this.memberships(identity);
    return people.map((p) => ({
      person: { id: p.id, displayName: p.displayName, role: p.role, jobTitle: p.jobTitle, agencyName: p.agencyName },
      partnership: p.partnership,
      permissions: operationsFor(p.role),
      authMode,
    }));
  }

  /** The actor for one partnership; refused when the caller is not a member of it. */
  async actorFor(identity: Identity, partnershipId: string, surface: Surface): Promise<Actor> {
    const person = (await this.memberships(identity)).find((p) => p.partnershipId === partnershipId);
    if (!person) throw forbidden('You are not a member of this partnership.');
    const userAssertion = identity.kind === 'entra' ? identity.assertion : undefined;
    return { personId: person.id, partnershipId, role: person.role, displayName: person.displayName, surface, ...(userAssertion ? { userAssertion } : {}) };
  }

  async devPeople(): Promise<DevPerson[]> {
    const people = await this.people.listSyntheticPeople();
    return people.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      role: p.role,
      jobTitle: p.jobTitle,
      agencyName: p.agencyName,
      partnership: p.partnership,
    }));
  }
}
