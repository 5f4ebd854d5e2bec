import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ErasePartnershipRequest, ErasePersonRequest, ErasureResult } from '../contract/data-protection.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { ErasureRepository, type ErasureRecord } from '../storage/repositories/erasure-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';
import { conflict, invalid, notFound } from './errors.js';

export interface ErasureEffects {
  /** Removes a paper's stored file (content store path) once nothing uses it. */
  removeContent?: (relativePath: string) => Promise<void>;
  /** Forgets remembered memberships, so the erased lose access now on this instance (others: within MEMBERSHIP_CACHE_SECONDS). */
  forgetMemberships?: () => void;
}

/** Names match however they are spaced or capitalised: the check is against slips, not typing. */
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

const toContract = (r: ErasureRecord): ErasureResult => ({ id: r.id, scope: r.scope, personId: r.personId, at: r.at.toISOString(), counts: r.counts });

/**
 * Erasure, by the business manager: one person's records (someone who asks, under their right to erasure),
 * or the whole partnership's at the end of a contract. Each request repeats the name it erases, and each
 * leaves an erasure record and an audit entry, written in the same transaction as the erasure itself.
 */
export class ErasureService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
    private readonly effects: ErasureEffects = {},
  ) {}

  async erasePerson(actor: Actor, personId: string, request: ErasePersonRequest): Promise<ErasureResult> {
    authorize(actor, 'data_protection.manage');
    if (personId === actor.personId) throw conflict('You cannot erase yourself: ask another business manager of the partnership.');
    const repo = new ErasureRepository(this.db);
    const person = await repo.person(actor.partnershipId, personId);
    if (!person) throw notFound('The person');
    if (person.erased) throw conflict('This person has already been erased.');
    if (!sameName(request.confirmName, person.displayName)) throw invalid('confirmName', `does not match the name of the person to erase: type "${person.displayName}" to confirm.`);
    const at = this.now();
    const record = await this.db.transaction().execute(async (trx) => {
      const r = new ErasureRepository(trx);
      const counts = await r.erasePerson(actor.partnershipId, personId, at);
      const rec = await r.record({ partnershipId: actor.partnershipId, scope: 'person', personId, by: actor.displayName, surface: actor.surface, counts, at });
      // The entry names the person by id only: their name is what was erased.
      await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'person.erase', entityType: 'person', entityId: personId, detail: { erasureId: rec.id, counts } });
      return rec;
    });
    this.effects.forgetMemberships?.();
    return toContract(record);
  }

  async erasePartnership(actor: Actor, request: ErasePartnershipRequest): Promise<ErasureResult> {
    authorize(actor, 'data_protection.manage');
    const repo = new ErasureRepository(this.db);
    const partnership = await repo.partnership(actor.partnershipId);
    if (!partnership || partnership.erased) throw notFound('The partnership');
    if (!sameName(request.confirmPartnershipName, partnership.name)) {
      throw invalid('confirmPartnershipName', `does not match the partnership's name: type "${partnership.name}" to confirm.`);
    }
    const at = this.now();
    const { record, files } = await this.db.transaction().execute(async (trx) => {
      const r = new ErasureRepository(trx);
      const files = await r.contentPaths(actor.partnershipId);
      const counts = await r.erasePartnership(actor.partnershipId, at);
      const rec = await r.record({ partnershipId: actor.partnershipId, scope: 'partnership', personId: null, by: actor.displayName, surface: actor.surface, counts, at });
      // Written after the erasure, so it is the one entry the partnership keeps.
      await new AuditLogRepository(trx).append({ ...auditActor(actor), action: 'partnership.erase', entityType: 'partnership', entityId: actor.partnershipId, detail: { erasureId: rec.id, counts } });
      return { record: rec, files };
    });
    // After the commit: a file another partnership's paper still uses stays.
    this.effects.forgetMemberships?.();
    const remove = this.effects.removeContent;
    if (remove) for (const file of await repo.unreferenced(files)) await remove(file).catch(() => undefined);
    return toContract(record);
  }
}

/** Removes a file of the content store under `root` (never outside it); a file already gone is no error. */
export function removeStoredContent(root: string): (relativePath: string) => Promise<void> {
  const base = path.resolve(root);
  return async (relativePath) => {
    const file = path.resolve(base, relativePath);
    if (!file.startsWith(base + path.sep)) return;
    await rm(file, { force: true });
  };
}
