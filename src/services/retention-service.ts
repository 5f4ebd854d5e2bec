import type { Kysely } from 'kysely';
import {
  RETENTION_CATEGORIES,
  RETENTION_DEFAULTS,
  type RetentionCounts,
  type RetentionPatch,
  type RetentionPeriods,
  type RetentionSettings,
} from '../contract/data-protection.js';
import { AuditLogRepository } from '../storage/repositories/audit-log-repository.js';
import { RetentionRepository, SWEEP_ORDER } from '../storage/repositories/retention-repository.js';
import type { Database } from '../storage/schema.js';
import { type Actor, auditActor, authorize } from './actor.js';

/** Rows of one kind removed per transaction: short transactions, so PGlite's one connection is never held long. */
export const RETENTION_BATCH = 500;

const SYSTEM = { actorPersonId: null, actorLabel: 'Retention (system)', surface: 'system' as const };

const noneRemoved = (): RetentionCounts => Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c, 0])) as RetentionCounts;

/** The instant `months` calendar months before `now` (UTC). */
export function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Retention: each partnership's periods (the defaults until its business manager changes them), and the
 * sweep that removes what has outlived them. The sweep is safe on every instance at once: each batch runs in
 * a transaction holding the partnership's advisory lock (one instance works on a partnership at a time, the
 * others skip it), the batch and its audit entry commit together, and a second run finds nothing left.
 */
export class RetentionService {
  private readonly repo: RetentionRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
    private readonly batch = RETENTION_BATCH,
  ) {
    this.repo = new RetentionRepository(db);
  }

  async get(actor: Actor): Promise<RetentionSettings> {
    authorize(actor, 'data_protection.manage');
    return this.settings(actor.partnershipId);
  }

  async update(actor: Actor, patch: RetentionPatch): Promise<RetentionSettings> {
    authorize(actor, 'data_protection.manage');
    const current = await this.periods(actor.partnershipId);
    const periods = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as RetentionPeriods;
    await this.db.transaction().execute(async (trx) => {
      await new RetentionRepository(trx).save(actor.partnershipId, periods, actor.displayName, this.now());
      await new AuditLogRepository(trx).append({
        ...auditActor(actor),
        action: 'retention.configure',
        entityType: 'retention_settings',
        entityId: actor.partnershipId,
        detail: { before: current, after: periods },
      });
    });
    return this.settings(actor.partnershipId);
  }

  /** Applies retention to the business manager's partnership now, rather than at the next scheduled sweep. */
  async runNow(actor: Actor): Promise<{ removed: RetentionCounts }> {
    authorize(actor, 'data_protection.manage');
    return { removed: await this.apply(actor.partnershipId, auditActor(actor)) };
  }

  /** Every partnership, once: the periodic task. Returns what was removed, per partnership that lost anything. */
  async sweep(): Promise<Record<string, RetentionCounts>> {
    const out: Record<string, RetentionCounts> = {};
    for (const id of await this.repo.partnershipIds()) {
      const removed = await this.apply(id, { partnershipId: id, ...SYSTEM });
      if (Object.values(removed).some((n) => n > 0)) out[id] = removed;
    }
    return out;
  }

  private async apply(partnershipId: string, who: ReturnType<typeof auditActor>): Promise<RetentionCounts> {
    const periods = await this.periods(partnershipId);
    const now = this.now();
    const total = noneRemoved();
    for (;;) {
      const removed = await this.db.transaction().execute(async (trx) => {
        const repo = new RetentionRepository(trx);
        if (!(await repo.tryLock(partnershipId))) return undefined; // another instance is on it
        const counts = noneRemoved();
        for (const category of SWEEP_ORDER) {
          const months = periods[category];
          if (months !== null) counts[category] = await repo.removeExpired(partnershipId, category, monthsBefore(now, months), this.batch);
        }
        if (Object.values(counts).some((n) => n > 0)) {
          // What went and under which periods: counts, never content.
          await new AuditLogRepository(trx).append({ ...who, action: 'retention.apply', entityType: 'partnership', entityId: partnershipId, detail: { removed: counts, periods } });
        }
        return counts;
      });
      if (!removed) break;
      for (const c of RETENTION_CATEGORIES) total[c] += removed[c];
      if (!Object.values(removed).some((n) => n >= this.batch)) break;
    }
    return total;
  }

  private async periods(partnershipId: string): Promise<RetentionPeriods> {
    return (await this.repo.settings(partnershipId))?.periods ?? { ...RETENTION_DEFAULTS };
  }

  private async settings(partnershipId: string): Promise<RetentionSettings> {
    const stored = await this.repo.settings(partnershipId);
    return {
      periods: stored?.periods ?? { ...RETENTION_DEFAULTS },
      usingDefaults: !stored,
      defaults: { ...RETENTION_DEFAULTS },
      updatedAt: stored?.updatedAt.toISOString() ?? null,
      updatedBy: stored?.updatedBy ?? null,
    };
  }
}
